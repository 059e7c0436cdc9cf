"""Clicks on an answer's buttons: share it in the channel, 👍/👎 feedback, ask a person.

Each button carries the answer's reference (the ChatRequest id); ``Commands.exchange`` finds the
question and answer again, so nothing is parsed back out of the rendered message.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core import Commands, Exchange
from bot.slack import texts
from bot.slack.guard import never_silent
from bot.slack.render import ESCALATE, FEEDBACK_DOWN, FEEDBACK_UP, SHARE, SlackMessage
from bot.slack.render import answer_message as render_answer


def _tell_user(body: dict[str, Any], client: WebClient, respond: Respond,
               message: SlackMessage) -> None:
    """An ephemeral note to whoever clicked, next to the message they clicked in."""
    if body.get("container", {}).get("is_ephemeral"):
        respond(text=message.text, response_type="ephemeral", replace_original=False)
        return
    posted = body.get("message") or {}
    client.chat_postEphemeral(channel=body["channel"]["id"], user=body["user"]["id"],
                              text=message.text,
                              thread_ts=posted.get("thread_ts") or posted.get("ts"))


def _clicked(body: dict[str, Any], commands: Commands) -> tuple[str, Exchange | None]:
    action = body["actions"][0]
    return action["action_id"], commands.exchange(action.get("value", ""))


def register(app: App, commands: Commands) -> None:
    def acknowledge(ack: Ack) -> None:
        ack()

    @never_silent
    def share(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        _, ex = _clicked(body, commands)
        if ex is None:
            return _tell_user(body, client, respond, texts.expired("sv"))
        message = render_answer(ex.answer, ex.request.id, question=ex.request.text,
                                shared_by=body["user"]["id"])
        try:
            client.chat_postMessage(channel=body["channel"]["id"], text=message.text,
                                    blocks=message.blocks)
        except SlackApiError as exc:
            if exc.response.get("error") not in {"not_in_channel", "channel_not_found"}:
                raise
            return _tell_user(body, client, respond, texts.not_in_channel(ex.answer.language))
        respond(delete_original=True)

    @never_silent
    def feedback(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        action_id, ex = _clicked(body, commands)
        verdict: Literal["up", "down"] = "up" if action_id == FEEDBACK_UP else "down"
        user = body["user"]["id"]
        stored = commands.record_feedback(ex.request.id, user, verdict) if ex else None
        language = ex.answer.language if ex else "sv"
        reply = texts.feedback_thanks(verdict, language) if stored else texts.expired(language)
        _tell_user(body, client, respond, reply)

    @never_silent
    def escalate(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        _, ex = _clicked(body, commands)
        if ex is None:
            return _tell_user(body, client, respond, texts.expired("sv"))
        contact = commands.escalation_contact(ex.municipality)
        if contact is None:
            return _tell_user(body, client, respond,
                              texts.no_coordinator(ex.municipality, ex.answer.language))
        posted = body.get("message") or {}
        client.chat_postMessage(
            channel=body["channel"]["id"], thread_ts=posted.get("thread_ts") or posted.get("ts"),
            text=texts.escalation(contact, body["user"]["id"], ex.question, ex.municipality))
        _tell_user(body, client, respond, texts.escalated(contact, ex.answer.language))

    app.action(SHARE)(ack=acknowledge, lazy=[share])
    app.action(re.compile(f"^({FEEDBACK_UP}|{FEEDBACK_DOWN})$"))(ack=acknowledge, lazy=[feedback])
    app.action(ESCALATE)(ack=acknowledge, lazy=[escalate])
