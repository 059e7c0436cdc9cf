"""Actors in running text: one body table, back-references, region and city bodies."""

from __future__ import annotations

import pytest

from knowledge.actors import find_actors
from knowledge.antecedents import Antecedents
from knowledge.fact_answers import actor_name
from knowledge.fact_index import asked_action, asked_actors
from knowledge.lexicon import body_mentions


def names(text: str, known: Antecedents | None = None) -> list[str]:
    return [m.name for m in find_actors(text, known)]


@pytest.mark.parametrize(("first", "later", "name"), [
    ("Kommunikationsavdelningen svarar för webben.", "Avdelningen", "Kommunikationsavdelningen"),
    ("Demokratiberedningen träffas i maj.", "Beredningen", "Demokratiberedningen"),
    ("Vänortskommittén har fem ledamöter.", "Kommittén", "Vänortskommittén"),
    ("Ekonomistaben gör prognoser.", "Staben", "Ekonomistaben"),
    ("Kultursekretariatet finns i rådhuset.", "Sekretariatet", "Kultursekretariatet"),
    ("Kommunen har ett internationellt råd.", "Rådet", "Internationella rådet"),
    ("Vi har ett kontor i Tallinn.", "Kontoret", "Kontoret"),
    ("Regionstyrelsen leder arbetet.", "Styrelsen", "Regionstyrelsen"),
])
def test_a_bare_unit_noun_refers_back_to_the_unit_of_that_kind(first: str, later: str,
                                                              name: str) -> None:
    known = Antecedents()
    known.remember(find_actors(first, known))
    assert names(f"{later} beslutar om resor.", known) == [name]


def test_a_bare_unit_noun_with_nothing_to_refer_to_is_not_an_actor() -> None:
    assert names("Avdelningen beslutar om resor.") == []
    assert names("Sedan dess beslutar beredningen om bidrag.") == []


def test_nämnden_and_styrelsen_refer_back_only_when_one_was_named() -> None:
    one = Antecedents()
    one.remember(find_actors("Miljönämnden ansvarar för klimatfrågor.", one))
    assert names("Nämnden beslutar.", one) == ["Miljönämnden"]
    two = Antecedents()
    two.remember(find_actors("Miljönämnden och Kulturnämnden samverkar.", two))
    assert names("Nämnden beslutar.", two) == ["Nämnderna"]  # the committee in general
    assert names("Styrelsen beslutar.", two) == []


def test_the_document_s_organisation_decides_what_bare_fullmäktige_means() -> None:
    assert names("fullmäktige antar strategin") == ["Kommunfullmäktige"]
    region = Antecedents("Region Norrskog")
    assert names("Fullmäktige antar strategin. Regionen ansöker.", region) == [
        "Regionfullmäktige", "Region Norrskog"]


@pytest.mark.parametrize(("text", "name", "english"), [
    ("regionfullmäktige", "Regionfullmäktige", "the regional council"),
    ("Regionstyrelsens arbetsutskott", "Regionstyrelsens arbetsutskott",
     "the regional executive board's working committee"),
    ("den regionala utvecklingsnämnden", "Regionala utvecklingsnämnden",
     "the regional development committee"),
    ("landstingsstyrelsen", "Landstingsstyrelsen", "the county council executive board"),
    ("stadsdelsnämnderna", "Stadsdelsnämnderna", "the district committees"),
    ("varje stadsdelsnämnd", "Stadsdelsnämnderna", "the district committees"),
    ("stadsledningskontoret", "Stadsledningskontoret", "the executive office"),
    ("kommunstyrelsens förvaltning", "Kommunstyrelsens förvaltning",
     "the municipal executive board's administration"),
    ("finansborgarrådet", "Finansborgarrådet", "the finance commissioner"),
    ("kommunfullmäktiges presidium", "Kommunfullmäktiges presidium",
     "the presidium of the municipal council"),
])
def test_region_and_city_bodies_have_canonical_and_english_names(text: str, name: str,
                                                                 english: str) -> None:
    assert names(f"{text} beslutar") == [name]
    assert body_mentions(text)[0][2] == english


def test_preparatory_bodies_are_actors() -> None:
    assert names("Internationella beredningen och styrgruppen möts") == [
        "Internationella beredningen", "Styrgruppen"]
    assert names("en särskild styrgrupp som leder projektet") == ["Styrgruppen"]


def test_rs_and_rf_only_in_capitals() -> None:
    assert names("RS beslutar och RF antar") == ["Regionstyrelsen", "Regionfullmäktige"]
    assert names("rs beslutar och Rf antar") == []


def test_a_co_ordinated_unit_shares_varje() -> None:
    assert names("Varje enhet och bolag ansvarar") == ["Enheterna", "Bolagen"]


def test_organisations_act_but_are_not_bodies_of_themselves() -> None:
    assert names("Västra Götalandsregionen och Hamnbolaget Nord AB") == [
        "Västra Götalandsregionen", "Hamnbolaget Nord AB"]
    assert body_mentions("Region Norrskog arbetar internationellt") == []


def test_english_answer_names_a_region_body_with_its_abbreviation() -> None:
    assert actor_name("Regionstyrelsen", "en") == (
        "Regionstyrelsen (RS, the regional executive board)")
    assert actor_name("Internationella rådet", "en") == (
        "Internationella rådet (the international council)")


def test_a_question_about_preparing_asks_for_the_preparing_body() -> None:
    assert asked_action("Vem bereder ärenden om vänorter?") == "prepares"
    assert asked_actors("Who decides, the regional executive board?", "en") == [
        "Regionstyrelsen"]
