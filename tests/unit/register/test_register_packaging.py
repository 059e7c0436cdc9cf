"""The register's boundaries: its layer rule, its engine settings, its packaged migrations."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

from sqlalchemy import text

from register.db import MIGRATIONS, make_engine, sqlite_url

REPO = Path(__file__).resolve().parents[3]


def test_register_imports_no_other_layer() -> None:
    for path in (REPO / "register").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert name.split(".")[0] not in {"bot", "ingest", "knowledge", "slack_bolt",
                                                  "slack_sdk"}, f"{path} imports {name}"


def test_sqlite_engine_is_tuned_for_several_writers(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "sub" / "r.db"))
    with engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert connection.scalar(text("PRAGMA busy_timeout")) == 30_000
    engine.dispose()
    assert sqlite3.connect(tmp_path / "sub" / "r.db").execute("PRAGMA journal_mode").fetchone() \
        == ("wal",)


def test_postgresql_engine_pings_before_use() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert engine.pool._pre_ping  # type: ignore[attr-defined]
    engine.dispose()


def test_migrations_ship_inside_the_package() -> None:
    assert MIGRATIONS.is_relative_to(REPO / "register")
    assert (MIGRATIONS / "env.py").exists() and (MIGRATIONS / "script.py.mako").exists()
    assert sorted(p.name for p in (MIGRATIONS / "versions").glob("0*.py")) == [
        "0001_activities.py", "0002_chat_state.py", "0003_reminders.py"]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'register = ["migrations/script.py.mako"]' in pyproject
