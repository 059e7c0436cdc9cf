"""The main content of a saved web page, without its menus, banners, toolbars and footer.

Measured on invented municipal pages in three kinds of markup (semantic HTML5, class-only
"div soup", a CMS column layout), trafilatura kept every article line, heading, list item and
table row and left 0-1 of 20 furniture strings; readability-lxml kept the article but left the
"Lyssna/Dela/Skriv ut" toolbar and the publication date (3-4 of 20), and on harder pages
dropped lists of links and nested lists and let the footer in; our renderer alone, which only
drops <nav>/<header>/<footer>, left 9-20 of 20. So trafilatura finds the content, and our
renderer still writes it (the same ``#`` headings, ``- `` items and `` | `` rows as every
other format).

trafilatura loses policy text in a few ways, handled here: it drops a list whose items are all
links (twin towns, each linking to its page), short lists and a heading above the first
paragraph of a bare page, so the whole page is rendered too and what was dropped inside the
article's region is put back (see merge_dropped); and it cannot read pages laid out with a
table, which are rendered whole and left to the line classifier (ingest.boilerplate).
"""

from __future__ import annotations

import re
from configparser import ConfigParser

import trafilatura
from bs4 import BeautifulSoup
from bs4.element import Tag
from trafilatura.settings import use_config

from ingest.boilerplate import is_furniture_line

_MARKUP = re.compile(r"^(?:#{1,6}\s+|\s*-\s+)")
_ITEM = re.compile(r"^\s*-\s+")
_HEADING = re.compile(r"^#{1,6}\s")
_LAYOUT_CONTENT = ("p", "h1", "h2", "h3", "ul", "ol")


def _config() -> ConfigParser:
    config = use_config()
    # A short page (two sentences about a twin town) is still a page: never fall back to the
    # whole body, menus included, because the article is below trafilatura's default size.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


_CONFIG = _config()


def main_content_html(soup: BeautifulSoup) -> str | None:
    """The page's main content as simplified HTML, or None when it cannot be told apart."""
    if any(is_layout_table(table) for table in soup.find_all("table") if isinstance(table, Tag)):
        return None
    try:
        extracted: str | None = trafilatura.extract(
            str(soup), output_format="html", include_tables=True, include_links=False,
            include_images=False, include_comments=False, with_metadata=False,
            favor_recall=True, config=_CONFIG,
        )
    except Exception:  # odd markup must not make a readable page unreadable: render it whole
        return None
    return extracted if extracted and extracted.strip() else None


def is_layout_table(table: Tag) -> bool:
    """A table used as the page grid: a cell of it holds headings, paragraphs or lists."""
    return table.find(_LAYOUT_CONTENT) is not None


def merge_dropped(main: list[str], full: list[str]) -> list[str]:
    """``main`` blocks, with what trafilatura dropped from the article's own region put back.

    Both are rendered blocks in page order; ``full`` is the whole page. The region runs from
    the first to the last block trafilatura kept. Put back are: the heading right above the
    region, every block inside it that is not furniture by its own words (a heading, a table),
    and list items that directly follow a kept or restored block (a list of links).
    """
    first_at: dict[str, int] = {}
    for i, block in enumerate(full):
        first_at.setdefault(_key(block), i)
    kept = {first_at[k] for k in map(_key, main) if k in first_at}
    # A kept date line or contact box below the article does not stretch the article's region.
    article = [i for i in kept if not _is_furniture(full[i])]
    if not article:
        return main
    first, last = min(article), max(article)
    restored: set[int] = set()
    if first > 0 and _HEADING.match(full[first - 1]):
        restored.add(first - 1)
    for i in range(first, len(full)):
        if i in kept:
            continue
        inside = i < last and not _is_furniture(full[i])
        follows = (i - 1 in kept or i - 1 in restored) and _ITEM.match(full[i]) is not None
        if inside or follows:
            restored.add(i)
    out: list[str] = []
    done = 0
    for block in main:
        at = first_at.get(_key(block))
        if at is not None:
            out.extend(full[i] for i in sorted(restored) if done <= i < at)
            done = max(done, at + 1)
        out.append(block)
    out.extend(full[i] for i in sorted(restored) if i >= done)
    return out


def _is_furniture(block: str) -> bool:
    return all(is_furniture_line(line) for line in block.split("\n"))


def _key(block: str) -> str:
    return " ".join(_MARKUP.sub("", block).split())
