"""Page furniture: running headers, footers and page numbers, which are not the policy's text.

Why: a running header ("Xby kommun | Internationell policy") repeated on every page became the
*section* of the passages below it and ended up in quotes; "Sida 2 (3)" cut sentences. A line
is furniture when it is a page number, or when it repeats at the top or bottom of most pages
(digits normalised, so "Sida 2 (3)" and "Sida 3 (3)" are one line). For laid-out files (PDF)
the caller drops it; for plain text the structure parser skips it, so the stored text keeps
every character of the original file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["furniture_key", "is_page_number", "repeated_edge_lines", "repeated_lines"]

_PAGE_NUMBER = re.compile(
    r"""^\s*(?:
        [-–]?\s*\d{1,4}\s*[-–]?                                   # 3   or  - 3 -
      | \d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|/\s*\d{1,4})               # 3 (10)  or  3/10
      | (?:sida|sidan|page|s\.)\s*\d{1,4}
        (?:\s*(?:av|of|/)\s*\d{1,4}|\s*\(\s*\d{1,4}\s*\))?        # Sida 3 av 10, Sida 3 (10)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DIGITS = re.compile(r"\d+")


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


def furniture_key(line: str) -> str:
    """The line with digits normalised and case and spacing folded, for counting repeats."""
    return " ".join(_DIGITS.sub("#", line).casefold().split())


def repeated_edge_lines(pages: Sequence[Sequence[str]], depth: int = 3) -> set[str]:
    """Keys of lines found among the first or last ``depth`` lines of half the pages or more.

    A single page has nothing to repeat; two pages must share the line. Half, rounded down,
    so a header that alternates between odd and even pages still counts.
    """
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {furniture_key(line) for line in [*lines[:depth], *lines[-depth:]]}
        counts.update(key for key in edges if key)
    needed = max(2, len(pages) // 2)
    return {key for key, n in counts.items() if n >= needed}


def repeated_lines(lines: Sequence[str], minimum: int = 3) -> set[str]:
    """Keys of lines in a text without pages that look like a running header or footer.

    Plain text has no page positions, so repetition must be stronger: a line of three to twelve
    words, or with a number in it, that is not a sentence (headings such as "Mål" or "Ansvar"
    may well repeat, and so may a sentence), seen ``minimum`` times or more.
    """
    counts = Counter(furniture_key(line) for line in lines if line.strip())
    return {key for key, n in counts.items()
            if n >= minimum and (3 <= len(key.split()) <= 12 or "#" in key)
            and len(key) <= 100 and not key.endswith((".", "!", "?", ":"))}
