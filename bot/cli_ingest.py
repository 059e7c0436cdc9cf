"""CLI commands that fill and list the knowledge store: `ingest` and `municipalities`.

Ingest reads every file first (one step per file), then embeds (one step per passage), so a
long run shows passages per second and the time left instead of a silent spinner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from bot.cli_common import console, err, fail, settings
from bot.render_cli import render_ingest, render_municipalities
from bot.wiring import build_store, ensure_ingested, ingest_options
from ingest.assign import MUNICIPALITY_FILE, AssignmentError
from ingest.pipeline import ingest_paths


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.1f}/s" if task.speed else "", style="cyan")


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
    municipality: Annotated[str | None, typer.Option(
        "--municipality", "-m",
        help=("The municipality or region these files belong to (instead of detecting it). "
              f"For a batch of folders, put a {MUNICIPALITY_FILE} holding the name in a "
              "folder instead: it applies to that folder and its subfolders."))] = None,
) -> None:
    """Ingest policy files; unchanged files are skipped, changed replaced, removed dropped."""
    config = settings()
    store = build_store(config)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               _RateColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        reading = progress.add_task("Reading", total=None)
        embedding = progress.add_task("Embedding passages", total=None, visible=False)

        def read(name: str) -> None:
            progress.update(reading, advance=1, description=f"Reading {name}")

        def embedded(done: int, total: int) -> None:
            progress.update(reading, visible=False)
            progress.update(embedding, visible=True, completed=done, total=total)

        try:
            report = ingest_paths(store, paths, read, ingest_options(config, municipality),
                                  embedded)
        except AssignmentError as exc:
            fail(exc)
    render_ingest(console, report)
    if report.failed:  # the rest has landed; a script or cron job still learns of the failures
        for path, reason in report.failed:
            err.print(f"not ingested: {path}: {reason}")
        total = len(report.failed) + len(report.added) + len(report.updated) + len(report.unchanged)
        err.print(f"{len(report.failed)} of {total} files "
                  "failed; the others were ingested.")
        raise typer.Exit(1)


def municipalities(
    documents: Annotated[bool, typer.Option("--documents", "-d",
                                            help="Also list each document.")] = False,
) -> None:
    """List the municipalities and regions in the store: official name and documents."""
    config = settings()
    store = build_store(config)
    ensure_ingested(store, config)
    render_municipalities(console, store.documents(), documents)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(municipalities)
