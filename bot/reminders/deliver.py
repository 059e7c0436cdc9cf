"""Sending reminders once: to each municipality's coordinator, claimed in the log first.

A reminder goes to a recipient only if this process wins the claim on (item, period,
recipient); a second scheduler, or a second run of the same cron line, sends nothing again.
Slack is the channel here (a DM through ``chat.postMessage``); a send that fails is reported,
and its claim is released so that the next run tries again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.reminders.render import digest, render
from bot.reminders.scheduler import digest_period
from bot.reminders.service import Reminder
from register.reminder_log import ReminderLog

log = logging.getLogger("policyguide.reminders")
Post = Callable[[str, Reminder, str], None]  # (recipient, reminder, its text)


@dataclass
class Delivery:
    sent: list[tuple[str, Reminder]] = field(default_factory=list)
    skipped: int = 0  # already sent by this or another process
    no_recipient: list[str] = field(default_factory=list)  # municipalities
    failed: list[tuple[str, Reminder, str]] = field(default_factory=list)


def deliver(reminders: Sequence[Reminder], recipients: Callable[[str], list[str]], post: Post,
            log_: ReminderLog, today: dt.date, language: str = "sv") -> Delivery:
    """Send each reminder to each recipient of its municipality, once."""
    result = Delivery()
    for reminder in reminders:
        targets = recipients(reminder.municipality)
        if not targets:
            if reminder.municipality not in result.no_recipient:
                result.no_recipient.append(reminder.municipality)
            continue
        for recipient in targets:
            if not log_.claim(reminder.item, reminder.period, recipient):
                result.skipped += 1
                continue
            try:
                post(recipient, reminder, render(reminder, today, language))
            except Exception as exc:
                log_.release(reminder.item, reminder.period, recipient)
                log.warning("reminder %s to %s failed: %s", reminder.item, recipient, exc)
                result.failed.append((recipient, reminder, str(exc)))
                continue
            result.sent.append((recipient, reminder))
    return result


def deliver_digest(reminders: Sequence[Reminder], recipients: Callable[[str], list[str]],
                   post: Callable[[str, str], None], log_: ReminderLog, today: dt.date,
                   language: str = "sv") -> Delivery:
    """One message per recipient listing all their municipalities' open reminders, once a
    week (the claim's period is the ISO week)."""
    by_recipient: dict[str, list[Reminder]] = {}
    result = Delivery()
    for reminder in reminders:
        targets = recipients(reminder.municipality)
        if not targets and reminder.municipality not in result.no_recipient:
            result.no_recipient.append(reminder.municipality)
        for recipient in targets:
            by_recipient.setdefault(recipient, []).append(reminder)
    period = digest_period(today)
    for recipient, theirs in by_recipient.items():
        if not log_.claim("digest", period, recipient):
            result.skipped += 1
            continue
        try:
            post(recipient, digest(theirs, today, language))
        except Exception as exc:
            log_.release("digest", period, recipient)
            result.failed.append((recipient, theirs[0], str(exc)))
            continue
        result.sent.extend((recipient, r) for r in theirs)
    return result
