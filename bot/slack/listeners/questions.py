"""Questions by @mention in a channel or by direct message: answered in a thread.

The listener acks at once (Bolt's lazy listener), posts a "thinking" placeholder in the thread
and replaces it (chat.update) with the answer or with a message saying what went wrong. With an
LLM configured, the placeholder shows the generated draft as it is written, marked unchecked,
until the verified final (or the extractive answer) replaces it.
"""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.core import ChatRequest, Commands
from bot.slack import texts
from bot.slack.guard import deliver, guarded, never_silent
from bot.slack.render import answer_message

_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")


def question_request(event: dict[str, Any]) -> ChatRequest:
    """A message event as a neutral request; its thread is the existing one or a new one."""
    return ChatRequest(platform="slack", user=event.get("user", ""),
                       conversation=event["channel"],
                       thread=event.get("thread_ts") or event["ts"],
                       text=_MENTION.sub(" ", event.get("text") or "").strip())


def _is_person_in_dm(event: dict[str, Any]) -> bool:
    return (event.get("channel_type") == "im" and not event.get("subtype")
            and not event.get("bot_id") and bool(event.get("user")))


def register(app: App, commands: Commands) -> None:
    def acknowledge(ack: Ack) -> None:
        ack()

    @never_silent
    def answer_in_thread(event: dict[str, Any], client: WebClient) -> None:
        req = question_request(event)
        language = commands.language_of(req.text)
        placeholder = client.chat_postMessage(channel=req.conversation, thread_ts=req.thread,
                                              text=texts.thinking(language).text)

        def draft(text: str) -> None:  # a generated answer as it is written (LLM configured)
            shown = texts.drafting(text, language)
            client.chat_update(channel=req.conversation, ts=placeholder["ts"], text=shown.text,
                               blocks=shown.blocks)

        message = guarded(lambda: answer_message(commands.ask(req, on_draft=draft), req.id),
                          language, "question")
        deliver(lambda m: client.chat_update(channel=req.conversation, ts=placeholder["ts"],
                                             text=m.text, blocks=m.blocks), message, language)

    app.event("app_mention")(ack=acknowledge, lazy=[answer_in_thread])
    app.event("message", matchers=[_is_person_in_dm])(ack=acknowledge, lazy=[answer_in_thread])
    app.event("message")(acknowledge)  # edits, joins, the bot's own posts: nothing to do
