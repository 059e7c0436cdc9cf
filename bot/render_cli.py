"""Rich rendering of core results for the terminal (the CLI's equivalent of Block Kit)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from ingest.pipeline import IngestReport
from knowledge.evaluation import Report
from knowledge.models import Answer


def render_answer(console: Console, answer: Answer) -> None:
    style = "yellow" if answer.abstained else "green"
    title = "Inget svar i policyn" if answer.abstained and answer.language == "sv" else (
        "Not answered by the policy" if answer.abstained else "Svar" if answer.language == "sv"
        else "Answer")
    console.print(Panel(answer.text, title=title, border_style=style))
    if answer.citations:
        table = Table("#", "Kommun", "Dokument", "Avsnitt", "Citat", show_lines=True)
        for i, c in enumerate(answer.citations, start=1):
            quote = c.quote if len(c.quote) <= 300 else c.quote[:297] + "…"
            table.add_row(str(i), c.municipality, c.document, c.section, quote)
        console.print(table)


def render_ingest(console: Console, report: IngestReport) -> None:
    console.print(
        f"[bold]Ingest:[/bold] {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed; {report.passages} passages and {report.facts} facts "
        "written.")
    for path, reason in report.failed:
        console.print(f"[red]  skipped {path}: {reason}[/red]")


def render_eval(console: Console, reports: list[Report]) -> None:
    names = list(reports[0].metrics())
    table = Table("system", *names)
    for report in reports:
        m = report.metrics()
        table.add_row(report.name, *(f"{m[n]:.3f}" if n not in ("items", "invented_quotes")
                                     and not n.endswith("_ms") else f"{m[n]:.0f}"
                                     for n in names))
    console.print(table)
    types = Table("system", *reports[0].by_type(), title="correct by question type")
    for report in reports:
        types.add_row(report.name, *(f"{v:.2f}" for v in report.by_type().values()))
    console.print(types)
