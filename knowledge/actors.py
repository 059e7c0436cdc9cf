"""Recognise the bodies and office holders a policy names, and give each one canonical name.

Policies write the same body many ways (KF, fullmäktige, kommunfullmäktige, Kommunfullmäktiges)
and name their own sectors, offices and groups freely ("Tillväxt- och utvecklingssektorn",
"Näringslivskontoret"). Fixed names cover the bodies every Swedish municipality has; a suffix
rule covers the rest, so an unseen policy's "Kulturförvaltningen" is an actor too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_W = r"[A-Za-zÅÄÖåäöéü]"
# (pattern, canonical name). Earlier entries win where two overlap.
_FIXED: list[tuple[str, str]] = [
    (r"ledningsnivå(?:n)?", "Ledningsnivå"),
    (r"(?:kommun)?fullmäktiges\s+ordförande|KF:s\s+ordförande", "Kommunfullmäktiges ordförande"),
    (r"kommunstyrelsens\s+ordförande|KS:s\s+ordförande", "Kommunstyrelsens ordförande"),
    (r"kommunstyrelsens\s+presidium", "Kommunstyrelsens presidium"),
    (r"kommunstyrelsens\s+arbetsutskott|KSAU", "Kommunstyrelsens arbetsutskott"),
    (r"(?:kommun)?fullmäktige|KF", "Kommunfullmäktige"),
    (r"kommunstyrelse(?:n|ns)?|KS", "Kommunstyrelsen"),
    (r"kommunchef(?:en)?", "Kommunchefen"),
    (r"kommundirektör(?:en)?", "Kommundirektören"),
    (r"(?:varje|respektive)\s+förvaltningschef|förvaltningschef(?:en|erna)?", "Förvaltningschefen"),
    (r"rektor(?:n|erna)?", "Rektor"),
    (r"EU-samordnare(?:n)?", "EU-samordnaren"),
    (r"(?:en|den)?\s*(?:internationell(?:a)?\s+)?samordnare(?:n)?", "Internationell samordnare"),
    (r"(?:den\s+)?(?:berörda|ansvariga)\s+nämnden", "Berörd nämnd"),
    (r"övriga\s+nämnder(?:na)?", "Övriga nämnder"),
    (r"(?:varje|respektive|alla|samtliga)\s+nämnd(?:er)?|(?:kommunens\s+)?nämnder(?:na)?|"
     r"nämnden", "Nämnderna"),
    (r"(?:den\s+)?internationell(?:a)?\s+gruppen", "Internationella gruppen"),
    (r"(?:en|ett)\s+(?:person|tjänsteman|tjänsteperson|handläggare)\s+med\s+ansvar",
     "Ansvarig tjänsteperson"),
    (r"(?:kommunens\s+)?deltagarna", "Deltagarna"),
]
# Named units: "Tillväxt- och utvecklingssektorn", "Tekniska nämnden", "kommunledningskontoret".
# Only definite forms name a particular body; "varje förvaltning" is one too.
_DEFINITE = (r"nämnden|sektorn|kontoret|förvaltningen|enheten|avdelningen|utskottet|rådet|"
             r"gruppen|kansliet|nätverket|bolaget|bolagen|kommittén|sekretariatet|byrån|staben|"
             r"chefen")
_INDEFINITE = r"nämnd|sektor|kontor|förvaltning|enhet|avdelning|utskott|råd|grupp|kansli|bolag"
_NAMED = re.compile(
    rf"\b(?:(?:varje|respektive)\s+{_W}*(?:{_INDEFINITE})|"
    rf"(?:{_W}+-\s+(?:och|&)\s+)?{_W}*(?:{_DEFINITE})|"
    rf"(?:tekniska|sociala|internationella|kommunala)\s+(?:{_DEFINITE}))\b",
    re.I,
)
# Words ending like a unit that are not acting bodies.
_NOT_UNITS = {"nätverk", "kontor", "enhet", "råd", "grupp", "bolag", "bolaget",
              "bolagen", "förvaltning", "ansvarsområde", "nämnd", "utskott",
              "sektor", "avdelning", "kansli", "medlemsnätverk", "kontaktnätverk"}
_NOT_UNIT_ENDINGS = re.compile(r"(område|området|målgrupp|målgruppen|samråd|samrådet)$", re.I)
_BARE = set(_DEFINITE.split("|"))
_BARE_INDEFINITE = set(_INDEFINITE.split("|"))
# Short definite forms that refer back to the last full name with the same ending.
_BACKREF = re.compile(r"^(sektorn|nätverket|gruppen|enheten|kontoret|förvaltningen|rådet|"
                      r"samordnaren|avdelningen)$", re.I)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    name: str  # canonical


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _compile_fixed() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for p, name in _FIXED:
        # Abbreviations (KF, KS, KSAU) only in capitals; names in any case.
        parts = _top_level_alternatives(p)
        abbrevs = [x for x in parts if x[:2].isupper()]
        words_ = [x for x in parts if x not in abbrevs]
        alternatives = [f"(?i:{w})" for w in words_] + abbrevs
        rx = rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"
        out.append((re.compile(rx), name))
    return out


_FIXED_PATTERNS = _compile_fixed()


def canonical_unit(text: str) -> str:
    """A named unit in its definite, capitalised form: "kultur- och fritidsnämnden" → "Kultur-…"."""
    words = text.split()
    if words and words[0].lower() in {"varje", "respektive"}:
        words = words[1:]
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def find_actors(text: str, known: dict[str, str] | None = None) -> list[Mention]:
    """Every body named in ``text``, left to right, without overlaps.

    ``known`` maps a back-reference ("sektorn") to the full name met earlier in the same
    document, so "Sektorn beslutar även om bidrag" is credited to the sector named before.
    """
    found: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= m.start or a >= m.end for m in found)

    named = [m for m in _NAMED.finditer(text)
             if m.group(0).lower() not in _NOT_UNITS and not _NOT_UNIT_ENDINGS.search(m.group(0))]
    for m in named:  # compound names first: "Tekniska nämnden" is not just "nämnden"
        word = m.group(0)
        core = re.sub(r"^(varje|respektive)\s+", "", word.lower())
        if not _BACKREF.match(word) and core not in _BARE and core not in _BARE_INDEFINITE:
            found.append(Mention(m.start(), m.end(), word, canonical_unit(word)))
    for pattern, name in _FIXED_PATTERNS:
        for m in pattern.finditer(text):
            if m.group(0).strip() and free(m.start(), m.end()):
                lead = len(m.group(0)) - len(m.group(0).lstrip())
                found.append(Mention(m.start() + lead, m.end(), m.group(0).strip(), name))
    for m in named:
        word = m.group(0)
        if not _BACKREF.match(word) or not free(m.start(), m.end()):
            continue
        full = (known or {}).get(word.lower())
        if full is None and m.start() > 0:
            continue  # "nätverket" mid-sentence with no name to refer to: not an actor
        found.append(Mention(m.start(), m.end(), word, full or canonical_unit(word)))
    return sorted(found, key=lambda x: x.start)


def remember(mentions: list[Mention], known: dict[str, str]) -> None:
    """Record full unit names so later back-references ("Sektorn") resolve to them."""
    for m in mentions:
        for ref in ("sektorn", "nätverket", "gruppen", "enheten", "kontoret", "förvaltningen",
                    "rådet", "avdelningen"):
            if m.name.lower().endswith(ref) and m.name.lower() != ref:
                known[ref] = m.name
        if m.name in {"Internationell samordnare", "EU-samordnaren"}:
            known["samordnaren"] = m.name
