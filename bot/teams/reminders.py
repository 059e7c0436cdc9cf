"""Reminders to coordinators in Teams personal chat: proactive messages, each sent once.

``python -m bot.teams remind`` (a cron line, or a timer) asks the core API what is due, claims
each (reminder, coordinator) pair there, which makes a second run or a second scheduler a no-op,
and writes to the coordinator 1:1 through the SDK's ``create_conversation``. A failed send
releases its claim so the next run tries again. The card's buttons come back to the bot as a
message with a value and are stored through the API (``PolicyAgent``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from microsoft_agents.activity import ChannelAccount, ConversationParameters
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import TurnContext

from bot.teams import cards
from bot.teams.core_client import CoreClient, CoreError
from bot.teams.links import ReportLinks
from bot.teams.replies import card
from bot.teams.settings import TeamsSettings

log = logging.getLogger("policyguide.teams.reminders")
AUDIENCE = "https://api.botframework.com"


@dataclass
class Sent:
    sent: int = 0
    skipped: int = 0  # already sent to that coordinator
    no_coordinator: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def coordinator_of(settings: TeamsSettings, reminder: dict[str, Any],
                   result: Sent) -> tuple[str, str] | None:
    """(name, Entra object id) of the reminder's coordinator; a municipality without one is
    named in ``result``, once."""
    who = settings.coordinator(reminder["municipality"])
    if who is None and reminder["municipality"] not in result.no_coordinator:
        result.no_coordinator.append(reminder["municipality"])
    return who


def draft_url(settings: TeamsSettings, links: ReportLinks | None,
              reminder: dict[str, Any]) -> str | None:
    """The signed link to the annual compilation's draft (a reminder goes to a coordinator)."""
    if reminder["kind"] != "annual" or links is None or not settings.public_url \
            or not str(reminder["period"]).isdigit():
        return None
    token = links.token(int(reminder["period"]), reminder["municipality"])
    return f"{settings.public_url.rstrip('/')}/files/{token}"


async def send_reminders(settings: TeamsSettings, core: CoreClient, adapter: CloudAdapter, *,
                         municipality: str | None = None, within_days: int = 30,
                         today: str | None = None, language: str = "sv",
                         links: ReportLinks | None = None) -> Sent:
    found = await core.reminders(municipality, within_days, today, language)
    result = Sent()
    for reminder in found["reminders"]:
        who = coordinator_of(settings, reminder, result)
        if who is None:
            continue
        name, object_id = who
        recipient = f"teams:{object_id}"
        period = staged(reminder, found["today"])
        try:
            if not await core.claim(reminder["item"], period, recipient):
                result.skipped += 1
                continue
        except CoreError as exc:  # this one waits for the next run; the others go on
            result.failed.append(f"{name}: {reminder['subject'][:60]} ({exc.message})")
            continue
        try:
            await _direct(settings, adapter, object_id, cards.reminder_card(
                reminder, language, draft_url(settings, links, reminder)))
        except Exception as exc:
            await _release(core, reminder["item"], period, recipient)
            log.warning("reminder %s to %s failed: %r", reminder["item"], name, exc)
            result.failed.append(f"{name}: {reminder['subject'][:60]} ({exc})")
            continue
        result.sent += 1
    return result


def staged(reminder: dict[str, Any], today: str) -> str:
    """As the core's: once when it comes within reach ("soon"), once when it is due ("due")."""
    due = reminder.get("due")
    return f"{reminder['period']}/{'due' if due is None or due <= today else 'soon'}"


async def _release(core: CoreClient, item: str, period: str, recipient: str) -> None:
    try:
        await core.release(item, period, recipient)
    except CoreError:  # the claim stays: that one reminder is lost, not repeated
        log.exception("could not release the claim on %s for %s", item, recipient)


async def _direct(settings: TeamsSettings, adapter: CloudAdapter, object_id: str,
                  attachment: dict[str, Any]) -> None:
    async def post(context: TurnContext) -> None:
        await context.send_activity(card(attachment))

    bot = ChannelAccount(id=f"28:{settings.app_id}")
    parameters = ConversationParameters(
        is_group=False, bot=bot, members=[ChannelAccount(id=object_id)],
        tenant_id=settings.tenant_id, channel_data={"tenant": {"id": settings.tenant_id}})
    await adapter.create_conversation(settings.app_id, settings.channel_id,
                                      settings.service_url, AUDIENCE, parameters, post)


async def send_digest(settings: TeamsSettings, core: CoreClient, adapter: CloudAdapter, *,
                      municipality: str | None = None, within_days: int = 30,
                      today: str | None = None, language: str = "sv") -> Sent:
    """One card per coordinator with everything open for their municipalities, once a week
    (claimed as ("digest", ISO week, coordinator))."""
    found = await core.reminders(municipality, within_days, today, language)
    year, week, _ = dt.date.fromisoformat(found["today"]).isocalendar()
    period = f"{year}-W{week:02d}"
    theirs: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    result = Sent()
    for reminder in found["reminders"]:
        who = coordinator_of(settings, reminder, result)
        if who is None:
            continue
        theirs.setdefault(who[1], (who[0], []))[1].append(reminder)
    for object_id, (name, items) in theirs.items():
        recipient = f"teams:{object_id}"
        try:
            claimed = await core.claim("digest", period, recipient)
        except CoreError as exc:
            result.failed.append(f"{name}: digest ({exc.message})")
            continue
        if not claimed:
            result.skipped += 1
            continue
        try:
            await _direct(settings, adapter, object_id,
                          cards.digest_card(items, language, found["today"]))
        except Exception as exc:
            await _release(core, "digest", period, recipient)
            result.failed.append(f"{name}: digest ({exc})")
            continue
        result.sent += len(items)
    return result
