"""Who does what on an English page of a Swedish policy (many add a summary in English).

Only the plain shape "<body> <verb> <object>": the bodies by their English names from the table
every reader shares (``knowledge.bodies``, "City" read as "Municipal"), five verbs, and verbs
joined by "and". The Swedish grammar rules (V2, passives, clefts) do not apply to English.
"""

from __future__ import annotations

import re

from ingest.facts.objects import Triple
from knowledge.bodies import BODY_TABLE

_VERBS = {
    "responsible": r"(?:is|are)\s+(?:[a-z]+\s+)?responsible\s+for|"
                   r"(?:has|have)\s+(?:the\s+)?(?:[a-z]+\s+)?responsibility\s+for",
    "decides": r"decides?\s+(?:on|about|upon)|(?:takes?|makes?)\s+(?:the\s+)?decisions?\s+"
               r"(?:on|about)",
    "adopts": r"adopts?",
    "coordinates": r"coordinates?",
    "represents": r"represents?",
}
_VERB = "|".join(f"(?P<{action}>{forms})" for action, forms in _VERBS.items())
# Names without a municipality or region: "{p}" is the organisation's prefix (Kommun, Region).
_GENERIC = {"executive board": "{p}styrelsen", "council": "{p}fullmäktige",
            "assembly": "{p}fullmäktige", "committee": "Nämnderna", "committees": "Nämnderna"}


def _names() -> dict[str, str]:
    names = dict(_GENERIC)
    for body in BODY_TABLE:
        if body.name and "(" not in body.english:
            name = body.name.replace("Kommun", "{p}", 1) if body.follows_organisation else body.name
            names[body.english.removeprefix("the ")] = name
    return names


_NAMES = _names()
_ALTERNATIVES = "|".join(r"\s+".join(w if w != "municipal" else "(?:municipal|city)"
                                     for w in map(re.escape, name.split()))
                         for name in sorted(_NAMES, key=len, reverse=True))
_SENTENCE = re.compile(rf"^(?:(?:the|each|every|all)\s+)?(?P<body>{_ALTERNATIVES})\s+"
                       rf"(?:{_VERB})\s+(?P<rest>.+?)\.?$", re.I)
_NEXT_VERB = re.compile(rf"(?:,\s*|\s+)and\s+(?:{_VERB})\s+", re.I)


def english_triples(text: str, prefix: str) -> list[Triple]:
    """The responsibilities of one English sentence; ``prefix`` names generic bodies."""
    m = _SENTENCE.match(text.strip())
    if m is None:
        return []
    body = re.sub(r"\s+", " ", m.group("body").lower()).replace("city ", "municipal ")
    actor = _NAMES[body].replace("{p}", prefix)
    rest, cursor, out = m.group("rest"), 0, []
    action = next(a for a in _VERBS if m.group(a))
    for nxt in _NEXT_VERB.finditer(rest):  # "coordinates A and represents B"
        out.append(Triple(actor, action, rest[cursor:nxt.start()].strip()))
        action, cursor = next(a for a in _VERBS if nxt.group(a)), nxt.end()
    return [*out, Triple(actor, action, rest[cursor:].strip().rstrip("."))]
