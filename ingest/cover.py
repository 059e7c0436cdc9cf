"""The cover of a policy: who adopted it and when, its Dnr, how long it is valid, what it replaces.

Why so careful: the same words occur in the body about other decisions ("avtalet är beslutat
av nämnden", "ska ersätta denna"). A cover statement is a line that starts with the participle
("Antagen av kommunfullmäktige 2020-03-19, § 58"), a capitalised one early in a flattened
transcript, or a form label ("Beslutad: KF", "Diarienummer: KS 2019/418"). A flattened table
prints its labels first and the values after, out of order, so a label's value is only taken
when it has the shape that label needs; otherwise it stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.dates import DATE_PATTERN, find_dates

BODY = (r"(?:(?:[\wåäö]+-\s+och\s+)?[\wåäö-]*(?:fullmäktige|styrelsen?|nämnden?|utskott(?:et)?"
        r"|direktör(?:en)?|chefen)|KF|KS|RF|RS|LF|LS|KSAU)")
_AFTER_BODY = (r"(?:\s+i\s+(?-i:[A-ZÅÄÖ])[\wåäö-]+)?"  # "kommunfullmäktige i Eksjö"
               rf"(?:,?\s*(?:den\s+|i\s+|på\s+)?(?:{DATE_PATTERN}))?(?:,?\s*§\s*\d+)?")
_BODY_VALUE = re.compile(rf"(?:{BODY})(?![\wåäö]){_AFTER_BODY}", re.IGNORECASE)
_ADOPTION = re.compile(
    r"(?P<verb>antagen|antaget|antagna|antogs|beslutad|beslutat|beslutades|fastställd|"
    rf"fastställt|fastställdes|godkänd|godkänt|godkändes)\s+(?:av|i|på)\s+{_BODY_VALUE.pattern}",
    re.IGNORECASE)
DNR_VALUE = r"[A-ZÅÄÖ]{0,6}[ ./]?\d{2,4}[./:-][A-ZÅÄÖ]{0,4}\d{1,5}(?:[./-]\d+)?"
_DNR = re.compile(rf"\b(?:dnr|diarienummer|diarienr|ärendenummer)\.?\s*:?\s*({DNR_VALUE})",
                  re.IGNORECASE)
_VALID_VALUE = (rf"(?:(?:från och med|fr\.?\s?o\.?\s?m\.?|från|till och med|t\.?\s?o\.?\s?m\.?"
                rf"|till)\s+(?:den\s+)?(?:{DATE_PATTERN})(?:,?\s+(?:och\s+)?(?:tills vidare|"
                rf"till och med\s+(?:{DATE_PATTERN})))?|tills vidare)")
_VALID = re.compile(rf"\b(?:gäller|giltig)\s+{_VALID_VALUE}", re.IGNORECASE)
# The object must end its sentence: a flattened transcript runs on without a full stop, and
# what follows "ersätter" there is not safely the name of a document.
_REPLACES = re.compile(r"\bersätter\s+(?P<obj>[^.\n]{3,240}?)(?:\.(?=\s|$)|\n)",
                       re.IGNORECASE)
_DOC_SUBJECT = re.compile(r"\b(?:denna|detta|dessa|polic(?:y|yn)|strategi(?:n)?|riktlinjer(?:na)?"
                          r"|program(?:met)?|planen|handlingsplan(?:en)?|dokumentet)\b",
                          re.IGNORECASE)
COVER_SCAN, COVER_TAIL = 60_000, 10_000
_NEGATION = re.compile(r"^(?:inga|ingen|inget|inte|-|–|nej)\b", re.IGNORECASE)

LABELS: dict[str, tuple[str, ...]] = {
    "adopted": ("beslutad av", "beslutat av", "antagen av", "antaget av", "fastställd av",
                "fastställt av", "beslutad", "beslutat", "antagen", "antaget", "fastställd",
                "fastställt", "fastställare", "beslutsinstans", "beslutande organ", "beslutande"),
    "date": ("beslutsdatum", "antagandedatum", "datum för beslut", "datum"),
    "dnr": ("diarienummer", "diarienr", "dnr", "ärendenummer"),
    "valid": ("gäller från och med", "gäller fr o m", "gäller fr.o.m.", "gäller från",
              "gäller till och med", "gäller t o m", "gäller till", "giltig från", "giltig till",
              "giltighetstid", "giltighet", "gäller"),
    "replaces": ("ersätter",),
    "title": ("dokumentnamn", "dokumentets namn", "titel", "rubrik"),
    "other": ("dokumenttyp", "typ av dokument", "handläggare", "dokumentägare", "dokumentansvarig",
              "ansvarig", "myndighet", "version", "senast reviderad", "reviderad", "revideras",
              "kommun", "målgrupp", "gäller för", "beredd av", "upprättad av", "framtagen av",
              "ersatt av", "status", "uppföljning"),
}
_FIELD_OF = {label: field for field, labels in LABELS.items() for label in labels}
LABEL = re.compile(
    r"(?<![\wåäö])(" + "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in
                                sorted(_FIELD_OF, key=len, reverse=True)) + r")\s*:",
    re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A value read from the cover, with its offset in the text (earliest wins)."""

    text: str
    at: int
    date: str | None = None


