"""The organisation registry: what users type, and how texts name municipalities and regions."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from knowledge.municipalities import Organisation, Registry, load_registry
from knowledge.org_names import genitive, official_for, place_from

DATA = Path(__file__).resolve().parents[3] / "knowledge" / "data" / "municipalities_se.csv"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_the_table_is_complete_and_consistent() -> None:
    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    kinds = Counter(r["kind"] for r in rows)
    assert kinds == {"kommun": 290, "region": 21}
    regions = {r["code"] for r in rows if r["kind"] == "region"}
    assert all(r["code"][:2] in regions for r in rows if r["kind"] == "kommun")
    names = Counter(r["name"] for r in rows if r["kind"] == "kommun")
    assert max(names.values()) == 1


@pytest.mark.parametrize(("typed", "canonical"), [
    ("Göteborg", "Göteborg"), ("Gothenburg", "Göteborg"), ("Göteborgs Stad", "Göteborg"),
    ("göteborgs stad", "Göteborg"), ("City of Gothenburg", "Göteborg"),
    ("Falun", "Falun"), ("Falu kommun", "Falun"), ("Falu", "Falun"),
    ("Region Skåne", "Region Skåne"), ("Skåne", "Region Skåne"), ("Region Skånes", "Region Skåne"),
    ("Eksjö kommun", "Eksjö"), ("eksjo", "Eksjö"), ("EKSJÖ", "Eksjö"),
    ("Halmstads kommun", "Halmstad"), ("Halmstad municipality", "Halmstad"),
    ("Västra Götalandsregionen", "Västra Götalandsregionen"),
    ("Västra Götaland", "Västra Götalandsregionen"),
    ("Jämtland Härjedalen", "Region Jämtland Härjedalen"),
    ("Örebro läns landsting", "Region Örebro län"),
    ("Skåne-regionen", "Region Skåne"),
    ("Stockholm", "Stockholm"), ("Stockholms län", "Region Stockholm"),
    ("Gotland", "Region Gotland"), ("Lilla Edets kommun", "Lilla Edet"),
    ("malung salen", "Malung-Sälen"), ("Borås Stad", "Borås"),
])
def test_what_users_type_resolves(registry: Registry, typed: str, canonical: str) -> None:
    org = registry.resolve(typed)
    assert org is not None and org.name == canonical


def test_official_names_are_kept(registry: Registry) -> None:
    falun = registry.resolve("Falun")
    assert falun is not None and falun.official == "Falu kommun" and falun.kind == "kommun"
    skane = registry.resolve("Skåne")
    assert skane is not None and skane.kind == "region"


def test_accents_decide_only_where_needed(registry: Registry) -> None:
    habo, hbo = registry.resolve("Habo"), registry.resolve("Håbo")
    assert habo is not None and hbo is not None and habo != hbo


@pytest.mark.parametrize(("typed", "canonical"), [
    ("Göteborj", "Göteborg"), ("Halmstadt", "Halmstad"), ("Vetlnda", "Vetlanda"),
])
def test_a_typo_resolves_to_the_one_close_name(registry: Registry, typed: str,
                                                canonical: str) -> None:
    org = registry.resolve(typed)
    assert org is not None and org.name == canonical
    assert registry.resolve(typed, fuzzy=False) is None


@pytest.mark.parametrize("typed", ["Atlantis", "Västerholm", "Lövsta", "", "   ", "kommun"])
def test_unknown_names_do_not_resolve(registry: Registry, typed: str) -> None:
    assert registry.resolve(typed) is None


def test_suggestions_name_close_organisations(registry: Registry) -> None:
    assert "Halmstad" in [o.name for o in registry.suggest("Halmsta")]


def test_mentions_in_a_text(registry: Registry) -> None:
    text = ("Vänortsavtal tecknas av Falu kommun. I Halmstads kommun beslutar fullmäktige. "
            "Region Västernorrland och regionen samverkar; Göteborgs Stads nämnder deltar. "
            "Det kan vara kommunen själv. Anna Norberg svarar på frågor om Skåne.")
    found = [(m.organisation.name, text[m.start:m.end]) for m in registry.find_in_text(text)]
    assert found == [("Falun", "Falu kommun"), ("Halmstad", "Halmstads kommun"),
                     ("Region Västernorrland", "Region Västernorrland"),
                     ("Göteborg", "Göteborgs Stads")]
    with_places = [m.organisation.name for m in registry.find_in_text(text, places=True)]
    assert with_places[-2:] == ["Norberg", "Region Skåne"]  # places are the caller's risk


def test_a_form_needs_a_capital_letter(registry: Registry) -> None:
    assert registry.find_in_text("det ska vara kommun och region som bär det") == []
    assert [m.organisation.name for m in registry.find_in_text("FALU KOMMUN")] == ["Falun"]


def test_a_name_across_a_line_break_is_found(registry: Registry) -> None:
    text = "Policyn gäller för Lilla\nEdets kommun."
    (mention,) = registry.find_in_text(text)
    assert mention.organisation.name == "Lilla Edet" and text[mention.end - 6:mention.end] == (
        "kommun")


def test_extra_organisations_get_generated_forms(registry: Registry) -> None:
    extended = registry.with_names(["Västerholm", "Lövsta", "Falun"])
    assert registry.resolve("Västerholm") is None  # the shared registry is unchanged
    vh = extended.resolve("Västerholms kommun")
    assert vh is not None and vh.name == "Västerholm" and not vh.listed
    assert vh.official == "Västerholms kommun"
    lv = extended.resolve("lövsta kommun")
    assert lv is not None and lv.name == "Lövsta" and lv.official == "Lövsta kommun"
    assert [m.organisation.name for m in extended.find_in_text("Samarbete i Lövsta kommun")] == [
        "Lövsta"]
    assert extended.resolve("Falun") == registry.resolve("Falun")


def test_a_listed_name_wins_over_an_unlisted_one(registry: Registry) -> None:
    odd = registry.extended([Organisation.unlisted("Falu")])
    falun = odd.resolve("Falu kommun")
    assert falun is not None and falun.listed


@pytest.mark.parametrize(("name", "expected"), [
    ("Halmstad", "Halmstads"), ("Eksjö", "Eksjös"), ("Borås", "Borås"), ("Kalix", "Kalix"),
])
def test_genitive(name: str, expected: str) -> None:
    assert genitive(name) == expected


@pytest.mark.parametrize(("typed", "place", "official"), [
    ("Västerholms kommun", "Västerholm", "Västerholms kommun"),
    ("lövsta", "Lövsta", "Lövsta kommun"), ("City of Norrvik", "Norrvik", "Norrviks kommun"),
    ("Nya Fjällsta kommun", "Nya Fjällsta", "Nya Fjällsta kommun"),
])
def test_names_given_by_users(typed: str, place: str, official: str) -> None:
    assert place_from(typed) == place
    assert official_for(place) == official


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(ValueError):
        Organisation.unlisted("  ")


STORED = ["Göteborg", "Falu", "Region Skåne", "Västerholm", "Vara"]  # "Falu": an older store


def test_the_stored_name_a_user_means(registry: Registry) -> None:
    known = registry.with_names(STORED)
    assert known.stored_name("Gothenburg", STORED) == "Göteborg"
    assert known.stored_name("Falun", STORED) == "Falu"
    assert known.stored_name("skåne", STORED) == "Region Skåne"
    assert known.stored_name("Västerholms kommun", STORED) == "Västerholm"
    assert known.stored_name("Eksjö", STORED) is None  # listed, but nothing stored for it
    assert known.stored_name("Atlantis", STORED) is None


def test_names_in_a_question_in_any_case(registry: Registry) -> None:
    known = registry.with_names(STORED)
    question = "vad säger göteborgs stad och Falun's policy om vänorter, jämfört med västerholm?"
    assert known.named_in(question, STORED) == ["Göteborg", "Falu", "Västerholm"]
    assert known.named_in("Vem ska vara kontakt?", STORED) == ["Vara"]  # the caller's risk,
    assert known.named_in("Vem ska vara kontakt?", ["Göteborg"]) == []  # only if stored
