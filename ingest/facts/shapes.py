"""The responsibility shapes that are not "subject verb object": a passive with its agent
("Avtal … skall beslutas i KF och tecknas av KS", "… en policy som fastställts av
regionfullmäktige"), "det åligger X att …", "ansvaret för Y ligger hos X", "X:s uppgift är
att …" and "en person med ansvar att …".
"""

from __future__ import annotations

import re

from ingest.facts.objects import Triple, clean_object
from ingest.facts.verbs import MODAL, PASSIVE, action_of
from knowledge.antecedents import Mention

_AGENT_BEFORE = re.compile(r"(?:\b(?:av|i|hos|på|vid)\s+)$", re.I)
_RELATIVE_END = re.compile(r"(?:^|[\s,])som(?:\s+(?:har|hade|ska|skall))?\s*$", re.I)
_CLAUSE_START = re.compile(r"[,;:]\s*|\bsom\s+", re.I)
_DETERMINER = re.compile(r"^(?:en|ett|den|det|de|denna|detta|dessa)$", re.I)


def _passive_object(text: str, verb_start: int) -> str:
    """What a passive chain is about: the words before its first verb ("X skall beslutas i KF
    och tecknas av KS"), or in a relative clause the noun phrase "som" stands for ("… med stöd
    av en policy som fastställts av regionfullmäktige")."""
    clause_start = max((m.start() for m in _CLAUSE_START.finditer(text, 0, verb_start)),
                       default=0)
    first = PASSIVE.search(text, clause_start, verb_start) or PASSIVE.match(text, verb_start)
    before = text[: first.start() if first else verb_start]
    relative = _RELATIVE_END.search(before)
    if relative is None:
        return clean_object(re.sub(rf"\s+(?:{MODAL})$", "", before.strip(), flags=re.I))
    words = before[: relative.start()].split()
    for i in range(len(words) - 1, max(len(words) - 7, -1), -1):
        if _DETERMINER.match(words[i]):
            return clean_object(" ".join(words[i:]))
    return clean_object(" ".join(words[-3:]))


def passive_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    """"X skall beslutas i KF och tecknas av KS": the object is what precedes the verb."""
    out: list[Triple] = []
    for mention in mentions:
        head = text[: mention.start]
        if mention.genitive or not _AGENT_BEFORE.search(head):
            continue
        verbs = [m for m in PASSIVE.finditer(head) if len(head) - m.end() < 60]
        if not verbs:
            continue
        obj = _passive_object(text, verbs[-1].start())
        out.append(Triple(mention.name, action_of(verbs[-1]), obj))
    return out


_TASK = re.compile(r"\s+(?:[\wåäö]+\s+)?(?:arbets)?(?:uppgift|uppdrag|ansvar|roll)(?:en|et)?\s+"
                   r"är\s+att\s", re.I)


def special_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    out: list[Triple] = []
    for mention in mentions:
        head, tail = text[: mention.start], text[mention.end:]
        if mention.text.lower().endswith("ansvar") and re.match(r"\s+(att|för)\s", tail):
            out.append(Triple(mention.name, "responsible", clean_object(tail)))
        if re.search(r"\båligger\s+$", head, re.I) and tail.lstrip().startswith("att "):
            out.append(Triple(mention.name, "responsible", clean_object(tail)))
        task = _TASK.match(tail) if mention.genitive else None
        if task:  # "Kommitténs främsta uppgift är att …"
            out.append(Triple(mention.name, "responsible", clean_object(tail[task.end():])))
        owner = re.search(r"\bansvaret\s+för\s+(.+?)\s+ligger\s+hos\s+$", head, re.I)
        if owner:
            out.append(Triple(mention.name, "responsible", clean_object(owner.group(1))))
    return out
