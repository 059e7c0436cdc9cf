"""The CLI as a user runs it: the real command in a subprocess, on a fresh data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("cli")
    return {**os.environ, "POLICYGUIDE_DATA_DIR": str(data), "COLUMNS": "200"}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)


def test_ask_json_prints_the_answer_contract(env: dict[str, str]) -> None:
    out = run(env, "ask", "--json", "-m", "Eksjö", "Vem beslutar om medlemskap i nätverk?")
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["abstained"] is False
    first = answer["citations"][0]
    assert set(first) == {"municipality", "document", "section", "quote"}
    assert first["municipality"] == "Eksjö" and "Kommunstyrelsen" in first["quote"]


def test_ask_batch_prints_one_json_object_per_item(env: dict[str, str], tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "municipality": "Ale", "question": "Vem ansvarar för "
                    "organisationen av det internationella arbetet?"}) + "\n"
        + json.dumps({"id": "b", "municipality": None, "question": ""}) + "\n",
        encoding="utf-8")
    out = run(env, "ask", "--batch", str(batch), "--json")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert "Kommunstyrelsen" in lines[0]["answer"]
    assert "error" in lines[1]  # the empty question is reported, the batch goes on


@pytest.mark.parametrize(("args", "message"), [
    (["ask", "   "], "empty"),
    (["ask", "-m", "Atlantis", "Vem beslutar?"], "Unknown municipality"),
    (["ask", "x" * 20_000], "limit"),
])
def test_bad_input_gets_a_clear_message_and_exit_2(env: dict[str, str], args: list[str],
                                                   message: str) -> None:
    out = run(env, *args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_ingest_reports_a_broken_file_and_keeps_the_rest(env: dict[str, str],
                                                         tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "ok.md").write_text("# Internationell policy för Testby kommun\n\n"
                                    "## Ansvar\n\nKommunstyrelsen beslutar om vänorter.\n",
                                    encoding="utf-8")
    out = run(env, "ingest", str(tmp_path))
    assert out.returncode == 1, out.stderr  # the rest landed, and a script still notices
    assert "1 added" in out.stdout and "1 failed" in out.stdout and "broken.pdf" in out.stdout
    assert "not ingested:" in out.stderr and "1 of 2 files failed" in out.stderr
    assert "Traceback" not in out.stderr
    again = run(env, "ingest", str(tmp_path))
    assert "1 unchanged" in again.stdout and again.returncode == 1


def test_eval_prints_metrics_and_the_baseline_row(env: dict[str, str], tmp_path: Path) -> None:
    items = tmp_path / "e.jsonl"
    items.write_text(json.dumps({
        "id": "x", "lang": "sv", "municipality": "Älmhult", "type": "who_decides",
        "question": "Vem beslutar om avtal med nya vänorter?",
        "gold": [{"file": "f", "quote": "Avtal med nya vänorter skall beslutas i KF"}],
        "answer_facts": [["KF"]]}) + "\n", encoding="utf-8")
    out = run(env, "eval", str(items))
    assert out.returncode == 0, out.stderr
    assert "citation_recall@5" in out.stdout and "bm25-baseline" in out.stdout


def test_onboard_prints_the_briefing(env: dict[str, str]) -> None:
    out = run(env, "onboard", "-m", "Kungsbacka")
    assert out.returncode == 0, out.stderr
    for title in ("Mål och syfte", "Vem beslutar och gör vad", "Uppföljning och redovisning"):
        assert title in out.stdout
    data = json.loads(run(env, "onboard", "-m", "Älmhult", "--json").stdout)
    assert any(r["actor"] == "Kommunfullmäktige" and r["action"] == "decides"
               for r in data["responsibilities"])


def test_who_goals_obligations_and_facts_export(env: dict[str, str]) -> None:
    who = json.loads(run(env, "who", "vänortsavtal", "-m", "Älmhult", "--json").stdout)
    assert "Kommunfullmäktige" in who["answer"] and who["citations"]
    assert "Ungdom" in run(env, "goals", "-m", "Eksjö", "--area", "ungdom").stdout
    assert "mandatperiod" in run(env, "obligations", "-m", "Ale").stdout
    csv_out = run(env, "facts", "export", "--format", "csv", "-m", "Ale").stdout
    assert csv_out.splitlines()[0].startswith("municipality,kind,actor,action")
    assert len(csv_out.splitlines()) > 10


def test_fact_commands_refuse_bad_input(env: dict[str, str]) -> None:
    bad = run(env, "onboard", "-m", "Atlantis")
    assert bad.returncode == 2 and "Unknown municipality" in bad.stderr
    assert run(env, "facts", "export", "--format", "xml").returncode == 2
    assert run(env, "who", "vänort", "--lang", "fi").returncode == 2
