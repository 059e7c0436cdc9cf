"""``policyguide serve``: the core HTTP API under uvicorn, built from settings.

Refuses to start without an API key (``POLICYGUIDE_API_KEYS``): the API answers for the
register and its writers, so it is never open by accident. Binds 127.0.0.1 by default; put it
behind the organisation's reverse proxy (TLS) to reach it from another host.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Annotated

import typer

from bot.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from bot.wiring_chat import ChatParts
    from knowledge.service import PolicyService

log = logging.getLogger("policyguide.api")


def build_api(settings: Settings, service: PolicyService | None = None) -> FastAPI:
    """The API over the same parts the chat bots run on (one register database)."""
    return assemble(settings, service)[0]


def assemble(settings: Settings,
             service: PolicyService | None = None) -> tuple[FastAPI, ChatParts]:
    """The app and the parts it runs on (tests read what was stored through the parts)."""
    from bot.activity_desk import ActivityDesk
    from bot.api.app import create_app
    from bot.api.auth import ApiKeys
    from bot.reminders.service import ReminderRules, Reminders
    from bot.wiring import build_line_reader
    from bot.wiring_chat import build_chat
    from register.roles import AccessPolicy

    keys = ApiKeys(settings.api_keys)  # checked first: no model loads for a wrong setting
    parts = build_chat(settings, service=service)
    desk = ActivityDesk(parts.register.service, parts.commands, settings.coordinators,
                        settings.default_municipality, build_line_reader(settings))
    policies = parts.commands.service
    reminders = Reminders(policies.briefing, policies.municipalities, parts.register.service,
                          parts.register.reminders,
                          ReminderRules.of(settings.reminder_report_days,
                                           settings.reminder_annual_due),
                          resolve=policies.resolve_municipality,
                          access=AccessPolicy(settings.coordinators))
    app = create_app(parts.commands, desk, keys, (reminders, parts.register.reminders))
    return app, parts


def serve_command(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the core HTTP API (ask, who, goals, obligations, briefing, register; docs at /docs)."""
    import uvicorn
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    try:
        settings = Settings()
    except (ValidationError, SettingsError) as exc:  # SettingsError: e.g. a list that is not JSON
        typer.echo(f"Invalid configuration:\n{exc}\n(list settings are JSON, e.g. "
                   "POLICYGUIDE_API_KEYS='[\"a-long-random-key\"]')", err=True)
        raise typer.Exit(2) from exc
    logging.getLogger("policyguide").setLevel(logging.INFO)
    try:
        app = build_api(settings)
    except ValueError as exc:
        typer.echo(f"The API cannot start: {exc}", err=True)
        raise typer.Exit(2) from exc
    bind_host, bind_port = host or settings.api_host, port or settings.api_port
    log.info("core API on http://%s:%d (docs at /docs)", bind_host, bind_port)
    uvicorn.run(app, host=bind_host, port=bind_port, log_level="warning", access_log=False)
