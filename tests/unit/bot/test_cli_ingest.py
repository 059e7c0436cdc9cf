"""`policyguide ingest` and `municipalities` as a user runs them, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
POLICY = ("Internationell policy\n\nAntagen av kommunfullmäktige den 3 maj 2019\n\n"
          "Kommunstyrelsen beslutar om vänortsavtal.\n")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "POLICYGUIDE_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "250",
            "POLICYGUIDE_EMBEDDING_PROVIDER": "hashing", "POLICYGUIDE_AUTO_INGEST": "false"}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)


def test_ingest_with_a_given_municipality_reports_each_document(env: dict[str, str],
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "policy.txt").write_text(POLICY, encoding="utf-8")
    out = run(env, "ingest", "--municipality", "Falu kommun", str(folder))
    assert out.returncode == 0, out.stderr
    assert "1 added" in out.stdout
    row = next(line for line in out.stdout.splitlines() if "policy.txt" in line)
    assert "Falun" in row and "given with --municipality" in row
    assert "Internationell policy" in row and "2019-05-03" in row
    listed = run(env, "municipalities", "--documents")
    assert listed.returncode == 0, listed.stderr
    assert "Falun" in listed.stdout and "Falu kommun" in listed.stdout
    assert "policy.txt" in listed.stdout


def test_an_unknown_name_is_accepted_as_a_new_organisation(env: dict[str, str],
                                                          tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(POLICY, encoding="utf-8")
    out = run(env, "ingest", "-m", "Lövsta", str(tmp_path / "p.txt"))
    assert out.returncode == 0, out.stderr
    assert "Lövsta" in out.stdout and "new organisation" in out.stdout


def test_an_empty_name_gets_a_clear_message(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(POLICY, encoding="utf-8")
    out = run(env, "ingest", "-m", " ", str(tmp_path / "p.txt"))
    assert out.returncode == 2 and "empty" in out.stderr and "Traceback" not in out.stderr


def test_a_file_over_the_size_limit_is_refused_with_the_setting(env: dict[str, str],
                                                                tmp_path: Path) -> None:
    (tmp_path / "stor.txt").write_text(POLICY + "Text om samarbete. " * 6000, encoding="utf-8")
    (tmp_path / "liten.txt").write_text(POLICY + "Eksjö kommun.\n", encoding="utf-8")
    out = run({**env, "POLICYGUIDE_MAX_FILE_MB": "0.05"}, "ingest", str(tmp_path))
    assert out.returncode == 1, out.stderr  # a cron job learns of it; the other file landed
    assert "1 added" in out.stdout and "1 failed" in out.stdout
    assert "not ingested:" in out.stderr and "stor.txt" in out.stderr
    assert "POLICYGUIDE_MAX_FILE_MB" in out.stdout and "stor.txt" in out.stdout
