"""Questions about the policy document itself: adopted when and by whom, its Dnr, how long it
is valid, what it replaced.

These are answered from the lines of the document that state them (a cover block "Antagen av
kommunfullmäktige 2020-03-19", a flattened cover table "Beslutad: KF …", "Diarienummer:
KS.2016.82", "Policyn gäller tills vidare", "Strategin ersätter …"), quoted verbatim like any
other answer. Passage retrieval ranks such lines low: they share few words with the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.models import Citation, Document

_DOCUMENT = (r"polic\w*|strategi\w*|riktlinje\w*|program\w*|handlingsplan\w*|dokument\w*|"
             r"strategy|strategies|guidelines?|document|plan")
ASKS: dict[str, re.Pattern[str]] = {
    "dnr": re.compile(r"\b(diarienum\w*|diarienr|dnr|ärendenum\w*|diary number|reference number|"
                      r"registration number|case number|file number)\b", re.I),
    "replaces": re.compile(r"\b(ersätt\w*|ersatt\w*|replac\w*|superseded?|föregående|"
                           r"previous (?:policy|strategy|document))\b", re.I),
    "valid": re.compile(r"\b(gäller\s+(?:den\s+)?(?:till|tills|fram|från|fr\.?\s?o\.?\s?m)|"
                        r"(?:från|sedan|till)\s+(?:när|vilket datum|vilken dag)\s+gäller|"
                        r"hur länge gäller|giltig\w*|valid\w*|expir\w*|how long (?:is|does)|"
                        r"in force|upphör)\b", re.I),
    "date": re.compile(r"\b(datum|daterad\w*|dated|what date|vilket datum)\b", re.I),
    "contact": re.compile(r"\b(telefon\w*|e-?post\w*|mejl\w*|e-?mail\w*|phone\w*|"
                          r"kontaktuppgift\w*|contact details)\b", re.I),
    "adopted": re.compile(r"\b(antogs|antagen|antaget|antagna|antog|antagits|anta|fastställ\w*|"
                          r"beslutades|klubbades|adopted|adopt|adoption|approved|passed|enacted|"
                          r"came into force)\b", re.I),
}
# Asking *who* to contact ("vem är kontaktperson?"), not about contact persons as a topic
# ("Vad ska nätverket med kontaktpersoner göra?").
_ASKS_PERSON = re.compile(r"\b(vem är (?:\w+ )?kontakt(?:person)?\w*|vända mig till|"
                          r"vänder mig till|(?:who|whom) (?:should|can|do) i contact|"
                          r"who is (?:the|our|my) contact|vem (?:ska|kan|bör) jag kontakta|"
                          r"vilken kontaktperson)", re.I)
_ABOUT_DOCUMENT = re.compile(rf"\b({_DOCUMENT})\b", re.I)
_WHEN_OR_WHO = re.compile(r"\b(när|vilket år|vilket datum|vem|vilket organ|when|what year|"
                          r"which year|who|which body|what body|by whom)\b", re.I)

# Lines that state the fact. A label ("Beslutad:") or a participle with its agent ("antagen
# av kommunfullmäktige") — never a body paragraph that only mentions a decision.
_STATES: dict[str, re.Pattern[str]] = {
    "contact": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(tel|telefon|phone|mobil\w*)\b\.?:?\s*[+\d]|"
                          r"\b0\d{1,3}[-\s]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}\b|"
                          r"\bkontakta\w*\b[^.\n]{0,40}\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+|"
                          r"\bkontaktperson\w*\b", re.I),
    "date": re.compile(r"^\s*(datum|daterad|beslutsdatum)?\s*:?\s*("
                       r"(19|20)\d\d\s?-\s?\d\d\s?-\s?\d\d|\d{1,2}\s+[a-zåäö]+\s+(19|20)\d\d)\s*$",
                       re.I),
    "dnr": re.compile(r"\b(diarienummer|diarienr|dnr|ärendenummer)\b\.?:?\s*"
                      r"(?:[A-ZÅÄÖ.]{1,6}\s?)?\S*\d", re.I),
    # … or names the predecessor it revises: "revidera sin internationella policy från 2018",
    # "en revidering av strategin från 2015"
    "replaces": re.compile(r"\b(ersätter|ersätta|ersatte|ersätts|ersatt av|upphäver)\b|"
                           r"\b(revidera|reviderar|reviderad|revidering av)\s+(?:\w+\s+){0,3}"
                           rf"(?:{_DOCUMENT})(?:\s+\w+){{0,3}}\s+(?:från|antagen)\s+(?:\w+\s+)?(?:19|20)\d\d",
                           re.I),
    "valid": re.compile(r"\b(gäller\s+(?:tills vidare|till och med|till|från|fr\.?\s?o\.?\s?m"
                        r"\.?|fram till)|giltig\w*\s+(?:till|från|t\.?o\.?m)|giltighetstid)", re.I),
    "adopted": re.compile(
        r"\b(antagen|antaget|antagna|antogs|antagits|fastställd|fastställt|fastställdes|"
        r"fastställts|beslutad|beslutat|beslutades|beslutats)\s+(av|i|på|den|vid|\d)|\b(antagen|beslutad|fastställd|fastställare|"
        r"beslutsdatum|beslutsinstans|antagningsdatum)\s*:|"
        r"\b(kommunfullmäktige|regionfullmäktige|fullmäktige|kommunstyrelsen|regionstyrelsen)"
        r"\s+(antog|fastställde|beslutade)\b", re.I),
}


def states(aspect: str, text: str) -> bool:
    """Whether ``text`` states the document-level ``aspect`` (adopted, dnr, valid, …)."""
    return _STATES[aspect].search(text) is not None


@dataclass(frozen=True)
class DocumentStatement:
    aspect: str
    citation: Citation


def without_aspect_words(question: str) -> str:
    """The question less the words that name a document aspect ("diarienumret", "ersattes",
    "gäller från"): they say what is asked about the document, not what it is about, so a
    policy that states its Dnr only on the cover still answers "Vad är diarienumret?"."""
    for aspect in asked_aspects(question):
        question = ASKS[aspect].sub(" ", question)
    return question


def asked_aspects(question: str) -> list[str]:
    """The document-level aspects a question asks about, most specific first."""
    found = [a for a, rx in ASKS.items() if rx.search(question)]
    if _ASKS_PERSON.search(question) and "contact" not in found:
        found.append("contact")
    if "adopted" in found and not (_ABOUT_DOCUMENT.search(question)
                                   or _WHEN_OR_WHO.search(question)):
        found.remove("adopted")
    if "valid" in found and not _ABOUT_DOCUMENT.search(question):  # "gäller" alone is not
        found.remove("valid")  # about the document
    if "contact" in found and not (_ABOUT_DOCUMENT.search(question) or _ASKS_PERSON.search(
            question)):
        found.remove("contact")
    return found


def _lines(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of every sentence-sized piece: lines, split at sentence ends."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = start
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", line):
            yield cut, start + m.start()
            cut = start + m.end()
        yield cut, start + len(line)


def statements(doc: Document, aspect: str, section_of: dict[int, str] | None = None,
               limit: int = 2) -> list[DocumentStatement]:
    """The spans of ``doc`` that state ``aspect``, cover lines first."""
    pattern = _STATES[aspect]
    out: list[DocumentStatement] = []
    for start, end in _lines(doc.text):
        piece = doc.text[start:end]
        found = pattern.search(piece)
        if not found:
            continue
        if len(piece) > 400:  # a flattened cover table: the words around the label
            start, end = _window(doc.text, start + found.start(), start + found.end())
            piece = doc.text[start:end]
        elif _BACK_REFERENCE.search(piece) and start > 0:  # "… ska ersätta denna": the
            start = _previous_sentence(doc.text, start)  # sentence it points back to too
            piece = doc.text[start:end]
        elif aspect == "contact":  # a contact card: the name and title above the number
            start, end = _card(doc.text, start, end)
            piece = doc.text[start:end]
        section = (section_of or {}).get(start, "") or doc.title
        cit = Citation(doc.municipality, doc.title, section, piece.strip(), doc.id,
                       start + len(piece) - len(piece.lstrip()),
                       start + len(piece.rstrip()))
        out.append(DocumentStatement(aspect, cit))
        if len(out) >= limit:
            break
    return out


_BACK_REFERENCE = re.compile(r"\b(denna|detta|dessa|densamma)\b", re.I)


def _previous_sentence(text: str, start: int) -> int:
    """Where the sentence before ``start`` begins (within the same paragraph)."""
    para = text.rfind("\n\n", 0, start)
    floor = 0 if para < 0 else para + 2
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+", text[floor:start - 1])), default=0)
    return floor + cut


def _card(text: str, start: int, end: int, reach: int = 4) -> tuple[int, int]:
    """The short lines around a contact line (name, title, unit, number, address): a card."""
    lines = text[:start].split("\n")
    pos, taken = start, 0
    for line in reversed(lines[:-1]):
        stripped = line.strip()
        if stripped and (len(stripped) > 60 or stripped.endswith(".") or taken >= reach):
            break
        pos -= len(line) + 1
        taken += bool(stripped)
    after = text[end:].split("\n")
    tail = end
    for more, line in enumerate(after[1:]):
        stripped = line.strip()
        if not stripped or len(stripped) > 60 or more >= 2:
            break
        tail += len(line) + 1
    lead = len(text[pos:start]) - len(text[pos:start].lstrip())
    return pos + lead, tail


def _window(text: str, a: int, b: int, before: int = 100, after: int = 220) -> tuple[int, int]:
    """A verbatim window around ``text[a:b]``, cut at spaces, for a label inside a long line."""
    start = max(0, a - before)
    end = min(len(text), b + after)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < a else start
    if end < len(text):
        space = text.rfind(" ", b, end)
        end = space if space > b else end
    return start, end
