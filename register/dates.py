"""Dates and date ranges as people write them in Swedish and English.

"3–7 maj 2026", "3 maj–2 juni 2026", "30 dec 2026 – 5 jan 2027", "May 3-7, 2026", "2026-05-03"
and "2026-05-03 till 2026-05-07" all parse. A range missing the year or the month on one side
takes it from the other side (the way people write them); a date without any year is an error,
not a guess at "this year".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from register.messages import Refusal, said

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
        "januari january jan", "februari february feb", "mars march mar", "april apr",
        "maj may", "juni june jun", "juli july jul", "augusti august aug",
        "september sep sept", "oktober october okt oct", "november nov",
        "december dec"), start=1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))

_ISO = r"\d{4}-\d{1,2}-\d{1,2}"
_ISO_RANGE = re.compile(rf"^({_ISO})(?:\s*(?:-|–|—|till|to|until)\s*({_ISO}))?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})(?:\s+([a-zåäö]+))?(?:\s+(\d{4}))?$")
_MONTH_FIRST = re.compile(r"^([a-zåäö]+)\s+(\d{1,2})(?:\s+(\d{4}))?$")
_LEADING = re.compile(r"^(?:den|on|from|från|fr\.?o\.?m\.?|mellan|between|during|under)\s+")
_RANGE_WORDS = re.compile(r"\s+(?:till|to|until|t\.?o\.?m\.?|och|and)\s+")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th|:e|:a)\b")


class DateParseError(Refusal):
    """Text that looks like a date but is not a valid one; the message says what is wrong."""


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class _Part:
    day: int
    month: int | None
    year: int | None


def looks_like_date(text: str) -> bool:
    """Whether the text names a month or holds an ISO date, i.e. is meant as a date."""
    low = text.casefold()
    return bool(re.search(_ISO, low)) or any(
        word.rstrip(".") in MONTHS for word in re.findall(r"[a-zåäö.]+", low))


def parse_range(text: str) -> DateRange | None:
    """A date or date range; None when the text is not a date at all."""
    if not looks_like_date(text):
        return None
    low = " ".join(_ORDINAL.sub(r"\1", text.casefold()).replace(",", " ").split())
    low = _LEADING.sub("", re.sub(r"([a-zåäö])\.", r"\1", low))
    iso = _ISO_RANGE.match(low)
    if iso:
        start = _iso(iso.group(1))
        return _ordered(start, _iso(iso.group(2)) if iso.group(2) else None, text)
    low = _RANGE_WORDS.sub(" - ", low).replace("–", "-").replace("—", "-")
    pieces = [p.strip() for p in low.split("-")]
    if len(pieces) > 2 or not all(pieces):
        raise DateParseError(said("date_unreadable", text=text))
    parts = [_part(p, text) for p in pieces]
    if len(parts) == 1:
        only = parts[0]
        if only.month is None or only.year is None:
            raise DateParseError(said("date_needs_month" if only.month is None
                                      else "date_needs_year", text=text))
        return DateRange(_make(only.year, only.month, only.day, text), None)
    first, last = parts
    month_2 = last.month or first.month
    month_1 = first.month or month_2
    year_2 = last.year or first.year
    if month_1 is None or month_2 is None:
        raise DateParseError(said("date_needs_month", text=text))
    if year_2 is None:
        raise DateParseError(said("date_needs_year", text=text))
    end = _make(year_2, month_2, last.day, text)
    start = _make(first.year or year_2, month_1, first.day, text)
    if first.year is None and month_1 > month_2:  # "30 dec - 5 jan 2027" crosses the new year
        start = _make(year_2 - 1, month_1, first.day, text)
    return _ordered(start, end, text)


def parse_date(text: str) -> dt.date:
    """One date (ISO or written out); raises DateParseError with a readable message."""
    found = parse_range(text)
    if found is None:
        raise DateParseError(said("not_a_date", text=text))
    if found.end is not None and found.end != found.start:
        raise DateParseError(said("date_is_range", text=text))
    return found.start


def _part(piece: str, original: str) -> _Part:
    day_first = _DAY_FIRST.match(piece)
    if day_first:
        day, month, year = day_first.groups()
        return _Part(int(day), _month(month, original) if month else None,
                     int(year) if year else None)
    month_first = _MONTH_FIRST.match(piece)
    if month_first:
        month, day, year = month_first.groups()
        return _Part(int(day), _month(month, original), int(year) if year else None)
    if re.match(r"^[a-zåäö]+\.?\s+\d{4}$", piece):
        raise DateParseError(said("date_needs_day", text=original, piece=piece))
    raise DateParseError(said("date_piece", piece=piece, text=original))


def _month(word: str, original: str) -> int:
    number = MONTHS.get(word.rstrip("."))
    if number is None:
        raise DateParseError(said("not_month", word=word, text=original))
    return number


def _iso(text: str) -> dt.date:
    year, month, day = (int(x) for x in text.split("-"))
    return _make(year, month, day, text)


def _make(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateParseError(said("not_valid_date", text=original)) from exc


def _ordered(start: dt.date, end: dt.date | None, original: str) -> DateRange:
    if end is not None and end < start:
        raise DateParseError(said("date_backwards", text=original))
    return DateRange(start, end)
