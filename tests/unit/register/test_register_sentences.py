"""Lines written as sentences: every value is read where it stands, and what is left is said."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from register.parse import ParseResult, parse_command
from register.vocab import Kind, Status, TargetGroup

KNOWN = ["Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden",
         "Kultur- och fritidsnämnden", "Socialnämnden", "Gymnasienämnden"]


def parse(line: str) -> ParseResult:
    return parse_command(line, municipality="Eksjö", known_committees=KNOWN)


def test_a_swedish_sentence_without_commas() -> None:
    result = parse("Studieresa till Viljandi 14–16 oktober 2026 med 11 deltagare från "
                   "gymnasienämnden finansierat av Nordplus 35 000 kr")
    d = result.draft
    assert (d.kind, d.partner_organisation) == (Kind.STUDY_VISIT, "Viljandi")
    assert (d.start_date, d.end_date) == (dt.date(2026, 10, 14), dt.date(2026, 10, 16))
    assert (d.participants, d.committee) == (11, "Gymnasienämnden")
    assert (d.programme, d.funding_amount, d.currency) == ("Nordplus", Decimal(35000), "SEK")
    assert result.not_understood == []


def test_a_twin_town_agreement_names_its_partner_not_the_words_before_it() -> None:
    result = parse("nytt vänortsavtal med Pärnu, Estland, 2 september 2026, kommunstyrelsen")
    d = result.draft
    assert (d.kind, d.partner_organisation, d.country) == (Kind.TWIN_TOWN, "Pärnu", "EE")
    assert d.start_date == dt.date(2026, 9, 2) and d.committee == "Kommunstyrelsen"


def test_the_partner_before_a_visit_and_a_country_in_parentheses() -> None:
    d = parse("Tromsø (Norge) besöker oss 2026-11-05, 9 politiker").draft
    assert (d.kind, d.partner_organisation, d.country) == (Kind.INCOMING_VISIT, "Tromsø", "NO")
    assert (d.participants, d.target_group) == (9, TargetGroup.POLITICIANS)


def test_an_english_sentence_with_a_decision_and_a_year_after_a_comma() -> None:
    result = parse("Log twinning agreement with Jelgava, Latvia on June 3, 2026 decided by "
                   "Kommunfullmäktige on 2026-05-20")
    d = result.draft
    assert (d.kind, d.partner_organisation, d.country) == (Kind.TWIN_TOWN, "Jelgava", "LV")
    assert d.start_date == dt.date(2026, 6, 3)
    assert (d.decision_body, d.decision_date) == ("Kommunfullmäktige", dt.date(2026, 5, 20))


def test_a_swedish_day_slash_month_date_and_a_status_word() -> None:
    d = parse("genomfört personalutbyte med Narva 7/9 2026, 5 lärare, socialnämnden").draft
    assert d.start_date == dt.date(2026, 9, 7) and d.status is Status.COMPLETED
    assert (d.participants, d.target_group) == (5, TargetGroup.STAFF)


def test_what_is_left_over_is_reported_with_the_reason() -> None:
    result = parse("ungdomsutbyte med Viborg den 8 maj, 12 ungdomar")
    assert result.draft.start_date is None
    assert any("8 maj" in n and "saknar år" in n for n in result.not_understood)
    left = parse("projekt med Kiel, Tyskland, kul grej, 2027-01-01").not_understood
    assert left == ["kul grej"]
