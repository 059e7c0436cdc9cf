"""A document's title and kind, from its own lines where it has one, else from its file name.

Why ranked candidates: covers put form lines first ("Dokumenttyp: Policy"), web pages put menus
first ("Startsida", "Lyssna"), transcripts a download banner. The line that names the document
(policy, strategi, riktlinjer, program, handlingsplan; not a bare "Policy", which is a
breadcrumb) is the title; then such a phrase naming the organisation inside a transcript
flattened into one line; then a short line holding the words of the file name (pages are saved
under a slug of their heading); then the first heading; and last a readable form of the file
name, never the raw slug.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.cover import LABEL, label_fields
from knowledge.org_names import fold

_KIND = re.compile(r"[\wåäö-]*?(polic(?:y|ies)|strategi|strategy|riktlinjer?|guidelines|"
                   r"handlingsplan|program|plan|rapport)\b", re.IGNORECASE)
_KINDS = {"policies": "policy", "strategy": "strategi", "riktlinjer": "riktlinje",
          "guidelines": "riktlinje"}
_WORD = re.compile(r"\w+")
_CAP_WORD = r"[A-ZÅÄÖ][\wåäö-]*"
# "Internationell strategi för Stockholms stad" inside a transcript flattened into one line
_PHRASE = re.compile(
    rf"(?<![\wåäö-]){_CAP_WORD}(?:\s+[a-zåäö][\wåäö-]*){{0,4}}\s+för\s+(?:Region\s+{_CAP_WORD}"
    rf"(?:\s+{_CAP_WORD})?|{_CAP_WORD}(?:\s+{_CAP_WORD})?\s+(?:kommun|stad|Stad))(?![\wåäö])")
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=[A-ZÅÄÖ])")  # "1 Internationell strategi …"
# A link to another document ("Läs handlingsplanen", "Ladda ner strategin", "Read the plan")
# names that document, not this one.
_LINK = re.compile(r"^(?:läs|ladda|hämta|se|klicka|gå|öppna|read|download|see|view|open|"
                   r"click|go)\b", re.IGNORECASE)


def detect_kind(title: str) -> str:
    m = _KIND.search(title)
    if not m:
        return "dokument"
    kind = m.group(1).lower()
    return _KINDS.get(kind, kind)


def _clean(line: str) -> str:
    text = _PAGE_NUMBER.sub("", line.strip().lstrip("#").replace("**", "").strip())
    return text.strip("\"'”“«»").rstrip(".:").strip()


def _slug_words(slug: str, drop: Iterable[str]) -> list[str]:
    dropped = {fold(w, accents=False) for w in drop}
    return [w for w in (fold(x, accents=False) for x in re.split(r"[\W_]+", slug))
            if len(w) > 2 and not w.isdigit() and w not in dropped]


def _holds_words(line: str, words: list[str]) -> bool:
    """The line has the file name's words (all, or all but one of three or more)."""
    have = [fold(w, accents=False) for w in _WORD.findall(line)]
    hits = sum(any(h[:6] == w[:6] for h in have) for w in words)
    return hits == len(words) or (len(words) >= 3 and hits == len(words) - 1)


def detect_title(text: str, file_stem: str = "", place_words: Iterable[str] = (),
                 place: str = "") -> str:
    """The best title line (ranked as the module says), or a readable file name.

    ``place_words`` are the file-name words that name the municipality (left out when lines
    are matched to the file name); ``place`` replaces them in a title made from the file name.
    """
    labelled = label_fields(text).get("title")
    if labelled is not None:
        return labelled.text
    words = _slug_words(file_stem, place_words)
    lines = text.splitlines()[:60]
    best: tuple[int, str, int] | None = None
    in_head = True  # before the first body paragraph: where a document names itself
    for i, raw in enumerate(lines):
        line = _clean(raw)
        n = len(line.split())
        if n > 14:
            phrase = _PHRASE.search(line)
            if phrase and _KIND.search(phrase.group(0)) and (best is None or best[0] > 2):
                best = (2, phrase.group(0), -1)
            in_head = in_head and not raw.rstrip().endswith(".")
            continue
        if not n or line.endswith(",") or LABEL.match(line) or _LINK.match(line):
            continue
        heading = raw.lstrip().startswith("#")
        kind = _KIND.search(line) is not None and line.lower() != detect_kind(line)
        named = words and n <= 10 and not raw.rstrip().endswith(".") and _holds_words(line, words)
        # a line naming a strategy further down a page names another document ("Läs mer i
        # … utvecklingsstrategi för 2030") unless it is a heading
        rank = (0 if heading and kind else 1 if kind and in_head else 3 if named
                else 4 if heading else 5 if kind else 9)
        if best is None or rank < best[0]:
            best = (rank, line, i)
        if n > 8 and raw.rstrip().endswith("."):
            in_head = False
    if best is not None and best[0] < 9:
        return _sentence_case(_unjoined(_continued(best[1], lines, best[2])), place)
    return _from_file_name(file_stem, place_words, place)


def _continued(title: str, lines: list[str], index: int) -> str:
    """A title wrapped onto the next line ("… policy för Varbergs" / "kommun - nämnder och
    bolag"): a next line that starts in lower case goes on with it."""
    if index < 0 or index + 1 >= len(lines) or title.endswith((".", "!", "?", ":")):
        return title
    nxt = lines[index + 1].strip()
    if nxt and nxt[0].islower() and len(nxt.split()) <= 8 and not nxt.endswith("."):
        return f"{title} {nxt}"
    return title


def _unjoined(title: str) -> str:
    """A transcript joins a cover's lines with stops ("Verksamhetsplan. för internationellt
    arbete. Diarienummer: …"): the title ends where a form label starts."""
    parts = re.split(r"\.\s+", title)
    kept = [parts[0]]
    for part in parts[1:]:
        if LABEL.match(part):
            break
        kept.append(part)
    return re.sub(r"\.\s+(?=[a-zåäö])", " ", ". ".join(kept)).rstrip(".")


def _sentence_case(title: str, place: str) -> str:
    """A title typed in capitals, in sentence case with the place name restored."""
    if not title.isupper():
        return title
    out = title.lower().capitalize()
    for name in filter(None, {place, place.removeprefix("Region ")}):
        out = re.sub(rf"\b{re.escape(name.lower())}", name, out)
    return out


def _from_file_name(stem: str, place_words: Iterable[str], place: str) -> str:
    words = [w for w in re.split(r"[\W_]+", stem) if w]
    if not words:
        return place or "Dokument"
    drop = {fold(w, accents=False) for w in place_words}
    kept = [w for w in words if fold(w, accents=False) not in drop]
    if place and len(kept) < len(words):
        first = next(i for i, w in enumerate(words) if fold(w, accents=False) in drop)
        kept.insert(min(first, len(kept)), place)
    title = " ".join(kept) or place
    return title[:1].upper() + title[1:]
