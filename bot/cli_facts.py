"""CLI commands over the extracted facts: who, goals, obligations, onboard, facts export."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_common import console, err, fail, policy_service
from bot.render_cli import render_answer
from bot.render_facts import render_briefing
from knowledge.facts import Fact
from knowledge.models import Answer
from knowledge.service import InvalidQuestionError, PolicyService

Muni = Annotated[str | None, typer.Option("--municipality", "-m", help="The municipality.")]
Lang = Annotated[str, typer.Option("--lang", help="Answer language: sv or en.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

facts_app = typer.Typer(help="Inspect the facts extracted from the policies.",
                        no_args_is_help=True)


def _checked_lang(lang: str) -> str:
    if lang not in ("sv", "en"):
        err.print("[red]--lang must be sv or en.[/red]")
        raise typer.Exit(2)
    return lang


def _show(answer_of: Callable[[PolicyService], Answer], as_json: bool) -> None:
    """Load the service, get the answer, print it as the JSON contract or as Rich panels."""
    service = policy_service()
    try:
        answer = answer_of(service)
    except InvalidQuestionError as exc:
        fail(exc)
    if as_json:
        print(json.dumps(answer.contract(), ensure_ascii=False, indent=2))
    else:
        render_answer(console, answer)


def who(topic: Annotated[str, typer.Argument(help="What is decided or done, e.g. vänortsavtal.")],
        municipality: Muni = None, lang: Lang = "sv", as_json: AsJson = False) -> None:
    """Who decides, signs or is responsible for a topic (every municipality if none given)."""
    language = _checked_lang(lang)
    _show(lambda s: s.who(topic, municipality, language), as_json)


def goals(municipality: Muni = None,
          area: Annotated[str | None, typer.Option(help="Only goals about this area.")] = None,
          lang: Lang = "sv", as_json: AsJson = False) -> None:
    """The goals, purposes, priority areas and strategies a policy sets (every policy if no
    municipality is given)."""
    language = _checked_lang(lang)
    _show(lambda s: s.goals(municipality, area, language), as_json)


def obligations(municipality: Muni = None,
                lang: Lang = "sv", as_json: AsJson = False) -> None:
    """What must be reported, evaluated or revised, by whom and when (every policy if none)."""
    language = _checked_lang(lang)
    _show(lambda s: s.obligations(municipality, language), as_json)


def onboard(municipality: Annotated[str, typer.Option("--municipality", "-m")],
            lang: Lang = "sv", as_json: AsJson = False) -> None:
    """A one-screen briefing for a new official: goals, who decides what, obligations."""
    service = policy_service()
    try:
        briefing = service.briefing(municipality)
    except InvalidQuestionError as exc:
        fail(exc)
    if as_json:
        print(json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2))
    else:
        render_briefing(console, briefing, _checked_lang(lang))


_CSV_FIELDS = ("municipality", "kind", "actor", "action", "object", "goal_kind", "label", "when",
               "when_text", "recipient", "contents", "document", "section", "quote", "start",
               "end", "id")


def facts_csv(facts: list[Fact]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for f in facts:
        row = f.to_dict()
        row["contents"] = "; ".join(f.contents)
        writer.writerow(row)
    return out.getvalue()


@facts_app.command("export")
def export(fmt: Annotated[str, typer.Option("--format", help="csv or json")] = "csv",
           municipality: Muni = None,
           kind: Annotated[str, typer.Option(help="responsibility, goal or obligation")] = "",
           output: Annotated[Path | None, typer.Option("--output", "-o")] = None) -> None:
    """Every extracted fact with its verbatim source, for a coordinator to check."""
    if fmt not in ("csv", "json"):
        fail(ValueError("--format must be csv or json."))
    if kind not in ("", "responsibility", "goal", "obligation"):
        fail(ValueError("--kind must be responsibility, goal or obligation."))
    service = policy_service()
    try:
        facts = service.facts(municipality, kind)
    except InvalidQuestionError as exc:
        fail(exc)
    text = (facts_csv(facts) if fmt == "csv" else
            json.dumps([f.to_dict() for f in facts], ensure_ascii=False, indent=2) + "\n")
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote {len(facts)} facts to {output}.")


def register(app: typer.Typer) -> None:
    for command in (who, goals, obligations, onboard):
        app.command()(command)
    app.add_typer(facts_app, name="facts")
