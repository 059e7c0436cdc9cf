"""The words a chat command starts with, shared by every front end (Slack, Teams, …).

Kept apart from ``bot/core.py`` and free of imports beyond the standard library, because the
Teams adapter runs in its own Python 3.12 process without the core (and without torch) and must
read a message's command exactly as the Slack bot reads ``/policy`` and ``/aktivitet``.
"""

from __future__ import annotations

import re
from typing import Literal

PolicyCommand = Literal["ask", "municipality", "who", "goals", "obligations", "briefing"]
RegisterCommand = Literal["log", "list", "follow_ups", "report"]

POLICY_WORDS: dict[str, PolicyCommand] = {
    "kommun": "municipality", "municipality": "municipality",
    "vem": "who", "who": "who",
    "mål": "goals", "goals": "goals",
    "uppföljning": "obligations", "follow-up": "obligations", "followup": "obligations",
    "introduktion": "briefing", "onboarding": "briefing",
}
REGISTER_WORDS: dict[str, RegisterCommand] = {
    "lista": "list", "list": "list",
    "uppföljning": "follow_ups", "follow-up": "follow_ups", "followups": "follow_ups",
    "rapport": "report", "report": "report",
}
ENGLISH_WORDS = frozenset({"municipality", "who", "goals", "follow-up", "followup", "onboarding",
                           "list", "followups", "report", "activity"})
ACTIVITY_WORDS = frozenset({"aktivitet", "activity"})


def first_word(text: str) -> tuple[str, str]:
    """The first word, lower-cased, and the rest of the text, stripped."""
    word, _, rest = text.strip().partition(" ")
    return word.lower(), rest.strip()


def route_policy(text: str) -> tuple[PolicyCommand, str]:
    """The policy command the first word names and the rest, or ("ask", the whole text).

    "Vem beslutar om nätverk?" is a question, not ``vem`` with a topic: text with a "?" is always
    asked as it is written (except ``kommun``, which only sets the municipality)."""
    word, rest = first_word(text)
    command = POLICY_WORDS.get(word)
    if command is None or (command != "municipality" and "?" in text):
        return "ask", text.strip()
    return command, rest


def route_register(text: str) -> tuple[RegisterCommand, str]:
    """A known first word picks a register command; any other text is an activity to log."""
    word, rest = first_word(text)
    command = REGISTER_WORDS.get(word)
    return (command, rest) if command else ("log", text.strip())


def parse_year(text: str, default: int | None) -> int | None:
    """The year in ``text``; ``default`` when there is none, 0 when the text is not a year."""
    if not text.strip():
        return default
    return int(text) if re.fullmatch(r"\s*(19|20)\d\d\s*", text) else 0


def is_english_word(word: str) -> bool:
    return word.lower() in ENGLISH_WORDS
