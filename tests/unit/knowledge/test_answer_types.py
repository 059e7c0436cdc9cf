"""A question asking for a value is answered only by a passage that states one."""

from __future__ import annotations

import pytest

from knowledge.answer_types import expected_type, satisfies


@pytest.mark.parametrize(("question", "kind"), [
    ("Hur mycket får en skolklass i resebidrag?", "amount"),
    ("What fee does the partner town charge?", "amount"),
    ("Finns det ett högsta stöd per elev för en skolresa?", "amount"),  # a limit on money
    ("What is the usual subsidy amount per pupil?", "amount"),  # four words between
    ("Vem beslutar om budgeten för utbyten?", "actor"),  # who, not an amount
    ("Which of the guests' costs do we cover?", ""),  # kinds of costs, not one sum
    ("Hur många vänorter har vi?", "number"),
    ("Vilket datum fastställdes programmet?", "date"),
    ("När antogs riktlinjerna?", "date"),
    ("När ska rapporten lämnas?", ""),  # a rhythm answers it
    ("Vilken mejladress har samordnaren?", "contact"),
    ("What is the phone number of the EU office?", "contact"),
    ("A teacher in Riga sent me an email: may our school join their project?", ""),  # context
    ("Vilka städer samarbetar regionen med?", "names"),
    ("Vad heter vår EU-samordnare?", "person"),
])
def test_expected_type(question: str, kind: str) -> None:
    assert expected_type(question) == kind


def test_values_are_recognised_in_passages() -> None:
    assert satisfies("amount", "Föreningen kan få högst 20 000 kronor per resa.")
    assert not satisfies("amount", "Föreningar kan söka bidrag för resor till vänorten.")
    assert satisfies("date", "Riktlinjerna fastställdes den 4 maj 2021.")
    assert not satisfies("date", "Riktlinjerna fastställdes av kommunstyrelsen.")
    assert satisfies("contact", "Skriv till eu@exempelby.se om du har frågor.")
    assert satisfies("names", "Vi samarbetar med Tartu, Gdynia och Narvik.")
    assert not satisfies("names", "Vi samarbetar med städer i Kina.", {"Kina"})
    assert satisfies("", "vad som helst")


def test_the_questions_own_subject_is_not_who_acts() -> None:
    passage = "Arbetet omfattar deltagande i regionala nätverk och i europeiska projekt."
    question = "Vem bestämmer om vi ska ansluta oss till ett nätverk?"
    assert satisfies("actor", passage)  # a network is a unit that can act …
    assert not satisfies("actor", passage, topic=question)  # … but here it is what is decided
    assert satisfies("actor", "Kommunstyrelsen beslutar om anslutning till nätverk.",
                     topic=question)
