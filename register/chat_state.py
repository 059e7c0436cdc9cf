"""Two small stores the chat bots need: a channel's municipality, and feedback on answers.

They live beside the register because they share its database, engine and migrations; the bots
get plain values back (``str``, ``FeedbackEntry``), never ORM objects, so no session leaks into
an event handler. Each call is its own short transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from register.models import ChatScope, Feedback

MAX_KEY_CHARS = {"platform": 30, "scope": 200, "municipality": 100, "user": 200, "channel": 200}


@dataclass(frozen=True)
class FeedbackEntry:
    """A thumbs up or down on one answer; ``id`` and ``created_at`` are set when it is stored."""

    platform: str
    user: str
    channel: str
    question: str
    answer: str
    citations: list[dict[str, str]]
    verdict: Literal["up", "down"]
    municipality: str | None = None
    id: int | None = None
    created_at: dt.datetime | None = None


class ChatStateStore:
    """Per-channel municipality choice and answer feedback, over a session factory."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._sessions = session_factory

    def get_municipality(self, platform: str, scope: str) -> str | None:
        with self._sessions() as session:
            return session.scalar(select(ChatScope.municipality).where(
                ChatScope.platform == platform, ChatScope.scope == scope))

    def set_municipality(self, platform: str, scope: str, municipality: str) -> None:
        """Insert or replace in one statement, so two racing writers cannot collide."""
        _check_lengths(platform=platform, scope=scope, municipality=municipality)
        values = {"platform": platform, "scope": scope, "municipality": municipality,
                  "updated_at": dt.datetime.now(dt.UTC)}
        with self._sessions() as session, session.begin():
            insert: Any = (postgresql.insert if session.get_bind().dialect.name == "postgresql"
                           else sqlite.insert)
            statement = insert(ChatScope).values(**values)
            session.execute(statement.on_conflict_do_update(
                index_elements=[ChatScope.platform, ChatScope.scope],
                set_={"municipality": municipality, "updated_at": values["updated_at"]}))

    def record_feedback(self, entry: FeedbackEntry) -> int:
        """Store the entry and return its id; a verdict other than up/down is refused."""
        if entry.verdict not in ("up", "down"):
            raise ValueError(f"verdict must be 'up' or 'down', not {entry.verdict!r}")
        _check_lengths(platform=entry.platform, user=entry.user, channel=entry.channel,
                       municipality=entry.municipality or "")
        row = Feedback(
            platform=entry.platform, user_id=entry.user, channel=entry.channel,
            question=entry.question, answer=entry.answer,
            citations=[{str(k): str(v) for k, v in c.items()} for c in entry.citations],
            verdict=entry.verdict, municipality=entry.municipality,
            created_at=entry.created_at or dt.datetime.now(dt.UTC))
        with self._sessions() as session, session.begin():
            session.add(row)
            session.flush()
            return row.id

    def list_feedback(self, limit: int = 100) -> list[FeedbackEntry]:
        """The newest feedback first."""
        with self._sessions() as session:
            rows = session.scalars(select(Feedback).order_by(
                Feedback.created_at.desc(), Feedback.id.desc()).limit(max(0, limit)))
            return [FeedbackEntry(
                platform=r.platform, user=r.user_id, channel=r.channel, question=r.question,
                answer=r.answer, citations=list(r.citations),
                verdict="up" if r.verdict == "up" else "down", municipality=r.municipality,
                id=r.id, created_at=r.created_at) for r in rows]


def _check_lengths(**values: str) -> None:
    for name, value in values.items():
        if len(value) > MAX_KEY_CHARS[name]:
            raise ValueError(f"{name} is longer than {MAX_KEY_CHARS[name]} characters")
