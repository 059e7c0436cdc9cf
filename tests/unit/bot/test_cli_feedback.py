"""`policyguide feedback` shows what chat users said about answers, newest first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings
from bot.wiring_register import build_register
from register.chat_state import FeedbackEntry


def test_feedback_lists_stored_verdicts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYGUIDE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("POLICYGUIDE_DATABASE_URL", "")
    store = build_register(Settings()).chat_state
    for verdict in ("up", "down"):
        store.record_feedback(FeedbackEntry(
            platform="slack", user="U1", channel="C1", question=f"Vem beslutar? ({verdict})",
            answer="Kommunstyrelsen beslutar …", verdict=verdict, municipality="Eksjö",
            citations=[{"municipality": "Eksjö", "document": "Policy", "section": "Ansvar",
                        "quote": "Kommunstyrelsen beslutar om medlemskap"}]))
    out = CliRunner().invoke(app, ["feedback", "--json"])
    assert out.exit_code == 0, out.output
    entries = json.loads(out.output)
    assert [e["verdict"] for e in entries] == ["down", "up"]
    assert entries[0]["citations"][0]["section"] == "Ansvar"
    down = CliRunner().invoke(app, ["feedback", "--down"])
    assert "(down)" in down.output and "(up)" not in down.output
