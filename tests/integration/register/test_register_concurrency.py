"""Many writers at once, and a writer killed mid-transaction, against real databases.

50 threads, each with its own sessions, log 20 activities each: exactly 1,000 activities and
1,000 audit entries must result, with no id or external id lost or duplicated. A process killed
with SIGKILL while its transaction is open must leave no partial row and no lock behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import BASE_ACTIVITY, COMMITTEES
from sqlalchemy import func, select

from register.db import make_engine, session_factory, upgrade
from register.models import Activity, AuditEntry
from register.roles import AccessPolicy
from register.service import RegisterService

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[3]
WRITERS, EACH = 50, 20

KILLED_WRITER = """
import datetime as dt, sys, time
from register import repository
from register.db import make_engine, session_factory
from register.schemas import validate
data = validate({"municipality": "Eksjö", "committee": "Kommunstyrelsen", "kind": "project",
                 "form": "other", "title": "Halvfärdig", "country": "SE",
                 "start_date": "2026-01-01"}, [])
now = dt.datetime.now(dt.UTC)
with session_factory(make_engine(sys.argv[1]))() as session, session.begin():
    row = repository.add_activity(session, data=data, external_id="killed", actor="cli:x",
                                  channel="cli", now=now)
    repository.add_audit(session, activity_id=row.id, actor="cli:x", action="create",
                         changes={}, note=None, now=now)
    print("ready", row.id, flush=True)
    time.sleep(120)
"""


def counts(url: str) -> tuple[int, int, int, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return (connection.scalar(select(func.count(Activity.id))) or 0,
                    connection.scalar(select(func.count(func.distinct(Activity.external_id))))
                    or 0,
                    connection.scalar(select(func.count(AuditEntry.id))) or 0,
                    connection.scalar(select(func.count(func.distinct(AuditEntry.activity_id))))
                    or 0)
    finally:
        engine.dispose()


def test_fifty_concurrent_writers_lose_and_duplicate_nothing(empty_url: str) -> None:
    engine = make_engine(empty_url, **({"pool_size": WRITERS, "max_overflow": 0}
                                       if empty_url.startswith("postgresql") else {}))
    upgrade(engine)
    service = RegisterService(session_factory(engine), access=AccessPolicy(["slack:*"]),
                              committees=COMMITTEES)
    start, failures = threading.Barrier(WRITERS), []

    def writer(number: int) -> None:
        start.wait()
        try:
            for item in range(EACH):
                service.create(f"slack:U{number:03d}",
                               {**BASE_ACTIVITY, "title": f"Utbyte {number}-{item}"})
        except Exception as exc:  # reported below; a thread cannot fail the test itself
            failures.append(repr(exc))

    began = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - began
    engine.dispose()
    assert failures == []
    assert counts(empty_url) == (WRITERS * EACH,) * 4
    print(f"\n{WRITERS * EACH} activities by {WRITERS} writers in {elapsed:.2f} s "
          f"({WRITERS * EACH / elapsed:.0f}/s)")


def test_writer_killed_mid_transaction_leaves_no_partial_row(empty_url: str) -> None:
    engine = make_engine(empty_url)
    upgrade(engine)
    engine.dispose()
    process = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, empty_url], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ready"), process.stderr.read() if process.stderr else line
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    deadline = time.monotonic() + 30  # PostgreSQL notices the dead client within moments
    while counts(empty_url) != (0, 0, 0, 0) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert counts(empty_url) == (0, 0, 0, 0)
    engine = make_engine(empty_url)  # and the lock is gone: the next writer gets through
    try:
        service = RegisterService(session_factory(engine), access=AccessPolicy(["cli:*"]),
                                  committees=COMMITTEES)
        service.create("cli:anna", BASE_ACTIVITY)
    finally:
        engine.dispose()
    assert counts(empty_url) == (1, 1, 1, 1)
