"""One line of a PDF page (or the part of it in one column), as the layout step sees it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TextLine"]


@dataclass(frozen=True)
class TextLine:
    """A line, or the part of a line in one column, with what layout decisions need."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    right: float = 0.0  # right edge of the text column the line sits in
    column_start: bool = False  # first line of a column after the left one (a position jump)
    row: bool = False  # a row of a borderless table, cells joined with " | "
