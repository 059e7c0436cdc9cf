"""What reminders were sent, and what coordinators answered: the memory that makes each
reminder go out once per item, period and recipient, even with two schedulers running.

``claim`` is one INSERT … ON CONFLICT DO NOTHING RETURNING: of two processes racing for the
same send, exactly one gets True and sends; the other skips. A claim is taken before sending,
so a crash between the two loses that one message rather than repeating it every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from register.models import ReminderSend, ReminderState

LIMITS = {"item": 200, "period": 40, "recipient": 250, "actor": 250}


@dataclass(frozen=True)
class Answer:
    status: str  # "done" or "snoozed"
    until: dt.date | None
    actor: str
    at: dt.datetime


def _check(**values: str) -> None:
    for name, value in values.items():
        if not value or len(value) > LIMITS[name]:
            raise ValueError(f"{name} must be 1 to {LIMITS[name]} characters")


def _period_is(period: str, any_stage: bool) -> Any:
    if not any_stage:
        return ReminderSend.period == period
    return or_(ReminderSend.period == period,
               ReminderSend.period.startswith(period + "/", autoescape=True))


def _insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class ReminderLog:
    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._sessions = session_factory

    def claim(self, item: str, period: str, recipient: str,
              now: dt.datetime | None = None) -> bool:
        """True for the one caller that may send this reminder to this recipient."""
        _check(item=item, period=period, recipient=recipient)
        with self._sessions() as session, session.begin():
            statement = _insert(session)(ReminderSend).values(
                item=item, period=period, recipient=recipient,
                sent_at=now or dt.datetime.now(dt.UTC)).on_conflict_do_nothing(
            ).returning(ReminderSend.item)
            return session.execute(statement).first() is not None  # a row only if inserted

    def release(self, item: str, period: str, recipient: str) -> None:
        """Undo a claim whose send failed, so that a later run tries again."""
        with self._sessions() as session, session.begin():
            row = session.get(ReminderSend, (item, period, recipient))
            if row is not None:
                session.delete(row)

    def sent(self, item: str, period: str, any_stage: bool = False) -> list[str]:
        """Who got it; ``any_stage``: also its staged sends ("2025/soon", "2025/due")."""
        with self._sessions() as session:
            return sorted(set(session.scalars(select(ReminderSend.recipient).where(
                ReminderSend.item == item, _period_is(period, any_stage)))))

    def answer(self, item: str, period: str, status: str, actor: str,
               until: dt.date | None = None, now: dt.datetime | None = None) -> None:
        """Mark done, or snooze until a date; a later answer replaces an earlier one."""
        if status not in ("done", "snoozed") or (status == "snoozed") != (until is not None):
            raise ValueError("an answer is 'done', or 'snoozed' with a date")
        _check(item=item, period=period, actor=actor)
        values = {"item": item, "period": period, "status": status, "until": until,
                  "actor": actor, "at": now or dt.datetime.now(dt.UTC)}
        with self._sessions() as session, session.begin():
            statement = _insert(session)(ReminderState).values(**values)
            session.execute(statement.on_conflict_do_update(
                index_elements=[ReminderState.item, ReminderState.period],
                set_={k: values[k] for k in ("status", "until", "actor", "at")}))
            if status == "snoozed":  # when the snooze ends, it is sent again
                session.execute(delete(ReminderSend).where(
                    ReminderSend.item == item, _period_is(period, True)))

    def answers(self, items: list[str] | None = None) -> dict[tuple[str, str], Answer]:
        query = select(ReminderState)
        if items is not None:
            query = query.where(ReminderState.item.in_(items))
        with self._sessions() as session:
            return {(r.item, r.period): Answer(r.status, r.until, r.actor, r.at)
                    for r in session.scalars(query)}
