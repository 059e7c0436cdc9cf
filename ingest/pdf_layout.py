"""The PDF layout step: a PDF's pages as light Markdown blocks, without its page furniture.

Why pdfplumber: measured on generated policies (benchmarks/pdf_layout_libraries.py), pypdf's
plain and layout modes give neither fonts nor table cells, so headings glue to paragraphs and
tables come out flat; pymupdf gives both but is AGPL-licensed and its table finder took ~1 s a
page; pdfplumber (MIT) gives every word with position, size and font name plus ruled tables
at ~50 ms a page, which embedding dwarfs. The steps: words to lines in reading order
(``pdf_lines``), running headers/footers and page numbers dropped (``furniture``), lines and
tables to blocks (``layout_blocks``), paragraphs cut by a page break joined, Markdown out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from io import BytesIO
from typing import Any

import pdfplumber

from ingest.dehyphenate import join_lines, vocabulary
from ingest.furniture import furniture_key, is_page_number, repeated_edge_lines
from ingest.layout_blocks import Table, build_blocks, join_continuations, measure, render
from ingest.pdf_lines import TextLine, reading_order, visual_lines

__all__ = ["pdf_markdown"]


class _Page:
    def __init__(self, page: Any) -> None:
        self.width = float(page.width)
        found = page.find_tables()
        boxes = [t.bbox for t in found]
        self.raw_tables = [(float(t.bbox[1]), t.extract()) for t in found]
        words = [w for w in page.extract_words(extra_attrs=["size", "fontname"])
                 if not any(_inside(w, box) for box in boxes)]
        self.lines = visual_lines(words)

    def texts(self) -> list[str]:
        return [" ".join(f.text for f in line) for line in self.lines]


def _inside(word: dict[str, Any], box: Sequence[float]) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def _drop_furniture(pages: list[_Page]) -> None:
    repeated = repeated_edge_lines([p.texts() for p in pages])
    for page in pages:
        keep = [ln for ln, text in zip(page.lines, page.texts(), strict=True)
                if furniture_key(text) not in repeated]
        while keep and is_page_number(" ".join(f.text for f in keep[-1])):
            keep.pop()
        while keep and is_page_number(" ".join(f.text for f in keep[0])):
            keep.pop(0)
        page.lines = keep


def _flow(page: _Page, tables: list[Table]) -> list[TextLine | Table]:
    lines = reading_order(page.lines, page.width)
    right = max((ln.x1 for ln in lines if not ln.right), default=0.0)
    flow: list[TextLine | Table] = [ln if ln.right else replace(ln, right=right) for ln in lines]
    for table in sorted(tables, key=lambda t: t.top):
        at = next((i for i, item in enumerate(flow)
                   if isinstance(item, TextLine) and item.top > table.top), len(flow))
        flow.insert(at, table)
    return flow


def pdf_markdown(data: bytes, password: str = "") -> str:
    """The text of a PDF as Markdown blocks; raises pdfplumber/pdfminer errors unchanged."""
    with pdfplumber.open(BytesIO(data), password=password) as pdf:
        pages = [_Page(page) for page in pdf.pages]
    _drop_furniture(pages)
    all_lines = [f for page in pages for line in page.lines for f in line]
    cells = [cell or "" for page in pages for _, rows in page.raw_tables
             for row in rows for cell in row]
    words = vocabulary([*(f.text for f in all_lines), *cells])
    fonts = measure([reading_order(page.lines, page.width) for page in pages])
    blocks = []
    for number, page in enumerate(pages):
        tables = [Table(top, [[join_lines((cell or "").split("\n"), words) for cell in row]
                              for row in rows]) for top, rows in page.raw_tables]
        page_blocks = build_blocks(_flow(page, tables), fonts, first_page=number == 0)
        if page_blocks:
            page_blocks[0].after_jump = True
        blocks.extend(page_blocks)
    return render(join_continuations(blocks), words)
