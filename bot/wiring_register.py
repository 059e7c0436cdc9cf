"""Builds the register's objects from settings, for the CLI and the chat bots.

Kept apart from ``bot/wiring.py`` so that the register starts without loading the embedding model
or the policy index: logging an activity should take a moment, not a model load.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from bot.settings import Settings
from register.chat_state import ChatStateStore
from register.db import make_engine, session_factory, sqlite_url, upgrade
from register.reminder_log import ReminderLog
from register.roles import AccessPolicy
from register.service import RegisterService


@dataclass(frozen=True)
class Register:
    """The register's service, the chat-state store and the reminder log over one engine."""

    engine: Engine
    service: RegisterService
    chat_state: ChatStateStore
    reminders: ReminderLog


def database_url(settings: Settings) -> str:
    """The configured URL, or the default SQLite file ``data_dir/register.db``."""
    return settings.database_url or sqlite_url(settings.data_dir / "register.db")


def build_register(settings: Settings, *, migrate: bool = True) -> Register:
    """Open the database, bring its schema to the latest revision, and build the service."""
    engine = make_engine(database_url(settings))
    if migrate:
        upgrade(engine)
    sessions = session_factory(engine)
    service = RegisterService(sessions, access=AccessPolicy(settings.coordinators),
                              committees=settings.committees)
    return Register(engine, service, ChatStateStore(sessions), ReminderLog(sessions))
