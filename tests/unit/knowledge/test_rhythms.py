"""When a question asks about a duty: the everyday ways of saying "after the trip"."""

from __future__ import annotations

import pytest

from knowledge.rhythms import rhythm_in_question, without_rhythm_words


@pytest.mark.parametrize("question", [
    "Måste vi lämna något när vi har kommit tillbaka från Riga?",
    "Vad ska göras efter konferensen i Bryssel?",
    "Is there anything we must file when we get back from the exchange?",
    "What is expected of the group after they return?",
])
def test_after_the_trip(question: str) -> None:
    assert rhythm_in_question(question) == "after_each"


def test_a_trip_as_a_topic_has_no_rhythm() -> None:
    assert rhythm_in_question("Vem godkänner resan till Riga?") == ""


def test_the_when_phrase_is_not_part_of_the_subject() -> None:
    rest = without_rhythm_words("Vad måste skolan redovisa när vi har kommit hem från Riga?")
    assert "kommit" not in rest and "redovisa" in rest and "Riga" in rest
    assert "varje år" not in without_rhythm_words("Vad ska nämnden rapportera varje år?")
