"""Countries by ISO 3166-1 code, named in Swedish or English.

The register stores the two-letter code so that reports, exports and other systems agree; people
type "Norge", "Norway", "NO" or "Sydkorea". Names come from pycountry and its Swedish
translations, plus a handful of everyday names that the standard spells differently
("England", "Holland", "USA"). Nothing is fuzzy-matched: an unknown name is an error with
suggestions, never a silent guess.
"""

from __future__ import annotations

import difflib
import gettext
import unicodedata
from functools import cache

import pycountry

# Everyday names the ISO lists do not carry, in both languages.
EVERYDAY_NAMES = {
    "england": "GB", "skottland": "GB", "scotland": "GB", "wales": "GB", "storbritannien": "GB",
    "great britain": "GB", "uk": "GB", "britain": "GB", "holland": "NL", "usa": "US",
    "amerika": "US", "america": "US", "united states": "US", "sydkorea": "KR",
    "south korea": "KR", "nordkorea": "KP", "north korea": "KP", "ryssland": "RU",
    "russia": "RU", "tjeckien": "CZ", "czech republic": "CZ", "vitryssland": "BY",
    "tanzania": "TZ", "vietnam": "VN", "bolivia": "BO", "iran": "IR", "syrien": "SY",
    "syria": "SY", "moldavien": "MD", "moldova": "MD", "kosovo": "XK", "palestina": "PS",
    "palestine": "PS", "taiwan": "TW", "laos": "LA", "turkey": "TR", "turkiet": "TR",
    "elfenbenskusten": "CI", "ivory coast": "CI",
}
# Kosovo has no ISO code; XK is the user-assigned code the EU and most registries use.
EXTRA_CODES = {"XK": ("Kosovo", "Kosovo")}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().strip()
    return " ".join(text.replace("\u2019", "'").split())


@cache
def _swedish() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sv"])
    except OSError:  # a pycountry build without locales: English names still work
        return gettext.NullTranslations()


@cache
def _index() -> dict[str, str]:
    names: dict[str, str] = {}
    sv = _swedish()
    for country in pycountry.countries:
        code = country.alpha_2
        for name in (country.name, getattr(country, "common_name", None),
                     getattr(country, "official_name", None), sv.gettext(country.name)):
            if name:
                names.setdefault(_key(name), code)
    for code, (sv_name, en_name) in EXTRA_CODES.items():
        names.setdefault(_key(sv_name), code)
        names.setdefault(_key(en_name), code)
    names.update(EVERYDAY_NAMES)
    return names


def is_code(code: str) -> bool:
    """Whether ``code`` is an assigned ISO 3166-1 alpha-2 code (or XK, Kosovo)."""
    return code in EXTRA_CODES or pycountry.countries.get(alpha_2=code) is not None


def lookup(text: str) -> str | None:
    """The alpha-2 code for a Swedish or English name, or an alpha-2/alpha-3 code; else None."""
    raw = text.strip()
    if len(raw) == 2 and raw.isalpha() and raw.isupper() and is_code(raw):
        return raw
    if len(raw) == 3 and raw.isalpha() and raw.isupper():
        country = pycountry.countries.get(alpha_3=raw)
        if country is not None:
            return str(country.alpha_2)
    return _index().get(_key(raw))


def suggestions(text: str, limit: int = 3) -> list[str]:
    """Names close to an unknown one, for the error message."""
    keys = difflib.get_close_matches(_key(text), list(_index()), n=limit, cutoff=0.75)
    return [name_sv(_index()[k]) for k in keys]


def name_sv(code: str) -> str:
    """The Swedish name of a country code (the code itself if it is unknown)."""
    if code in EXTRA_CODES:
        return EXTRA_CODES[code][0]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return _swedish().gettext(getattr(country, "common_name", None) or country.name)


def name_en(code: str) -> str:
    """The English (common) name of a country code."""
    if code in EXTRA_CODES:
        return EXTRA_CODES[code][1]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)
