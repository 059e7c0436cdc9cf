"""Blocks (heading, paragraph, list item, table) from positioned lines, rendered as light Markdown.

Why: the structure parser downstream reads ``#`` headings, ``- `` items, `` | `` table rows and
blank lines between blocks, the contract every loader keeps. A PDF has none of that, only
lines with positions and fonts, so here a vertical gap, a change of font, a bullet glyph or a
short last line ends a block; a bold or larger short line is a heading, its level from its
numbering ("2.1" is level 2) or else from its size; lines are joined with their hyphens
resolved; and a paragraph cut by a page or column break is joined with its continuation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ingest.dehyphenate import join_lines
from ingest.pdf_textline import TextLine

__all__ = ["LayoutBlock", "Table", "build_blocks", "join_continuations", "render"]

Kind = Literal["heading", "paragraph", "list_item", "table"]
_BULLETS = "•●▪■◦○·∙‣⁃*\uf0b7\uf0a7\uf076\uf0d8-–"
_BULLET = re.compile(rf"^(?:[{re.escape(_BULLETS)}]|\(cid:\d+\))\s*(?=\S)")  # (cid:n): a glyph
_CID = re.compile(r"\(cid:\d+\)\s?")  # a glyph with no character mapping: not text
_NUMBERING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
# A form line opens with its label ("Dokumentägare: Kommunstyrelsen", "Dnr: KS 2023/12"); a
# wrapped sentence does not go on with a capitalised label, so such a line starts a block.
_LABEL_START = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?: [\wåäöÅÄÖ-]+){0,2}: \S")


@dataclass
class LayoutBlock:
    kind: Kind
    lines: list[str] = field(default_factory=list)
    level: int = 0
    after_jump: bool = False  # first block after a page or column break
    size: float = 0.0
    bold: bool = False


@dataclass(frozen=True)
class Table:
    top: float
    rows: list[list[str]]


@dataclass(frozen=True)
class Fonts:
    """Document-wide measures: body text size, heading sizes (largest first), normal line gap,
    and the title's size (0 when the largest size is not a title on the first page alone)."""

    body: float
    heading_sizes: tuple[float, ...]
    gap: float
    title: float


