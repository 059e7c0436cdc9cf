"""Saved web pages: main content kept with its structure, site furniture out of every quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_pages import CHROME, CONTENT, GOALS, HEADINGS, INTRO, P_REPORT, PAGES, TABLE

from ingest.passages import build_passages
from ingest.pipeline import read_document
from ingest.web_content import merge_dropped

MENU_WORDS = ("Kommun och politik", "Bygga och bo", "Godkänn alla kakor", "Öppettider")


def _save(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(PAGES))
def test_article_kept_with_headings_lists_and_tables(tmp_path: Path, name: str) -> None:
    doc = read_document(_save(tmp_path, name, PAGES[name]))
    lines = doc.text.split("\n")
    for heading in HEADINGS:
        assert any(line.lstrip("#").strip() == heading and line.startswith("#")
                   for line in lines), heading
    for goal in GOALS:
        assert f"- {goal}" in lines
    for row in TABLE:
        assert " | ".join(row) in lines
    for content in CONTENT:
        assert any(content in line for line in lines), content
    for menu in MENU_WORDS:
        assert menu not in doc.text, menu


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_furniture_in_passages_and_quotes_are_verbatim(tmp_path: Path, name: str) -> None:
    doc = read_document(_save(tmp_path, name, PAGES[name]))
    passages = build_passages(doc)
    quoted = "\n".join(p.text for p in passages)
    for chrome in CHROME:
        assert chrome not in quoted, chrome
    for sentence in (INTRO, P_REPORT, *GOALS):
        assert sentence in quoted
    for p in passages:
        assert doc.text[p.start:p.end] == p.text
        assert p.section != "Senast uppdaterad"


def test_link_list_in_the_article_is_kept(tmp_path: Path) -> None:
    towns = ("Norrvik i Norge", "Saaren i Finland", "Tallby i Estland")
    items = "".join(f'<li><a href="/v/{i}">{town}</a></li>' for i, town in enumerate(towns))
    html = (f"<html><body><nav><ul><li><a href='/'>Startsida</a></li></ul></nav><main>"
            f"<h1>Vänorter</h1><p>{INTRO}</p><p>Ekby har tre vänorter:</p><ul>{items}</ul>"
            "</main><footer><p>Telefon: 0123-45 67 89</p></footer></body></html>")
    text = read_document(_save(tmp_path, "vanorter", html)).text
    for town in towns:
        assert f"- {town}" in text.split("\n")
    assert "Startsida" not in text and "Telefon" not in text


def test_short_page_is_not_replaced_by_the_whole_body(tmp_path: Path) -> None:
    html = ("<html><body><div class='menu'><a href='/a'>Bygga och bo</a> "
            "<a href='/b'>Omsorg och hjälp</a></div><main><h1>Vänorter</h1>"
            "<p>Kommunfullmäktige beslutar om vänortsavtal.</p></main></body></html>")
    text = read_document(_save(tmp_path, "kort", html)).text
    assert text == "# Vänorter\n\nKommunfullmäktige beslutar om vänortsavtal."


def test_page_laid_out_with_a_table_keeps_its_text_as_blocks(tmp_path: Path) -> None:
    html = ("<html><body><table><tr><td><a href='/'>Startsida</a><br>"
            "<a href='/x'>Bygga och bo</a></td><td><h1>Internationell policy</h1>"
            f"<p>{INTRO}</p><p>{P_REPORT}</p></td></tr></table></body></html>")
    doc = read_document(_save(tmp_path, "tabell", html))
    lines = doc.text.split("\n")
    assert "# Internationell policy" in lines and INTRO in lines and P_REPORT in lines
    assert "Startsida" not in "\n".join(p.text for p in build_passages(doc))


# ------------------------------------------------------------------------- the merge


def test_merge_puts_back_heading_above_region_and_items_after_kept_block() -> None:
    full = ["Startsida", "# Vänorter", INTRO, "Ekby har två vänorter:", "- Norrvik", "- Saaren",
            "Telefon: 0123-45 67 89"]
    main = [INTRO, "Ekby har två vänorter:"]
    assert merge_dropped(main, full) == full[1:6]


def test_merge_fills_the_region_but_not_with_furniture() -> None:
    full = ["# Mål", INTRO, "Lyssna", "Vänort | Land", P_REPORT, "Följ oss på Facebook"]
    main = ["# Mål", INTRO, P_REPORT]
    assert merge_dropped(main, full) == ["# Mål", INTRO, "Vänort | Land", P_REPORT]


def test_a_kept_date_line_does_not_stretch_the_region() -> None:
    full = [INTRO, "## Relaterade sidor", "- Bygga och bo", "Senast uppdaterad 2024-02-03"]
    main = [INTRO, "Senast uppdaterad 2024-02-03"]
    assert merge_dropped(main, full) == main
