"""``/policy``: a sub-command router in front of the default, a private question.

``/policy kommun Eksjö`` sets the municipality of the channel (or, in a direct message, the
user's own); any text whose first word is not a known sub-command is a question, answered
ephemerally with a button to share it. ``vem``, ``mål``, ``uppföljning`` and ``introduktion``
(English: who, goals, follow-up, onboarding) answer from the policy's extracted facts, for the
municipality the channel, thread or user has set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.core import ChatRequest, Commands, user_scope
from bot.slack import texts
from bot.slack.guard import guarded, never_silent
from bot.slack.render import SlackMessage, answer_message
from bot.slack.render_briefing import briefing_message


@dataclass(frozen=True)
class SlashCall:
    """One ``/policy`` invocation, parsed: ``rest`` is the text after the sub-command word."""

    request: ChatRequest
    rest: str
    in_dm: bool
    trigger_id: str
    client: WebClient
    language: str = "sv"


Subcommand = Callable[[Commands, SlashCall], SlackMessage]


def ask_privately(commands: Commands, call: SlashCall) -> SlackMessage:
    """The default: the whole text is a question; the answer can be shared in the channel."""
    return answer_message(commands.ask(call.request), call.request.id, shareable=True)


def set_municipality(commands: Commands, call: SlashCall) -> SlackMessage:
    req = call.request
    scope = user_scope(req.user) if call.in_dm else req.conversation
    if not call.rest.strip():
        return texts.municipality_current(commands.municipality_for(req),
                                          commands.municipalities())
    name = commands.set_municipality(req.platform, scope, call.rest)
    return texts.municipality_set(name, for_user=call.in_dm)


def who(commands: Commands, call: SlashCall) -> SlackMessage:
    answer = commands.who(call.request, call.rest, call.language)
    return answer_message(answer, call.request.id, shareable=True)


def goals(commands: Commands, call: SlashCall) -> SlackMessage:
    answer = commands.goals(call.request, call.rest or None, call.language)
    return answer_message(answer, call.request.id, shareable=True)


def follow_up(commands: Commands, call: SlashCall) -> SlackMessage:
    answer = commands.obligations(call.request, call.language)
    return answer_message(answer, call.request.id, shareable=True)


def onboarding(commands: Commands, call: SlashCall) -> SlackMessage:
    return briefing_message(commands.briefing(call.request), call.language)


SUBCOMMANDS: dict[str, Subcommand] = {
    "kommun": set_municipality, "municipality": set_municipality,
    "vem": who, "who": who,
    "mål": goals, "goals": goals,
    "uppföljning": follow_up, "follow-up": follow_up, "followup": follow_up,
    "introduktion": onboarding, "onboarding": onboarding,
}
ENGLISH_WORDS = {"municipality", "who", "goals", "follow-up", "followup", "onboarding"}


def route(text: str) -> tuple[Subcommand, str]:
    """The sub-command named by the first word and the rest, or the question and all of it.

    "Vem beslutar om nätverk?" is a question, not ``vem`` with a topic: text with a "?" is
    always asked as it is written (except ``kommun``, which only sets the municipality)."""
    word, _, rest = text.strip().partition(" ")
    handler = SUBCOMMANDS.get(word.lower())
    if handler is None or (handler is not set_municipality and "?" in text):
        return ask_privately, text.strip()
    return handler, rest.strip()


def slash_call(body: dict[str, Any], client: WebClient) -> SlashCall:
    text = body.get("text") or ""
    _, rest = route(text)
    channel = body.get("channel_id", "")
    req = ChatRequest(platform="slack", user=body.get("user_id", ""), conversation=channel,
                      text=rest)
    in_dm = channel.startswith("D") or body.get("channel_name") == "directmessage"
    word = text.strip().partition(" ")[0].lower()
    language = ("en" if word in ENGLISH_WORDS
                else Commands.language_of(rest) if rest else "sv")
    return SlashCall(req, rest, in_dm, body.get("trigger_id", ""), client, language)


def register(app: App, commands: Commands) -> None:
    def acknowledge(ack: Ack, body: dict[str, Any]) -> None:
        handler, rest = route(body.get("text") or "")
        if handler is ask_privately and rest:
            ack(texts.thinking(commands.language_of(rest)).text)
        else:
            ack()

    @never_silent
    def run(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        handler, _ = route(body.get("text") or "")
        call = slash_call(body, client)
        message = guarded(lambda: handler(commands, call), commands.language_of(call.rest),
                          f"/policy {handler.__name__}")
        respond(text=message.text, blocks=message.blocks, response_type="ephemeral",
                replace_original=True)

    app.command("/policy")(ack=acknowledge, lazy=[run])
