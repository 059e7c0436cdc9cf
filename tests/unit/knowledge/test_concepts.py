"""Questions split into concepts: known terms, unknown words weighted by specificity, places
set apart as context, unknown names, English inflections through the glossary."""

from __future__ import annotations

from knowledge.concepts import ConceptAnalyzer, specificity
from knowledge.lexical import LexicalIndex
from knowledge.models import Passage
from knowledge.places import place_names

TEXTS = [
    "Kommunstyrelsen beslutar om nya vänortsavtal med städer i Estland.",
    "Varje nämnd redovisar sitt internationella arbete årligen till kommunstyrelsen.",
    "Region Granvik har ett kontor i Bryssel. Kontoret bevakar EU:s politik.",
    "Kultursektorn ger stöd och bidrag till föreningar för elevutbyten.",
]


def _analyzer() -> ConceptAnalyzer:
    passages = [Passage(id=str(i), doc_id="d", municipality="Granvik", title="t", section="s",
                        text=t, start=0, end=len(t), block_start=0, block_end=len(t))
                for i, t in enumerate(TEXTS)]
    return ConceptAnalyzer(LexicalIndex(passages), place_names(), TEXTS)


def test_known_and_absent_concepts() -> None:
    qc = _analyzer().analyze("Hur mycket traktamente får jag för ett elevutbyte?", "sv")
    words = {c.word: c for c in qc.concepts}
    assert words["elevutbyte"].in_store
    assert not words["traktamente"].in_store and words["traktamente"].weight > 1.5
    assert qc.absent_weight() >= words["traktamente"].weight


def test_places_are_context_not_concepts() -> None:
    qc = _analyzer().analyze("After a visit in Tallinn, who decides on twin towns?", "en")
    assert [word for word, _ in qc.places] == ["Tallinn"]
    assert all(c.word.lower() != "tallinn" for c in qc.concepts)
    assert "tallinn" in qc.expansion


def test_english_inflections_reach_the_glossary() -> None:
    qc = _analyzer().analyze("Which office supports the committees with grants?", "en")
    words = {c.word: c for c in qc.concepts}
    assert {"office", "support", "grants"} <= set(words)
    assert all(c.in_store for c in words.values())


def test_unknown_names_and_cognates() -> None:
    qc = _analyzer().analyze("Vem ansvarar för Zephyrprogrammet och Fjordalia i Granvik?", "sv",
                             own_names=["Granvik"])
    assert "Fjordalia" in qc.unknown_names
    cog = _analyzer().analyze("What does the Bryssels office do?", "en")
    assert not cog.unknown_names


def test_specificity_is_low_for_everyday_words() -> None:
    assert specificity("supposed", "en") < 0.5 < specificity("interpreters", "en")
    assert specificity("fått", "sv") < 0.5 < specificity("klädkod", "sv")


def test_a_word_for_the_policy_itself_is_framing() -> None:
    words = {c.word for c in _analyzer().analyze(
        "Vilka styrdokument tar upp bidrag till föreningar?", "sv").concepts}
    assert "styrdokument" not in words and "bidrag" in words
