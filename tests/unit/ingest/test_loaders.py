"""Tests for ingest.loaders: real PDF/DOCX/HTML/text files written to tmp_path."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped, unused-ignore]

from ingest.loaders import (
    SUPPORTED_SUFFIXES,
    UnreadableFileError,
    iter_policy_files,
    load_file,
)

# ----------------------------------------------------------------------------- helpers


def _make_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 20
        pdf.drawString(300, 40, str(number))  # footer page number
        pdf.showPage()
    pdf.save()
    return path


def _assert_unreadable(path: Path, fragment: str, **kwargs: int) -> UnreadableFileError:
    with pytest.raises(UnreadableFileError) as info:
        load_file(path, **kwargs)
    err = info.value
    assert err.path == path
    assert path.name in str(err)
    assert fragment.lower() in err.reason.lower()
    assert str(err) == f"Cannot read '{path.name}': {err.reason}"
    return err


# --------------------------------------------------------------------------------- PDF


def test_pdf_two_pages_with_swedish_text(tmp_path: Path) -> None:
    path = _make_pdf(
        tmp_path / "policy.pdf",
        [
            ["Riktlinje för distansarbete", "Medarbetare får arbeta hemifrån två dagar."],
            ["Kontakta närmaste chef vid frågor om åtgärder.", "Gäller från 2024-01-01."],
        ],
    )
    text = load_file(path)
    assert "Riktlinje för distansarbete" in text
    assert "Medarbetare får arbeta hemifrån två dagar." in text
    assert "Kontakta närmaste chef vid frågor om åtgärder." in text
    assert text.index("distansarbete") < text.index("närmaste chef")
    assert "\n\n" in text  # pages separated by a blank line
    lines = text.split("\n")
    assert "1" not in lines and "2" not in lines  # lone page numbers dropped
    assert all(line == line.rstrip() for line in lines)


def test_pdf_encrypted_with_password_is_rejected(tmp_path: Path) -> None:
    plain = _make_pdf(tmp_path / "plain.pdf", [["Hemlig policy"]])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="hemligt", owner_password="ägare", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    _assert_unreadable(path, "encrypted")


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    plain = _make_pdf(tmp_path / "plain.pdf", [["Öppen policy för alla"]])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="", owner_password="ägare", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert "Öppen policy för alla" in load_file(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    writer.write(path)
    _assert_unreadable(path, "no text layer (scanned?)")


def test_pdf_corrupted(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(os.urandom(4096))
    _assert_unreadable(path, "corrupted")


def test_pdf_truncated(tmp_path: Path) -> None:
    good = _make_pdf(tmp_path / "good.pdf", [["Text"]]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good[: len(good) // 3])
    with pytest.raises(UnreadableFileError):
        load_file(path)


# -------------------------------------------------------------------------------- DOCX


def test_docx_structure_in_document_order(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Policy för inköp", level=1)
    doc.add_paragraph("Alla inköp ska följa lagen om offentlig upphandling.")
    doc.add_paragraph("Beställ via e-handelssystemet", style="List Bullet")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Belopp"
    table.cell(0, 1).text = "Attest"
    table.cell(1, 0).text = "  < 10 000 kr  "
    table.cell(1, 1).text = "Enhetschef\noch controller"
    doc.add_paragraph("Efter tabellen.")
    path = tmp_path / "inkop.docx"
    doc.save(str(path))

    text = load_file(path)
    lines = text.split("\n")
    assert "## Policy för inköp" in lines
    assert "Alla inköp ska följa lagen om offentlig upphandling." in lines
    assert "- Beställ via e-handelssystemet" in lines
    assert "Belopp | Attest" in lines
    assert "< 10 000 kr | Enhetschef och controller" in lines
    order = [
        "## Policy för inköp",
        "Alla inköp ska följa",
        "- Beställ via",
        "Belopp | Attest",
        "< 10 000 kr |",
        "Efter tabellen.",
    ]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    # Paragraphs separated by a blank line, table rows adjacent, blank line around table.
    assert "## Policy för inköp\n\nAlla inköp" in text
    assert "e-handelssystemet\n\nBelopp | Attest\n< 10 000 kr" in text
    assert "controller\n\nEfter tabellen." in text
    assert "\n\n\n" not in text


def test_docx_title_heading_levels_and_numbered_paragraph(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Dokumenttitel", level=0)  # Title style
    doc.add_heading("Avsnitt", level=2)
    doc.add_heading("Djup", level=9)
    doc.add_paragraph("Numrerad punkt", style="List Number")
    para = doc.add_paragraph("Direkt numrering")
    p_pr = para._p.get_or_add_pPr()
    num_pr = p_pr._add_numPr()
    num_pr._add_numId().val = 1
    doc.add_paragraph("")
    doc.add_paragraph("Vanlig text")
    path = tmp_path / "levels.docx"
    doc.save(str(path))

    lines = load_file(path).split("\n")
    assert "# Dokumenttitel" in lines
    assert "### Avsnitt" in lines
    assert "###### Djup" in lines  # capped at 6
    assert "- Numrerad punkt" in lines
    assert "- Direkt numrering" in lines
    assert "Vanlig text" in lines


def test_docx_corrupted(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive" + os.urandom(512))
    _assert_unreadable(path, "corrupted")


def test_docx_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    Document().save(str(path))
    _assert_unreadable(path, "no text")


# -------------------------------------------------------------------------------- HTML


def test_html_blocks_and_dropped_elements(tmp_path: Path) -> None:
    html = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sidtitel</title>
<style>p { color: red; }</style></head>
<body>
<nav><a href="/">Startsida</a></nav>
<header>Kommunens sidhuvud</header>
<h2>Rätt till  ledighet</h2>
<p>Du har rätt till <b>ledighet</b>
   enligt “semesterlagen” – se nedan.</p>
<ul><li>Första punkten</li><li>Andra punkten</li></ul>
<script>var hemligt = "ska bort";</script>
<table><tr><th>Dagar</th><th>Ålder</th></tr><tr><td>25</td><td>&lt; 40</td></tr></table>
<footer>Kontakta oss</footer>
</body></html>"""
    path = tmp_path / "ledighet.html"
    path.write_text(html, encoding="utf-8")

    text = load_file(path)
    lines = text.split("\n")
    assert "## Rätt till ledighet" in lines
    assert "Du har rätt till ledighet enligt “semesterlagen” – se nedan." in lines
    assert "- Första punkten" in lines
    assert "- Andra punkten" in lines
    assert "Dagar | Ålder" in lines
    assert "25 | < 40" in lines
    for dropped in ("ska bort", "color", "Startsida", "sidhuvud", "Kontakta oss"):
        assert dropped not in text
    assert text.index("## Rätt") < text.index("Du har") < text.index("- Första")
    assert "\n\n\n" not in text


