"""Join the lines of a laid-out paragraph back into running text, undoing line-end hyphens.

Why: a PDF keeps the typesetter's line breaks, so "Kommun-⏎styrelsen beslutar" would reach
the fact extractor and every quote as "Kommun- styrelsen". Not every line-end hyphen is the
typesetter's, though: "Kultur-⏎och fritidsnämnden" is a Swedish coordination hyphen ("Kultur-
och fritidsnämnden") and "EU-⏎medel" or "1990-⏎talet" keep their hyphen. The rule below
decides from the two halves and from the document's own words (a hyphenated form the document
also writes elsewhere wins over joining).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["join_lines", "vocabulary"]

_HYPHENS = ("-", "\u2010", "\u00ad")  # hyphen-minus, hyphen, soft hyphen
_COORDINATION = frozenset({"och", "eller", "samt", "respektive", "resp.", "som", "till", "and",
                           "or", "&"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS = re.compile(r"^[^\W\d_]+")


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Casefolded words (hyphenated compounds kept whole) of a document, with their counts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(m.group(0).casefold() for m in _WORD.finditer(text))
    return counts


def _join_pair(left: str, right: str, words: Counter[str]) -> str:
    """Join two consecutive lines; ``left`` may end with a hyphen."""
    if not left:
        return right
    if not right:
        return left
    if left[-1] not in _HYPHENS or len(left) < 2:
        return f"{left} {right}"
    stem = left[:-1]
    head = _LETTERS.search(left.rsplit(" ", 1)[-1][:-1][::-1])  # letters before the hyphen
    prefix = head.group(0)[::-1] if head else ""
    first = right.split(" ", 1)[0]
    if right[0] in ",)":
        return f"{stem}-{right}"  # "Barn-, ungdoms- och …"
    if first.casefold() in _COORDINATION:
        return f"{stem}- {right}"  # "Kultur- och": a coordination hyphen with its space
    if left[-1] == "\u00ad":
        return stem + right  # a soft hyphen is only ever a line-break hyphen
    tail = _LETTERS.match(right)
    if not prefix or not tail or not prefix[-1].islower() or not right[0].islower():
        return f"{stem}-{right}"  # "EU-medel", "1990-talet", "Nord-Syd": a real hyphen
    joined, hyphenated = (prefix + tail.group(0)).casefold(), f"{prefix}-{tail.group(0)}".casefold()
    if words[hyphenated] > words[joined] or (len(prefix) <= 2 and not words[joined]):
        return f"{stem}-{right}"  # the document writes it with a hyphen ("e-tjänst")
    return stem + right


def join_lines(lines: Iterable[str], words: Counter[str] | None = None) -> str:
    """One line of text from ``lines``: spaces between them, line-end hyphens resolved."""
    words = words if words is not None else Counter()
    text = ""
    for line in lines:
        line = " ".join(line.split())
        text = _join_pair(text, line, words) if text else line
    return text
