"""A responsibility as (actor, action, object), and the object cleaned of the words that only
join it to its verb ("om", "för att") or date it ("den 3 mars 2021"), so the same duty reads
the same whichever way a policy phrased it. Sentence adverbs ("också", "dessutom") are dropped
before a sentence is read: they tie it to its neighbours and say nothing about who does what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Triple:
    actor: str
    action: str
    object: str


_MONTH = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
          r"december)")
_OBJECT_LEAD = re.compile(
    r"^(?:om\s+|för\s+|över\s+|att\s+|även\s+|också\s+)+|^(?:beslut|frågan)\s+om\s+|"
    rf"^(?:den\s+\d{{1,2}}\s+{_MONTH}|(?:i|under)\s+{_MONTH}|år)?\s*\d{{4}}\s+", re.I)  # a date


# Who proposed a decision is a fact of its own (``ingest.facts.shapes``), not part of its object.
PROPOSAL = re.compile(r"\b(?:efter|på)\s+(?:beredning|förslag)\s+(?:i|av|från|hos)\s+$", re.I)
# "på uppdrag av kommunstyrelsen", "i samråd med nämnden": who commissions, asks for or is
# consulted on the work, not who does it (the agent is the "av" phrase after the verb).
COMMISSION = re.compile(
    r"\b(?:på\s+(?:[\wåäö]+\s+)?(?:uppdrag|initiativ|begäran|delegation)\s+(?:av|från)|"
    r"(?:efter|enligt|genom)\s+(?:beslut|begäran|samråd)\s+(?:av|i|från|med|hos)|"
    r"i\s+(?:samråd|dialog)\s+med)\s+$", re.I)
_PROPOSAL_TAIL = re.compile(r"\s+(?:efter|på)\s+(?:beredning|förslag)\s+(?:i|av|från|hos)\s.*$",
                            re.I | re.S)


def clean_object(text: str) -> str:
    text = _PROPOSAL_TAIL.sub("", text.strip()).rstrip(".;:,").strip()
    previous = None
    while previous != text:
        previous = text
        text = _OBJECT_LEAD.sub("", text).strip()
    return text


# Not "även om" (also about / even if) and not "vidare" ("föra vidare" is a verb).
_ADVERB = re.compile(r"\s+(?:också|även(?!\s+om\b)|dessutom|bland\s+annat|bl\.\s?a\.|därtill|"
                     r"därutöver|härutöver|likaså)(?=[\s,])", re.I)


def drop_adverbs(text: str) -> str:
    """"stödjer dessutom X", "följer också upp X" read as "stödjer X", "följer upp X"."""
    return _ADVERB.sub("", text)
