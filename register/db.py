"""Engines, sessions and migrations: the one place that knows how the register talks to a database.

The bot layer calls ``make_engine(settings.database_url)``, ``upgrade(engine)`` at start and
``session_factory(engine)``; everything else in the register receives sessions. SQLite is tuned
for several writers (WAL, a busy timeout, ``BEGIN IMMEDIATE`` so a transaction that reads and then
writes cannot fail half-way on a lock upgrade); PostgreSQL gets ``pool_pre_ping`` so a restarted
server costs a reconnect, not an error. Migrations run programmatically from the package, so an
installed wheel upgrades its own database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "register_alembic_version"
BUSY_TIMEOUT_MS = 30_000
# Any fixed 64-bit number: serialises concurrent start-ups that would all migrate at once.
_MIGRATION_LOCK = 7_318_274_016_551


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the settings each backend needs; extra kwargs pass through."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, kwargs)
    if parsed.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **kwargs)


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file (the default register is ``data_dir/register.db``)."""
    return f"sqlite+pysqlite:///{path}"


def _sqlite_engine(url: URL, kwargs: dict[str, Any]) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        kwargs.setdefault("poolclass", StaticPool)
        kwargs.setdefault("connect_args", {"check_same_thread": False})
    elif url.database:
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would defeat savepoints and BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose loaded objects stay readable after commit (the service returns copies)."""
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction; safe when several processes start."""
    with engine.begin() as connection:
        _lock_migrations(connection)
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Step the schema back to ``revision`` (``base`` drops every register table)."""
    with engine.begin() as connection:
        _lock_migrations(connection)
        command.downgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when the register was never installed."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def _lock_migrations(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                           {"key": _MIGRATION_LOCK})
