"""A Word policy with heading styles, a numbered heading text, a list, a table and a page header.

The document (``layout_specs.VASTERBY_DOCX``) and its expected sections, title and facts were
written by hand before the extractor first read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from fact_keys import key
from layout_specs import VASTERBY_DOCX, VASTERBY_FACTS, VASTERBY_SECTIONS, VASTERBY_TITLE

from ingest.facts import extract_facts
from ingest.loaders import load_file
from ingest.passages import build_passages
from ingest.pipeline import read_document
from knowledge.models import Document

# Where the extractor reads the policy otherwise than the hand-written list (not a layout
# matter): it files a list item under its own verb ("utse": appoints), the list under the
# lead-in's ("ansvarar för att": responsible).
READ_OTHERWISE = {
    "R | Förvaltningschefen | responsible | utse en kontaktperson för internationella frå"}


def build_docx(path: Path) -> Path:
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = VASTERBY_DOCX["header"]
    word.sections[0].footer.paragraphs[0].text = VASTERBY_DOCX["footer"]
    for style, content in VASTERBY_DOCX["blocks"]:
        if style == "table":
            table = word.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        if style not in [s.name for s in word.styles]:  # "Rubrik 2": a Swedish style name
            word.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
        word.add_paragraph(content, style=style)
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_docx(tmp_path_factory.mktemp("docx") / "vasterby-strategi.docx")


@pytest.fixture(scope="module")
def doc(path: Path) -> Document:
    return read_document(path)


def test_heading_styles_become_levels(path: Path) -> None:
    lines = load_file(path).split("\n")
    assert f"# {VASTERBY_TITLE}" in lines
    assert "## 1. Syfte" in lines
    assert "### 2.1 Politiska organ" in lines and "### 2.2 Förvaltningar" in lines
    assert "- utse en kontaktperson för internationella frågor," in lines
    assert "Socialnämnden | Beslutar om deltagande i europeiska projekt." in lines


def test_page_header_and_footer_are_not_body_text(doc: Document) -> None:
    assert VASTERBY_DOCX["header"] not in doc.text
    assert VASTERBY_DOCX["footer"] not in doc.text


def test_title_sections_and_facts(doc: Document) -> None:
    assert doc.title == VASTERBY_TITLE
    sections = list(dict.fromkeys(p.section for p in build_passages(doc)))
    assert sections == VASTERBY_SECTIONS  # the adoption line on the cover is no passage
    got = {key(f) for f in extract_facts(doc)}
    missing = set(VASTERBY_FACTS) - got
    assert missing <= READ_OTHERWISE, sorted(missing - READ_OTHERWISE)


def test_bold_normal_paragraph_is_a_heading(tmp_path: Path) -> None:
    word = WordDocument()
    word.add_paragraph().add_run("Ansvar och roller").bold = True
    word.add_paragraph("Kommunstyrelsen samordnar arbetet med vänorterna i hela kommunen.")
    emphasis = word.add_paragraph()
    emphasis.add_run("Viktigt att veta om bidragen.").bold = True
    path = tmp_path / "fetstil.docx"
    word.save(str(path))
    lines = load_file(path).split("\n")
    assert "## Ansvar och roller" in lines
    assert "Viktigt att veta om bidragen." in lines  # a bold sentence is not a heading
