"""``policyguide slack``: check the Slack settings, build everything, connect in either mode.

The settings are checked before anything slow is loaded, so a missing token fails in a second
with the name of the environment variable to set, not after the index has been built.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from enum import StrEnum
from typing import Annotated

import typer

from bot.settings import Settings

log = logging.getLogger("policyguide.slack")


class SlackMode(StrEnum):
    socket = "socket"
    http = "http"


class SlackConfigError(ValueError):
    """A setting the chosen mode needs is missing or malformed; the message names the variable."""


_NEEDED = {
    "slack_bot_token": ("POLICYGUIDE_SLACK_BOT_TOKEN", "xoxb-",
                        "the Bot User OAuth Token (OAuth & Permissions page)"),
    "slack_app_token": ("POLICYGUIDE_SLACK_APP_TOKEN", "xapp-",
                        "an app-level token with connections:write (Basic Information page)"),
    "slack_signing_secret": ("POLICYGUIDE_SLACK_SIGNING_SECRET", "",
                             "the Signing Secret (Basic Information page)"),
}


def check_slack_settings(settings: Settings, mode: str) -> None:
    """HTTP mode needs bot token + signing secret; Socket Mode bot token + app token."""
    fields = ["slack_bot_token", "slack_signing_secret" if mode == "http" else "slack_app_token"]
    problems = []
    for name in fields:
        env, prefix, what = _NEEDED[name]
        secret = getattr(settings, name)
        value = secret.get_secret_value() if secret is not None else ""
        if not value:
            problems.append(f"{env} is not set: {what}.")
        elif prefix and not value.startswith(prefix):
            problems.append(f"{env} should start with {prefix!r}: {what}.")
    if problems:
        raise SlackConfigError(f"Slack {mode} mode cannot start:\n  " + "\n  ".join(problems))


def run_slack(settings: Settings, mode: str, port: int | None = None) -> None:
    """Check, build the command layer and the app, and serve until interrupted."""
    check_slack_settings(settings, mode)
    from bot.activity_desk import ActivityDesk
    from bot.slack.app import build_app
    from bot.slack.serve import serve_http, serve_socket
    from bot.wiring import build_line_reader
    from bot.wiring_chat import build_chat

    parts = build_chat(settings)
    desk = ActivityDesk(parts.register.service, parts.commands, settings.coordinators,
                        settings.default_municipality, build_line_reader(settings))
    app = build_app(parts.commands, settings, desk=desk, reminders=parts.register.reminders)
    _stop_on_sigterm()
    if mode == "http":
        serve_http(app, settings.slack_host, port or settings.slack_port)
    else:
        assert settings.slack_app_token is not None
        serve_socket(app, settings.slack_app_token.get_secret_value())


def _stop_on_sigterm() -> None:
    """`docker stop` and systemd send SIGTERM: leave through the same clean path as Ctrl-C."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))


def slack_command(
    mode: Annotated[SlackMode | None, typer.Option(
        help="socket (default; no public URL) or http (Slack calls /slack/events).")] = None,
    port: Annotated[int | None, typer.Option(help="HTTP mode: port to listen on.")] = None,
) -> None:
    """Run the Slack bot (settings: POLICYGUIDE_SLACK_*; see README "Slack bot")."""
    from pydantic import ValidationError

    try:
        settings = Settings()
    except ValidationError as exc:
        typer.echo(f"Invalid configuration:\n{exc}", err=True)
        raise typer.Exit(2) from exc
    logging.getLogger("policyguide").setLevel(logging.INFO)
    try:
        run_slack(settings, (mode.value if mode else settings.slack_mode), port)
    except SlackConfigError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
