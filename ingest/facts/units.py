"""What the extractor reads as one statement: a sentence, a list item, a table row or clause.

A table row and a list item carry their bullets and cells in the text; these helpers find the
statement in them, so each extractor reads "Kommunstyrelsen | Leder …" and "- Samordna …" the
same way as a sentence.
"""

from __future__ import annotations

import re

from ingest.structure import Span

_BULLET = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|\d{1,2}(?:\.\d{1,2})+\s+)")
_CLAUSE = re.compile(r",?\s+och\s+(?=(?:[\wåäö-]+\s+){1,3}(?:svarar|ansvarar|beslutar|"
                     r"redovisar|lämnar|leder|samordnar)\b)", re.I)


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text).replace("**", "").strip()


def rows(unit: Span) -> list[Span]:
    """A table is one paragraph to the block parser; its rows are separate statements."""
    if " | " not in unit.text:
        return [unit]
    out, pos = [], unit.start
    for line in unit.text.split("\n"):
        if line.strip():
            out.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def clauses(unit: Span) -> list[Span]:
    """Split "X ska hållas på A och B svarar för Y" into its two statements."""
    out, start = [], 0
    for m in _CLAUSE.finditer(unit.text):
        out.append(Span(unit.start + start, unit.start + m.start(), unit.text[start:m.start()]))
        start = m.end()
    out.append(Span(unit.start + start, unit.end, unit.text[start:]))
    return out


def in_row(text: str, unit: Span) -> tuple[Span, int]:
    """A later sentence of a table cell ("Leder arbetet. Beslutar om medlemskap.") is the
    row's body's too: read it after the row's first cell, and quote it from the row start."""
    line_start = text.rfind("\n", 0, unit.start) + 1
    line_end = text.find("\n", unit.start)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    if " | " in unit.text or " | " not in line or unit.start == line_start:
        return unit, unit.start
    organ = line.split(" | ")[0].strip()
    return Span(unit.start, unit.end, f"{organ} | {unit.text}"), line_start
