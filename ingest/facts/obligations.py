"""What must be followed up, by whom and when: reports, evaluations, revisions, registers.

A duty is a sentence with a follow-up verb that is either tied to a rhythm ("årligen", "varje
mandatperiod", "efter varje utbyte") or stated as a duty ("ska redovisa", "lämnar en rapport",
a list item under "Nämnderna ska"). What a report must contain is read from "… som beskriver
syfte, genomförande och nytta" or from a following "Redovisningen ska visa …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.facts.objects import COMMISSION
from ingest.facts.references import duty_kind
from knowledge.antecedents import Mention
from knowledge.rhythms import rhythm_in_policy

_WITHIN = re.compile(r"\binom\s+(?:en|två|tre|fyra|\d+)\s+(?:dag|dagar|vecka|veckor|månad|"
                     r"månader)\b", re.I)
_DUTY = re.compile(
    r"\b(?:ska|skall|bör|måste)\s+(?:[\wåäö,]+\s+){0,3}?(?:redovis|rapporter|följ|utvärder|"
    r"revider|ses\s+över|sammanställ|lämna|hållas|presenteras|sparas|publicera|registrera|"
    r"föra)|\b(?:redovisar|rapporterar|sammanställer|revideras|lämnar|publiceras|registreras|"
    r"förs\s+in|gör\s+[\wåäö\s]{0,20}?sammanställning|görs\s+tillgänglig\w*)\b|"
    # a passive with its agent names who must do it: "sammanställs av samordnaren"
    r"\b(?:redovisas|rapporteras|sammanställs|utvärderas|följs\s+upp)\s+(?:[\wåäö]+\s+)?av\s|"
    r"\bansvarig[a]?\s+att\b|"
    r"\bsvarar\s+för\s+en\b|\b(?:ansvarar\s+för|ser\s+till)\s+att\b", re.I)
_CONTENTS = re.compile(r"\b(?:presenterar|beskriver|ska\s+visa|ska\s+framgå|ska\s+innehålla|"
                       r"innehåller|visar)\s+(.+?)\.?$", re.I)
_CONTENTS_SENTENCE = re.compile(r"^(?:av\s+)?(?:redovisningen|rapporten|rapporterna|"
                                r"sammanställningen|redogörelsen)\b.*\bska\s+(?:visa|framgå|"
                                r"innehålla)", re.I)
_RECIPIENT_WORDS = re.compile(
    r"\btill\s+((?:den\s+|sin\s+|sitt\s+|egna\s+)*[\wåäö-]{2,}(?:en|et|n))\b", re.I)


# Who must act when no body is named: the subject of an active duty verb, "Efter varje resa
# ska deltagarna … lämna en rapport", "Projektledaren ska redovisa …". A passive ("ska
# redovisas") has no such subject.
_ACTIVE_DUTY = r"(?:lämna|redovisa|rapportera|sammanställa|skriva|utvärdera|följa\s+upp)\b"
_DOER = re.compile(
    rf"\b(?:ska|skall|bör|måste)\s+(?P<inverted>[a-zåäö]+(?:na|en|et|rn))\s+(?:[^,.]{{0,40}}?\s)?"
    rf"{_ACTIVE_DUTY}|^(?P<straight>[A-ZÅÄÖ][a-zåäö]+(?:na|en|et|rn))\s+(?:ska|skall|bör|måste)\s+"
    rf"(?:[^,.]{{0,30}}?\s)?{_ACTIVE_DUTY}")
_PRONOUNS = {"det", "den", "detta", "denna"}


def _doer(text: str) -> str:
    m = _DOER.search(text.strip())
    word = (m.group("inverted") or m.group("straight")) if m else ""
    return word.capitalize() if word and word.lower() not in _PRONOUNS else ""


@dataclass(frozen=True)
class Duty:
    kind: str  # revise | register | publish | report | follow_up
    when: str
    when_text: str
    who: str
    recipient: str
    contents: tuple[str, ...]


def rhythm(text: str) -> tuple[str, str]:
    when, phrases = rhythm_in_policy(text)
    within = "; ".join(m.group(0) for m in _WITHIN.finditer(text))
    return when, "; ".join(p for p in (phrases, within) if p)


def contents_of(text: str) -> tuple[str, ...]:
    m = _CONTENTS.search(text)
    if not m:
        return ()
    parts = re.split(r",\s*|\s+och\s+", m.group(1).strip().rstrip("."))
    return tuple(p.strip() for p in parts if len(p.strip()) > 2)


def is_contents_sentence(text: str) -> bool:
    return bool(_CONTENTS_SENTENCE.search(text.strip()))


def duty(text: str, mentions: list[Mention], lead_actor: list[str] | None = None,
         referred: tuple[str, str] | None = None) -> Duty | None:
    """The follow-up duty ``text`` states, or None; ``referred`` is the (when, when_text) of the
    duty it names by its noun ("ansvarar för översynen"), whose timing it shares."""
    kind = duty_kind(text)
    if not kind:
        return None
    when, when_text = rhythm(text)
    if referred is not None and not when:
        when, when_text = referred
    if not (when or _DUTY.search(text) or lead_actor or referred is not None):
        return None
    who, recipient = "", ""
    for m in mentions:
        before = text[: m.start].rstrip().lower()
        if re.search(r"\b(till|för)(\s+(sin|sitt|den|egna))*$", before):
            recipient = recipient or m.name
        elif not who and not m.genitive and not COMMISSION.search(text[: m.start]):
            who = m.name
    if not who and lead_actor:
        who = " och ".join(lead_actor)
    who = who or _doer(text)
    if not recipient:
        r = _RECIPIENT_WORDS.search(text)
        recipient = r.group(1) if r and kind == "report" and len(r.group(1)) > 4 else ""
    return Duty(kind, when, when_text, who, recipient, contents_of(text))
