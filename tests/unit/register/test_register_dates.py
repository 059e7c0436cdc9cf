"""Dates and ranges as people write them, in Swedish and English."""

from __future__ import annotations

import datetime as dt

import pytest

from register.dates import DateParseError, DateRange, parse_date, parse_range

D = dt.date


@pytest.mark.parametrize(("text", "start", "end"), [
    ("3–7 maj 2026", D(2026, 5, 3), D(2026, 5, 7)),
    ("3-7 May 2026", D(2026, 5, 3), D(2026, 5, 7)),
    ("3 maj–2 juni 2026", D(2026, 5, 3), D(2026, 6, 2)),
    ("3 maj 2026 – 2 juni 2026", D(2026, 5, 3), D(2026, 6, 2)),
    ("30 dec – 5 jan 2027", D(2026, 12, 30), D(2027, 1, 5)),
    ("May 3-7, 2026", D(2026, 5, 3), D(2026, 5, 7)),
    ("May 3 – June 2, 2026", D(2026, 5, 3), D(2026, 6, 2)),
    ("from 3 to 7 May 2026", D(2026, 5, 3), D(2026, 5, 7)),
    ("mellan 3 och 7 maj 2026", D(2026, 5, 3), D(2026, 5, 7)),
    ("2026-05-03 till 2026-05-07", D(2026, 5, 3), D(2026, 5, 7)),
    ("2026-05-03–2026-05-07", D(2026, 5, 3), D(2026, 5, 7)),
    ("2026-05-03", D(2026, 5, 3), None),
    ("den 3:e maj 2026", D(2026, 5, 3), None),
    ("3rd Sept. 2026", D(2026, 9, 3), None),
])
def test_ranges_and_dates(text: str, start: dt.date, end: dt.date | None) -> None:
    assert parse_range(text) == DateRange(start, end)


@pytest.mark.parametrize(("text", "message"), [
    ("3–7 maj", "needs a year"),
    ("3 maj", "needs a year"),
    ("maj 2026", "needs a day"),
    ("31 februari 2026", "not a valid date"),
    ("7–3 maj 2026", "ends before it starts"),
    ("2026-13-01", "not a valid date"),
    ("3 maj - 4 - 5 juni 2026", "cannot read"),
])
def test_dates_that_cannot_be_read_say_why(text: str, message: str) -> None:
    with pytest.raises(DateParseError, match=message):
        parse_range(text)


def test_text_without_a_month_is_not_a_date() -> None:
    assert parse_range("25 elever") is None
    assert parse_range("Time kommun") is None
    with pytest.raises(DateParseError, match="not a date"):
        parse_date("Time kommun")
    with pytest.raises(DateParseError, match="is a range"):
        parse_date("3-7 maj 2026")
