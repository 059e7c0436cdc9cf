"""Questions and the policy commands (vem / mål / uppföljning / introduktion / kommun).

Each command is one core API call; the reply goes into the reply chain where the question was
asked (``send`` replies to the incoming activity), in the language of the answer.
"""

from __future__ import annotations

from microsoft_agents.hosting.core import TurnContext

from bot.command_words import route_policy
from bot.teams import cards
from bot.teams.core_client import JSON, CoreClient, CoreError
from bot.teams.replies import card, message
from bot.teams.sending import send
from bot.teams.streaming import DraftStream
from bot.teams.texts import text
from bot.teams.turn import Turn

DUE_DAYS = 60  # the briefing shows reminders overdue or due within this many days


class Asking:
    def __init__(self, core: CoreClient) -> None:
        self._core = core

    async def handle(self, context: TurnContext, turn: Turn, typed: str, language: str) -> None:
        command, rest = route_policy(typed)
        ctx = turn.context()
        stream: DraftStream | None = None
        if command == "municipality":
            await self.municipality(context, turn, rest, language)
            return
        if command == "briefing":
            await self.briefing(context, turn, language)
            return
        if command == "who":
            answer = await self._core.who(ctx, rest, language)
        elif command == "goals":
            answer = await self._core.goals(ctx, rest or None, language)
        elif command == "obligations":
            answer = await self._core.obligations(ctx, language)
        elif turn.personal:  # a generated answer streams as a draft in personal chat
            stream = DraftStream(context, language)
            answer = await self._streamed(ctx, typed, stream)
        else:
            answer = await self._core.ask(ctx, typed)
        asker = None if turn.personal else turn.name or None
        reply = card(cards.answer_card(answer, asker, None if turn.personal else typed),
                     cards.truncate(answer["answer"], 200))
        await send(context, stream.final(reply) if stream is not None else reply)

    async def _streamed(self, ctx: JSON, typed: str, stream: DraftStream) -> JSON:
        async for event, data in self._core.ask_stream(ctx, typed):
            if event == "draft":
                await stream.draft(str(data["text"]))
            elif event == "answer":
                return data
        raise CoreError(502, "incomplete", "the core API's answer stream ended without an answer")

    async def municipality(self, context: TurnContext, turn: Turn, name: str,
                           language: str) -> None:
        ctx = turn.context()
        if not name:
            found = await self._core.municipality(ctx)
            now = (text("municipality_now", language, m=found["municipality"])
                   if found["municipality"] else text("municipality_none", language))
            await send(context, message(text("municipality_current", language, now=now,
                                             known=", ".join(found["known"]))))
            return
        scope = "user" if turn.personal else "conversation"
        stored = await self._core.set_municipality(ctx, name, scope)
        key = "municipality_set_user" if turn.personal else "municipality_set_conversation"
        await send(context, message(text(key, language, m=stored["municipality"])))

    async def briefing(self, context: TurnContext, turn: Turn, language: str,
                       intro: str | None = None) -> None:
        found = await self._core.municipality(turn.context())
        if not found["municipality"]:
            choose = text("welcome_choose", language, known=", ".join(found["known"]))
            await send(context, message(f"{intro}\n\n{choose}" if intro else choose))
            return
        briefing = await self._core.briefing({**turn.context(), "language": language})
        try:  # what the policy demands next; the briefing stands without it
            due = (await self._core.reminders(briefing["municipality"], DUE_DAYS, None,
                                              language))["reminders"]
        except CoreError:
            due = []
        await send(context, card(cards.briefing_card(briefing, language, intro, due),
                                 text("briefing_title", language, m=briefing["municipality"])))
