"""A model's proposed field values are kept only when the line states them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from register.grounding import grounded
from register.vocab import Kind, Status

KNOWN = ["Kommunstyrelsen", "Socialnämnden"]
LINE = "besök från Ohrid i Nordmakedonien 14/9 2026, 7 personer, socialnämnden, 12 500 kr"


@pytest.mark.parametrize(("name", "value", "kept"), [
    ("partner_city", "Ohrid", "Ohrid"),
    ("partner_city", "Skopje", None),
    ("country", "MK", "MK"),
    ("country", "Nordmakedonien", "MK"),
    ("country", "GR", None),
    ("start_date", "2026-09-14", dt.date(2026, 9, 14)),
    ("start_date", "2026-09-15", None),
    ("start_date", "14 september", None),
    ("participants", 7, 7),
    ("participants", 70, None),
    ("funding_amount", "12500", Decimal(12500)),
    ("committee", "Socialnämnden", "Socialnämnden"),
    ("committee", "Kommunstyrelsen", None),
    ("kind", "incoming_visit", Kind.INCOMING_VISIT),
    ("kind", "friendship", None),
    ("status", "completed", None),
    ("form", "twin_town", None),
    ("municipality", "Eksjö", None),
])
def test_values_are_kept_only_when_stated(name: str, value: object, kept: object) -> None:
    assert grounded(name, value, LINE, KNOWN) == kept


def test_a_status_must_be_named_in_the_line() -> None:
    assert grounded("status", "completed", "genomfört besök från Ohrid", KNOWN) \
        is Status.COMPLETED
