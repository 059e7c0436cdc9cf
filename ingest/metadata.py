"""Document metadata read from the text itself, since municipal files rarely carry any.

Municipality, title, kind, date, the adopted-by line and the registration number (Dnr) are what
staff ask about ("when was it adopted, by whom?") and what every citation names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_CAP = r"[A-ZÅÄÖ][a-zåäöé]+|[A-ZÅÄÖ]{2,}"
_MUNI = re.compile(rf"\b((?:{_CAP})(?:[ -](?:{_CAP}))?)\s+(?:kommuns?|stads?|KOMMUNS?|STADS?)\b")
_NOT_NAMES = {
    "en", "den", "det", "denna", "varje", "vår", "våra", "egen", "annan", "andra", "samma",
    "hela", "kommunen", "kommunens", "svensk", "svenska", "ny", "nya", "att", "för", "i", "och",
    "internationell", "internationella", "policy", "strategi", "vid", "om", "som", "med",
}
_TITLE = re.compile(
    r"(polic(y|ies)|strategi|riktlinje|program|handlingsplan|plan\b)", re.IGNORECASE
)
_DATE = re.compile(r"\b((?:19|20)\d\d)\s?-\s?(\d\d)\s?-\s?(\d\d)\b")
_ADOPTED = re.compile(
    r"^.*\b(antagen|antaget|antogs|fastställd|fastställt|beslutad|beslutat)\s+(av|i)\s+.+$",
    re.IGNORECASE | re.MULTILINE,
)
_DNR = re.compile(
    r"\b(?:dnr|diarienummer|diarienr)\.?:?\s*([A-ZÅÄÖ]{0,5}[ .]?\d{2,4}[./:-]\d{1,5}(?:[./-]\d+)?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DocumentMetadata:
    municipality: str
    title: str
    kind: str
    date: str | None
    adopted_by: str | None
    dnr: str | None


def _fix_case(name: str) -> str:
    return name.title() if name.isupper() else name


def detect_municipality(text: str, fallback: str) -> str:
    counts: Counter[str] = Counter()
    for match in _MUNI.finditer(text):
        name = _fix_case(match.group(1))
        if name.split()[0].lower() in _NOT_NAMES:
            continue
        if name.endswith("s") and re.search(rf"\b{re.escape(name[:-1])}\b", text, re.I):
            name = name[:-1]
        counts[name] += 1
    for line in text.splitlines()[:40]:
        m = re.match(r"^(?:kommun|municipality)\s*:\s*(.+)$", line.strip(), re.IGNORECASE)
        if m:
            return m.group(1).strip()
    return counts.most_common(1)[0][0] if counts else fallback


def detect_title(text: str, municipality: str, fallback: str) -> str:
    for line in text.splitlines()[:60]:
        clean = line.strip().lstrip("#").replace("**", "").strip().rstrip(".:").strip()
        if 2 <= len(clean.split()) <= 14 and _TITLE.search(clean) and not clean.endswith(","):
            if clean.isupper():
                clean = clean.lower().capitalize()
                clean = re.sub(re.escape(municipality.lower()), municipality, clean, flags=re.I)
            return clean
    return fallback


def detect_kind(title: str) -> str:
    lowered = title.lower()
    for kind in ("policy", "strategi", "riktlinje", "handlingsplan", "program", "plan"):
        if kind in lowered:
            return kind
    return "dokument"


def detect_date(text: str, adopted_by: str | None) -> str | None:
    for source in (adopted_by or "", text[:3000]):
        m = _DATE.search(source)
        if m:
            return "-".join(m.groups())
    return None


def detect_metadata(text: str, fallback_name: str) -> DocumentMetadata:
    municipality = detect_municipality(text, fallback_name)
    title = detect_title(text, municipality, fallback_name)
    adopted = _ADOPTED.search(text[:5000])
    adopted_by = adopted.group(0).strip() if adopted else None
    dnr = _DNR.search(text[:5000])
    return DocumentMetadata(
        municipality=municipality,
        title=title,
        kind=detect_kind(title),
        date=detect_date(text, adopted_by),
        adopted_by=adopted_by,
        dnr=dnr.group(1).strip() if dnr else None,
    )
