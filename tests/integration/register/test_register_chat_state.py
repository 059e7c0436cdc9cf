"""ChatStateStore, the Slack bot's memory, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.orm import Session, sessionmaker

from register.chat_state import ChatStateStore, FeedbackEntry


def entry(verdict: str = "up", **changes: object) -> FeedbackEntry:
    values: dict[str, object] = {
        "platform": "slack", "user": "U01", "channel": "C01", "question": "Vem beslutar?",
        "answer": "Kommunstyrelsen.", "citations": [{"document": "Policy", "quote": "KS …"}],
        "verdict": verdict, "municipality": "Eksjö", **changes}
    return FeedbackEntry(**values)  # type: ignore[arg-type]


def test_municipality_is_upserted_per_platform_and_scope(
        sessions: sessionmaker[Session]) -> None:
    store = ChatStateStore(sessions)
    assert store.get_municipality("slack", "C01") is None
    store.set_municipality("slack", "C01", "Eksjö")
    store.set_municipality("slack", "C01", "Ale")
    store.set_municipality("teams", "C01", "Kungsbacka")
    assert store.get_municipality("slack", "C01") == "Ale"
    assert store.get_municipality("teams", "C01") == "Kungsbacka"
    assert store.get_municipality("slack", "C02") is None


def test_feedback_is_stored_and_listed_newest_first(sessions: sessionmaker[Session]) -> None:
    store = ChatStateStore(sessions)
    first = store.record_feedback(entry("up"))
    second = store.record_feedback(entry("down", question="Vilka mål?", municipality=None))
    assert second > first
    newest, oldest = store.list_feedback()
    assert (newest.id, newest.verdict, newest.municipality) == (second, "down", None)
    assert oldest.citations == [{"document": "Policy", "quote": "KS …"}]
    assert oldest.created_at is not None and oldest.created_at.tzinfo is not None
    assert dataclasses.replace(oldest, id=None, created_at=None) == entry("up")
    assert len(store.list_feedback(limit=1)) == 1


def test_bad_feedback_is_refused(sessions: sessionmaker[Session]) -> None:
    store = ChatStateStore(sessions)
    with pytest.raises(ValueError, match="verdict"):
        store.record_feedback(entry("sideways"))
    with pytest.raises(ValueError, match="channel"):
        store.record_feedback(entry(channel="C" * 500))
    assert store.list_feedback() == []
