"""The reminder log: one send per item, period and recipient, whatever runs at the same time."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from register.db import make_engine, session_factory, upgrade
from register.reminder_log import ReminderLog

REPO = Path(__file__).resolve().parents[3]
SCHEDULER = """
import sys
from register.db import make_engine, session_factory
from register.reminder_log import ReminderLog
log = ReminderLog(session_factory(make_engine(sys.argv[1])))
won = sum(log.claim(f"fact-{i}", "2022–2026", f"slack:U{i % 3}") for i in range(300))
print(won)
"""


def test_a_claim_is_won_once(sessions: sessionmaker[Session]) -> None:
    log = ReminderLog(sessions)
    assert log.claim("fact-1", "2025", "slack:U1") is True
    assert log.claim("fact-1", "2025", "slack:U1") is False
    assert log.claim("fact-1", "2026", "slack:U1") is True  # another period
    assert log.claim("fact-1", "2025", "teams:oid") is True  # another recipient
    assert sorted(log.sent("fact-1", "2025")) == ["slack:U1", "teams:oid"]


def test_a_released_claim_can_be_taken_again(sessions: sessionmaker[Session]) -> None:
    log = ReminderLog(sessions)
    assert log.claim("activity:7", "report", "slack:U1")
    log.release("activity:7", "report", "slack:U1")
    assert log.claim("activity:7", "report", "slack:U1")


def test_done_and_snooze_are_stored_and_the_latest_answer_counts(
        sessions: sessionmaker[Session]) -> None:
    log = ReminderLog(sessions)
    log.answer("fact-2", "2025", "snoozed", "slack:U1", until=dt.date(2027, 1, 15))
    assert log.answers(["fact-2"])[("fact-2", "2025")].until == dt.date(2027, 1, 15)
    log.answer("fact-2", "2025", "done", "slack:U2")
    answer = log.answers(["fact-2"])[("fact-2", "2025")]
    assert (answer.status, answer.until, answer.actor) == ("done", None, "slack:U2")


@pytest.mark.parametrize(("status", "until"), [("snoozed", None), ("done", dt.date(2027, 1, 1)),
                                               ("later", None)])
def test_an_answer_that_makes_no_sense_is_refused(sessions: sessionmaker[Session], status: str,
                                                  until: dt.date | None) -> None:
    with pytest.raises(ValueError):
        ReminderLog(sessions).answer("fact-3", "2025", status, "slack:U1", until=until)


def test_overlong_keys_are_refused_with_a_message(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(ValueError, match="item must be"):
        ReminderLog(sessions).claim("x" * 201, "2025", "slack:U1")


@pytest.mark.integration
def test_two_scheduler_processes_send_each_reminder_once(empty_url: str) -> None:
    engine = make_engine(empty_url)
    upgrade(engine)
    runs = [subprocess.Popen([sys.executable, "-c", SCHEDULER, empty_url], cwd=REPO,
                             stdout=subprocess.PIPE, text=True) for _ in range(2)]
    won = [int(p.communicate(timeout=120)[0].strip()) for p in runs]
    assert sum(won) == 300, won
    log = ReminderLog(session_factory(engine))
    assert all(len(log.sent(f"fact-{i}", "2022–2026")) == 1 for i in range(300))
    engine.dispose()
