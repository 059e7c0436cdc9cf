"""Questions about the document itself are answered from the lines that state the fact."""

from __future__ import annotations

import pytest

from knowledge.doc_answers import asked_aspects, statements, without_aspect_words
from knowledge.models import Document

COVER = """Riktlinjer för internationellt samarbete i Granvik

Dnr KS 2021/55
Antagen av kommunfullmäktige 2021-05-04, § 33

Riktlinjerna ersätter Internationell strategi från 2012 och gäller tills vidare.

Kommunfullmäktige beslutar om nya vänortsavtal efter beredning i kommunstyrelsen."""


def _doc(text: str = COVER) -> Document:
    return Document(id="g", municipality="Granvik", title="Riktlinjer för internationellt "
                    "samarbete i Granvik", kind="riktlinje", source="g.txt", content_hash="h",
                    text=text)


@pytest.mark.parametrize(("question", "aspect"), [
    ("När antogs riktlinjerna och av vem?", "adopted"),
    ("Which body adopted the guidelines?", "adopted"),
    ("Vilket diarienummer har dokumentet?", "dnr"),
    ("How long are the guidelines valid?", "valid"),
    ("Vad ersätter riktlinjerna?", "replaces"),
    ("Vilket program ersattes när riktlinjerna kom?", "replaces"),  # past passive
    ("Har ni diarienumret för strategin?", "dnr"),  # definite form
    ("Sedan när gäller riktlinjerna?", "valid"),
])
def test_aspects_asked(question: str, aspect: str) -> None:
    assert aspect in asked_aspects(question)


def test_a_decision_question_is_not_about_the_document() -> None:
    assert asked_aspects("Vem beslutar om nya vänortsavtal?") == []


@pytest.mark.parametrize(("aspect", "fragment"), [
    ("adopted", "Antagen av kommunfullmäktige 2021-05-04"),
    ("dnr", "Dnr KS 2021/55"),
    ("replaces", "ersätter Internationell strategi"),
    ("valid", "gäller tills vidare"),
])
def test_statements_quote_the_stating_line_verbatim(aspect: str, fragment: str) -> None:
    doc = _doc()
    found = statements(doc, aspect)
    assert found and fragment in found[0].citation.quote
    c = found[0].citation
    assert doc.text[c.start:c.end] == c.quote


def test_a_body_sentence_is_not_an_adoption_statement() -> None:
    found = statements(_doc(), "adopted")
    assert all("beredning" not in s.citation.quote for s in found)


def test_label_inside_a_flattened_cover_gets_a_window() -> None:
    text = ("Strategi 1/4 Beslutad: KF Gäller fr o m: Myndighet: Kommunstyrelsen " + "ord " * 120
            + "Ersätter: Strategi för kontakter 2009 " + "mer text " * 60)
    found = statements(_doc(text), "replaces")
    assert found and "Ersätter: Strategi för kontakter 2009" in found[0].citation.quote
    assert len(found[0].citation.quote) < 400


def test_a_contact_question_gets_the_whole_contact_card() -> None:
    text = ("Vänorter i Granvik\n\nKommunen har tre vänorter.\n\nKontakt\n\nSara Lindqvist\n"
            "Internationell samordnare\nTelefon: 0451-123 45\nsara.lindqvist@granvik.se\n")
    assert "contact" in asked_aspects("Jag är ny – vem är kontaktperson för vänorterna?")
    found = statements(_doc(text), "contact")
    quote = found[0].citation.quote
    assert "Sara Lindqvist" in quote and "0451-123 45" in quote
    assert "tre vänorter" not in quote


def test_an_anaphoric_statement_brings_the_sentence_it_points_to() -> None:
    text = ("Bakgrund\n\nSedan 2012 har Granvik haft en strategi för vänorter. Dessa riktlinjer "
            "ska ersätta denna.")
    quote = statements(_doc(text), "replaces")[0].citation.quote
    assert quote.startswith("Sedan 2012") and quote.endswith("ersätta denna.")


def test_a_revised_predecessor_is_what_the_document_replaces() -> None:
    text = ("Internationell strategi för Granvik\n\nOmvärlden har förändrats, och därför "
            "reviderar kommunen sin strategi för internationellt arbete från 2014.\n\n"
            "Nämnderna ska revidera sina handlingsplaner varje år.")
    quotes = [s.citation.quote for s in statements(_doc(text), "replaces")]
    assert quotes == ["Omvärlden har förändrats, och därför reviderar kommunen sin strategi för "
                      "internationellt arbete från 2014."]


def test_a_perfect_passive_states_the_adoption() -> None:
    text = ("Vänortsarbete i Granvik\n\nArbetet leds enligt riktlinjer som har fastställts av "
            "kommunfullmäktige.\n\nKommunen har tre vänorter.")
    quotes = [s.citation.quote for s in statements(_doc(text), "adopted")]
    assert quotes == ["Arbetet leds enligt riktlinjer som har fastställts av kommunfullmäktige."]


def test_aspect_words_are_not_the_subject() -> None:
    rest = without_aspect_words("Har ni diarienumret för handlingsplanen för Erasmus?")
    assert "diarienumret" not in rest and "Erasmus" in rest
    assert without_aspect_words("Vem beslutar om bidrag?") == "Vem beslutar om bidrag?"
