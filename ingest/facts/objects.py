"""A responsibility as (actor, action, object), and the object cleaned of the words that only
join it to its verb ("om", "för att") or date it ("den 3 mars 2021"), so the same duty reads
the same whichever way a policy phrased it.
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


def clean_object(text: str) -> str:
    text = text.strip().rstrip(".;:,").strip()
    previous = None
    while previous != text:
        previous = text
        text = _OBJECT_LEAD.sub("", text).strip()
    return text
