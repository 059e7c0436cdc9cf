"""Which lines of a stored text are site furniture (menus, viewer chrome, contact boxes).

Saved web pages and PDF-viewer transcripts arrive as plain text with "Lyssna", "Startsida",
"Storlek: px", "Transkript", opening hours and feedback forms among the policy's sentences. The
stored text must stay verbatim, so nothing is deleted here: we only say which lines are
furniture, and the structure step leaves them out of sections and passages.

The classifier follows jusText's idea, adapted to lines of text instead of HTML blocks: a line
written for reading has many function words and ends like a sentence; furniture is made of
web-interface words, phone numbers, dates and times, and no sentence. Lines that are neither
(headings, names, list items) take the class of their neighbours, so a heading between two
paragraphs stays content while a name inside a contact box goes with the box. When in doubt a
line is kept: losing a policy sentence costs more than keeping a menu word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ingest.boilerplate_words import FUNCTION_WORDS, UI_WORDS

Kind = Literal["bad", "mark", "good", "short"]

# Fitted on 254 hand-labelled lines of 20 saved pages and viewer transcripts: every setting in
# 0.34-0.5 (both shares), 0.10-0.25 (function share) and 4-6 (context words) found 88 % of the
# furniture and lost no content line; looser settings lost content. We take the middle.
UI_SHARE_BAD = 0.5  # more than this share of a line's words are interface words or contact data
UI_SHARE_SENTENCE = 0.34  # a sentence this full of interface words is a form or a notice
MIN_SENTENCE_WORDS = 5
MIN_FUNCTION_SHARE = 0.15
MAX_CONTEXT_WORDS = 6  # longer undecided lines (a cover page, a long title) are always kept

_TOKEN = re.compile(r"[^\s,;!?()\[\]\"“”']+")
_NUMBER = re.compile(r"^[\d.,:/\-–+§]+$")  # numbers, dates, times, phone numbers: no vote
_CONTACT_DATA = re.compile(r"^(?:\S+@\S+\.\w+|(?:https?://|www\.)\S+)$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”][^\"“”]*[\"“”]")
_FILE_LINK = re.compile(r"\((?:pdf|docx?|xlsx?|pptx?|odt)\b[^)]*\)|\b\d+(?:[.,]\d+)?\s?[kKmM]B\b")
_BULLET = re.compile(r"^(?:[-*•–]\s+)")
_LABEL = re.compile(r"^[\w\-]+:\s")
_PAGE_OF = re.compile(r"^(?:sida|sidan|page)\s*\d+\s*(?:av|of|/)\s*\d+$", re.IGNORECASE)
# An image's caption with its credit ("Två kvinnor. Foto: Anna Berg"): about a picture.
_CAPTION = re.compile(r"(?:^|[.\s])(?:foto|fotograf|bild|photo|image|illustration)\s*:\s*"
                      r"[A-ZÅÄÖ]", re.IGNORECASE)
MAX_CAPTION_WORDS = 15


@dataclass(frozen=True)
class LineFeatures:
    words: int
    function_share: float
    ui_share: float
    ui_words: int
    sentence_end: bool
    has_letters: bool
    file_link: bool
    ui_label: bool  # "Telefon: …", "E-post: …": a field of a contact box


def _tokens(text: str) -> list[str]:
    tokens = (t.strip(".:*").lower() for t in _TOKEN.findall(text))
    return [t for t in tokens if any(ch.isalnum() for ch in t)]


def features(line: str) -> LineFeatures:
    text = _BULLET.sub("", line.strip())
    # Words of a quoted title ('Download "Policy för …"') say nothing about the line itself.
    tokens = _tokens(_QUOTED.sub(" ", text)) or _tokens(text)
    function = sum(t in FUNCTION_WORDS for t in tokens)
    lexical = [t for t in tokens if t not in FUNCTION_WORDS and not _NUMBER.match(t)]
    ui = sum(t in UI_WORDS for t in lexical)
    data = sum(bool(_CONTACT_DATA.match(t)) for t in lexical if t not in UI_WORDS)
    return LineFeatures(
        words=len(tokens),
        function_share=function / len(tokens) if tokens else 0.0,
        ui_share=(ui + data) / len(lexical) if lexical else 0.0,
        ui_words=ui,
        sentence_end=text.rstrip("”\"')").endswith((".", "!", "?", ":")),
        has_letters=any(ch.isalpha() for ch in text),
        file_link=bool(_FILE_LINK.search(text)),
        ui_label=bool(lexical) and lexical[0] in UI_WORDS and bool(_LABEL.match(text)),
    )


def initial_kind(line: str) -> Kind:
    """A line's class from its own words only; "short" when they do not decide.

    "mark" is a line without letters (a page number, a phone number, dots): furniture, but
    no evidence about its neighbours, since page numbers sit between paragraphs of a policy.
    """
    f = features(line)
    if not f.has_letters or _PAGE_OF.match(line.strip()):
        return "mark"
    if f.words <= MAX_CAPTION_WORDS and _CAPTION.search(line):
        return "bad"
    sentence = f.words >= MIN_SENTENCE_WORDS and (
        f.function_share >= MIN_FUNCTION_SHARE or f.sentence_end)
    if sentence:
        return "bad" if f.ui_words >= 2 and f.ui_share >= UI_SHARE_SENTENCE else "good"
    if f.ui_share > UI_SHARE_BAD or f.file_link or f.ui_label:
        return "bad"
    return "short"


def is_furniture_line(line: str) -> bool:
    """Furniture by the line's own words, without looking at its neighbours."""
    return initial_kind(line) in ("bad", "mark")


def classify_lines(lines: list[str]) -> list[bool]:
    """True for each line that is furniture. Blank lines are never furniture.

    An undecided short line is furniture only when the nearest decided lines on both sides are
    furniture (the top of a page counts as content, since it holds the title; the bottom as
    furniture, since it holds contact boxes and dates).
    """
    kinds: list[Kind | None] = [initial_kind(line) if line.strip() else None for line in lines]
    prev = _nearest_decided(kinds, edge="good")
    nxt = _nearest_decided(kinds[::-1], edge="bad")[::-1]
    return [
        kind in ("bad", "mark") or (
            kind == "short" and len(line.split()) <= MAX_CONTEXT_WORDS
            and prev[i] == "bad" and nxt[i] == "bad")
        for i, (line, kind) in enumerate(zip(lines, kinds, strict=True))
    ]


def _nearest_decided(kinds: list[Kind | None], edge: Kind) -> list[Kind]:
    """For each line, the class of the nearest earlier "bad" or "good" line (or ``edge``)."""
    out: list[Kind] = []
    last = edge
    for kind in kinds:
        out.append(last)
        if kind in ("bad", "good"):
            last = kind
    return out


def furniture_starts(text: str) -> frozenset[int]:
    """Start offsets of the furniture lines of ``text``, for the structure step to skip."""
    return frozenset(start for start, _ in furniture_spans(text))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the furniture lines of ``text``."""
    lines = text.split("\n")
    spans, pos = [], 0
    for line, bad in zip(lines, classify_lines(lines), strict=True):
        if bad:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
