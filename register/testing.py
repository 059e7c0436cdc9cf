"""Throwaway PostgreSQL databases, for tests that must run against the real server.

Used by this project's tests and usable by any front end's: each call creates a uniquely named
database next to the one in ``base_url`` and drops it afterwards (also when the test fails), so
parallel runs and leftovers never collide with real data. An unreachable server raises
``PostgresUnavailable`` with the reason and how to start it: a caller should fail on it, never skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError

DEFAULT_TEST_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class PostgresUnavailable(RuntimeError):
    """The test PostgreSQL server cannot be reached."""


def postgres_test_url() -> str:
    """``POLICYGUIDE_TEST_POSTGRES_URL``, else the loopback server the project's CI provides."""
    return os.environ.get("POLICYGUIDE_TEST_POSTGRES_URL", DEFAULT_TEST_URL)


@contextmanager
def throwaway_postgres(base_url: str | None = None,
                       prefix: str = "register_test") -> Iterator[str]:
    """Yield the URL of a new empty database; drop it (closing any session left) at the end."""
    base = make_url(base_url or postgres_test_url())
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        except OperationalError as exc:
            raise PostgresUnavailable(
                f"PostgreSQL at {base.render_as_string(hide_password=True)} is unreachable "
                f"({exc.orig}). Start it (e.g. `pg_ctlcluster --skip-systemctl-redirect "
                f"$(ls /etc/postgresql) main start`) or set POLICYGUIDE_TEST_POSTGRES_URL."
            ) from exc
        try:
            yield base.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
