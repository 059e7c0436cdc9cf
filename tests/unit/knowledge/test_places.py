"""Countries, regions, cities and nationalities resolve in both languages (CLDR, ISO data)."""

from __future__ import annotations

import pytest

from knowledge.places import place_names


@pytest.mark.parametrize(("word", "swedish"), [
    ("Estonia", "estland"), ("Estland", "estland"), ("Lithuanian", "litauen"),
    ("litauiska", "litauen"), ("kinesiska", "kina"), ("Dutch", "nederländerna"),
    ("German", "tyskland"), ("Europe", "europa"), ("Brussels", "bryssel"),
    ("Tallinn", "tallinn"),
])
def test_place_names_in_both_languages(word: str, swedish: str) -> None:
    place = place_names().lookup(word)
    assert place is not None and place.swedish == swedish


@pytest.mark.parametrize("word", ["styrelse", "vänort", "budget", "Kommunstyrelsen"])
def test_ordinary_words_are_not_places(word: str) -> None:
    assert place_names().lookup(word) is None
