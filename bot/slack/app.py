"""``build_app``: the Bolt app with every listener, built without touching the network.

Bolt's ``App(token=…)`` calls auth.test while it is built; here the WebClient is passed in
(tests point it at a local stand-in of Slack's Web API) and token verification is deferred to
the first request, so building the app is instant and works offline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.activity_desk import ActivityDesk
from bot.core import BoundedMemory, Commands
from bot.reminders.service import ReminderRules, Reminders
from bot.settings import Settings
from bot.slack.guard import log_bolt_error
from bot.slack.listeners import register_all
from register.reminder_log import ReminderLog
from register.roles import AccessPolicy

log = logging.getLogger("policyguide.slack")


def _secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def default_client(settings: Settings) -> WebClient:
    """The production client: Slack's own API, retrying politely when Slack says 429."""
    client = WebClient(token=_secret(settings.slack_bot_token))
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    return client


def build_app(commands: Commands, settings: Settings, client: WebClient | None = None,
              workers: int = 8, desk: ActivityDesk | None = None,
              reminders: ReminderLog | None = None) -> App:
    """The app for either mode; HTTP requests are verified with the signing secret.

    ``desk`` adds ``/aktivitet`` (the register); without it the app answers questions only.
    ``reminders`` adds the buttons of reminder DMs (done, snooze)."""
    app = App(
        client=client or default_client(settings),
        signing_secret=_secret(settings.slack_signing_secret) or "",
        token_verification_enabled=False,
        listener_executor=ThreadPoolExecutor(max_workers=workers,
                                             thread_name_prefix="slack-listener"),
    )
    app.middleware(drop_redelivered_events())
    app.error(log_bolt_error)
    due = None
    if reminders is not None and desk is not None:
        policies = commands.service
        due = Reminders(policies.briefing, policies.municipalities, desk.register, reminders,
                        ReminderRules.of(settings.reminder_report_days,
                                         settings.reminder_annual_due),
                        resolve=policies.resolve_municipality,
                        access=AccessPolicy(settings.coordinators))
    register_all(app, commands, desk, due)
    return app


def drop_redelivered_events(memory: int = 2000) -> Callable[..., BoltResponse]:
    """Slack re-sends an event it thinks was not acknowledged; answer each event_id once."""
    seen: BoundedMemory[str, bool] = BoundedMemory(memory)

    def middleware(body: dict[str, Any], resp: BoltResponse,
                   next: Callable[[], None]) -> BoltResponse:  # noqa: A002 (Bolt's name)
        event_id = body.get("event_id")
        if isinstance(event_id, str):
            if seen.get(event_id):
                log.info("ignoring redelivered event %s", event_id)
                return BoltResponse(status=200, body="")
            seen.put(event_id, True)
        next()
        return resp

    return middleware
