"""Turn policy documents (text, Markdown, PDF, DOCX, HTML) into plain text.

Why this module exists: every later stage (heading detection, chunking, answering with
verbatim quotes) works on one plain-text representation with line structure preserved.
Keeping all format-specific parsing here means the rest of Policyguide never touches
pypdf, python-docx or BeautifulSoup, and every way a file can be unreadable surfaces as a
single exception type, :class:`UnreadableFileError`, that the caller can report per file
instead of crashing a whole ingest run.

Structure is expressed with light Markdown (``#`` headings, ``- `` list items, table rows
joined with `` | ``) because the heading detector downstream already understands Markdown.
In text, Word and HTML files characters are never rewritten (Swedish å ä ö, typographic
quotes and dashes stay as they are); only line endings, trailing whitespace and runs of blank
lines are normalised. A PDF has no text to keep verbatim, only positioned glyphs: its layout
step (``ingest.pdf_layout``) joins line-end hyphens and sentences cut by a page break and drops
running headers, footers and page numbers. A Word file's page headers and footers live in
their own parts and never reach the body text.
"""

from __future__ import annotations

import codecs
import re
import stat
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PasswordType, PdfReader

from ingest.pdf_layout import pdf_markdown
from ingest.web_content import is_layout_table, main_content_html, merge_dropped

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "UnreadableFileError",
    "iter_policy_files",
    "load_file",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"}
)

DEFAULT_MAX_BYTES = 20_000_000

_TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})


