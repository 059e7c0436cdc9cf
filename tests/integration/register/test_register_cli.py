"""`policyguide register …` as a user runs it, on SQLite and PostgreSQL (via settings)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from bot.cli import app

REPO = Path(__file__).resolve().parents[3]
LINE_SV = ("logga utbyte med Time kommun, Norge, 3–7 maj 2026, 25 elever, "
           "Barn- och utbildningsnämnden, Erasmus+")
LINE_EN = ("log exchange with Time municipality, Norway, 3-7 May 2026, 25 pupils, "
           "Children and Education Committee, Erasmus+")


@pytest.fixture
def cli(empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no stray .env; reports land here
    monkeypatch.setenv("POLICYGUIDE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("POLICYGUIDE_DATABASE_URL", empty_url)
    monkeypatch.setenv("POLICYGUIDE_COORDINATORS", '["cli:anna", "slack:U1"]')
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def run(cli: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str]:
    # The policy check loads (and on a fresh data dir ingests) the policy index; only the test
    # of that check asks for it.
    if args[0] == "log" and "--policy" not in args:
        args = (*args, "--no-policy")
    result = cli.invoke(app, ["register", *args], input=stdin)
    return result.exit_code, result.output


def test_log_checks_the_policy_and_links_accepted_goals(cli: CliRunner) -> None:
    code, out = run(cli, "log", "logga nätverksmedlemskap i Eurocities, Belgien, 1 mars 2026, "
                    "Kommunstyrelsen", "-m", "Eksjö", "--user", "anna", "--policy",
                    stdin="annan\ny\ny\n")  # form, link goals, save
    assert code == 0, out
    assert "Kommunstyrelsen beslutar om medlemskap" in out  # the decision the policy requires
    assert "Saved activity" in out


def test_log_from_one_line_in_swedish_and_english(cli: CliRunner) -> None:
    code, out = run(cli, "log", LINE_SV, "-m", "Eksjö", "--yes", "--user", "anna")
    assert code == 0, out
    assert "antaget Samverkansform: EU-projekt (från programmet Erasmus+)" in out
    assert "Saved activity #1: Utbyte med Time kommun" in out
    code, out = run(cli, "log", LINE_EN, "-m", "Eksjö", "--yes", "--user", "anna")
    assert code == 0 and "Saved activity #2: Exchange with Time municipality" in out
    code, out = run(cli, "list", "--country", "Norway", "--year", "2026")
    assert code == 0 and "2 activities" in out and "3–7 maj 2026" in out


def test_log_prompts_for_missing_fields_then_confirms(cli: CliRunner) -> None:
    code, out = run(cli, "log", "logga studiebesök i Tartu, Estland, 3 maj 2026", "-m", "Eksjö",
                    "--user", "anna", stdin="Socialnämnden\nNarnia-form\nannan samverkan\ny\n")
    assert code == 0, out
    assert "Nämnd/förvaltning / Committee" in out and "Saved activity #1" in out


def test_log_refuses_what_it_did_not_understand_with_yes(cli: CliRunner) -> None:
    code, out = run(cli, "log", LINE_SV + ", flurb", "-m", "Eksjö", "--yes", "--user", "anna")
    assert code == 2 and "förstods inte: flurb" in out
    assert "0 activities" in run(cli, "list")[1]


def test_log_with_explicit_options_edit_cancel_show(cli: CliRunner) -> None:
    code, out = run(cli, "log", "-m", "Eksjö", "--committee", "KS", "--kind", "vänort",
                    "--form", "vänort", "--title", "[bold]Vänort[/bold] <i>x</i>",
                    "--country", "Estland", "--start", "2026-06-01", "--yes", "--user", "anna",
                    "--set", "syfte=Stärka banden", "--set", "decision_body=KF")
    assert code == 0, out
    code, out = run(cli, "edit", "1", "--set", "status=genomförd", "--user", "anna")
    assert code == 0 and "version 2" in out
    code, out = run(cli, "cancel", "1", "--reason", "Ny ledning", "--user", "anna")
    assert code == 0
    code, out = run(cli, "show", "1")
    assert "[bold]Vänort[/bold] <i>x</i>" in out  # shown as typed, not as markup
    assert "Estland (EE)" in out and "status: completed → cancelled (Ny ledning)" in out


def test_unauthorised_and_invalid_are_refused_with_exit_2(cli: CliRunner) -> None:
    code, out = run(cli, "log", LINE_SV, "-m", "Eksjö", "--yes", "--user", "mallory")
    assert code == 2 and "You may not create activities" in out and "mallory" not in out
    code, out = run(cli, "log", LINE_SV.replace("Norge", "Narnia"), "-m", "Eksjö", "--yes",
                    "--user", "anna")
    assert code == 2 and "Narnia" in out
    code, out = run(cli, "list", "--committee", "Barnnämnden")
    assert code == 2 and "Barn- och utbildningsnämnden" in out


def test_demo_data_report_export_import_followups(cli: CliRunner, tmp_path: Path) -> None:
    assert run(cli, "demo-data", "--count", "36", "--user", "anna")[0] == 0
    code, out = run(cli, "report", "--year", "2026", "--format", "md")
    assert code == 0 and out.startswith("# Internationell verksamhet 2026")
    code, out = run(cli, "report", "--year", "2026", "--format", "docx", "-o", "r.docx")
    assert code == 0
    assert "Sammanfattning" in [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    code, out = run(cli, "report", "--year", "2026", "--format", "csv", "--committee", "BUN")
    assert code == 0 and {r["Nämnd/förvaltning"] for r in csv.DictReader(io.StringIO(out))} == {
        "Barn- och utbildningsnämnden"}
    assert run(cli, "export", "-o", "all.csv")[0] == 0
    code, out = run(cli, "import", "all.csv", "--user", "anna")
    assert code == 0 and "created 0, updated 0, unchanged 36, errors 0" in out
    code, out = run(cli, "followups", "--year", "2026")
    assert code == 0 and "Open follow-ups" in out
    assert run(cli, "report", "--year", "2026", "--format", "pdf")[0] == 2


def test_the_installed_command_runs_the_register(tmp_path: Path) -> None:
    env = {**os.environ, "POLICYGUIDE_DATA_DIR": str(tmp_path), "POLICYGUIDE_DATABASE_URL": ""}
    out = subprocess.run([sys.executable, "-m", "bot", "register", "log", LINE_SV, "-m", "Eksjö",
                          "--yes", "--no-policy"], env=env, cwd=REPO, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "register.db").exists()
