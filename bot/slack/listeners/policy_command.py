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

from bot.command_words import POLICY_WORDS, PolicyCommand, is_english_word, route_policy
from bot.core import ChatRequest, Commands, user_scope
from bot.reminders.service import Reminders
from bot.slack import texts
from bot.slack.guard import guarded, never_silent
from bot.slack.listeners.home import due_next
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
    due: Reminders | None = None  # for the briefing's "what is due next"


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
    briefing = commands.briefing(call.request)
    return briefing_message(briefing, call.language,
                            due_next(call.due, briefing.municipality, call.language))


HANDLERS: dict[PolicyCommand, Subcommand] = {
    "ask": ask_privately, "municipality": set_municipality, "who": who, "goals": goals,
    "obligations": follow_up, "briefing": onboarding,
}
SUBCOMMANDS: dict[str, Subcommand] = {word: HANDLERS[name] for word, name in POLICY_WORDS.items()}


def route(text: str) -> tuple[Subcommand, str]:
    """The sub-command named by the first word and the rest, or the question and all of it
    (the words and the "?" rule are ``bot.command_words``, shared with Teams)."""
    command, rest = route_policy(text)
    return HANDLERS[command], rest


def slash_call(body: dict[str, Any], client: WebClient,
               due: Reminders | None = None) -> SlashCall:
    text = body.get("text") or ""
    _, rest = route(text)
    channel = body.get("channel_id", "")
    req = ChatRequest(platform="slack", user=body.get("user_id", ""), conversation=channel,
                      text=rest)
    in_dm = channel.startswith("D") or body.get("channel_name") == "directmessage"
    word = text.strip().partition(" ")[0].lower()
    language = ("en" if is_english_word(word)
                else Commands.language_of(rest) if rest else "sv")
    return SlashCall(req, rest, in_dm, body.get("trigger_id", ""), client, language, due)


def register(app: App, commands: Commands, due: Reminders | None = None) -> None:
    def acknowledge(ack: Ack, body: dict[str, Any]) -> None:
        handler, rest = route(body.get("text") or "")
        if handler is ask_privately and rest:
            ack(texts.thinking(commands.language_of(rest)).text)
        else:
            ack()

    @never_silent
    def run(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        handler, _ = route(body.get("text") or "")
        call = slash_call(body, client, due)
        message = guarded(lambda: handler(commands, call), commands.language_of(call.rest),
                          f"/policy {handler.__name__}")
        respond(text=message.text, blocks=message.blocks, response_type="ephemeral",
                replace_original=True)

    app.command("/policy")(ack=acknowledge, lazy=[run])
