"""Alembic environment: reuse the caller's connection (``register.db.upgrade``) or open one.

Called programmatically, the connection arrives in ``config.attributes`` already inside a
transaction that ``upgrade`` owns. From the ``alembic`` command line (``alembic.ini`` at the repo
root) the URL comes from ``-x url=…``, then ``POLICYGUIDE_DATABASE_URL``, then the default SQLite
file, read when the command runs, never at import.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import context
from sqlalchemy import Connection

from register.db import VERSION_TABLE, make_engine, sqlite_url
from register.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    return (context.get_x_argument(as_dictionary=True).get("url")
            or os.environ.get("POLICYGUIDE_DATABASE_URL")
            or sqlite_url(Path(os.environ.get("POLICYGUIDE_DATA_DIR", ".policyguide"))
                          / "register.db"))


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=Base.metadata, version_table=VERSION_TABLE,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    _run(given)
else:
    engine = make_engine(_url())
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()
