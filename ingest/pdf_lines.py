"""Lines of a PDF page from positioned words, put in reading order (columns one after another).

Why: pdfplumber gives words with positions and fonts, sorted top to bottom across the whole
page width, so a two-column page reads as alternating half lines of each column. Here words
become visual lines, each line is cut where a wide horizontal gap separates its parts, and a
run of lines that keeps one vertical gutter clear is read as columns: the left column whole,
then the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ingest.pdf_rows import aligned_rows
from ingest.pdf_textline import TextLine

__all__ = ["TextLine", "reading_order", "visual_lines"]

_BOLD = ("bold", "black", "heavy", "semibold", "demi", ",b")


def _fragment(words: Sequence[dict[str, Any]]) -> TextLine:
    sizes = sorted(float(w["size"]) for w in words)
    return TextLine(
        text=" ".join(str(w["text"]) for w in words),
        x0=min(float(w["x0"]) for w in words), x1=max(float(w["x1"]) for w in words),
        top=min(float(w["top"]) for w in words), bottom=max(float(w["bottom"]) for w in words),
        size=sizes[len(sizes) // 2],
        bold=all(any(b in str(w["fontname"]).lower() for b in _BOLD) for w in words))


def visual_lines(words: Sequence[dict[str, Any]]) -> list[list[TextLine]]:
    """Words grouped into lines (top to bottom), each line cut at wide gaps into fragments."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        tolerance = 0.4 * float(word["size"])
        if rows and abs(float(word["top"]) - float(rows[-1][0]["top"])) <= tolerance:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines: list[list[TextLine]] = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        parts: list[list[dict[str, Any]]] = [[row[0]]]
        for prev, word in zip(row, row[1:], strict=False):
            gap = float(word["x0"]) - float(prev["x1"])
            if gap > 1.5 * max(float(prev["size"]), float(word["size"])):
                parts.append([word])
            else:
                parts[-1].append(word)
        lines.append([_fragment(part) for part in parts])
    return lines


def _merge(fragments: Sequence[TextLine]) -> TextLine:
    first = fragments[0]
    return replace(first, text=" ".join(f.text for f in fragments), x1=fragments[-1].x1,
                   top=min(f.top for f in fragments), bottom=max(f.bottom for f in fragments))


def _gutter(line: Sequence[TextLine], width: float) -> tuple[float, float] | None:
    """The widest gap between fragments that lies in the middle of the page, if any."""
    gaps = [(a.x1, b.x0) for a, b in zip(line, line[1:], strict=False)
            if 0.3 * width <= (a.x1 + b.x0) / 2 <= 0.7 * width]
    return max(gaps, key=lambda g: g[1] - g[0]) if gaps else None


def _zone(lines: Sequence[Sequence[TextLine]], i: int, width: float) -> tuple[int, float] | None:
    """Lines i..end that keep one gutter clear, with at least two lines split by it."""
    first = _gutter(lines[i], width)
    if first is None:
        return None
    lo, hi = first
    split, end, last_split = 1, i + 1, i + 1
    while end < len(lines):
        line = lines[end]
        gap = _gutter(line, width) if len(line) > 1 else None
        if gap is not None and max(lo, gap[0]) < min(hi, gap[1]):
            lo, hi, split = max(lo, gap[0]), min(hi, gap[1]), split + 1
            last_split = end + 1
        elif len(line) == 1 and (line[0].x1 <= hi or line[0].x0 >= lo):
            prev = lines[end - 1]
            if line[0].top - max(f.bottom for f in prev) > 1.2 * line[0].size:
                break  # a gap: the columns ended before this line
            if line[0].x1 <= hi:
                lo = max(lo, line[0].x1)
            else:
                hi = min(hi, line[0].x0)
        else:
            break
        end += 1
    end = max(end, last_split)
    gutter = (lo + hi) / 2
    if split < 2 or not _balanced(lines[i:end], gutter):
        return None
    return end, gutter


def _balanced(lines: Sequence[Sequence[TextLine]], gutter: float) -> bool:
    """Text columns are of like width and their lines fill them; a borderless table's first
    column of short labels ("Kommunstyrelsen") is not a column of text."""
    left = [f for line in lines for f in line if f.x1 <= gutter]
    right = [f for line in lines for f in line if f.x1 > gutter]
    if not left or not right:
        return False
    x0, x1 = min(f.x0 for f in left), max(f.x1 for f in right)
    left_width, right_width = gutter - x0, x1 - gutter
    if not 0.6 <= left_width / max(right_width, 1.0) <= 1.6:
        return False
    fill = sorted((f.x1 - f.x0) / max(left_width, 1.0) for f in left)
    return fill[len(fill) // 2] >= 0.6


def reading_order(lines: Sequence[Sequence[TextLine]], width: float) -> list[TextLine]:
    """One line per visual line, except in column zones: the left column, then the right."""
    out: list[TextLine] = []
    i = 0
    while i < len(lines):
        zone = _zone(lines, i, width)
        if zone is None:
            end, rows = aligned_rows(lines, i)
            out.extend(rows or [_merge(lines[i])])
            i = end if rows else i + 1
            continue
        end, gutter = zone
        for left in (True, False):
            column = [[f for f in line if (f.x1 <= gutter) == left] for line in lines[i:end]]
            merged = [_merge(parts) for parts in column if parts]
            right = max((f.x1 for f in merged), default=0.0)
            for n, line in enumerate(merged):
                out.append(replace(line, right=right, column_start=not left and n == 0))
        i = end
    return out
