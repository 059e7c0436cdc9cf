"""The one scheduler: each day at a set time, the nudges; on the digest weekday, the digest.

``policyguide reminders --send --daily-at 07:30`` runs this loop in a long-lived process (a
container, a systemd service); a cron line running ``policyguide reminders --send`` is the
alternative. Either may run twice, or beside another scheduler: every send is claimed in the
reminder log first, so nothing goes out twice. The clock and the sleep are parameters, so tests
drive days past in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from bot.reminders.schedule import SWEDEN

log = logging.getLogger("policyguide.reminders")


def next_run(now: dt.datetime, at: dt.time) -> dt.datetime:
    """The first moment at ``at`` (local wall time of ``now``) strictly after ``now``."""
    today = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return today if today > now else today + dt.timedelta(days=1)


def digest_period(day: dt.date) -> str:
    """The ISO week: one digest per recipient and week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def sweden_now() -> dt.datetime:
    return dt.datetime.now(SWEDEN)


def run_daily(job: Callable[[dt.date], None], at: dt.time,
              now: Callable[[], dt.datetime] = sweden_now,
              stop: threading.Event | None = None) -> None:
    """Run ``job(today)`` at ``at`` (Swedish time) every day until ``stop`` is set; a failing
    run is logged and the next day's goes ahead."""
    stop = stop or threading.Event()
    while not stop.is_set():
        wait = (next_run(now(), at) - now()).total_seconds()
        if stop.wait(max(wait, 0)):
            return
        try:
            job(now().date())
        except Exception:
            log.exception("the reminder run failed; trying again at the next run")
