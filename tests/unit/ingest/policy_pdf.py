"""Lay out a structured policy (cover, pages of blocks) as a real PDF, the way municipalities do.

A test helper, independent of the extractor: it draws with reportlab's canvas so the tests
control every layout trap the extractor must survive — a running header and a "Sida n (m)"
footer on every page, bold numbered headings, paragraphs broken into lines by hand with long
words hyphenated at the line end, a paragraph cut by a page break, bullet lists, a ruled table
and a two-column page.

Spec format (also that of tests/data/blind/*.json): ``title``, ``cover`` (lines), optional
``running_header`` and ``footer`` ("Sida {n} ({total})"), and ``pages``: lists of blocks, each
one of ``{"kind": "heading", "level", "text"}``, ``{"kind": "paragraph", "text"}`` (a "\\n"
forces a line break), ``{"kind": "list", "lead", "items"}`` (``lead`` may be empty),
``{"kind": "table", "header", "rows"}`` or ``{"kind": "columns", "left": [...], "right": [...]}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Paragraph, Table, TableStyle  # type: ignore[import-untyped, unused-ignore]

WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 72.0, WIDTH - 72.0, HEIGHT - 80.0, 70.0
BODY, BODY_SIZE, LEADING = "Helvetica", 10.0, 13.0
BOLD = "Helvetica-Bold"
HEADING_SIZE = {1: 14.0, 2: 12.0}


def wrap(text: str, width: float, size: float = BODY_SIZE, font: str = BODY,
         hyphenate: bool = True) -> list[str]:
    """Greedy line breaking; a long plain word that would overflow is split with "-"."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if hyphenate and len(word) >= 9 and word.isalpha():
            for k in range(len(word) - 4, 3, -1):
                head = f"{line} {word[:k]}-".strip()
                if stringWidth(head, font, size) <= width:
                    lines.append(head)
                    line = word[k:]
                    break
            else:
                lines.append(line)
                line = word
            continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


class _Writer:
    def __init__(self, path: Path, spec: dict[str, Any], hyphenate: bool) -> None:
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.spec = spec
        self.hyphenate = hyphenate
        self.total = 1 + len(spec["pages"])
        self.page = 0
        self.y = TOP

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = TOP
        header = self.spec.get("running_header")
        if header:
            self.c.setFont(BODY, 8)
            self.c.drawString(LEFT, HEIGHT - 45, header)
            self.c.line(LEFT, HEIGHT - 50, RIGHT, HEIGHT - 50)
        footer = self.spec.get("footer")
        if footer:
            self.c.setFont(BODY, 8)
            self.c.drawRightString(RIGHT, 40, footer.format(n=self.page, total=self.total))

    def lines(self, lines: list[str], x: float, font: str = BODY, size: float = BODY_SIZE,
              leading: float = LEADING) -> None:
        self.c.setFont(font, size)
        for line in lines:
            if self.y < BOTTOM:
                raise ValueError(f"page {self.page} overflows at {line!r}")
            self.c.drawString(x, self.y, line)
            self.y -= leading

    def block(self, block: dict[str, Any], x: float, width: float) -> None:
        kind = block["kind"]
        if kind == "heading":
            size = HEADING_SIZE.get(block["level"], 11.0)
            self.y -= 6
            self.lines(wrap(block["text"], width, size, BOLD, False), x, BOLD, size, size + 4)
            self.y -= 3
        elif kind == "paragraph":  # a "\n" in the text forces a line break there
            for part in block["text"].split("\n"):
                self.lines(wrap(part, width, hyphenate=self.hyphenate), x)
            self.y -= 6
        elif kind == "list":
            if block.get("lead"):
                self.lines(wrap(block["lead"], width, hyphenate=self.hyphenate), x)
            for item in block["items"]:
                self.c.setFont(BODY, BODY_SIZE)
                self.c.drawString(x + 6, self.y, "•")
                self.lines(wrap(item, width - 18, hyphenate=self.hyphenate), x + 18)
            self.y -= 6
        elif kind == "table":
            self.table(block, x, width)
        elif kind == "columns":
            top, half = self.y, (width - 20) / 2
            for blocks, cx in ((block["left"], x), (block["right"], x + half + 20)):
                self.y = top
                for inner in blocks:
                    self.block(inner, cx, half)
                low = self.y
            self.y = min(low, self.y)
        else:
            raise ValueError(kind)

    def table(self, block: dict[str, Any], x: float, width: float) -> None:
        style = ParagraphStyle("cell", fontName=BODY, fontSize=9, leading=11)
        head = ParagraphStyle("head", parent=style, fontName=BOLD)
        data = [[Paragraph(cell, head) for cell in block["header"]]]
        data += [[Paragraph(cell, style) for cell in row] for row in block["rows"]]
        first = min(140.0, width * 0.32)
        table = Table(data, colWidths=[first, width - first])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        _, height = table.wrapOn(self.c, width, self.y - BOTTOM)
        table.drawOn(self.c, x, self.y - height + LEADING - 2)
        self.y -= height + 10

    def cover(self) -> None:
        self.new_page()
        self.y = TOP - 120
        self.lines(wrap(self.spec["title"], RIGHT - LEFT, 20, BOLD, False), LEFT, BOLD, 20, 26)
        self.y -= 20
        self.lines(self.spec.get("cover", [])[1:], LEFT, BODY, 11, 16)

    def build(self) -> None:
        self.cover()
        for page in self.spec["pages"]:
            self.new_page()
            for block in page:
                self.block(block, LEFT, RIGHT - LEFT)
        self.c.showPage()
        self.c.save()


def build_pdf(spec: dict[str, Any], path: Path, hyphenate: bool = True) -> Path:
    """Write ``spec`` as a PDF at ``path``: a cover page, then one PDF page per spec page."""
    _Writer(path, spec, hyphenate).build()
    return path


if __name__ == "__main__":  # build the blind policies as PDFs, to ingest and ask them
    import json
    import sys

    if len(sys.argv) < 3:
        sys.exit("usage: python tests/unit/ingest/policy_pdf.py OUT_DIR SPEC.json [SPEC.json …]")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[2:]:
        spec_path = Path(name)
        target = out / f"{spec_path.stem}.pdf"
        build_pdf(json.loads(spec_path.read_text(encoding="utf-8")), target)
        print(target)
