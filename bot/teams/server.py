"""The Teams bot's HTTP server: ``/api/messages`` behind JWT validation, report links, health.

Each activity's token is checked before the SDK sees the activity; a missing or bad token is a
401 with nothing processed and nothing sent. Replies go out through the SDK's ``CloudAdapter``
with our own token provider, and only to connector hosts the settings allow.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any
from urllib.parse import quote

from aiohttp import web
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import OutboundHostValidator, TurnContext
from microsoft_agents.hosting.core.authorization import ClaimsIdentity

from bot.teams.agent import PolicyAgent, error_id
from bot.teams.auth import InvalidToken, TokenValidator
from bot.teams.core_client import CoreClient, CoreError
from bot.teams.links import BadLink, ReportLinks
from bot.teams.register_flow import RegisterFlow
from bot.teams.replies import message
from bot.teams.settings import TeamsSettings
from bot.teams.texts import text
from bot.teams.tokens import ClientCredentials, OneConnection

log = logging.getLogger("policyguide.teams")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CLAIMS = "claims_identity"  # where the SDK's request adapter looks for the validated identity
MAX_BODY = 256 * 1024  # Teams activities are far smaller; a 50 kB message fits


def tenant_of(activity: dict[str, Any]) -> str | None:
    channel_data = activity.get("channelData") or {}
    tenant = (channel_data.get("tenant") or {}).get("id") if isinstance(channel_data, dict) \
        else None
    conversation = activity.get("conversation") or {}
    return tenant or (conversation.get("tenantId") if isinstance(conversation, dict) else None)


def check_origin(activity: dict[str, Any], settings: TeamsSettings) -> None:
    """Teams, and our own tenant: a single-tenant bot answers nobody else."""
    if activity.get("channelId") != settings.channel_id:
        raise InvalidToken(f"channel {activity.get('channelId')!r} is not {settings.channel_id}")
    tenant = tenant_of(activity)
    if (tenant or "").lower() != settings.tenant_id.lower():
        raise InvalidToken(f"tenant {tenant!r} is not this bot's")


def report_links(settings: TeamsSettings) -> ReportLinks:
    secret = settings.link_secret or settings.app_password
    return ReportLinks(b"policyguide-report-link:" + secret.get_secret_value().encode(),
                       settings.link_ttl_s)


def build_adapter(settings: TeamsSettings) -> CloudAdapter:
    provider = ClientCredentials(settings.token_endpoint, settings.app_id,
                                 settings.app_password.get_secret_value(), settings.tenant_id)
    validator = OutboundHostValidator(hosts=settings.service_hosts,
                                      enabled=settings.check_service_hosts)
    adapter = CloudAdapter(connection_manager=OneConnection(provider), host_validator=validator)

    async def on_error(context: TurnContext, error: Exception) -> None:
        ident = error_id()
        log.error("teams turn failed: %r [error_id=%s]", error, ident, exc_info=error)
        try:
            await context.send_activity(message(text("failure", "sv", id=ident)))
        except Exception:
            log.exception("could not tell the user about error %s", ident)

    adapter.on_turn_error = on_error
    return adapter


def build_server(settings: TeamsSettings, core: CoreClient | None = None) -> web.Application:
    core = core or CoreClient(settings.api_url, settings.api_key.get_secret_value(),
                              settings.api_timeout_s)
    links = report_links(settings)
    agent = PolicyAgent(core, settings, RegisterFlow(core, links, settings.public_url))
    adapter = build_adapter(settings)
    tokens = TokenValidator(settings.openid_metadata_url, settings.app_id,
                            settings.accepted_issuers)

    async def messages(request: web.Request) -> web.StreamResponse:
        try:
            body: Any = await request.json()
        except ValueError:
            return web.json_response({"error": "invalid JSON"}, status=400)
        if not isinstance(body, dict):
            return web.json_response({"error": "an activity is a JSON object"}, status=400)
        try:
            claims = await tokens.validate(request.headers.get("Authorization"),
                                           body.get("serviceUrl"), body.get("channelId"))
            check_origin(body, settings)
        except InvalidToken as exc:
            log.warning("rejected an activity: %s", exc)
            return web.json_response({"error": "unauthorized"}, status=401)
        token = request.headers["Authorization"].partition(" ")[2].strip()
        with warnings.catch_warnings():  # the SDK looks the identity up by this string key
            warnings.simplefilter("ignore", web.NotAppKeyWarning)
            request[CLAIMS] = ClaimsIdentity(claims, "Bearer", security_token=token)
        try:
            response = await adapter.process(request, agent)
        except Exception:  # e.g. Entra refused our token before the turn could start
            ident = error_id()
            log.exception("teams activity could not be processed [error_id=%s]", ident)
            return web.json_response({"error": "internal", "error_id": ident}, status=500)
        return response if response is not None else web.Response(status=202)

    async def report_file(request: web.Request) -> web.StreamResponse:
        try:
            year, municipality = links.read(request.match_info["token"])
        except BadLink:
            return web.Response(status=403, text=text("expired", "sv"))
        try:
            content, name, _ = await core.report(year, municipality, "docx")
        except CoreError as exc:
            return web.Response(status=502, text=exc.message)
        ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
        disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
        return web.Response(body=content, content_type=DOCX,
                            headers={"Content-Disposition": disposition})

    async def health(_: web.Request) -> web.StreamResponse:
        return web.json_response({"status": "ok"})

    async def close(_: web.Application) -> None:
        await core.close()

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/files/{token}", report_file)
    app.router.add_get("/healthz", health)
    app.on_cleanup.append(close)
    return app
