"""Due dates from a policy's rhythm, on a clock the test sets."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reminders.schedule import (
    adoption_date,
    annual_due,
    parse_month_day,
    revision_due,
    term_of,
)

D = dt.date


@pytest.mark.parametrize(("day", "term"), [
    (D(2026, 10, 14), (D(2022, 10, 15), D(2026, 10, 14))),
    (D(2026, 10, 15), (D(2026, 10, 15), D(2030, 10, 14))),
    (D(2003, 10, 27), (D(2002, 10, 15), D(2006, 10, 14))),
    (D(2019, 1, 1), (D(2018, 10, 15), D(2022, 10, 14))),
])
def test_mandate_periods_start_on_15_october_of_election_years(
        day: dt.date, term: tuple[dt.date, dt.date]) -> None:
    assert term_of(day) == term


def test_once_per_mandate_period_is_due_by_the_end_of_the_next_term() -> None:
    due = revision_due("mandate_period", D(2020, 3, 19))  # adopted in 2018–2022
    assert (due.period, due.due) == ("2022–2026", D(2026, 10, 14))
    late = revision_due("mandate_period", D(2022, 10, 15))  # the first day of a term
    assert late.due == D(2030, 10, 14)


def test_every_fourth_year_counts_from_the_last_revision() -> None:
    assert revision_due("every_4_years", D(2019, 6, 10)).due == D(2023, 6, 10)
    assert revision_due("every_4_years", D(2020, 2, 29)).due == D(2024, 2, 29)
    assert revision_due("every_5_years", D(2020, 2, 29)).due == D(2025, 2, 28)


@pytest.mark.parametrize(("text", "expected"), [
    ("2017-03-02", D(2017, 3, 2)),
    ("Antagen av kommunfullmäktige 2020-03-19, § 58", D(2020, 3, 19)),
    ("Fastställd av KF i december 2008", D(2008, 1, 1)),  # the earliest it can be
    ("Antagen 2019-03-12, reviderad 2023-05-10", D(2023, 5, 10)),  # the latest revision
    ("Antagen av kommunfullmäktige 12 mars 2022", D(2022, 3, 12)),
    ("Dnr KS 2019/123, antagen 2020", D(2020, 1, 1)),  # not the case number's year
    ("Antagen 2023-02-30", D(2023, 1, 1)),  # no such day: its year
    ("", None),
    ("Antagen av kommunfullmäktige", None),
    ("2021-13-40", None),
])
def test_the_adoption_date_is_read_from_the_policy(text: str, expected: dt.date | None) -> None:
    assert adoption_date(text) == expected


def test_the_annual_compilation_of_last_year_and_this_year() -> None:
    dues = annual_due(D(2026, 12, 8), (3, 31))
    assert [(d.period, d.due) for d in dues] == [("2025", D(2026, 3, 31)),
                                                 ("2026", D(2027, 3, 31))]


def test_an_unfinished_compilation_stays_past_new_year_for_one_mandate_period() -> None:
    dues = annual_due(D(2027, 4, 10), (3, 31), since=D(2017, 3, 2))
    assert [d.period for d in dues] == ["2023", "2024", "2025", "2026", "2027"]
    recent = annual_due(D(2027, 4, 10), (3, 31), since=D(2026, 5, 1))
    assert [d.period for d in recent] == ["2026", "2027"]


@pytest.mark.parametrize("text", ["3-31", "02-30", "13-01", "mars"])
def test_a_bad_annual_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_month_day(text)
