"""Socket Mode end to end: a local stand-in of Slack's websocket delivers; the bot acks, answers."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from slack_harness import bot_settings
from slack_requests import event_body, mention
from slack_sdk import WebClient
from slack_standin import SlackStandIn, SocketModeStandIn

from bot.slack.app import build_app
from bot.slack.serve import socket_handler
from bot.wiring_chat import build_chat_state, build_commands
from knowledge.service import PolicyService

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def socket_slack(standin: SlackStandIn, service: PolicyService,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[SocketModeStandIn]:
    """One Socket Mode connection for the module (closing one takes the SDK ~3 s)."""
    with SocketModeStandIn() as socket:
        standin.socket_url = socket.url
        settings = bot_settings(tmp_path_factory.mktemp("socket"), slack_signing_secret=None,
                                slack_app_token="xapp-test")
        commands = build_commands(settings, service=service, state=build_chat_state(settings))
        app = build_app(commands, settings,
                        client=WebClient(token="xoxb-test", base_url=standin.api_url))
        handler = socket_handler(app, "xapp-test")
        handler.connect()  # type: ignore[no-untyped-call]
        try:
            yield socket
        finally:
            handler.close()  # type: ignore[no-untyped-call]


def test_socket_mode_event_is_acked_and_answered(standin: SlackStandIn,
                                                 socket_slack: SocketModeStandIn) -> None:
    event = mention("Vem beslutar om medlemskap i nätverk i Eksjö?")
    socket_slack.send({"envelope_id": "env-1", "type": "events_api",
                       "accepts_response_payload": False, "payload": event_body(event)})
    assert socket_slack.wait_for_ack("env-1")["envelope_id"] == "env-1"
    opened = standin.wait_for("apps.connections.open")
    assert opened.headers.get("Authorization") == "Bearer xapp-test"
    update = standin.wait_for("chat.update", lambda c: "Kommunstyrelsen" in c.body["text"])
    assert "Kommunstyrelsen" in update.body["text"]


def test_socket_mode_slash_command_ack_carries_the_placeholder(
        standin: SlackStandIn, socket_slack: SocketModeStandIn) -> None:
    payload = {"command": "/policy", "text": "Vem beslutar om medlemskap i nätverk i Eksjö?",
               "user_id": "U1", "channel_id": "C1", "team_id": "T0POLICY",
               "response_url": standin.response_url("socket"), "trigger_id": "t.1"}
    socket_slack.send({"envelope_id": "env-2", "type": "slash_commands",
                       "accepts_response_payload": True, "payload": payload})
    ack = socket_slack.wait_for_ack("env-2")
    assert "🔎" in json.dumps(ack, ensure_ascii=False)
    answer = standin.wait_for("response_url", lambda c: c.path.endswith("/socket"))
    assert "Kommunstyrelsen" in answer.body["text"]
