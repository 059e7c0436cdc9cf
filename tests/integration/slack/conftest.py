"""A running Slack bot for each test: real service, real register (SQLite), real HTTP server.

The app's WebClient points at the stand-in on 127.0.0.1; requests reach the app over HTTP,
signed, through the same waitress server ``policyguide slack --mode http`` runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_harness import SECRET, RunningBot, bot_settings
from slack_requests import SignedSlack
from slack_sdk import WebClient
from slack_standin import SlackStandIn

from bot.activity_desk import ActivityDesk
from bot.slack.app import build_app
from bot.slack.serve import EVENTS_PATH, HttpServer
from bot.wiring_chat import build_chat
from knowledge.service import PolicyService


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn() as fake:
        yield fake
@pytest.fixture
def start_bot(service: PolicyService, standin: SlackStandIn,
              tmp_path: Path) -> Iterator[Callable[..., RunningBot]]:
    """Start a bot with optional settings overrides; everything stops after the test."""
    standin.reset()
    servers: list[HttpServer] = []

    def start(**overrides: Any) -> RunningBot:
        settings = bot_settings(tmp_path, **overrides)
        parts = build_chat(settings, service=service)
        desk = ActivityDesk(parts.register.service, parts.commands, settings.coordinators,
                            settings.default_municipality)
        client = WebClient(token="xoxb-test", base_url=standin.api_url)
        app = build_app(parts.commands, settings, client=client, desk=desk,
                        reminders=parts.register.reminders)
        server = HttpServer(app, "127.0.0.1", 0)
        threading.Thread(target=server.run, daemon=True).start()
        servers.append(server)
        slack = SignedSlack(f"http://127.0.0.1:{server.port}{EVENTS_PATH}", SECRET,
                            standin.response_url(""))
        return RunningBot(slack, standin, parts.commands, parts.register.chat_state,
                          parts.register.service, parts.register.reminders)

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    return start_bot()