class UnreadableFileError(Exception):
    """A policy file could not be turned into text; ``reason`` says why in plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Cannot read '{path.name}': {reason}")

    def __reduce__(self) -> tuple[type[UnreadableFileError], tuple[Path, str]]:
        # Keep the exception picklable (e.g. across a process pool) despite the
        # two-argument constructor.
        return (type(self), (self.path, self.reason))


# --------------------------------------------------------------------------- public API


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the plain text of the policy document at ``path``.

    Line structure is preserved; headings, list items and table rows are rendered as
    light Markdown. Raises :class:`UnreadableFileError` (and nothing else) when the file
    is missing, not a regular file, of an unsupported type, larger than ``max_bytes``,
    corrupted, encrypted, without any text, or not decodable.
    """
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UnreadableFileError(path, "the file does not exist") from None
    except OSError as exc:
        raise UnreadableFileError(path, f"the file cannot be accessed ({_os_reason(exc)})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableFileError(path, "it is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFileError(path, "it is not a regular file")

    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = suffix or "(no extension)"
        raise UnreadableFileError(path, f"unsupported file type '{shown}' (supported: {supported})")
    if st.st_size > max_bytes:
        raise UnreadableFileError(
            path, f"the file is too large ({st.st_size:,} bytes, limit {max_bytes:,} bytes)"
        )

    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFileError(path, f"the file cannot be read ({_os_reason(exc)})") from exc
    if len(data) > max_bytes:  # grew between stat() and read()
        raise UnreadableFileError(path, f"the file is too large (over {max_bytes:,} bytes)")
    if not data.strip():
        raise UnreadableFileError(path, "the file is empty")

    if suffix in _TEXT_SUFFIXES:
        text = _decode_text(path, data)
    elif suffix == ".pdf":
        text = _pdf_text(path, data)
    elif suffix == ".docx":
        text = _docx_text(path, data)
    else:
        text = _html_text(path, data)

    text = _normalise(text)
    if not text.strip():
        if suffix == ".pdf":
            raise UnreadableFileError(path, "the PDF has no text layer (scanned?)")
        raise UnreadableFileError(path, "the file contains no text")
    return text


def iter_policy_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the policy files named by ``paths``.

    Directories are expanded recursively in sorted order, skipping hidden entries
    (names starting with ``.``), Office lock files (``~$…``), symlinked directories and
    files whose suffix is not supported. A path that is not a directory is yielded as
    given, even when unsupported or missing, so the caller can report it. A
    subdirectory that cannot be listed is yielded itself for the same reason.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


# ------------------------------------------------------------------------------ helpers


def _os_reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _walk(directory: Path) -> Iterator[Path]:
    try:
        entries = sorted(directory.iterdir(), key=lambda p: (p.name.casefold(), p.name))
    except OSError:
        yield directory  # load_file() will report it instead of it vanishing silently
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield entry


_EXCESS_BLANK_LINES = re.compile(r"\n{3,}")


def _normalise(text: str) -> str:
    """Unify line endings, strip trailing whitespace per line, collapse blank-line runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _EXCESS_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


# --------------------------------------------------------------------------------- text


def _decode_text(path: Path, data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Notepad's "Unicode" encoding; would otherwise decode as cp1252 garbage.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(path, "the text is not valid UTF-16") from exc
    else:
        text = _decode_bytes(data)
    if "\x00" in text:
        raise UnreadableFileError(
            path, "the text cannot be decoded (it looks like binary data, not text)"
        )
    return text


def _decode_bytes(data: bytes, preferred: str | None = None) -> str:
    """Decode with ``preferred`` (if given), then utf-8-sig, utf-8, cp1252, latin-1."""
    encodings = ["utf-8-sig", "utf-8", "cp1252"]
    if preferred:
        encodings.insert(0, preferred)
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")  # total: every byte maps to a character


# ---------------------------------------------------------------------------------- PDF


def _pdf_text(path: Path, data: bytes) -> str:
    """Layout-aware text (``ingest.pdf_layout``); pypdf only tells a locked file apart first."""
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing/editing, with an empty
            # user password; those open fine. Anything else is really locked.
            try:
                opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
            except Exception:
                opened = False
            if not opened:
                raise UnreadableFileError(path, "the PDF is encrypted (password protected)")
        return pdf_markdown(data)
    except UnreadableFileError:
        raise
    except Exception as exc:  # pypdf and pdfminer raise many types on malformed input
        raise UnreadableFileError(
            path, f"the PDF is corrupted or unreadable ({_describe(exc)})"
        ) from exc


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    first = message[0] if message else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


# --------------------------------------------------------------------------------- DOCX

_W_SDT = qn("w:sdt")
_W_SDT_CONTENT = qn("w:sdtContent")
_W_NUMPR = qn("w:numPr")
_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d*)\s*$", re.IGNORECASE)
_INNER_WHITESPACE = re.compile(r"\s*\n\s*")


def _docx_text(path: Path, data: bytes) -> str:
    try:
        document = Document(BytesIO(data))
        blocks: list[str] = []
        _docx_blocks(document.element.body, document, blocks)
    except Exception as exc:  # zipfile, lxml, KeyError, PackageNotFoundError, ValueError…
        raise UnreadableFileError(
            path, f"the DOCX file is corrupted or not a Word document ({_describe(exc)})"
        ) from exc
    return "\n\n".join(blocks)


def _docx_blocks(container: Any, document: DocxDocument, blocks: list[str]) -> None:
    """Append rendered blocks for the ``w:p``/``w:tbl`` children of ``container``.

    Content controls (``w:sdt``) are descended into, since templates often wrap
    titles and whole sections in them. ``container`` is an lxml element (untyped; the
    ``w:sdtContent`` element has no python-docx class).
    """
    for child in container.iterchildren():
        if isinstance(child, CT_P):
            blocks.append(_docx_paragraph(Paragraph(child, document)))
        elif isinstance(child, CT_Tbl):
            table = _docx_table(Table(child, document))
            if table:
                blocks.append(table)
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                _docx_blocks(content, document, blocks)


def _docx_paragraph(paragraph: Paragraph) -> str:
    text = paragraph.text
    if not text.strip():
        return ""
    style_name = ""
    try:
        style = paragraph.style
        style_name = (style.name or "") if style is not None else ""
    except (KeyError, ValueError, AttributeError):  # dangling style reference
        style_name = ""
    folded = style_name.strip().casefold()

    if folded in {"title", "rubrik"}:  # "Rubrik" is Title in Swedish Word
        return "# " + _one_line(text)
    heading = _HEADING_STYLE.match(style_name.strip())
    if heading:
        level = int(heading.group(1)) if heading.group(1) else 1
        return "#" * min(max(level, 1) + 1, 6) + " " + _one_line(text)
    if folded.startswith("list") or _has_numbering(paragraph):  # "Liststycke" included
        return "- " + _one_line(text)
    if _bold_title(paragraph, text):  # a heading typed as bold Normal text
        return "## " + _one_line(text)
    return text


def _bold_title(paragraph: Paragraph, text: str) -> bool:
    """Short, not a sentence, and every run bold (directly or through the style)."""
    words = text.split()
    if not words or len(words) > 12 or text.rstrip()[-1] in ".,;:!?":
        return False
    style = paragraph.style
    style_bold = bool(style is not None and style.font.bold)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def _has_numbering(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    return p_pr is not None and p_pr.find(_W_NUMPR) is not None


def _one_line(text: str) -> str:
    return _INNER_WHITESPACE.sub(" ", text.strip())


def _docx_table(table: Table) -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous: object = None
        for cell in row.cells:
            if cell._tc is previous:  # horizontally merged cell repeats itself
                continue
            previous = cell._tc
            cells.append(_one_line(cell.text))
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


# --------------------------------------------------------------------------------- HTML

_REMOVED_TAGS = ("script", "style", "nav", "header", "footer", "noscript", "template")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "hr",
        "html", "legend", "main", "ol", "p", "section", "summary", "ul",
    }
)  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace only; keeps no-break spaces
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)


def _html_text(path: Path, data: bytes) -> str:
    try:
        text = _decode_html(data)
        soup = BeautifulSoup(text, "lxml")
        for tag in soup.find_all(_REMOVED_TAGS):
            # <header>/<footer> inside an article or main element usually carry the
            # document's own title/date, not site chrome, so they are kept.
            if tag.name in {"header", "footer"} and tag.find_parent(["article", "main"]):
                continue
            tag.decompose()
        full = _render_html(soup)
        main = main_content_html(soup)  # menus, banners and toolbars left out
        if main is not None:
            return "\n\n".join(merge_dropped(_render_html(BeautifulSoup(main, "lxml")), full))
        return "\n\n".join(full)
    except Exception as exc:
        raise UnreadableFileError(path, f"the HTML cannot be parsed ({_describe(exc)})") from exc


def _render_html(soup: BeautifulSoup) -> list[str]:
    renderer = _HtmlRenderer()
    renderer.render(soup.body or soup)
    return renderer.blocks


def _decode_html(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    match = _META_CHARSET.search(data[:4096])
    preferred = match.group(1).decode("ascii", errors="ignore") if match else None
    return _decode_bytes(data, preferred)


def _collapse(text: str) -> str:
    return _HTML_SPACE.sub(" ", text).strip()


def _inline_text(node: Tag) -> str:
    """Text of ``node`` on one line; block boundaries and <br> become spaces."""
    parts: list[str] = []

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, PreformattedString):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag):
                spaced = child.name == "br" or child.name in _BLOCK_TAGS or child.name in {
                    "li", "td", "th", "tr", "table", "pre", *_HEADINGS,
                }  # fmt: skip
                if spaced:
                    parts.append(" ")
                walk(child)
                if spaced:
                    parts.append(" ")

    walk(node)
    return _collapse("".join(parts))


class _HtmlRenderer:
    """Walks the DOM and emits blocks (paragraphs, headings, list items, tables)."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._inline: list[str] = []
        self._prefix = ""
        self._list_depth = 0

    def render(self, node: Tag) -> None:
        self._walk(node)
        self._flush()

    def _flush(self) -> None:
        lines = [_collapse(line) for line in "".join(self._inline).split("\n")]
        self._inline = []
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(self._prefix + text)
            self._prefix = ""

    def _walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, PreformattedString):  # comments, doctype, CDATA, …
                continue
            if isinstance(child, NavigableString):
                self._inline.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                self._element(child)

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name in _HEADINGS:
            self._flush()
            heading = _inline_text(tag)
            if heading:
                self.blocks.append("#" * _HEADINGS[name] + " " + heading)
        elif name == "li":
            self._flush()
            self._prefix = "  " * max(self._list_depth - 1, 0) + "- "
            self._walk(tag)
            self._flush()
            self._prefix = ""
        elif name in {"ul", "ol"}:
            self._flush()
            self._list_depth += 1
            self._walk(tag)
            self._flush()
            self._list_depth -= 1
        elif name == "table" and is_layout_table(tag):
            self._flush()  # a table used as the page grid: its cells are blocks, not a row
            for cell in tag.find_all(["td", "th"]):
                if cell.find_parent("table") is tag:
                    self._walk(cell)
                    self._flush()
        elif name == "table":
            self._flush()
            self._table(tag)
        elif name == "pre":
            self._flush()
            text = tag.get_text()
            if text.strip():
                self.blocks.append(text.strip("\n"))
        elif name == "br":
            self._inline.append("\n")
        elif name in _BLOCK_TAGS:
            self._flush()
            self._walk(tag)
            self._flush()
        else:
            self._walk(tag)

    def _table(self, table: Tag) -> None:
        rows: list[str] = []
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:  # row of a nested table
                continue
            cells = [_inline_text(cell) for cell in tr.find_all(["td", "th"], recursive=False)]
            if any(cells):
                rows.append(" | ".join(cells))
        if rows:
            self.blocks.append("\n".join(rows))
