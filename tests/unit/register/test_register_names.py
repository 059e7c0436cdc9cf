"""Countries, committees and field values as people type them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from register import committees, countries
from register.errors import ValidationFailed
from register.fields import parse_amount, parse_assignments, parse_field_value
from register.vocab import Kind, Status

KNOWN = ["Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden",
         "Kultur- och fritidsnämnden", "Socialnämnden", "Näringslivsenheten"]


@pytest.mark.parametrize(("name", "code"), [
    ("Norge", "NO"), ("Norway", "NO"), ("NO", "NO"), ("NOR", "NO"), ("tyskland", "DE"),
    ("Sydkorea", "KR"), ("South Korea", "KR"), ("Förenade kungariket", "GB"), ("England", "GB"),
    ("Nederländerna", "NL"), ("Holland", "NL"), ("Moçambique", "MZ"), ("Kosovo", "XK"),
    ("  estland ", "EE"),
])
def test_country_names_in_swedish_and_english(name: str, code: str) -> None:
    assert countries.lookup(name) == code


def test_unknown_countries_are_not_guessed() -> None:
    assert countries.lookup("Narnia") is None
    assert countries.lookup("no") is None  # a lower-case word is not a code
    assert countries.suggestions("Norgee") == ["Norge"]
    assert (countries.name_sv("EE"), countries.name_en("EE")) == ("Estland", "Estonia")


@pytest.mark.parametrize(("typed", "name"), [
    ("barn- och utbildningsnämnden", "Barn- och utbildningsnämnden"),
    ("BUN", "Barn- och utbildningsnämnden"),
    ("Children and Education Committee", "Barn- och utbildningsnämnden"),
    ("the municipal executive board", "Kommunstyrelsen"), ("KF", "Kommunfullmäktige"),
    ("business development unit", "Näringslivsenheten"),
])
def test_committee_spellings_resolve_to_the_configured_name(typed: str, name: str) -> None:
    assert committees.resolve(typed, KNOWN) == name


def test_unknown_committee_names_the_closest_known() -> None:
    with pytest.raises(committees.UnknownCommitteeError,
                       match="did you mean 'Barn- och utbildningsnämnden'"):
        committees.resolve("Barnnämnden", KNOWN)
    assert committees.find("Tekniska nämnden", KNOWN) is None  # an alias of an unconfigured one
    assert committees.find("GN", KNOWN) is None


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("120 000 kr", "120000", "SEK"), ("SEK 50,000", "50000", "SEK"), ("€20 000", "20000", "EUR"),
    ("1,5 mkr", "1500000", "SEK"), ("150 tkr", "150000", "SEK"), ("20.000 EUR", "20000", "EUR"),
    ("12,50 kr", "12.50", "SEK"), ("1 234 567,89 SEK", "1234567.89", "SEK"),
])
def test_amounts(text: str, amount: str, currency: str) -> None:
    assert parse_amount(text) == (Decimal(amount), currency)


def test_field_values_from_text() -> None:
    assert parse_field_value("kind", "Study visit") is Kind.STUDY_VISIT
    assert parse_field_value("status", "vilande") is Status.DORMANT
    assert parse_field_value("goals", "A; B;") == ["A", "B"]
    assert parse_field_value("participants", "1 200") == 1200
    assert parse_field_value("purpose", "  ") is None
    with pytest.raises(ValueError, match="is not a kind; use one of: exchange"):
        parse_field_value("kind", "flight")
    with pytest.raises(ValueError, match="not a field"):
        parse_field_value("colour", "red")
    with pytest.raises(ValidationFailed) as caught:
        parse_assignments({"syfte": "Lära", "participants": "many", "land": "Narnia"})
    assert caught.value.fields == {"participants", "country"}
