"""The Teams agent: one ``on_turn`` that reads the activity and hands it to the right flow.

Messages carry questions and commands; a card's button (Action.Submit) arrives as a message with
a ``value``; dialogs arrive as ``task/fetch`` and ``task/submit`` invokes, answered in the HTTP
response; installation arrives as ``conversationUpdate`` / ``installationUpdate``. Every failure
ends in a message with an error id, in the asker's language: nothing is silent.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from microsoft_agents.hosting.core import TurnContext

from bot.command_words import ACTIVITY_WORDS, REGISTER_WORDS, first_word
from bot.teams import cards
from bot.teams.asking import Asking
from bot.teams.core_client import CoreClient, CoreError
from bot.teams.register_flow import RegisterFlow, dialog_message
from bot.teams.replies import invoke_response, mention, message, with_mentions
from bot.teams.sending import send
from bot.teams.settings import TeamsSettings
from bot.teams.texts import text
from bot.teams.turn import Turn, clean_text, language_of

log = logging.getLogger("policyguide.teams")
HELP_WORDS = frozenset({"hjälp", "help", "?"})


def error_id() -> str:
    return uuid.uuid4().hex[:8]


def refusal(exc: CoreError, language: str) -> str:
    """What a person reads when the core refuses or fails."""
    if exc.code == "rate_limited":
        return text("rate_limited", language, s=exc.retry_after_s or 30)
    if exc.code == "forbidden":
        return text("not_writer", language)
    if exc.code == "expired":
        return text("expired", language)
    if exc.status < 500:
        return text("invalid", language, message=exc.message)
    ident = exc.error_id or error_id()
    log.error("core API failed: %s [error_id=%s]", exc, ident)
    return text("unavailable" if exc.code == "unavailable" else "failure", language, id=ident)


class PolicyAgent:
    def __init__(self, core: CoreClient, settings: TeamsSettings, register: RegisterFlow) -> None:
        self._core = core
        self._settings = settings
        self._asking = Asking(core)
        self._register = register
        self._welcomed: dict[str, float] = {}

    async def on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        turn = Turn.of(activity)
        language = language_of(clean_text(activity), turn.locale)
        try:
            if activity.type == "message":
                await self._message(context, turn, language)
            elif activity.type == "invoke":
                await self._invoke(context, turn)
            elif activity.type in ("conversationUpdate", "installationUpdate"):
                await self._installed(context, turn, language)
        except CoreError as exc:
            await self._tell(context, activity.type, refusal(exc, language))
        except Exception:
            ident = error_id()
            log.exception("teams %s failed [error_id=%s]", activity.type, ident)
            await self._tell(context, activity.type, text("failure", language, id=ident))

    async def _tell(self, context: TurnContext, kind: str, value: str) -> None:
        if kind == "invoke":
            await context.send_activity(invoke_response(dialog_message(value)))
        else:
            await send(context, message(value))

    async def _message(self, context: TurnContext, turn: Turn, language: str) -> None:
        value = context.activity.value
        if isinstance(value, dict) and value.get("action"):
            await self._card_action(context, turn, value)
            return
        typed = clean_text(context.activity)
        if not typed:
            await send(context, message(text("empty", language)))
            return
        limit = self._settings.max_question_chars
        if len(typed) > limit:
            await send(context, message(text("too_long", language, n=len(typed), limit=limit)))
            return
        word, rest = first_word(typed)
        if word in HELP_WORDS:
            await send(context, message(text("help", language)))
        elif word in ACTIVITY_WORDS:
            await self._register.handle(context, turn, rest, language)
        elif word in REGISTER_WORDS and REGISTER_WORDS[word] == "report":
            await self._register.handle(context, turn, typed, language)
        else:
            await self._asking.handle(context, turn, typed, language)

    async def _card_action(self, context: TurnContext, turn: Turn, data: dict[str, Any]) -> None:
        ref = str(data.get("ref") or "")
        if data["action"] == cards.FEEDBACK:
            verdict = "up" if data.get("verdict") == "up" else "down"
            exchange = await self._core.exchange(ref)
            await self._core.feedback(ref, turn.user, verdict)
            await send(context, message(text("thanks", exchange["language"],
                                             mark="👍" if verdict == "up" else "👎")))
        elif data["action"] == cards.ESCALATE:
            await self._escalate(context, turn, ref)

    async def _escalate(self, context: TurnContext, turn: Turn, ref: str) -> None:
        exchange = await self._core.exchange(ref)
        language, municipality = exchange["language"], exchange["municipality"]
        who = self._settings.coordinator(municipality)
        if who is None:
            name = municipality or text("this_municipality", language)
            await send(context, message(text("no_coordinator", language, m=name)))
            return
        coordinator_tag, coordinator = mention(*who)
        sender = context.activity.from_property
        asker_tag, asker = mention(turn.name or "?", sender.id if sender else turn.user)
        about = text("about", language, m=municipality) if municipality else ""
        await send(context, with_mentions(text(
            "escalation", language, coordinator=coordinator_tag, asker=asker_tag, about=about,
            question=cards.truncate(exchange["question"], 1000)), [coordinator, asker]))

    async def _invoke(self, context: TurnContext, turn: Turn) -> None:
        activity = context.activity
        value: dict[str, Any] = activity.value if isinstance(activity.value, dict) else {}
        found = value.get("data")
        data: dict[str, Any] = found if isinstance(found, dict) else {}
        if activity.name == "task/fetch" and data.get("action") == cards.OPEN_FORM:
            body = await self._register.open_form(turn, data)
        elif activity.name == "task/submit" and data.get("action") == cards.SAVE_ACTIVITY:
            body = await self._register.submit(context, turn, data)
        else:
            await context.send_activity(invoke_response(None, 501))
            return
        await context.send_activity(invoke_response(body))

    async def _installed(self, context: TurnContext, turn: Turn, language: str) -> None:
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if activity.type == "conversationUpdate":
            added = [m.id for m in activity.members_added or []]
            if bot_id not in added:
                return
        elif (activity.action or "add") != "add":
            return
        # a personal install sends both events: welcome once
        now = time.monotonic()
        self._welcomed = {k: t for k, t in self._welcomed.items() if now - t < 300}
        if turn.conversation in self._welcomed:
            return
        self._welcomed[turn.conversation] = now
        await self._asking.briefing(context, turn, language, intro=text("welcome", language))
