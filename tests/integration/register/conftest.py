"""The register against real databases: every test here runs on SQLite and on PostgreSQL.

PostgreSQL runs in a uniquely named throwaway database per test session (dropped at the end); if
the server is unreachable the PostgreSQL tests fail with the reason, they are never skipped.
Tests are isolated by binding each session to an outer transaction that is rolled back
(SQLAlchemy's "joining a session into an external transaction" recipe), so nothing is deleted
by hand and the service's own ``session.begin()`` becomes a savepoint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from register.db import make_engine, sqlite_url, upgrade
from register.roles import AccessPolicy
from register.service import RegisterService
from register.testing import PostgresUnavailable, throwaway_postgres

COMMITTEES = ["Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden",
              "Gymnasienämnden", "Kultur- och fritidsnämnden", "Socialnämnden",
              "Vård- och omsorgsnämnden", "Miljö- och byggnadsnämnden", "Tekniska nämnden",
              "Näringslivsenheten"]
COORDINATOR = "slack:UCOORD"
BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgresql", id="postgresql", marks=pytest.mark.integration)]


@contextmanager
def new_database(backend: str, folder: Path) -> Iterator[str]:
    """An empty database of ``backend``; PostgreSQL problems fail the test with the reason."""
    if backend == "sqlite":
        yield sqlite_url(folder / "register.db")
        return
    try:
        with throwaway_postgres() as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def migrated_engine(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One database per backend and test session, migrated to head once."""
    with new_database(backend, tmp_path_factory.mktemp(f"register-{backend}")) as url:
        engine = make_engine(url)
        upgrade(engine)
        yield engine
        engine.dispose()


@pytest.fixture
def empty_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A brand-new empty database, for tests that migrate or commit for real."""
    with new_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def sessions(migrated_engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions inside an outer transaction that is rolled back after the test."""
    connection = migrated_engine.connect()
    outer = connection.begin()
    try:
        yield sessionmaker(bind=connection, join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    finally:
        outer.rollback()
        connection.close()


@pytest.fixture
def service(sessions: sessionmaker[Session]) -> RegisterService:
    return RegisterService(sessions, access=AccessPolicy(["cli:*", COORDINATOR]),
                           committees=COMMITTEES)


ActivityFactory = Callable[..., dict[str, Any]]
BASE_ACTIVITY: dict[str, Any] = {
    "municipality": "Eksjö", "committee": "Barn- och utbildningsnämnden", "kind": "exchange",
    "form": "eu_project", "title": "Elevutbyte med Time kommune",
    "partner_organisation": "Time kommune", "partner_city": "Time", "country": "NO",
    "start_date": "2026-05-03", "end_date": "2026-05-07", "participants": 25,
    "target_group": "pupils", "programme": "Erasmus+", "funding_source": "EU",
    "funding_amount": "120000", "currency": "SEK"}


@pytest.fixture
def activity() -> ActivityFactory:
    """Build a complete activity as a coordinator would enter it, with any field changed."""
    return lambda **changes: {**BASE_ACTIVITY, **changes}
