"""Sending reminders once: to each municipality's coordinator, claimed in the log first.

A reminder goes to a recipient only if this process wins the claim on (item, period and stage,
recipient): once when it comes within reach, once more when it is due; a second scheduler, or
a second run of the same cron line, sends nothing again. The claim comes before the send, so a
crash in between loses that one message rather than repeating it.
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
        period = staged(reminder, today)
        for recipient in targets:
            try:
                if not log_.claim(reminder.item, period, recipient):
                    result.skipped += 1
                    continue
            except Exception as exc:  # the database: this one waits for the next run
                result.failed.append((recipient, reminder, str(exc)))
                continue
            try:
                post(recipient, reminder, render(reminder, today, language))
            except Exception as exc:
                _release(log_, reminder.item, period, recipient)
                log.warning("reminder %s to %s failed: %s", reminder.item, recipient, exc)
                result.failed.append((recipient, reminder, str(exc)))
                continue
            result.sent.append((recipient, reminder))
    return result


def staged(reminder: Reminder, today: dt.date) -> str:
    """The claim's period: a reminder goes out once when it comes within reach ("soon") and
    once more when it is due or overdue ("due")."""
    stage = "due" if reminder.due is None or reminder.due <= today else "soon"
    return f"{reminder.period}/{stage}"


def _release(log_: ReminderLog, item: str, period: str, recipient: str) -> None:
    try:
        log_.release(item, period, recipient)
    except Exception:  # the claim stays: that one reminder is lost, not repeated
        log.exception("could not release the claim on %s for %s", item, recipient)


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
        try:
            claimed = log_.claim("digest", period, recipient)
        except Exception as exc:
            result.failed.append((recipient, theirs[0], str(exc)))
            continue
        if not claimed:
            result.skipped += 1
            continue
        try:
            post(recipient, digest(theirs, today, language))
        except Exception as exc:
            _release(log_, "digest", period, recipient)
            result.failed.append((recipient, theirs[0], str(exc)))
            continue
        result.sent.extend((recipient, r) for r in theirs)
    return result
