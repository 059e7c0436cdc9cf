"""The Teams agent: one ``on_turn`` that reads the activity and hands it to the right flow.

Messages carry questions and commands; a card's button (Action.Submit) arrives as a message with
a ``value``; dialogs arrive as ``task/fetch`` and ``task/submit`` invokes, answered in the HTTP
response; installation arrives as ``conversationUpdate`` / ``installationUpdate``. Every failure
ends in a message with an error id, in the asker's language: nothing is silent.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from microsoft_agents.activity import ChannelAccount, ConversationAccount, ConversationParameters
from microsoft_agents.hosting.core import ConnectorClientBase, TurnContext

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
        self._escalated: dict[str, float] = {}

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
        elif data["action"] == cards.REMINDER:
            await self._answer_reminder(context, turn, data)
        else:  # e.g. a dialog button pressed in a client that does not open dialogs
            language = "en" if data.get("language") == "en" else "sv"
            await send(context, message(text("unknown_action", language)))

    async def _answer_reminder(self, context: TurnContext, turn: Turn,
                               data: dict[str, Any]) -> None:
        """"Klar" or "Påminn om 7 dagar" on a reminder card, stored through the API."""
        language = "en" if data.get("language") == "en" else "sv"
        if turn.actor is None:
            await send(context, message(text("not_writer", language)))
            return
        done = data.get("answer") == "done"
        today = dt.datetime.now(ZoneInfo("Europe/Stockholm")).date()
        until = None if done else today + dt.timedelta(days=cards.SNOOZE_DAYS)
        try:
            await self._core.answer(str(data.get("item") or ""), str(data.get("period") or ""),
                                    "done" if done else "snoozed", turn.actor,
                                    until.isoformat() if until else None)
        except CoreError as exc:
            if exc.code != "forbidden":
                raise
            await send(context, message(text("reminder_forbidden", language)))
            return
        reply = (text("reminder_marked_done", language) if until is None else
                 text("reminder_snoozed", language, until=until.isoformat()))
        await send(context, message(reply))

    async def _escalate(self, context: TurnContext, turn: Turn, ref: str) -> None:
        """In a channel or group chat: @mention the coordinator in the reply chain. In personal
        chat, where the coordinator is not a member, message them directly and tell the asker."""
        exchange = await self._core.exchange(ref)
        language, municipality = exchange["language"], exchange["municipality"]
        who = self._settings.coordinator(municipality)
        if who is None:
            name = municipality or text("this_municipality", language)
            await send(context, message(text("no_coordinator", language, m=name)))
            return
        now = time.monotonic()
        self._escalated = {k: t for k, t in self._escalated.items() if now - t < 3600}
        if ref in self._escalated:
            await send(context, message(text("escalated_already", language, name=who[0])))
            return
        self._escalated[ref] = now
        about = text("about", language, m=municipality) if municipality else ""
        question = cards.truncate(exchange["question"], 1000)
        if not turn.personal:
            coordinator_tag, coordinator = mention(*who)
            sender = context.activity.from_property
            asker_tag, asker = mention(turn.name or "?", sender.id if sender else turn.user)
            await send(context, with_mentions(text(
                "escalation", language, coordinator=coordinator_tag, asker=asker_tag,
                about=about, question=question), [coordinator, asker]))
            return
        note = text("escalation", language, coordinator=who[0], asker=turn.name or "?",
                    about=about, question=question)
        try:
            await self._direct(context, who[1], note)
        except Exception:
            del self._escalated[ref]
            log.exception("could not reach the coordinator of %s", municipality)
            await send(context, message(text("escalation_failed", language, name=who[0])))
            return
        await send(context, message(text("escalated", language, name=who[0])))

    async def _direct(self, context: TurnContext, object_id: str, note: str) -> None:
        """A 1:1 message to a person of our tenant (the app must be installed for them)."""
        connector = context.services.get(ConnectorClientBase)  # type: ignore[type-abstract]
        if connector is None:
            raise RuntimeError("no connector client in this turn")
        activity = context.activity
        tenant = self._settings.tenant_id
        bot = activity.recipient or ChannelAccount(id=f"28:{self._settings.app_id}")
        created = await connector.conversations.create_conversation(ConversationParameters(
            is_group=False, bot=bot, members=[ChannelAccount(id=object_id)],
            tenant_id=tenant, channel_data={"tenant": {"id": tenant}}))
        await connector.conversations.send_to_conversation(
            created.id, message(note).model_copy(update={
                "from_property": bot,
                "conversation": ConversationAccount(id=created.id)}))

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
