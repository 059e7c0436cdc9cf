"""Dates as Swedish policies write them: "2020-03-19", "19 mars 2020", "den 9 oktober 2014",
"december 2012".

Why here, in knowledge/: ingest reads a date into ``Document.date`` and the answer side has to
find that same date in the text again to cite it, so both use one grammar. A date is stored as
ISO text: "YYYY-MM-DD", or "YYYY-MM" when the text gives only a month and a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMERIC = r"(?P<y>(?:19|20)\d\d)\s?-\s?(?P<m>[01]?\d)\s?-\s?(?P<d>[0-3]?\d)"
_WRITTEN = (rf"(?:(?P<wd>[0-3]?\d)(?::[ae])?\s+)?(?P<wm>{_MONTH})\.?\s+"
            r"(?P<wy>(?:19|20)\d\d)")
DATE = re.compile(rf"(?<![\w-])(?:{_NUMERIC}|{_WRITTEN})(?![\w-])", re.IGNORECASE)
# The same grammar without named groups, to embed (more than once) in other patterns.
DATE_PATTERN = re.sub(r"\(\?P<\w+>", "(?:", DATE.pattern)


@dataclass(frozen=True)
class FoundDate:
    """A date in a text: its ISO form and where it is written (offsets into that text)."""

    iso: str
    start: int
    end: int


def _iso(match: re.Match[str]) -> str | None:
    if match.group("y"):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        year, month = int(match["wy"]), MONTHS[match["wm"].lower()]
        if not match["wd"]:
            return f"{year:04d}-{month:02d}"
        day = int(match["wd"])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[FoundDate]:
    """Every valid date in ``text``, in order; impossible ones ("2020-13-40") are skipped."""
    for match in DATE.finditer(text):
        iso = _iso(match)
        if iso is not None:
            yield FoundDate(iso, match.start(), match.end())


def first_date(text: str) -> FoundDate | None:
    return next(find_dates(text), None)


def date_in_text(text: str, iso: str) -> FoundDate | None:
    """Where ``iso`` (as stored in ``Document.date``) is written in ``text``, in any form.

    For the answer side: a date read from "19 mars 2020" is stored as "2020-03-19" and is
    found again here, so it can be cited verbatim.
    """
    return next((d for d in find_dates(text) if d.iso == iso), None)
