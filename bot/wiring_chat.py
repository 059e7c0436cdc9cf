"""Builds the chat command layer from settings: the register-backed state, limiter, contacts.

Kept beside ``bot/wiring.py`` (which builds the knowledge side) so every chat front end, Slack
now and Teams next, gets the same ``Commands`` with one call.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.core import Commands
from bot.ratelimit import TokenBucketLimiter
from bot.settings import Settings
from bot.wiring import build_service
from bot.wiring_register import Register, build_register
from knowledge.query import fold
from knowledge.service import PolicyService
from register.chat_state import ChatStateStore
from register.db import make_engine, session_factory, sqlite_url, upgrade

log = logging.getLogger(__name__)


def register_url(settings: Settings) -> str:
    """The register database: ``database_url``, or a SQLite file in the data directory."""
    return settings.database_url or sqlite_url(settings.data_dir / "register.db")


def build_chat_state(settings: Settings) -> ChatStateStore:
    """The persistent store of channel municipalities and feedback, migrated to the newest."""
    engine = make_engine(register_url(settings))
    upgrade(engine)
    return ChatStateStore(session_factory(engine))


def build_limiter(settings: Settings) -> TokenBucketLimiter:
    return TokenBucketLimiter(settings.chat_rate_limit_burst, settings.chat_rate_limit_per_minute)


def build_commands(settings: Settings, service: PolicyService | None = None,
                   state: ChatStateStore | None = None) -> Commands:
    """Commands over the real service and store; arguments given are used as they are."""
    service = service or build_service(settings)
    known = {fold(m) for m in service.municipalities()}
    for name in settings.slack_coordinators:
        if name != "*" and fold(name) not in known:
            log.warning("coordinator configured for unknown municipality %r (known: %s)",
                        name, ", ".join(service.municipalities()))
    return Commands(service, state or build_chat_state(settings), build_limiter(settings),
                    coordinators=settings.slack_coordinators)


@dataclass(frozen=True)
class ChatParts:
    """What a chat front end runs on: the command layer and the register, over one database."""

    commands: Commands
    register: Register


def build_chat(settings: Settings, service: PolicyService | None = None) -> ChatParts:
    """Commands and the register, sharing one engine (chat state lives in the register)."""
    register = build_register(settings)
    commands = build_commands(settings, service=service, state=register.chat_state)
    if not any(c.startswith("slack:") for c in settings.coordinators):
        log.warning("no Slack user may log activities: add e.g. 'slack:U0123' to "
                    "POLICYGUIDE_COORDINATORS")
    return ChatParts(commands, register)
