"""The register in Teams: "aktivitet <rad>" → a dialog form; lists; the annual report.

Teams opens a dialog (task module) only from a click, so "aktivitet …" answers with a card whose
button opens the form; the form is drafted by the core's parser when it opens. A submission goes
through the core's ``RegisterService.create``: a refusal shows the form again with each field's
error and the typed values kept, and nothing is stored. Only coordinators get the form at all.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from microsoft_agents.hosting.core import TurnContext

from bot.command_words import parse_year, route_register
from bot.teams import cards
from bot.teams.core_client import CoreClient, CoreError
from bot.teams.links import ReportLinks
from bot.teams.replies import card, message
from bot.teams.sending import send
from bot.teams.texts import text
from bot.teams.turn import Turn

JSON = dict[str, Any]
log = logging.getLogger("policyguide.teams")


def dialog(title: str, attachment: JSON) -> JSON:
    return {"task": {"type": "continue",
                     "value": {"title": title, "width": "medium", "height": "large",
                               "card": attachment}}}


def dialog_message(value: str) -> JSON:
    return {"task": {"type": "message", "value": value}}


class RegisterFlow:
    def __init__(self, core: CoreClient, links: ReportLinks, public_url: str | None) -> None:
        self._core = core
        self._links = links
        self._public_url = public_url.rstrip("/") if public_url else None

    async def handle(self, context: TurnContext, turn: Turn, rest: str, language: str) -> None:
        command, argument = route_register(rest)
        if command == "report":
            await self.report(context, turn, argument, language)
            return
        municipality = (await self._core.municipality(turn.context()))["municipality"]
        if command == "list":
            year = parse_year(argument, None)
            if year == 0:
                await send(context, message(text("year_needed", language)))
                return
            found = await self._core.activities(year, municipality, language)
            scope = str(year) if year else text("all_years", language)
            await send(context, card(cards.activities_card(found["activities"], language,
                                                           scope)))
        elif command == "follow_ups":
            found = await self._core.follow_ups(municipality, language)
            await send(context, card(cards.follow_ups_card(found["follow_ups"], language)))
        else:
            if not await self._may_write(turn):
                await send(context, message(text("not_writer", language)))
                return
            await send(context, card(cards.open_form_card(argument, language),
                                     text("form_title", language)))

    async def report(self, context: TurnContext, turn: Turn, argument: str,
                     language: str) -> None:
        year = parse_year(argument, dt.date.today().year)
        if not year:
            await send(context, message(text("year_needed", language)))
            return
        if not turn.personal:
            await send(context, message(text("report_personal", language, year=year)))
            return
        if not await self._may_write(turn):  # a report names people and budgets
            await send(context, message(text("not_writer", language)))
            return
        if self._public_url is None:
            await send(context, message(text("no_link", language)))
            return
        municipality = (await self._core.municipality(turn.context()))["municipality"]
        _, _, count = await self._core.report(year, municipality, "markdown")
        url = f"{self._public_url}/files/{self._links.token(year, municipality)}"
        await send(context, card(cards.link_card(
            text("report_ready", language, year=year, n=count),
            text("report_link", language, minutes=self._links.ttl_s // 60), url)))

    async def _may_write(self, turn: Turn) -> bool:
        return turn.actor is not None and bool(
            (await self._core.writer(turn.actor))["may_write"])

    # the dialog --------------------------------------------------------------------------
    async def open_form(self, turn: Turn, data: JSON) -> JSON:
        language = "en" if data.get("language") == "en" else "sv"
        if turn.actor is None or not await self._may_write(turn):
            return dialog_message(text("not_writer", language))
        line = str(data.get("line") or "")
        draft, form = await self._draft(turn, line, language)
        return dialog(text("form_title", language), cards.form_card(form, draft, language))

    async def _draft(self, turn: Turn, line: str, language: str) -> tuple[JSON, JSON]:
        municipality = (await self._core.municipality(turn.context()))["municipality"]
        draft = await self._core.draft(turn.actor or "", line, municipality, language)
        return {**draft, "line": line}, await self._core.form(language)

    async def submit(self, context: TurnContext, turn: Turn, data: JSON) -> JSON:
        """Save, or show the form again with each field's error. Answered within Teams' invoke
        time: two core calls, and the chat confirmation is sent once, without retry waits."""
        language = "en" if data.get("language") == "en" else "sv"
        if turn.actor is None:
            return dialog_message(text("not_writer", language))
        form = await self._core.form(language)
        names = [f["name"] for f in form["fields"] if f["name"] != "goals"]
        typed = {n: str(data[n]) for n in names if data.get(n) not in (None, "")}
        refs = [str(r) for r in data.get("goal_refs") or []]
        ticked = [int(i) for i in str(data.get("goals") or "").split(",")
                  if i.strip().isdigit() and int(i) < len(refs)]
        try:
            saved = await self._core.create_activity(
                turn.actor, typed, [refs[i] for i in ticked], f"teams:{turn.conversation}",
                language)
        except CoreError as exc:
            if exc.code == "forbidden":
                return dialog_message(text("not_writer", language))
            if exc.code not in ("validation_failed", "bad_request"):
                raise
            draft, _ = await self._draft(turn, str(data.get("line") or ""), language)
            errors = {f.get("field", ""): f.get("message", "") for f in exc.fields}
            stray = [m for f, m in errors.items() if f not in names]
            notice = text("form_fix", language) + (f" {' '.join(stray)}" if stray else "")
            return dialog(text("form_title", language), cards.form_card(
                form, {**draft, "values": {}}, language, values=typed, errors=errors,
                chosen_goals=ticked, notice=notice))
        confirmation = text("saved", language, title=saved["title"], period=saved["period"],
                            committee=saved["committee"])
        try:
            await context.send_activity(message(confirmation))
        except Exception:  # the dialog itself says it was saved
            log.warning("could not post the confirmation of activity %s", saved.get("id"))
        return dialog_message(confirmation)
