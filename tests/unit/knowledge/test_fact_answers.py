"""Answers from facts: complete, cited verbatim, and silent when no fact matches."""

from __future__ import annotations

import pytest

from knowledge.service import InvalidQuestionError, PolicyService


def _verbatim(service: PolicyService, answer_citations: list) -> bool:  # type: ignore[type-arg]
    docs = {d.title + d.municipality: d.text for d in service.documents.values()}
    return all(c.quote in docs[c.document + c.municipality] for c in answer_citations)


def test_who_names_every_body_in_the_decision(service: PolicyService) -> None:
    answer = service.ask("Vem beslutar om avtal med nya vänorter?", "Älmhult")
    assert answer.mode == "facts" and not answer.abstained
    assert "Kommunfullmäktige (KF) beslutar" in answer.text
    assert "Kommunstyrelsen (KS) tecknar" in answer.text
    assert _verbatim(service, answer.citations)


def test_english_who_question_names_bodies_in_english(service: PolicyService) -> None:
    answer = service.ask("Who decides on grants for projects and exchanges?", "Eksjö")
    assert answer.mode == "facts"
    assert "Tillväxt- och utvecklingssektorn" in answer.text and "decides" in answer.text


def test_what_does_a_body_do_lists_all_its_responsibilities(service: PolicyService) -> None:
    answer = service.ask("Vad ansvarar kommunstyrelsen för?", "Kungsbacka")
    for duty in ("Samordna", "kompetensutveckling", "hemsidan", "handlingsplan"):
        assert duty in answer.text


def test_fictional_policy_decision_chain(service: PolicyService) -> None:
    answer = service.who("vänortsavtal", "Norrvika")
    assert "Kommunfullmäktige (KF) beslutar" in answer.text
    assert "Kommunstyrelsen (KS) bereder" in answer.text
    assert "Kommunfullmäktiges ordförande tecknar" in answer.text


def test_who_across_municipalities_answers_each(service: PolicyService) -> None:
    answer = service.who("medlemskap i internationella nätverk")
    for muni in ("Eksjö", "Sjöbacka", "Fjällsta"):  # Fjällsta says "ansluta sig till"
        assert f"{muni}:" in answer.text
    assert "Ale:" not in answer.text and "Kungsbacka:" not in answer.text


def test_no_matching_fact_falls_back_and_stays_honest(service: PolicyService) -> None:
    answer = service.who("parkeringsavgifter vid rådhuset", "Ale")
    assert answer.abstained


def test_goals_by_area_and_kind(service: PolicyService) -> None:
    answer = service.goals("Eksjö", area="ungdom")
    assert "Ungdom:" in answer.text and answer.citations
    assert "demokratiutveckling," not in answer.text  # goals about other areas are left out
    everywhere = service.goals(area="ungdom")  # no municipality: every policy that has one
    assert "Eksjö:" in everywhere.text and "Ale:" in everywhere.text
    priorities = service.ask("Vilka prioriterade områden har vi?", "Eksjö")
    assert priorities.mode == "facts" and "Näringsliv och civilsamhälle" in priorities.text


def test_obligations_carry_rhythm_and_report_contents(service: PolicyService) -> None:
    answer = service.obligations("Kungsbacka")
    assert "efter varje utbyte" in answer.text and "dragna lärdomar" in answer.text
    assert "årligen" in answer.text


def test_briefing_is_complete_and_verbatim(service: PolicyService) -> None:
    for muni in service.municipalities():
        b = service.briefing(muni)
        assert b.goals and b.responsibilities and b.obligations, muni
        assert _verbatim(service, b.citations())
    assert service.briefing("kungsbacka kommun").municipality == "Kungsbacka"


def test_bad_input_is_refused_with_a_message(service: PolicyService) -> None:
    with pytest.raises(InvalidQuestionError, match="Unknown municipality"):
        service.briefing("Atlantis")
    with pytest.raises(InvalidQuestionError, match="empty"):
        service.who("   ", "Ale")
    with pytest.raises(InvalidQuestionError, match="limit"):
        service.who("x" * 50_000, "Ale")
