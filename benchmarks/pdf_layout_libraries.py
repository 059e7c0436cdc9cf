"""Which PDF library gives the layout step what it needs? Measured on the generated test PDFs.

Not a test: it prints one row per library. Why it exists: issue 9 asks to measure pypdf's layout
mode, pdfplumber and pymupdf on policies laid out the way municipalities publish them before
choosing. Each library is asked for what the layout step needs: text in reading order (two
columns read column by column), per-line font size/weight (to tell headings), positions (to drop
running headers/footers), and the rows of a ruled table. Libraries that are not installed are
skipped (pymupdf is AGPL and deliberately not a dependency; install it by hand to compare).

    .venv/bin/python benchmarks/pdf_layout_libraries.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "unit" / "ingest")]

from layout_specs import GRONSKOG  # noqa: E402
from policy_pdf import build_pdf  # noqa: E402

Result = tuple[str, int, bool]  # text in the library's reading order, table rows, font info?


def _pypdf_plain(path: Path) -> Result:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(path).pages), 0, False


def _pypdf_layout(path: Path) -> Result:
    from pypdf import PdfReader

    pages = [p.extract_text(extraction_mode="layout") for p in PdfReader(path).pages]
    return "\n".join(pages), 0, False


def _pdfplumber(path: Path) -> Result:
    import pdfplumber

    texts, rows = [], 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            rows += sum(len(t.rows) for t in tables)
            words = page.extract_words(extra_attrs=["size", "fontname"])
            texts.append(" ".join(w["text"] for w in words))
    return "\n".join(texts), rows, True


def _pymupdf(path: Path) -> Result:
    import pymupdf

    texts, rows = [], 0
    with pymupdf.open(path) as pdf:
        for page in pdf:
            rows += sum(t.row_count for t in page.find_tables().tables)
            data: Any = page.get_text("dict", sort=True)
            spans = [s["text"] for b in data["blocks"] for ln in b.get("lines", [])
                     for s in ln["spans"]]
            texts.append(" ".join(spans))
    return "\n".join(texts), rows, True


LIBRARIES: dict[str, Callable[[Path], Result]] = {
    "pypdf plain": _pypdf_plain, "pypdf layout mode": _pypdf_layout, "pdfplumber": _pdfplumber,
    "pymupdf": _pymupdf}


def _flat(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        blind = REPO / "tests/data/blind/lovsta-internationell-policy.json"
        lovsta = json.loads(blind.read_text(encoding="utf-8"))
        files = [build_pdf(GRONSKOG, Path(tmp) / "gronskog.pdf"),
                 build_pdf(lovsta, Path(tmp) / "lovsta.pdf")]
        pages = 4 + 1 + len(lovsta["pages"])
        left = "Varje nämnd redovisar sitt internationella arbete till kommunstyrelsen"
        print(f"{'library':<18} {'ms/page':>8} {'table rows':>10} {'fonts':>6} "
              f"{'2 columns in order':>19}")
        for name, run in LIBRARIES.items():
            try:
                run(files[0])  # warm up: imports and lazy initialisation are not per page
                t0 = time.perf_counter()
                results = [run(f) for f in files]
                ms = (time.perf_counter() - t0) * 1000 / pages
            except ImportError:
                print(f"{name:<18} not installed")
                continue
            text = _flat(results[0][0])
            rows = sum(r[1] for r in results)
            print(f"{name:<18} {ms:8.1f} {rows:10d} {results[0][2]!s:>6} {left in text!s:>19}")


if __name__ == "__main__":
    main()