def label_fields(text: str, limit: int = 6000) -> dict[str, Found]:
    """Values of form labels ("Beslutad av: Kommunfullmäktige"), first of each field."""
    found: dict[str, Found] = {}
    offset = 0
    for line in text[:limit].split("\n"):
        marks = list(LABEL.finditer(line))
        for mark, nxt in zip(marks, [*marks[1:], None], strict=False):
            end = nxt.start() if nxt else min(len(line), mark.end() + 300)
            field = _FIELD_OF[" ".join(mark.group(1).lower().split())]
            value = _read_value(field, line, mark.start(), mark.end(), end)
            if value is not None and field not in found:
                found[field] = Found(value[0], offset + mark.start(), value[1])
        offset += len(line) + 1
    return found


def _read_value(field: str, line: str, start: int, vstart: int,
                vend: int) -> tuple[str, str | None] | None:
    value = line[vstart:vend]
    lead = len(value) - len(value.lstrip())
    value = value.strip()
    date = next(find_dates(value[:40]), None)
    date_first = date is not None and date.start == 0
    if field == "adopted":
        body = _BODY_VALUE.match(value)
        if body:
            end = vstart + lead + body.end()
            return line[start:end].strip(), _date_of(body.group(0))
        return ("", date.iso) if date_first and date else None
    if field == "date":
        return ("", date.iso) if date_first and date else None
    if field == "dnr":
        dnr = re.match(DNR_VALUE, value)
        return (dnr.group(0), None) if dnr else None
    if field == "valid":
        valid = re.match(rf"(?:{_VALID_VALUE}|(?:{DATE_PATTERN}))", value, re.IGNORECASE)
        return (line[start:vstart + lead + valid.end()].strip(), None) if valid else None
    if field in ("replaces", "title"):
        return _document_name(value)
    return None


def _document_name(value: str) -> tuple[str, None] | None:
    value = re.split(r"(?<=[a-zåäö)])\.\s", value)[0].strip().rstrip(".")
    label = LABEL.search(value)  # cover lines run together: "… 2015–2018 Dokumentansvarig: …"
    value = value[:label.start()].strip().rstrip(".,;") if label else value
    if (not value or _NEGATION.match(value) or re.match(DNR_VALUE, value)
            or re.match(DATE_PATTERN, value, re.IGNORECASE) or _BODY_VALUE.match(value)
            or len(value.split()) > 15):
        return None
    return value, None


def _date_of(text: str) -> str | None:
    return next((d.iso for d in find_dates(text)), None)


def _line_start(text: str, at: int) -> bool:
    before = text[text.rfind("\n", 0, at) + 1:at]
    return not before.strip(" \t-•*#>")


def scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches in the parts of a text where a cover can be: all of an ordinary document, the
    start and end of a very long one (so a 200,000-sentence file is not read for its cover)."""
    if len(text) <= COVER_SCAN:
        yield from pattern.finditer(text)
        return
    yield from pattern.finditer(text, 0, COVER_SCAN - COVER_TAIL)
    yield from pattern.finditer(text, len(text) - COVER_TAIL)


def adoption(text: str, head: int = 3000) -> Found | None:
    """The first adoption statement in a cover position, with its date."""
    for m in scan(_ADOPTION, text):
        if _line_start(text, m.start()) or (m.group("verb")[0].isupper() and m.start() < head):
            clause = m.group(0).rstrip(" ,")
            return Found(clause, m.start(), _date_of(clause))
    return None


def _sentence_before(text: str, at: int) -> str:
    cut = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    return text[cut + 1:at]


def validity(text: str, head: int = 2000) -> Found | None:
    for m in scan(_VALID, text):
        if (_line_start(text, m.start()) or m.start() < head
                or _DOC_SUBJECT.search(_sentence_before(text, m.start()))):
            return Found(m.group(0), m.start())
    return None


def replaces(text: str, head: int = 3000) -> Found | None:
    for m in scan(_REPLACES, text):
        if not (_line_start(text, m.start()) or m.start() < head
                or _DOC_SUBJECT.search(_sentence_before(text, m.start()))):
            continue
        name = _document_name(m.group("obj"))
        return Found(name[0], m.start()) if name else None
    return None


def dnr(text: str, limit: int = 5000) -> str | None:
    m = _DNR.search(text[:limit])
    return m.group(1).strip() if m else None
