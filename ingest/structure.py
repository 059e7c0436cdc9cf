"""Sections and quotable passages from normalised text.

Real policies mark headings in many ways (``### X``, ``X:``, a bare short line, a numbered
line) and write lists as a lead-in sentence followed by bullets. We keep a list together as one
block so an answer can quote it whole, and index each sentence or item on its own so retrieval
finds the precise line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.boilerplate import furniture_starts
from ingest.furniture import furniture_key, is_page_number, repeated_lines

_BULLET = re.compile(r"^(?:[-*•–]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|§\s*\d+[.:]?\s+)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_TOC_LINE = re.compile(r"(\.{4,}\s*\d*\s*$)|(^.{2,80}?\s\d{1,3}$)")
_TOC_HEAD = re.compile(r"^(innehåll|innehållsförteckning|contents)$", re.IGNORECASE)
_PAGE_MARK = re.compile(r"^(\d{1,3}\s*\(\d{1,3}\)|sid(a|an)?\s*\d+(\s*\(\d+\))?|\d{1,3})$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”'(A-ZÅÄÖ0-9])")
_LEADIN_END = re.compile(
    r"(:|\batt|\bska|\bskall|\bav|\bfrämst|\bföljande|\bbl\.?a\.?|\binnebär)$", re.I
)
# Words a heading never ends with but a list's lead-in may ("… arbetar vi med", "… såsom").
_LEADIN_TAIL = re.compile(
    r"\b(?:med|för|genom|om|i|på|till|mot|inom|bland|såsom|som|exempelvis|t\.ex\.|nämligen|"
    r"dessa|där|när|samt|och|eller|omfattar|innefattar|inkluderar|är|vara|kan|bör|måste)$", re.I)
# A word that makes a short line a sentence (a lead-in) rather than a title.
_SENTENCE_WORD = re.compile(
    r"\b(?:ska|skall|kan|bör|måste|vill|är|har|blir|att|innebär|gäller|omfattar|sker)\b", re.I)
_LABEL_VALUE = re.compile(r"^[^:|]{1,30}:\s+\S")  # "Dokumenttyp: Policy", a form line
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[^\W\d_])")  # "3. " "2.1 " "2.1. "
_SIMPLE_NUMBER = re.compile(r"^\d{1,2}[.)]\s")
# A line with a year is a heading ("Agenda 2030") unless it reads as a date or record line.
_RECORD_LINE = re.compile(
    r"\d{4}-\d\d-\d\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zä]*"
    r"\s+\d{4}|\b(?:antagen|antaget|antogs|beslutad|beslutat|fastställd|fastställt|reviderad|"
    r"reviderat|gäller|dnr|diarienummer|datum|version|sida)\b", re.I)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph or a list (lead-in plus items) under a section heading."""

    kind: str  # "paragraph" | "list"
    section: str
    start: int
    end: int
    units: tuple[Span, ...]  # sentences (within one row of a table), or list items
    lead_in: Span | None = None


