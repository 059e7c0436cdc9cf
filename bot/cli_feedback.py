"""`policyguide feedback`: the 👍/👎 verdicts chat users gave, for a person to review."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.settings import Settings
from bot.wiring_register import build_register

console = Console(width=200 if not sys.stdout.isatty() else None)


def feedback(
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="Newest first.")] = 50,
    down_only: Annotated[bool, typer.Option("--down", help="Only 👎 answers.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List stored answer feedback (question, verdict, answer and citations)."""
    entries = build_register(Settings()).chat_state.list_feedback(limit)
    if down_only:
        entries = [e for e in entries if e.verdict == "down"]
    if as_json:
        print(json.dumps([{**e.__dict__, "created_at": str(e.created_at)} for e in entries],
                         ensure_ascii=False, indent=2))
        return
    table = Table("When", "Verdict", "Municipality", "Who", "Question", "Answer (start)",
                  title=f"{len(entries)} feedback entries")
    for e in entries:
        table.add_row(str(e.created_at)[:16], "👍" if e.verdict == "up" else "👎",
                      e.municipality or "", Text(f"{e.platform}:{e.user}"), Text(e.question),
                      Text(e.answer[:120]))
    console.print(table)
