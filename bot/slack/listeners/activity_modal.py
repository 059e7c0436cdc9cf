"""The activity modal's submission, and the "Logga som aktivitet" message shortcut that opens it.

A submission is saved before it is acknowledged, because Slack shows field errors only in the
acknowledgement (``response_action: "errors"``, keyed by block id = field name); the register's
write is one short transaction, far inside the 3 seconds. The confirmation is posted after the
ack, ephemerally where the modal was opened, or by direct message if that is not possible.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.activity_desk import ActivityDesk
from bot.core import ChatRequest, Commands
from bot.slack.guard import correlation_id, guarded, never_silent
from bot.slack.listeners.activity_command import ActivityCall, actor, open_modal
from bot.slack.render import SlackMessage, truncate
from bot.slack.render_activities import saved
from bot.slack.render_modal import CALLBACK, SHORTCUT, field_errors, metadata_of, submitted_values
from register.errors import PermissionDenied, ValidationFailed

log = logging.getLogger("policyguide.slack")


def _confirm(client: WebClient, user: str, channel: str | None, message: SlackMessage) -> None:
    if channel:
        try:
            client.chat_postEphemeral(channel=channel, user=user, text=message.text)
            return
        except SlackApiError:
            log.info("ephemeral confirmation refused in %s; sending it by DM", channel)
    client.chat_postMessage(channel=user, text=message.text)


def register(app: App, commands: Commands, desk: ActivityDesk) -> None:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user, channel = body["user"]["id"], metadata_of(view).get("channel")
        try:
            record = desk.save(actor(user), submitted_values(view),
                               channel=f"slack:{channel or 'modal'}")
        except ValidationFailed as exc:
            ack(response_action="errors", errors=field_errors(exc))
            return
        except PermissionDenied as exc:
            ack(response_action="errors", errors={"title": truncate(exc.text("sv"), 300)})
            return
        except Exception:
            cid = correlation_id()
            log.exception("slack activity submission failed [correlation_id=%s]", cid)
            ack(response_action="errors", errors={
                "title": f"Något gick fel; försök igen. Fel-id: {cid}"})
            return
        ack()
        _confirm(client, user, channel, saved(record))

    def acknowledge(ack: Ack) -> None:
        ack()

    @never_silent
    def from_message(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        text = (body.get("message") or {}).get("text") or ""
        req = ChatRequest(platform="slack", user=body["user"]["id"],
                          conversation=(body.get("channel") or {}).get("id", ""), text=text)
        call = ActivityCall(req, body.get("trigger_id", ""), commands.municipality_for(req),
                            client)
        message = guarded(lambda: open_modal(desk, call), "sv", "log_activity shortcut")
        if message is not None:
            respond(text=message.text, response_type="ephemeral", replace_original=False)

    app.view(CALLBACK)(submit)
    app.shortcut(SHORTCUT)(ack=acknowledge, lazy=[from_message])