def _lines(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    return spans


def _is_furniture(line: str, repeated: set[str]) -> bool:
    """A page number, or a running header/footer line repeated through a text file."""
    if is_page_number(line):
        return True
    return (furniture_key(line) in repeated and not _MD_HEADING.match(line)
            and not _BULLET.match(line))


def _groups(text: str) -> list[list[Span]]:
    """Consecutive non-empty lines, with each bullet line starting a group of its own.

    Page furniture (page numbers, running headers) and site furniture (menus, viewer chrome,
    contact boxes; see ingest.boilerplate) end a group like a blank line does, so they are
    never a heading, a passage or part of a quote.
    """
    lines = _lines(text)
    repeated = repeated_lines([line.text for line in lines])
    site = furniture_starts(text)
    groups: list[list[Span]] = []
    current: list[Span] = []
    for line in lines:
        chrome = line.start in site and not _TOC_HEAD.match(line.text)
        if not line.text or chrome or _is_furniture(line.text, repeated):
            if current:
                groups.append(current)
            current = []
        elif _BULLET.match(line.text) or _MD_HEADING.match(line.text):
            if current:
                groups.append(current)
            current = [line]
        elif len(current) == 1 and _numbered_title(current[0].text) and line.text[0].isupper():
            groups.append(current)  # "3. Ansvar och organisation" glued to its paragraph
            current = [line]
        elif (len(current) == 1 and _looks_like_heading(current[0].text)
              and len(line.text) >= 40 and line.text[-1] in ".:!?"):
            groups.append(current)  # a bare title line glued to its first paragraph
            current = [line]
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def clean_heading(text: str) -> str:
    """The section title: Markdown marks, emphasis and a leading number ("2.1 ") removed."""
    m = _MD_HEADING.match(text)
    if m:
        text = m.group(2)
    text = text.replace("**", "").replace("__", "").strip().rstrip(":").strip()
    return _NUMBERED.sub("", text) or text


def _looks_like_heading(line: str) -> bool:
    if _MD_HEADING.match(line):
        return True
    line = _NUMBERED.sub("", line)
    if " | " in line or _LABEL_VALUE.match(line):  # a table row or a form line
        return False
    words = line.split()
    if not words or len(line) > 70 or len(words) > 8 or line[-1] in ".,;!?":
        return False
    letters = sum(ch.isalpha() for ch in line)
    if letters < 3 or letters < 0.6 * len(line.replace(" ", "")):
        return False
    first = line.lstrip("*_\"”").lstrip()
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if "@" in line or "www." in line.lower() or "§" in line or _RECORD_LINE.search(line):
        return False
    return not (line.endswith(":") and len(words) > 5)


def _numbered_title(line: str) -> bool:
    """"3. Ansvar och organisation", "2.1 Mål": a number, then a short title."""
    return bool(_NUMBERED.match(line)) and _looks_like_heading(line) and not line.endswith(":")


def _numbered_heading(groups: list[list[Span]], i: int) -> bool:
    """A numbered title line is a heading unless it sits in a run of short numbered items."""
    first = groups[i][0].text
    if len(groups[i]) != 1 or not _numbered_title(first):
        return False
    if not _SIMPLE_NUMBER.match(first):
        return True  # "2.1 Mål": list items are not numbered that way
    neighbours = [groups[j] for j in (i - 1, i + 1) if 0 <= j < len(groups)]
    return not any(len(g) == 1 and _SIMPLE_NUMBER.match(g[0].text) and _numbered_title(g[0].text)
                   for g in neighbours)


def _reads_as_lead_in(line: str) -> bool:
    """A line that introduces a list ("Kommunen ska:", "Målen är att") rather than titles it."""
    line = line.strip()
    return (is_lead_in(line) or bool(_LEADIN_TAIL.search(line))
            or bool(_SENTENCE_WORD.search(line)) or len(line.split()) > 8)


def _is_item(groups: list[list[Span]], i: int) -> bool:
    """A list item: a bullet line that is not a numbered heading."""
    return _is_bullet(groups[i]) and not _numbered_heading(groups, i)


def _is_bullet(group: list[Span]) -> bool:
    return bool(_BULLET.match(group[0].text))


def _is_toc(line: str, in_toc: bool) -> bool:
    return bool(re.search(r"\.{4,}", line)) or (in_toc and bool(_TOC_LINE.search(line)))


def split_sentences(span: Span) -> list[Span]:
    """Sentences of a paragraph, never cutting after an initial ("M. Thelin") or "t.ex."."""
    pieces: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(span.text):
        before = span.text[start : m.start()]
        last = before.split()[-1] if before.split() else ""
        if re.fullmatch(r"[A-ZÅÄÖ]\.|t\.ex\.|bl\.a\.|m\.m\.|s\.k\.|§|nr\.|ca\.", last, re.I):
            continue
        pieces.append(_sub(span, start, m.start()))
        start = m.end()
    pieces.append(_sub(span, start, len(span.text)))
    merged: list[Span] = []
    for piece in pieces:
        if merged and len(merged[-1].text) < 25:
            prev = merged.pop()
            joined = span.text[prev.start - span.start : piece.end - span.start]
            piece = Span(prev.start, piece.end, joined)
        merged.append(piece)
    return [p for p in merged if p.text.strip()]


def _sub(span: Span, a: int, b: int) -> Span:
    raw = span.text[a:b]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    return Span(span.start + a + lead, span.start + a + lead + len(raw), raw)


def _join(text: str, group: list[Span]) -> Span:
    return Span(group[0].start, group[-1].end, text[group[0].start : group[-1].end])


def parse_blocks(text: str) -> list[Block]:
    groups = _groups(text)
    blocks: list[Block] = []
    section = ""
    in_toc = False
    i = 0
    while i < len(groups):
        group = groups[i]
        first = group[0].text
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if len(group) == 1 and _TOC_HEAD.match(clean_heading(first)):
            in_toc, i = True, i + 1
            continue
        if all(_is_toc(g.text, in_toc) for g in group):
            i += 1
            continue
        in_toc = False
        if len(group) == 1 and _PAGE_MARK.match(first):
            i += 1
            continue
        if _numbered_heading(groups, i):
            section, i = clean_heading(first), i + 1
            continue
        followed_by_list = nxt is not None and _is_item(groups, i + 1)
        lone = len(group) == 1 and not _is_bullet(group)
        if lone and not followed_by_list and is_lead_in(first):
            detached = _detached_list(groups, i)
            if detached is not None:
                lead = _join(text, group)
                blocks.append(Block("paragraph", section, lead.start, lead.end, (lead,)))
                blocks.extend(_furniture(text, groups[i + 1 : detached], section))
                items, i = _items(text, groups, detached)
                blocks.append(
                    Block("list", section, items[0].start, items[-1].end, tuple(items), lead))
                continue
        if len(group) == 1 and not _is_bullet(group) and _looks_like_heading(first):
            label_only = (first.endswith(":") and len(first.split()) <= 3
                          and not _SENTENCE_WORD.search(first))
            heading = _MD_HEADING.match(first) or not _reads_as_lead_in(first)
            if heading or not followed_by_list or label_only:
                section = clean_heading(first)
                i += 1
                continue
        if _is_bullet(group) or followed_by_list:
            lead_span: Span | None = None
            if not _is_bullet(group):
                lead_span, i = _join(text, group), i + 1
            items, i = _items(text, groups, i)
            start = lead_span.start if lead_span else items[0].start
            blocks.append(Block("list", section, start, items[-1].end, tuple(items), lead_span))
            continue
        para = _join(text, group)
        if all(" | " in line.text for line in group):  # a table: no sentence spans two rows
            units = tuple(s for row in group for s in split_sentences(row))
        else:
            units = tuple(split_sentences(para))
        blocks.append(Block("paragraph", section, para.start, para.end, units))
        i += 1
    return blocks


def _items(text: str, groups: list[list[Span]], i: int) -> tuple[list[Span], int]:
    items: list[Span] = []
    while i < len(groups) and _is_item(groups, i):
        items.append(_join(text, groups[i]))
        i += 1
    return items, i


def _detached_list(groups: list[list[Span]], i: int) -> int | None:
    """A lead-in separated from its bullets by page furniture (a date, a page number)."""
    for j in range(i + 1, min(i + 4, len(groups))):
        if _is_item(groups, j):
            return j
        if sum(len(line.text) for line in groups[j]) > 40:
            return None
    return None


def _furniture(text: str, groups: list[list[Span]], section: str) -> list[Block]:
    out = []
    for group in groups:
        if len(group) == 1 and _PAGE_MARK.match(group[0].text):
            continue
        para = _join(text, group)
        out.append(Block("paragraph", section, para.start, para.end, (para,)))
    return out


def is_lead_in(text: str) -> bool:
    return bool(_LEADIN_END.search(text.strip()))
