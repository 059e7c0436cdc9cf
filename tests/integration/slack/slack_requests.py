"""Signed requests as Slack sends them: slash commands (form), events (JSON), block actions.

Each request is signed with ``SignatureVerifier.generate_signature`` exactly as Slack does, so the
app's verification stays on in every test; a wrong secret or an old timestamp can be chosen.
"""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier
from slack_standin import BOT_USER, TEAM

_ids = itertools.count(1)


@dataclass(frozen=True)
class Reply:
    status: int
    body: str
    seconds: float


class SignedSlack:
    """Delivers requests to the app's ``/slack/events`` URL, signed with ``secret``."""

    def __init__(self, events_url: str, secret: str, response_base: str) -> None:
        self.events_url, self.secret, self.response_base = events_url, secret, response_base

    def post(self, raw: bytes, content_type: str, *, secret: str | None = None,
             timestamp: int | None = None) -> Reply:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = SignatureVerifier(secret or self.secret).generate_signature(
            timestamp=stamp, body=raw)
        request = urllib.request.Request(self.events_url, data=raw, method="POST", headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature or ""})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return Reply(response.status, response.read().decode(),
                             time.perf_counter() - started)
        except urllib.error.HTTPError as exc:
            return Reply(exc.code, exc.read().decode(), time.perf_counter() - started)

    def command(self, text: str, *, user: str = "U1", channel: str = "C1",
                command: str = "/policy", response_url: str | None = None,
                **signing: Any) -> Reply:
        n = next(_ids)
        form = {"token": "legacy", "team_id": TEAM, "channel_id": channel,
                "channel_name": "directmessage" if channel.startswith("D") else "general",
                "user_id": user, "user_name": user.lower(), "command": command, "text": text,
                "response_url": response_url or f"{self.response_base}cmd{n}",
                "trigger_id": f"trigger.{n}",
                "api_app_id": "A0POLICY"}
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded",
                         **signing)

    def event(self, event: dict[str, Any], **signing: Any) -> Reply:
        return self.post(json.dumps(event_body(event)).encode(), "application/json", **signing)

    def action(self, action_id: str, value: str, *, user: str = "U1", channel: str = "C1",
               message: dict[str, Any] | None = None, **signing: Any) -> Reply:
        n = next(_ids)
        payload = {
            "type": "block_actions", "team": {"id": TEAM}, "user": {"id": user},
            "api_app_id": "A0POLICY", "channel": {"id": channel}, "trigger_id": f"trigger.{n}",
            "response_url": f"{self.response_base}act{n}",
            "container": ({"type": "message", "message_ts": message["ts"], "channel_id": channel,
                           "is_ephemeral": False} if message else
                          {"type": "message", "channel_id": channel, "is_ephemeral": True}),
            "actions": [{"type": "button", "action_id": action_id, "value": value,
                         "block_id": "policy_answer_actions", "action_ts": "1.2"}],
        }
        if message:
            payload["message"] = message
        form = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(form, "application/x-www-form-urlencoded", **signing)


    def interaction(self, payload: dict[str, Any], **signing: Any) -> Reply:
        """Any interactive payload (view submission, shortcut), form-encoded as Slack sends it."""
        body = {"team": {"id": TEAM}, "api_app_id": "A0POLICY", "token": "legacy", **payload}
        form = urlencode({"payload": json.dumps(body)}).encode()
        return self.post(form, "application/x-www-form-urlencoded", **signing)

    def submit_view(self, view: dict[str, Any], values: dict[str, Any], *,
                    user: str = "U1") -> Reply:
        """Submit ``view`` (as the app opened it) with the state ``filled_state`` builds."""
        submitted = {**view, "id": "V1", "state": {"values": values}}
        return self.interaction({"type": "view_submission", "user": {"id": user},
                                 "trigger_id": f"trigger.{next(_ids)}", "view": submitted})

    def message_shortcut(self, callback_id: str, text: str, *, user: str = "U1",
                         channel: str = "C1") -> Reply:
        n = next(_ids)
        return self.interaction({
            "type": "message_action", "callback_id": callback_id, "user": {"id": user},
            "channel": {"id": channel}, "trigger_id": f"trigger.{n}",
            "response_url": f"{self.response_base}short{n}", "message_ts": "1710000000.000001",
            "message": {"type": "message", "user": "U9", "text": text,
                        "ts": "1710000000.000001"}})


def filled_state(view: dict[str, Any], changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The state Slack sends when the person saves ``view`` as shown, with ``changes`` made
    (block id -> text, a select's value, a date, or a list of ticked checkbox values)."""
    changes = changes or {}
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element, name = block["element"], block["block_id"]
        kind, changed = element["type"], name in changes
        new = changes.get(name)
        if kind == "static_select":
            chosen = {"value": new} if changed else element.get("initial_option")
            state = {"selected_option": chosen}
        elif kind == "datepicker":
            state = {"selected_date": new if changed else element.get("initial_date")}
        elif kind == "checkboxes":
            state = {"selected_options": [{"value": v} for v in (new or [])]}
        else:
            state = {"value": new if changed else element.get("initial_value")}
        values[name] = {"value": {"type": kind, **state}}
    return values


def event_body(event: dict[str, Any]) -> dict[str, Any]:
    """The Events API envelope around ``event`` (also the Socket Mode ``events_api`` payload)."""
    return {"token": "legacy", "team_id": TEAM, "api_app_id": "A0POLICY", "event": event,
            "type": "event_callback", "event_id": f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}]}


def mention(text: str, *, user: str = "U1", channel: str = "C1",
            thread_ts: str | None = None) -> dict[str, Any]:
    ts = f"1710000000.{next(_ids):06d}"
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts,
             "channel": channel, "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, *, user: str = "U1", channel: str = "D1") -> dict[str, Any]:
    ts = f"1710000000.{next(_ids):06d}"
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts,
            "channel": channel, "event_ts": ts}


def home_opened(user: str, *, channel: str = "D9") -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": channel, "tab": "home",
            "event_ts": f"1710000000.{next(_ids):06d}"}
