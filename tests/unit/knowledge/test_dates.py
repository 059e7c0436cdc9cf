"""Dates written as policies write them, and finding a stored date in the text again."""

from __future__ import annotations

import pytest

from knowledge.dates import date_in_text, find_dates, first_date


@pytest.mark.parametrize(("text", "iso"), [
    ("Antagen av kommunfullmäktige 2020-03-19, § 58", "2020-03-19"),
    ("Datum 2003 -10- 27", "2003-10-27"),
    ("Antagen den 9 oktober 2014", "2014-10-09"),
    ("beslutad 19 mars 2020", "2020-03-19"),
    ("reviderad i december 2012", "2012-12"),
    ("från den 1:a maj 2019", "2019-05-01"),
    ("adopted 4 March 2021", "2021-03-04"),
])
def test_dates_are_read_as_iso(text: str, iso: str) -> None:
    found = first_date(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["Vision 2020", "Dnr KS 2022/341", "2020-13-40",
                                  "EU 2020-strategin", "30 februari 2021"])
def test_things_that_are_not_dates(text: str) -> None:
    assert list(find_dates(text)) == []


def test_a_stored_date_is_found_where_it_is_written() -> None:
    text = "Gäller från 2020-05-01.\nAntagen av kommunfullmäktige den 19 mars 2020."
    found = date_in_text(text, "2020-03-19")
    assert found is not None and text[found.start:found.end] == "19 mars 2020"
    assert date_in_text(text, "2021-01-01") is None