def measure(pages: Sequence[Sequence[TextLine]]) -> Fonts:
    lines = [line for page in pages for line in page]
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    body = weights.most_common(1)[0][0] if weights else 10.0
    bigger = sorted({round(ln.size, 1) for ln in lines if ln.size >= body * 1.12}, reverse=True)
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)
                  if round(a.size, 1) == round(b.size, 1) == body
                  and 0 <= b.top - a.bottom <= body)
    gap = gaps[len(gaps) // 2] if gaps else 0.3 * body
    title = bigger[0] if bigger and bigger[0] >= 1.5 * body else 0.0
    if any(round(ln.size, 1) == title for page in pages[1:] for ln in page):
        title = 0.0  # the largest size recurs: a chapter heading, not the document's title
    return Fonts(body, tuple(bigger), gap, title)


def _is_heading(block: LayoutBlock, fonts: Fonts) -> bool:
    """Set apart by size or weight, and short: a paragraph in a larger font is an ingress."""
    text = " ".join(block.lines)
    words = len(text.split())
    if block.kind != "paragraph" or not text or text[-1] in ".,;" or len(block.lines) > 3:
        return False
    if block.size >= fonts.body * 1.12:
        return words <= 20
    return block.bold and words <= 12 and not text.endswith(":")


def _heading_level(text: str, size: float, fonts: Fonts, first_page: bool) -> int:
    numbered = _NUMBERING.match(text)
    if numbered:
        return min(numbered.group(1).count(".") + 1, 5)
    if first_page and fonts.title and round(size, 1) == fonts.title:
        return 0
    sizes = [s for s in fonts.heading_sizes if s != fonts.title] or [fonts.body]
    rank = sizes.index(round(size, 1)) if round(size, 1) in sizes else len(sizes)
    return min(rank + 1, 5)


def _starts_block(prev: TextLine, line: TextLine, current: LayoutBlock, fonts: Fonts) -> bool:
    if line.column_start or line.top < prev.top:
        return True
    if abs(line.size - prev.size) > 0.5 or line.bold != prev.bold:
        return True
    display = line.bold or line.size >= fonts.body * 1.12  # titles: wider leading, no wrap test
    allowed = fonts.gap + max(2.0, 0.25 * fonts.body)
    if line.top - prev.bottom > (max(allowed, 0.6 * line.size) if display else allowed):
        return True
    if _BULLET.match(line.text) or (current.kind == "list_item" and line.x0 < prev.x0 - 3):
        return True
    if _LABEL_START.match(line.text) and not prev.text.endswith(("-", ",")):
        return True
    if display:
        return False
    width = prev.right - prev.x0
    ended = prev.x1 < prev.right - 0.15 * width and _SENTENCE_END.search(prev.text)
    return bool(ended) or _forced_break(prev, line)


def _forced_break(prev: TextLine, line: TextLine) -> bool:
    """The next line's first word would have fitted on ``prev``: the break was not wrapping."""
    if prev.text.endswith("-"):
        return False
    char = (line.x1 - line.x0) / max(len(line.text), 1)
    first = line.text.split(" ", 1)[0]
    return (len(first) + 1) * char < prev.right - prev.x1


def build_blocks(flow: Sequence[TextLine | Table], fonts: Fonts, first_page: bool
                 ) -> list[LayoutBlock]:
    """Blocks of one page, from its lines and tables in reading order."""
    blocks: list[LayoutBlock] = []
    prev: TextLine | None = None
    for item in flow:
        if isinstance(item, Table):
            blocks.extend(_table_blocks(item))
            prev = None
            continue
        if item.row:  # a row of a borderless table
            if prev is not None and prev.row and blocks and blocks[-1].kind == "table":
                blocks[-1].lines.append(item.text)
            else:
                blocks.append(LayoutBlock("table", [item.text], 0, item.column_start))
            prev = item
            continue
        if prev is None or prev.row or not blocks or _starts_block(prev, item, blocks[-1], fonts):
            bullet = _BULLET.match(item.text)
            blocks.append(LayoutBlock("list_item" if bullet else "paragraph", [], 0,
                                      item.column_start, item.size, item.bold))
        text = item.text
        if blocks[-1].kind == "list_item" and not blocks[-1].lines:
            text = _BULLET.sub("", text)
        text = _CID.sub("", text).strip()
        if text:
            blocks[-1].lines.append(text)
        prev = item
    for block in blocks:
        if _is_heading(block, fonts):
            block.kind = "heading"
            block.level = _heading_level(block.lines[0], block.size, fonts, first_page)
    return blocks


def _table_blocks(table: Table) -> list[LayoutBlock]:
    rows = [row for row in table.rows if any(row)]
    if rows and max(len(row) for row in rows) < 2:  # a framed paragraph, not a table
        return [LayoutBlock("paragraph", [row[0]]) for row in rows]
    return [LayoutBlock("table", [" | ".join(row) for row in rows])] if rows else []


def join_continuations(blocks: list[LayoutBlock]) -> list[LayoutBlock]:
    """Join a paragraph cut by a page or column break with the text that continues it, and a
    table split over two pages (without its repeated header row)."""
    out: list[LayoutBlock] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and block.after_jump and _continues(prev, block):
            repeated = block.kind == "table" and block.lines[0] == prev.lines[0]
            prev.lines.extend(block.lines[1:] if repeated else block.lines)
            continue
        out.append(block)
    return out


def _continues(prev: LayoutBlock, block: LayoutBlock) -> bool:
    if not prev.lines or not block.lines:
        return False
    if prev.kind == block.kind == "table":
        return prev.lines[-1].count(" | ") == block.lines[0].count(" | ")
    return (block.kind == "paragraph" and prev.kind in {"paragraph", "list_item"}
            and not _SENTENCE_END.search(prev.lines[-1]) and block.lines[0][:1].islower())


def render(blocks: Sequence[LayoutBlock], words: Counter[str]) -> str:
    parts = []
    for block in blocks:
        if block.kind == "table":
            parts.append("\n".join(block.lines))
            continue
        text = join_lines(block.lines, words)
        if block.kind == "heading":
            parts.append("#" * (block.level + 1) + " " + text)
        elif block.kind == "list_item":
            parts.append("- " + text)
        elif text:
            parts.append(text)
    return "\n\n".join(parts)
