"""Swedish and English word forms the stemmer leaves apart, brought together by general rules."""

from __future__ import annotations

from knowledge.lexicon import english_lemmas
from knowledge.text import Analyzer


def _analyzer(text: str) -> Analyzer:
    analyzer = Analyzer()
    analyzer.extend([text])
    return analyzer


def test_nouns_in_or_keep_one_term_for_every_form() -> None:
    a = _analyzer("Kontoret i Bryssel bevakar EU. Sektorn beslutar. Sektorerna samarbetar. "
                  "Resorna bokas av deltagarna.")
    assert set(a.terms("kontor")) == set(a.terms("kontoret"))
    assert set(a.terms("sektor")) == set(a.terms("sektorn")) == set(a.terms("sektorerna"))
    assert a.terms("resor") == a.terms("resa")  # a plural of -a, not a noun in -or


def test_negating_prefix_and_ation_nouns_meet_their_bases() -> None:
    a = _analyzer("Arbetet är decentraliserat. Organisationen av arbetet ses över.")
    assert set(a.terms("centraliserat")) <= set(a.terms("decentraliserat"))
    assert set(a.terms("organiseras")) & set(a.terms("organisationen"))


def test_english_inflections_find_glossary_entries() -> None:
    assert english_lemmas("supports") == ["support"]
    assert "coordinate" in english_lemmas("coordinating")
    assert "decide" in english_lemmas("decided")
    assert english_lemmas("kontor") == []
