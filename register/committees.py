"""Committee (nämnd/förvaltning) names: the configured list is the truth, spellings vary.

Coordinators write "BUN", "barn- och utbildningsnämnden" or, in English, "Children and Education
Committee"; the register stores the configured Swedish name so that reports group correctly.
An unknown name is refused with the closest known names rather than stored as a new committee.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from register.messages import Said, said

# Common English renderings and abbreviations of Swedish municipal bodies; a name only resolves
# through this table when the Swedish name it points to is configured.
ALIASES: dict[str, str] = {
    "kf": "Kommunfullmäktige", "municipal council": "Kommunfullmäktige",
    "city council": "Kommunfullmäktige", "full council": "Kommunfullmäktige",
    "ks": "Kommunstyrelsen", "municipal executive board": "Kommunstyrelsen",
    "municipal executive committee": "Kommunstyrelsen", "executive board": "Kommunstyrelsen",
    "executive committee": "Kommunstyrelsen",
    "bun": "Barn- och utbildningsnämnden", "children and education committee":
        "Barn- och utbildningsnämnden", "education committee": "Barn- och utbildningsnämnden",
    "kfn": "Kultur- och fritidsnämnden", "culture and leisure committee":
        "Kultur- och fritidsnämnden", "culture committee": "Kultur- och fritidsnämnden",
    "sn": "Socialnämnden", "social services committee": "Socialnämnden",
    "social welfare committee": "Socialnämnden",
    "mbn": "Miljö- och byggnadsnämnden", "environment and building committee":
        "Miljö- och byggnadsnämnden", "environment and planning committee":
        "Miljö- och byggnadsnämnden",
    "tn": "Tekniska nämnden", "technical committee": "Tekniska nämnden",
    "technical services committee": "Tekniska nämnden",
    "gn": "Gymnasienämnden", "upper secondary school committee": "Gymnasienämnden",
    "upper secondary education committee": "Gymnasienämnden",
    "von": "Vård- och omsorgsnämnden", "health and social care committee":
        "Vård- och omsorgsnämnden", "care committee": "Vård- och omsorgsnämnden",
    "elderly care committee": "Vård- och omsorgsnämnden",
    "business development unit": "Näringslivsenheten", "business office": "Näringslivsenheten",
}


class UnknownCommitteeError(ValueError):
    """A committee that is not configured; the message names the closest known ones."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.suggestions = closest(name, known)
        names = Said(" eller ".join(f"«{n}»" for n in self.suggestions),
                     " or ".join(repr(n) for n in self.suggestions))
        hint = (said("committee_hint", names=names) if self.suggestions
                else said("committees_known", names=", ".join(known)))
        self.said = said("unknown_committee", name=name, hint=hint)
        super().__init__(self.said.en)


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("\u2010", "-").split())


def find(name: str, known: Sequence[str]) -> str | None:
    """The configured name that ``name`` denotes (any case, abbreviation or English), or None."""
    key = _key(name)
    by_key = {_key(k): k for k in known}
    if key in by_key:
        return by_key[key]
    for variant in (key, key.removeprefix("the ")):
        target = ALIASES.get(variant)
        if target is not None and _key(target) in by_key:
            return by_key[_key(target)]
    return None


def canonical(name: str) -> str:
    """The Swedish name an abbreviation or English name stands for, else the name itself."""
    key = _key(name)
    return ALIASES.get(key) or ALIASES.get(key.removeprefix("the ")) or " ".join(name.split())


def resolve(name: str, known: Sequence[str]) -> str:
    """Like ``find`` but raises UnknownCommitteeError, with suggestions, for unknown names."""
    found = find(name, known)
    if found is None:
        raise UnknownCommitteeError(name.strip(), known)
    return found


def closest(name: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The known names most like ``name``: string similarity, plus a bonus for the same first
    four letters, since people shorten the tail ("Barnnämnden" for "Barn- och
    utbildningsnämnden") far more often than the head."""
    query = _key(name)

    def score(candidate: str) -> float:
        key = _key(candidate)
        similarity = difflib.SequenceMatcher(None, query, key).ratio()
        return similarity + (0.3 if query[:4] == key[:4] else 0.0)

    ranked = sorted(((score(k), k) for k in known), key=lambda pair: -pair[0])
    return [k for s, k in ranked[:limit] if s >= 0.5]
