"""The CLI shows a generated answer's draft live on a terminal, and only the final elsewhere."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console

from bot.render_cli import ask_with_draft
from knowledge.models import Answer


class DraftingService:
    generator: Any = object()  # configured

    def __init__(self) -> None:
        self.drafted = False

    def ask(self, question: str, municipality: str | None = None,
            on_draft: Any = None) -> Answer:
        if on_draft is not None:
            on_draft("Kommunstyrelsen beslutar")
            on_draft("Kommunstyrelsen beslutar om nätverk [1].")
            self.drafted = True
        return Answer(text="Verifierat svar.", mode="generated")


def test_a_terminal_sees_the_draft_then_the_final() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    service = DraftingService()
    answer = ask_with_draft(console, service, "Vem beslutar om nätverk?", "Eksjö")  # type: ignore[arg-type]
    assert service.drafted and answer.text == "Verifierat svar."
    assert "utkast" in out.getvalue() and "Kommunstyrelsen beslutar" in out.getvalue()


def test_a_pipe_gets_no_draft() -> None:
    console = Console(file=io.StringIO(), force_terminal=False)
    service = DraftingService()
    answer = ask_with_draft(console, service, "Who decides?", None)  # type: ignore[arg-type]
    assert not service.drafted and answer.mode == "generated"
