"""When a policy's rhythm falls due: pure date arithmetic, driven by the clock it is given.

Swedish municipal mandate periods follow the general elections, held every fourth year since
1994 (2014, 2018, 2022, 2026, 2030, …); a new council's term starts on 15 October of the
election year. "Varje mandatperiod" means once within each term: a policy adopted (or last
revised) in one term is due again by the end of the next. "Minst vart fjärde år" counts from the
adoption or last revision. An adoption date is read from the policy's own "adopted" line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

FIRST_ELECTION = 1994  # every fourth year since; terms start 15 October
TERM_START = (10, 15)
YEARS = {"every_2_years": 2, "every_3_years": 3, "every_4_years": 4, "every_5_years": 5}
REVISIONS = frozenset({"mandate_period", *YEARS})
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december")
_WRITTEN = re.compile(r"\b([12]?\d|3[01])\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b",
                      re.I)
# a year, but not a case number's ("Dnr KS 2019/123") nor part of a date
_YEAR = re.compile(r"(?<![\d/-])(19[5-9]\d|20\d\d)(?![\d/-])")
ANNUAL_LOOKBACK = 4  # overdue compilations are listed for one mandate period back


SWEDEN = ZoneInfo("Europe/Stockholm")


def swedish_today() -> dt.date:
    """Today in Sweden, whatever zone the server's clock is in (containers run on UTC)."""
    return dt.datetime.now(SWEDEN).date()


def term_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the mandate period that ``day`` falls in."""
    year = day.year - (day.year - FIRST_ELECTION) % 4
    start = dt.date(year, *TERM_START)
    if day < start:
        start = dt.date(year - 4, *TERM_START)
    return start, dt.date(start.year + 4, *TERM_START) - dt.timedelta(days=1)


def adoption_date(adopted: str) -> dt.date | None:
    """The latest date in the policy's adoption line ("Antagen 2019-03-12, reviderad
    2023-05-10" → the revision), ISO or written ("12 mars 2022"); else 1 January of its
    latest year, the earliest it can be, so that a rhythm falls due early rather than late."""
    text = adopted or ""
    dates: list[dt.date] = []
    for year, month, day in _ISO.findall(text):
        with contextlib.suppress(ValueError):  # 2023-02-30: its year still counts below
            dates.append(dt.date(int(year), int(month), int(day)))
    for day, month, year in _WRITTEN.findall(text):
        with contextlib.suppress(ValueError):
            dates.append(dt.date(int(year), _MONTHS.index(month.lower()) + 1, int(day)))
    if dates:
        return max(dates)
    years = [int(y) for y in _YEAR.findall(_ISO.sub(lambda m: f" {m[1]} ", text))]
    return dt.date(max(years), 1, 1) if years else None


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Due:
    period: str  # what one reminder is about: "2022–2026", "2026", "4y-2024"
    due: dt.date


def revision_due(rhythm: str, last: dt.date) -> Due:
    """When a revision next falls due, the policy having last been adopted or revised on
    ``last``."""
    if rhythm == "mandate_period":
        _, end = term_of(last)
        start, end = term_of(end + dt.timedelta(days=1))  # the following term
        return Due(f"{start.year}–{end.year}", end)
    due = add_years(last, YEARS[rhythm])
    return Due(f"{YEARS[rhythm]}y-{due.isoformat()}", due)


def annual_due(today: dt.date, month_day: tuple[int, int],
               since: dt.date | None = None) -> list[Due]:
    """Each year's compilation (due the next year on ``month_day``), from the adoption year or
    ``ANNUAL_LOOKBACK`` years back, whichever is later, to this year: an overdue one stays
    until it is marked done."""
    month, day = month_day
    first = max(today.year - ANNUAL_LOOKBACK, since.year if since else today.year - 1)
    return [Due(str(year), dt.date(year + 1, month, day))
            for year in range(min(first, today.year), today.year + 1)]


def parse_month_day(text: str) -> tuple[int, int]:
    """'03-31' → (3, 31); a ValueError says what is wrong."""
    match = re.fullmatch(r"\s*(\d\d)-(\d\d)\s*", text)
    if not match:
        raise ValueError(f"{text!r} is not MM-DD, e.g. 03-31")
    month, day = int(match[1]), int(match[2])
    dt.date(2001, month, day)  # raises for 02-30 and the like (not a leap year: no 02-29)
    return month, day
