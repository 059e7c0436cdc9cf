"""Borderless tables in a PDF: lines whose parts stay aligned in columns become table rows.

Why: many policy templates set the responsibility table without ruling lines, so pdfplumber's
table finder (which follows lines) sees only text. Read line by line, "Kommunstyrelsen   Leder
det internationella arbetet" loses the cell boundary the fact extractor relies on. Two or more
consecutive lines cut at the same horizontal positions are rows; a following line that starts
at one of those positions continues that cell (a wrapped cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ingest.dehyphenate import join_lines
from ingest.pdf_textline import TextLine

__all__ = ["aligned_rows"]

_SLACK = 4.0  # points: how far cells of one column may start apart


def _column(x0: float, columns: Sequence[float]) -> int | None:
    for n, start in enumerate(columns):
        if abs(x0 - start) <= _SLACK:
            return n
    return None


def _fits(line: Sequence[TextLine], columns: Sequence[float]) -> bool:
    found = [_column(f.x0, columns) for f in line]
    known = [n for n in found if n is not None]
    return len(known) == len(found) and known == sorted(set(known))


def aligned_rows(lines: Sequence[Sequence[TextLine]], i: int) -> tuple[int, list[TextLine]]:
    """Rows of a borderless table starting at line ``i`` (end index, rows), or (i, [])."""
    if len(lines[i]) < 2:
        return i, []
    columns = [f.x0 for f in lines[i]]
    cells: list[list[list[str]]] = []
    tops: list[TextLine] = []
    end = i
    while end < len(lines):
        line = lines[end]
        if not _fits(line, columns):
            break
        gap = line[0].top - max(f.bottom for f in lines[end - 1]) if end > i else 0.0
        if len(line) > 1 and line[0].x0 - columns[0] <= _SLACK:
            cells.append([[] for _ in columns])
            tops.append(line[0])
        elif not cells or gap > 1.2 * line[0].size:
            break  # one part alone after a gap: the table has ended
        for part in line:
            cells[-1][_column(part.x0, columns) or 0].append(part.text)
        end += 1
    if sum(1 for row in cells if sum(1 for c in row if c) > 1) < 2:
        return i, []
    rows = [replace(top, text=" | ".join(join_lines(cell) for cell in row), row=True)
            for top, row in zip(tops, cells, strict=True)]
    return end, rows
