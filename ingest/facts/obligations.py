"""What must be followed up, by whom and when: reports, evaluations, revisions, registers.

A duty is a sentence with a follow-up verb that is either tied to a rhythm ("årligen", "varje
mandatperiod", "efter varje utbyte") or stated as a duty ("ska redovisa", "lämnar en rapport",
a list item under "Nämnderna ska"). What a report must contain is read from "… som beskriver
syfte, genomförande och nytta" or from a following "Redovisningen ska visa …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.actors import Mention

_RHYTHMS: list[tuple[str, re.Pattern[str]]] = [
    ("after_each", re.compile(r"\befter\s+varje\s+[\wåäö-]+|\bvar\s+gång\s+[^,.]*?genomför\w*|"
                              r"\befter\s+avslutat\s+[\wåäö-]+", re.I)),
    ("before_each", re.compile(r"\binför\s+varje\s+(?:ny\s+)?[\wåäö-]+", re.I)),
    ("mandate_period", re.compile(r"\b(?:varje|per|under\s+varje)(?:\s+ny)?\s+mandatperiod|"
                                  r"\bmandatperiodens\s+slut", re.I)),
    ("every_2_years", re.compile(r"\b(?:minst\s+)?vart?\s*annat\s+år|\bvartannat\s+år", re.I)),
    ("every_3_years", re.compile(r"\b(?:minst\s+)?vart?\s+tredje\s+år", re.I)),
    ("every_4_years", re.compile(r"\b(?:minst\s+)?vart?\s+fjärde\s+år", re.I)),
    ("every_5_years", re.compile(r"\b(?:minst\s+)?vart?\s+femte\s+år", re.I)),
    ("annually", re.compile(
        r"\bårligen\b|\bvarje\s+år\b|\bårlig\w*|\ben\s+gång\s+(?:per|om|i)\s+året|"
        r"\bi\s+samband\s+med\s+(?:årsredovisningen|årsbokslutet|bokslutet)|"
        r"\bårsredovisning\w*|\bverksamhetsberättelse\w*|\bårsbokslut\w*", re.I)),
    ("continuously", re.compile(r"\b(?:löpande|kontinuerligt|fortlöpande|regelbundet)\b", re.I)),
    ("deadline", re.compile(r"\bsenast\s+(?:den\s+\d{1,2}\s+[a-zåäö]+|\d{4})", re.I)),
]
_WITHIN = re.compile(r"\binom\s+(?:en|två|tre|fyra|\d+)\s+(?:dag|dagar|vecka|veckor|månad|"
                     r"månader)\b", re.I)
_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("revise", re.compile(r"revider\w*|\bses\s+över|översyn", re.I)),
    ("register", re.compile(r"\bregister\b|hållas\s+(?:löpande\s+)?aktuell", re.I)),
    ("publish", re.compile(r"presenteras\s+på\s+(?:hemsidan|webbplatsen|kommunens)", re.I)),
    ("report", re.compile(r"redovis\w*|rapport\w*|redogörelse\w*|sammanställ\w*|"
                          r"sammanfattning", re.I)),
    ("follow_up", re.compile(r"följ\w*\s+upp|uppfölj\w*|utvärder\w*", re.I)),
]
_DUTY = re.compile(
    r"\b(?:ska|skall|bör|måste)\s+(?:[\wåäö,]+\s+){0,3}?(?:redovis|rapporter|följ|utvärder|"
    r"revider|ses\s+över|sammanställ|lämna|hållas|presenteras|sparas)|"
    r"\b(?:redovisar|rapporterar|sammanställer|revideras|lämnar|gör\s+[\wåäö\s]{0,20}?"
    r"sammanställning)\b|\bansvarig[a]?\s+att\b|\bsvarar\s+för\s+en\b", re.I)
_CONTENTS = re.compile(r"\b(?:presenterar|beskriver|ska\s+visa|ska\s+framgå|ska\s+innehålla|"
                       r"innehåller|visar)\s+(.+?)\.?$", re.I)
_CONTENTS_SENTENCE = re.compile(r"^(?:av\s+)?(?:redovisningen|rapporten|rapporterna|"
                                r"sammanställningen|redogörelsen)\b.*\bska\s+(?:visa|framgå|"
                                r"innehålla)", re.I)
_RECIPIENT_WORDS = re.compile(
    r"\btill\s+((?:den\s+|sin\s+|sitt\s+|egna\s+)*[\wåäö-]{2,}(?:en|et|n))\b", re.I)


@dataclass(frozen=True)
class Duty:
    kind: str  # revise | register | publish | report | follow_up
    when: str
    when_text: str
    who: str
    recipient: str
    contents: tuple[str, ...]


def rhythm(text: str) -> tuple[str, str]:
    found = [(name, m.group(0)) for name, rx in _RHYTHMS for m in [rx.search(text)] if m]
    phrases = [p for _, p in found] + [m.group(0) for m in _WITHIN.finditer(text)]
    return (found[0][0] if found else ""), "; ".join(phrases)


def contents_of(text: str) -> tuple[str, ...]:
    m = _CONTENTS.search(text)
    if not m:
        return ()
    parts = re.split(r",\s*|\s+och\s+", m.group(1).strip().rstrip("."))
    return tuple(p.strip() for p in parts if len(p.strip()) > 2)


def is_contents_sentence(text: str) -> bool:
    return bool(_CONTENTS_SENTENCE.search(text.strip()))


def duty(text: str, mentions: list[Mention], lead_actor: list[str] | None = None) -> Duty | None:
    """The follow-up duty ``text`` states, or None."""
    kind = next((name for name, rx in _TYPES if rx.search(text)), "")
    if not kind:
        return None
    when, when_text = rhythm(text)
    if not (when or _DUTY.search(text) or lead_actor):
        return None
    who, recipient = "", ""
    for m in mentions:
        before = text[: m.start].rstrip().lower()
        if re.search(r"\b(till|för)(\s+(sin|sitt|den|egna))*$", before):
            recipient = recipient or m.name
        elif not who:
            who = m.name
    if not who and lead_actor:
        who = " och ".join(lead_actor)
    if not recipient:
        r = _RECIPIENT_WORDS.search(text)
        recipient = r.group(1) if r and kind == "report" and len(r.group(1)) > 4 else ""
    return Duty(kind, when, when_text, who, recipient, contents_of(text))
