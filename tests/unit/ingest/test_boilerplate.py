"""Tests for ingest.boilerplate and its hook in structure/passages, on invented page-like texts.

The texts imitate what saved municipal web pages and PDF-viewer transcripts look like as plain
text (menus, reading-aloud and share buttons, contact boxes, publication dates, feedback forms),
written for these tests; no real page is copied.
"""

from __future__ import annotations

from ingest.boilerplate import classify_lines, furniture_spans, initial_kind
from ingest.normalize import content_hash, normalise_text
from ingest.passages import build_passages
from ingest.structure import parse_blocks
from knowledge.models import Document

WEB_CHROME = (
    "Hoppa till innehållet Hoppa till huvudmenyn",
    "Startsida",
    "Lyssna",
    "Dela sidan",
    "Kontakt",
    "Eva Ek",
    "Internationell samordnare",
    "Telefon: 0123-45 67 89",
    "E-post: eva.ek@ekby.se",
    "Öppettider",
    "Måndag–fredag kl. 08.00–16.00",
    "Sidan senast uppdaterad 2024-02-03",
    "Tack för din synpunkt! Vi läser alla meddelanden som skickas via formuläret.",
    "Vi behandlar dina personuppgifter när du skickar in formuläret.",
)
WEB_CONTENT = (
    "Internationellt arbete",
    "Ekby kommun samarbetar med kommuner i andra länder för att utveckla välfärden.",
    "Ansvar",
    "Kommunfullmäktige beslutar om nya vänortsavtal och kommunstyrelsen samordnar arbetet.",
    "Ekby har följande vänorter:",
    "- Norrvik i Norge",
    "- Saaren i Finland",
    "- Tallby i Estland",
)
WEB_PAGE = "\n\n".join((
    *WEB_CHROME[:4], WEB_CONTENT[0], WEB_CONTENT[1], WEB_CONTENT[2], WEB_CONTENT[3],
    WEB_CONTENT[4], "\n".join(WEB_CONTENT[5:]), *WEB_CHROME[4:],
))  # fmt: skip

TRANSCRIPT = """Riktlinjer för internationellt samarbete

Visa dokumentet i helskärm

Ladda ner (pdf, 850 kB)

Transkript

1 Riktlinjer för internationellt samarbete i Ekby kommun

2 (4)

Syfte

Riktlinjerna ska göra det tydligt vem som ansvarar för kommunens internationella kontakter.

Sida 3 av 4

Kommunstyrelsen ansvarar för att riktlinjerna följs upp varje mandatperiod."""


def _doc(text: str) -> Document:
    text = normalise_text(text)
    return Document(id="webb", municipality="Ekby", title="Internationellt arbete", kind="policy",
                    source="/tmp/webb.txt", content_hash=content_hash(text), text=text)


def _furniture(text: str) -> set[str]:
    return {text[start:end] for start, end in furniture_spans(text)}


# ------------------------------------------------------------------------ classifier


def test_web_chrome_is_furniture_and_content_is_not() -> None:
    furniture = _furniture(normalise_text(WEB_PAGE))
    assert furniture == set(WEB_CHROME)


def test_initial_kinds() -> None:
    assert initial_kind("Lyssna") == "bad"
    assert initial_kind("Telefon: 0123-45 67 89") == "bad"
    assert initial_kind("Ladda ner (pdf, 850 kB)") == "bad"
    assert initial_kind('Dela "Internationell policy för Ekby kommun"') == "bad"
    assert initial_kind("12") == "mark"
    assert initial_kind("Sida 3 av 4") == "mark"
    assert initial_kind(WEB_CONTENT[3]) == "good"
    assert initial_kind("Ansvar och organisation") == "short"


def test_short_line_takes_class_of_its_neighbours() -> None:
    lines = ["Kontakt", "Eva Ek", "Telefon: 0123-45 67 89"]
    assert classify_lines(lines) == [True, True, True]
    lines = [WEB_CONTENT[1], "Ansvar", WEB_CONTENT[3]]
    assert classify_lines(lines) == [False, False, False]


def test_title_at_top_is_kept_even_above_chrome() -> None:
    assert classify_lines(["Vänortspolicy", "Lyssna", "Dela sidan", WEB_CONTENT[1]]) == [
        False, True, True, False]


def test_page_numbers_do_not_pull_a_heading_into_the_furniture() -> None:
    lines = ["Visa dokumentet i helskärm", "2 (4)", "Syfte", "3", WEB_CONTENT[3]]
    flags = classify_lines(lines)
    assert flags[1] and flags[3]
    assert not flags[2]


def test_list_after_a_lead_in_stays_content_above_a_date_line() -> None:
    lines = ["Ekby har följande vänorter:", "- Norrvik i Norge", "- Saaren i Finland",
             "Senast uppdaterad 2024-02-03"]
    assert classify_lines(lines) == [False, False, False, True]


def test_english_interface_lines() -> None:
    lines = ["Skip to main content", "Share this page", "Print", WEB_CONTENT[1],
             "The council decides on new twin-town agreements every year.", "Back to top"]
    assert classify_lines(lines) == [True, True, True, False, False, True]


# ------------------------------------------------------------- structure and passages


def test_chrome_lines_produce_no_passages_and_content_lines_all_do() -> None:
    doc = _doc(WEB_PAGE)
    passages = build_passages(doc)
    texts = [p.text for p in passages]
    for chrome in WEB_CHROME:
        assert not any(chrome in t for t in texts), chrome
    for line in (WEB_CONTENT[1], WEB_CONTENT[3], *WEB_CONTENT[5:]):
        assert any(line.lstrip("- ") in t for t in texts), line
    for p in passages:
        assert doc.text[p.start:p.end] == p.text


def test_chrome_is_never_a_section() -> None:
    doc = _doc(WEB_PAGE)
    sections = {b.section for b in parse_blocks(doc.text)}
    assert sections == {"Internationellt arbete", "Ansvar"}


def test_transcript_label_is_not_the_section_of_the_document() -> None:
    doc = _doc(TRANSCRIPT)
    blocks = parse_blocks(doc.text)
    assert all(b.section != "Transkript" for b in blocks)
    by_text = {u.text: b.section for b in blocks for u in b.units}
    assert by_text[
        "Kommunstyrelsen ansvarar för att riktlinjerna följs upp varje mandatperiod."] == "Syfte"
    quoted = " ".join(p.text for p in build_passages(doc))
    for chrome in ("helskärm", "Ladda ner", "Transkript", "Sida 3 av 4", "2 (4)"):
        assert chrome not in quoted


def test_an_image_caption_with_its_credit_is_furniture() -> None:
    assert initial_kind("Elever på besök i Tartu. Foto: Karin Lind") == "bad"
    assert initial_kind("Photo: City of Tibro") == "bad"
    # a sentence that only mentions photos is content
    assert initial_kind("Eleverna tog bilder under besöket och visade dem för klassen.") == "good"
