"""Document metadata read from the text itself, since municipal files rarely carry any.

Municipality, title, kind, date, the adopted-by line, the registration number (Dnr), validity
and what the document replaces are what staff ask about ("when was it adopted, by whom?") and
what every citation names. Each part lives in its own module (municipality, titles, cover);
this one puts them together and decides which date is the document's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest import cover
from ingest.municipality import Guess, detect, from_file_name
from ingest.titles import detect_kind, detect_title
from knowledge.dates import find_dates
from knowledge.municipalities import Organisation, Registry, load_registry

_PAGE_DATE = re.compile(r"(?:uppdaterad|publicerad|ändrad|updated|published)\b[^\n\d]{0,25}",
                        re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?:19|20)\d\d\s?-")
_VALIDITY_WORDS = re.compile(r"(?:gäller|giltig|fr\.?\s?o\.?\s?m|från och med|t\.?\s?o\.?\s?m|"
                             r"till och med)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentMetadata:
    municipality: str
    title: str
    kind: str
    date: str | None
    adopted_by: str | None
    dnr: str | None
    official_name: str | None = None
    municipality_how: str = ""
    valid: str | None = None
    replaces: str | None = None
    organisation: Organisation | None = None


def detect_metadata(text: str, fallback_name: str = "", *, registry: Registry | None = None,
                    file_names: Sequence[str] | None = None,
                    municipality: Guess | None = None) -> DocumentMetadata:
    """``fallback_name``: the file name (or stem); ``file_names``: it and its folders' names,
    nearest first; ``municipality``: an assignment that overrides detection."""
    registry = registry or load_registry()
    names = list(file_names) if file_names is not None else [fallback_name]
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", names[0]) if names else ""
    slug = from_file_name(stem, registry) if stem else None
    words, place = (slug[1], slug[0].name) if slug else ([], "")
    title = detect_title(text, stem, words, place)
    guess = municipality or detect(text, registry, title, names)
    if guess.organisation is not None and guess.name != place:
        title = detect_title(text, stem, words, place or guess.name)
    labels = cover.label_fields(text)
    adopted = min((f for f in (labels.get("adopted"), cover.adoption(text)) if f and f.text),
                  key=lambda f: f.at, default=None)
    valid = labels.get("valid") or cover.validity(text)
    replaces = labels.get("replaces") or cover.replaces(text)
    org = guess.organisation
    return DocumentMetadata(
        municipality=guess.name, title=title, kind=detect_kind(title),
        date=_document_date(text, adopted, labels), adopted_by=adopted.text if adopted else None,
        dnr=labels["dnr"].text if "dnr" in labels else cover.dnr(text),
        official_name=org.official if org else None, municipality_how=guess.how,
        valid=valid.text if valid else None, replaces=replaces.text if replaces else None,
        organisation=org)


def _document_date(text: str, adopted: cover.Found | None,
                   labels: dict[str, cover.Found]) -> str | None:
    """The adoption date where the cover gives one; else a labelled date, a web page's
    "uppdaterad" date, or the first numeric date of the first page that is not a validity
    date ("Gäller från 2020-05-01" is not when the policy was adopted). Dates written in words
    count only in those cover positions: in the body they date events ("sedan 1 januari
    1995"), not the document."""
    for found in (adopted, labels.get("adopted"), labels.get("date")):
        if found is not None and found.date:
            return found.date
    for m in cover.scan(_PAGE_DATE, text):
        date = next(find_dates(text[m.end():m.end() + 30]), None)
        if date is not None and date.start == 0:
            return date.iso
    for date in find_dates(text[:3000]):
        before = text[text.rfind("\n", 0, date.start) + 1:date.start][-30:]
        numeric = _NUMERIC_DATE.match(text, date.start) is not None
        if numeric and not _VALIDITY_WORDS.search(before):
            return date.iso
    return None
