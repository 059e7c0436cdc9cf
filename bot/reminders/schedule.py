"""When a policy's rhythm falls due: pure date arithmetic, driven by the clock it is given.

Swedish municipal mandate periods follow the general elections, held every fourth year since
1994 (2014, 2018, 2022, 2026, 2030, …); a new council's term starts on 15 October of the
election year. "Varje mandatperiod" means once within each term: a policy adopted (or last
revised) in one term is due again by the end of the next. "Minst vart fjärde år" counts from the
adoption or last revision. An adoption date is read from the policy's own "adopted" line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

FIRST_ELECTION = 1994  # every fourth year since; terms start 15 October
TERM_START = (10, 15)
YEARS = {"every_2_years": 2, "every_3_years": 3, "every_4_years": 4, "every_5_years": 5}
REVISIONS = frozenset({"mandate_period", *YEARS})
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def term_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the mandate period that ``day`` falls in."""
    year = day.year - (day.year - FIRST_ELECTION) % 4
    start = dt.date(year, *TERM_START)
    if day < start:
        start = dt.date(year - 4, *TERM_START)
    return start, dt.date(start.year + 4, *TERM_START) - dt.timedelta(days=1)


def adoption_date(adopted: str) -> dt.date | None:
    """The first ISO date in the policy's adoption line, else 31 December of its first year."""
    found = _ISO.search(adopted or "")
    if found:
        try:
            return dt.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return None
    year = _YEAR.search(adopted or "")
    return dt.date(int(year[1]), 12, 31) if year else None


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


def annual_due(today: dt.date, month_day: tuple[int, int]) -> list[Due]:
    """The compilation of last year (due this year on ``month_day``) and of this year."""
    month, day = month_day
    return [Due(str(year), dt.date(year + 1, month, day)) for year in (today.year - 1,
                                                                      today.year)]


def parse_month_day(text: str) -> tuple[int, int]:
    """'03-31' → (3, 31); a ValueError says what is wrong."""
    match = re.fullmatch(r"\s*(\d\d)-(\d\d)\s*", text)
    if not match:
        raise ValueError(f"{text!r} is not MM-DD, e.g. 03-31")
    month, day = int(match[1]), int(match[2])
    dt.date(2001, month, day)  # raises for 02-30 and the like (not a leap year: no 02-29)
    return month, day
