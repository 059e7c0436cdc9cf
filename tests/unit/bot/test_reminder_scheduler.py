"""The daily scheduler on a fake clock: runs at the set time, survives a failing run, stops."""

from __future__ import annotations

import datetime as dt
import threading

from bot.reminders.scheduler import digest_period, next_run, run_daily

T = dt.datetime


def test_the_next_run_is_today_if_the_time_is_still_ahead_else_tomorrow() -> None:
    at = dt.time(7, 30)
    assert next_run(T(2026, 12, 8, 6, 0), at) == T(2026, 12, 8, 7, 30)
    assert next_run(T(2026, 12, 8, 7, 30), at) == T(2026, 12, 9, 7, 30)
    assert next_run(T(2026, 12, 31, 23, 0), at) == T(2027, 1, 1, 7, 30)


def test_the_digest_period_is_the_iso_week() -> None:
    assert digest_period(dt.date(2026, 12, 7)) == "2026-W50"
    assert digest_period(dt.date(2027, 1, 1)) == "2026-W53"


class FakeClock:
    """Time moves only when the scheduler waits."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


def test_run_daily_runs_each_day_and_goes_on_after_a_failure() -> None:
    clock = FakeClock(T(2026, 12, 7, 6, 0))
    stop = threading.Event()
    ran: list[dt.date] = []

    class Advancing(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            clock.now += dt.timedelta(seconds=timeout or 0)
            return stop.is_set()

    def job(day: dt.date) -> None:
        ran.append(day)
        if len(ran) == 2:
            raise RuntimeError("Slack is down")
        if len(ran) == 4:
            stop.set()

    run_daily(job, dt.time(7, 0), now=clock, stop=Advancing())
    assert ran == [dt.date(2026, 12, 7), dt.date(2026, 12, 8), dt.date(2026, 12, 9),
                   dt.date(2026, 12, 10)]
