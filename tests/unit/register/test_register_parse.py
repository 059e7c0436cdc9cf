"""One chat line → a draft; nothing guessed silently."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from register.parse import parse_command
from register.vocab import Form, Kind, Status, TargetGroup

KNOWN = ["Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden",
         "Kultur- och fritidsnämnden", "Socialnämnden"]
SV = ("logga utbyte med Time kommun, Norge, 3–7 maj 2026, 25 elever, "
      "Barn- och utbildningsnämnden, Erasmus+")
EN = ("log exchange with Time municipality, Norway, 3-7 May 2026, 25 pupils, "
      "Children and Education Committee, Erasmus+")


def test_the_swedish_and_english_examples_give_the_same_activity() -> None:
    sv = parse_command(SV, municipality="Eksjö", known_committees=KNOWN)
    en = parse_command(EN, municipality="Eksjö", known_committees=KNOWN)
    for result in (sv, en):
        draft = result.draft
        assert (result.missing, result.not_understood) == ([], [])
        assert draft.kind is Kind.EXCHANGE and draft.form is Form.EU_PROJECT
        assert draft.committee == "Barn- och utbildningsnämnden" and draft.country == "NO"
        assert (draft.start_date, draft.end_date) == (dt.date(2026, 5, 3), dt.date(2026, 5, 7))
        assert (draft.participants, draft.target_group) == (25, TargetGroup.PUPILS)
        assert (draft.programme, draft.funding_source) == ("Erasmus+", "EU")
        assert draft.partner_city == "Time" and draft.status is Status.PLANNED
    assert sv.draft.title == "Utbyte med Time kommun" and sv.language == "sv"
    assert en.draft.title == "Exchange with Time municipality" and en.language == "en"


def test_every_inference_is_stated() -> None:
    result = parse_command(SV, municipality="Eksjö", known_committees=KNOWN)
    assert set(result.assumed) == {"funding_source", "form", "partner_city", "title", "status"}
    assert len(result.assumptions) == len(result.assumed)
    # said in the line's language, with the form's labels, never as raw field names
    assert any(n.startswith("Partnerort: Time (från partnern") for n in result.assumptions)
    assert any(n.startswith("Status: Planerad (standardvärdet") for n in result.assumptions)
    english = parse_command(EN, municipality="Eksjö", known_committees=KNOWN)
    assert any(n.startswith("Partner city: Time (from the partner") for n in english.assumptions)


def test_missing_and_not_understood_are_reported_not_guessed() -> None:
    result = parse_command("logga studiebesök hos Tartu, flurb, Narnia, 3–7 maj, Barnnämnden",
                           municipality=None, known_committees=KNOWN)
    assert set(result.missing) == {"municipality", "committee", "form", "country", "start_date"}
    assert result.not_understood[:2] == ["flurb", "Narnia"]
    assert "saknar år" in result.not_understood[2]  # a Swedish line is answered in Swedish
    assert "menade du «Barn- och utbildningsnämnden»" in result.not_understood[3]
    assert result.draft.form is None  # a study visit has no programme: the form is asked for


def test_decisions_amounts_status_and_free_text() -> None:
    result = parse_command(
        "logga vänort Kuressaare, Estland, 2026-01-15, KS, beslut KF 12 februari 2026, "
        "Dnr KS 2026/114, 45 000 kr, vilande, syfte: stärka banden, skapa kontakter, "
        "mål: Internationell samverkan; Barn och unga", municipality="Eksjö",
        known_committees=KNOWN)
    draft = result.draft
    assert result.not_understood == [] and result.missing == []
    assert (draft.kind, draft.form, draft.status) == (Kind.TWIN_TOWN, Form.TWIN_TOWN,
                                                      Status.DORMANT)
    assert (draft.decision_body, draft.decision_date, draft.decision_ref) == (
        "Kommunfullmäktige", dt.date(2026, 2, 12), "KS 2026/114")
    assert (draft.funding_amount, draft.currency) == (Decimal("45000"), "SEK")
    assert draft.purpose == "stärka banden, skapa kontakter"
    assert draft.goals == ["Internationell samverkan", "Barn och unga"]
    assert draft.committee == "Kommunstyrelsen"


def test_place_before_the_country_is_the_partner_city() -> None:
    result = parse_command("log study visit to Tartu Art School, Tartu, Estonia, May 3-7, 2026",
                           municipality="Eksjö", known_committees=KNOWN)
    assert result.draft.partner_city == "Tartu" and result.not_understood == []
    assert any(note.startswith("Partner city: Tartu") for note in result.assumptions)


def test_an_overlong_line_is_refused() -> None:
    result = parse_command("logga " + "x" * 5_000, municipality="Eksjö", known_committees=KNOWN)
    assert "högst 2,000" in result.not_understood[0]
    assert "committee" in result.missing