def test_html_meta_charset_cp1252(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1252"></head><body><p>Välkommen till Älmhult</p></body></html>'
    )
    path = tmp_path / "gammal.htm"
    path.write_bytes(html.encode("cp1252"))
    assert load_file(path) == "Välkommen till Älmhult"


# -------------------------------------------------------------------------------- text


def test_txt_cp1252_decoded(tmp_path: Path) -> None:
    path = tmp_path / "almhult.txt"
    path.write_bytes("Policy för Älmhults kommun – “gäller”".encode("cp1252"))
    assert load_file(path) == "Policy för Älmhults kommun – “gäller”"


def test_txt_utf8_bom_stripped_and_crlf_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(
        "\ufeff### Rubrik\r\n\r\nRad ett  \r\nRad två\rRad tre\r\n\r\n\r\n\r\nSlut".encode()
    )
    text = load_file(path)
    assert text == "### Rubrik\n\nRad ett\nRad två\nRad tre\n\nSlut"


def test_txt_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("Åtgärdsplan".encode("utf-16"))
    assert load_file(path) == "Åtgärdsplan"


def test_txt_binary_content_rejected(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"abc\x00\x01\x02def")
    _assert_unreadable(path, "cannot be decoded")


def test_markdown_markup_kept(tmp_path: Path) -> None:
    path = tmp_path / "policy.markdown"
    path.write_text("# Titel\n\n- punkt *viktig*\n", encoding="utf-8")
    assert load_file(path) == "# Titel\n\n- punkt *viktig*"


# ------------------------------------------------------------------------------ errors


def test_missing_file(tmp_path: Path) -> None:
    _assert_unreadable(tmp_path / "finns-inte.pdf", "does not exist")


def test_directory(tmp_path: Path) -> None:
    directory = tmp_path / "mapp.txt"
    directory.mkdir()
    _assert_unreadable(directory, "directory")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04")
    _assert_unreadable(path, "unsupported file type '.xlsx'")


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(content)
    _assert_unreadable(path, "empty")


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    path.write_text("x" * 101, encoding="utf-8")
    _assert_unreadable(path, "too large", max_bytes=100)
    assert load_file(path, max_bytes=101) == "x" * 101


def test_error_is_picklable(tmp_path: Path) -> None:
    err = UnreadableFileError(tmp_path / "x.pdf", "the PDF is encrypted")
    assert str(err) == "Cannot read 'x.pdf': the PDF is encrypted"
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.reason, str(copy)) == (err.path, err.reason, str(err))


# --------------------------------------------------------------------- iter_policy_files


def test_supported_suffixes() -> None:
    assert frozenset({".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"}) == (
        SUPPORTED_SUFFIXES
    )


def test_iter_policy_files(tmp_path: Path) -> None:
    root = tmp_path / "policys"
    (root / "b_sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("x")
    (root / ".dold.txt").write_text("x")
    (root / "~$policy.docx").write_bytes(b"lock")
    (root / "budget.xlsx").write_bytes(b"x")
    (root / "c.PDF").write_bytes(b"x")
    (root / "a.txt").write_text("x")
    (root / "b_sub" / "z.md").write_text("x")
    (root / "b_sub" / "bild.png").write_bytes(b"x")
    direct_unsupported = tmp_path / "extra.xlsx"
    direct_unsupported.write_bytes(b"x")
    missing = tmp_path / "saknas.pdf"

    result = list(iter_policy_files([root, direct_unsupported, missing]))
    assert result == [
        root / "a.txt",
        root / "b_sub" / "z.md",
        root / "c.PDF",
        direct_unsupported,
        missing,
    ]
