"""``/aktivitet``: log an activity through a modal, list the register, follow-ups, annual report.

``/aktivitet utbyte med Time kommun, Norge, 3–7 maj 2026`` (or nothing at all) opens the modal,
prefilled from the line; ``lista [år]``, ``uppföljning`` and ``rapport <år>`` answer in the
channel's municipality (all of them if none is set). The command is acknowledged at once and the
modal opened right after parsing, well inside the trigger id's 3 seconds. Only coordinators may
log: anyone else gets the register's own refusal, and no modal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.activity_desk import ActivityDesk
from bot.command_words import REGISTER_WORDS, RegisterCommand, parse_year, route_register
from bot.core import ChatRequest, Commands
from bot.slack import texts
from bot.slack.guard import guarded, never_silent
from bot.slack.render import SlackMessage
from bot.slack.render_activities import activity_list, follow_up_list, report_comment
from bot.slack.render_modal import activity_modal


@dataclass(frozen=True)
class ActivityCall:
    """One ``/aktivitet`` (or shortcut) invocation in neutral terms."""

    request: ChatRequest
    trigger_id: str
    municipality: str | None
    client: WebClient


Subcommand = Callable[[ActivityDesk, ActivityCall], SlackMessage | None]


def actor(user: str) -> str:
    return f"slack:{user}"


def open_modal(desk: ActivityDesk, call: ActivityCall) -> None:
    """Refuse a non-coordinator; otherwise parse the line and open the prefilled modal."""
    desk.require_writer(actor(call.request.user))
    form = desk.draft(call.request.text, call.municipality)
    view = activity_modal(form, desk.committees, {"channel": call.request.conversation})
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def list_activities(desk: ActivityDesk, call: ActivityCall) -> SlackMessage:
    year = _year(call.request.text, None)
    if year == 0:
        return texts.year_needed()
    return activity_list(desk.activities(year, call.municipality), year)


def follow_ups(desk: ActivityDesk, call: ActivityCall) -> SlackMessage:
    return follow_up_list(desk.follow_ups(call.municipality))


def report(desk: ActivityDesk, call: ActivityCall) -> SlackMessage:
    year = _year(call.request.text, dt.date.today().year)
    if not year:
        return texts.year_needed()
    files = desk.report(year, call.municipality)
    try:
        call.client.files_upload_v2(
            channel=call.request.conversation,
            initial_comment=report_comment(year, files.activities),
            file_uploads=[
                {"content": files.markdown, "filename": f"{files.name}.md", "title": files.name},
                {"file": files.docx, "filename": f"{files.name}.docx", "title": files.name}])
    except SlackApiError as exc:
        if exc.response.get("error") not in {"not_in_channel", "channel_not_found"}:
            raise
        return texts.not_in_channel("sv")
    return texts.report_uploaded(year)


HANDLERS: dict[RegisterCommand, Subcommand] = {
    "log": open_modal, "list": list_activities, "follow_ups": follow_ups, "report": report,
}
SUBCOMMANDS: dict[str, Subcommand] = {w: HANDLERS[name] for w, name in REGISTER_WORDS.items()}


def route(text: str) -> tuple[Subcommand, str]:
    """A known first word picks a sub-command; any other text is an activity to log."""
    command, rest = route_register(text)
    return HANDLERS[command], rest


def _year(text: str, default: int | None) -> int | None:
    return parse_year(text, default)


def register(app: App, commands: Commands, desk: ActivityDesk) -> None:
    def acknowledge(ack: Ack, body: dict[str, Any]) -> None:
        handler, rest = route(body.get("text") or "")
        year = _year(rest, dt.date.today().year) if handler is report else None
        if year:
            ack(texts.building_report(year).text)
        else:
            ack()

    @never_silent
    def run(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        handler, rest = route(body.get("text") or "")
        req = ChatRequest(platform="slack", user=body.get("user_id", ""),
                          conversation=body.get("channel_id", ""), text=rest)
        call = ActivityCall(req, body.get("trigger_id", ""), commands.municipality_for(req),
                            client)
        message = guarded(lambda: handler(desk, call), "sv", f"/aktivitet {handler.__name__}")
        if message is not None:
            respond(text=message.text, blocks=message.blocks, response_type="ephemeral")

    app.command("/aktivitet")(ack=acknowledge, lazy=[run])
