"""Countries, world regions, major cities and nationalities in Swedish and English, from data
that libraries ship.

A question often names a place as context ("after a study visit in Estonia, what must we
report?"). To tell such context from the topic, and to let "Estonia" or "Lithuanian" find a
policy that writes "Estland" or "Litauen", we need every country and nationality in both
languages. Hand tables grow one entry per failure; pycountry (ISO 3166, with its Swedish
translations) and Babel (CLDR region and language names, official languages per territory)
hold them all.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

# CLDR macro-regions people name as context ("in Europe", "i Norden", "Östersjöregionen"):
# the numeric UN M.49 codes CLDR translates.
_REGION_CODES = ("001", "002", "005", "009", "011", "013", "014", "015", "017", "018", "019",
                 "021", "029", "030", "034", "035", "039", "053", "054", "057", "061", "142",
                 "143", "145", "150", "151", "154", "155", "202", "419", "EU", "EZ", "UN")


@dataclass(frozen=True)
class Place:
    """A country, world region or city, with its names in both languages (lower case); a
    city's code is its country's followed by its time zone ("BE:Europe/Brussels")."""

    code: str
    swedish: str
    english: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.swedish, self.english)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().strip()
    return re.sub(r"\s+", " ", text)


def _strip_inflection(word: str) -> str:
    """Swedish adjective endings: "litauiska", "polskt", "kinesiskt" → "litauisk"."""
    return re.sub(r"(isk|sk)(a|t|e)$", r"\1", word)


class PlaceNames:
    """Look up a word or phrase as a country, world region or nationality/language."""

    def __init__(self) -> None:
        sv_countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                           languages=["sv"], fallback=True)
        sv, en = Locale("sv"), Locale("en")
        self.places: dict[str, Place] = {}
        self._by_name: dict[str, Place] = {}
        for country in pycountry.countries:
            code = country.alpha_2
            swedish = str(sv.territories.get(code) or sv_countries.gettext(country.name))
            english = str(en.territories.get(code) or country.name)
            place = Place(code, _fold(swedish), _fold(english))
            self.places[code] = place
            names = {swedish, english, country.name, sv_countries.gettext(country.name),
                     getattr(country, "common_name", ""), getattr(country, "official_name", "")}
            for name in names:
                if name:
                    self._by_name.setdefault(_fold(name), place)
        for code in _REGION_CODES:
            if code in sv.territories and code in en.territories:
                place = Place(code, _fold(sv.territories[code]), _fold(en.territories[code]))
                self.places[code] = place
                for name in place.names:
                    self._by_name.setdefault(name, place)
        for zone, code in get_global("zone_territories").items():  # CLDR's exemplar cities
            if code not in self.places or "/" not in zone or zone.startswith("Etc/"):
                continue
            cities = [str(get_timezone_location(zone, locale=loc, return_city=True) or "")
                      for loc in ("sv", "en")]
            if all(cities):
                city = Place(f"{code}:{zone}", _fold(cities[0]), _fold(cities[1]))
                for name in cities:
                    self._by_name.setdefault(_fold(name), city)
        self._languages: dict[str, str] = {}  # "litauisk"/"lithuanian" -> language code
        for code in set(sv.languages) & set(en.languages):
            if "_" in code:
                continue
            self._languages.setdefault(_strip_inflection(_fold(sv.languages[code])), code)
            self._languages.setdefault(_fold(en.languages[code]), code)

    def place(self, phrase: str) -> Place | None:
        """The country, region or major city (CLDR's exemplar cities: "Tallinn",
        "Bryssel"/"Brussels") ``phrase`` names, in either language."""
        return self._by_name.get(_fold(phrase))

    def nationality(self, word: str) -> Place | None:
        """The country a nationality or language adjective points to ("Lithuanian",
        "kinesiska"): the language's likely territory in CLDR (German → Germany, French →
        France, Dutch → the Netherlands)."""
        folded = _fold(word)
        code = self._languages.get(folded) or self._languages.get(_strip_inflection(folded))
        if code is None:
            return None
        territory = _likely_territory(code)
        return self.places.get(territory) if territory else None

    def lookup(self, phrase: str) -> Place | None:
        return self.place(phrase) or self.nationality(phrase)


@lru_cache(maxsize=1)
def place_names() -> PlaceNames:
    """One shared, read-only table: building it reads a few thousand CLDR entries."""
    return PlaceNames()


def _likely_territory(language: str) -> str:
    """CLDR's likely subtags: "fr" → "fr_Latn_FR" → FR."""
    likely = str(get_global("likely_subtags").get(language, ""))
    parts = likely.split("_")
    return parts[-1] if len(parts) > 1 and parts[-1].isupper() else ""
