"""A question that asks for names (or an amount, a date …) is answered from the passage that
states them when the best-scoring one does not, provided it is as much on the subject."""

from __future__ import annotations

from knowledge.candidates import typed_first
from knowledge.composer import Quote
from knowledge.models import Citation, Passage


def _quote(text: str, score: float) -> Quote:
    passage = Passage(id=text[:10], doc_id="d", municipality="Granvik", title="Policy",
                      section="Inledning", text=text, start=0, end=len(text), block_start=0,
                      block_end=len(text))
    return Quote(passage, Citation("Granvik", "Policy", "Inledning", text, "d"), score)


def _coverage(text: str) -> float:  # the subject of the questions below: partner towns
    return 1.0 if "partnerort" in text.lower() else 0.0


QUOTES = [
    _quote("Skolor kan söka bidrag för resor till partnerorterna.", 0.9),
    _quote("Sedan 1995 har kommunen samarbetat med partnerorterna Tartu och Gdynia.", 0.4),
    _quote("Kommunen deltar i Interreg Öresund och i Baltic Sea Network.", 0.3),
]


def test_the_passage_with_names_leads_and_takes_the_best_score() -> None:
    ordered = typed_first("Vilka partnerorter har vi?", QUOTES, _coverage, 5)
    assert "Tartu" in ordered[0].citation.quote and ordered[0].score == 0.9
    assert len(ordered) == len(QUOTES)


def test_a_passage_off_the_subject_is_not_promoted() -> None:
    quotes = [QUOTES[0], QUOTES[2]]  # names, but not about partner towns
    assert typed_first("Vilka partnerorter har vi?", quotes, _coverage, 5) == quotes


def test_a_question_asking_for_no_value_keeps_the_order() -> None:
    assert typed_first("Vem beslutar om partnerorter?", QUOTES, _coverage, 5) == QUOTES
