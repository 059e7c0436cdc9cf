"""Alembic: upgrade from an empty database to head, down to base and up again, on both backends;
and the models match what the migrations build (so schema changes cannot bypass Alembic)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from register.db import VERSION_TABLE, current_revision, downgrade, make_engine, upgrade
from register.models import Base

REPO = Path(__file__).resolve().parents[3]
TABLES = {"activities", "activity_audit", "chat_scopes", "answer_feedback", "reminder_sends",
          "reminder_states"}
HEAD = "0003"


def test_upgrade_head_then_downgrade_base_then_upgrade_again(empty_url: str) -> None:
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == HEAD
        assert set(inspect(engine).get_table_names()) >= TABLES
        upgrade(engine)  # already at head: nothing to do, no error
        downgrade(engine, "0002")
        assert "reminder_sends" not in inspect(engine).get_table_names()
        downgrade(engine, "0001")
        assert "chat_scopes" not in inspect(engine).get_table_names()
        downgrade(engine)
        assert current_revision(engine) is None
        assert not TABLES & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()


def test_models_match_the_migrated_schema(empty_url: str) -> None:
    engine = make_engine(empty_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "compare_type": True, "version_table": VERSION_TABLE})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_alembic_command_line_uses_the_ini_at_the_repo_root(empty_url: str) -> None:
    out = subprocess.run([sys.executable, "-m", "alembic", "-x", f"url={empty_url}",
                          "upgrade", "head"], cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()
