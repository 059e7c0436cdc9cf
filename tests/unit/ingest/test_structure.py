"""Tests for ingest.structure, ingest.passages and ingest.metadata on inline and real texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_file
from ingest.metadata import detect_metadata
from ingest.normalize import content_hash, normalise_text
from ingest.passages import build_passages
from ingest.structure import Block, Span, parse_blocks, split_sentences
from knowledge.models import Document

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "knowledge" / "corpus"
FICTIONAL = REPO / "tests" / "data" / "fictional"

LONG = "Kommunen ska arbeta aktivt med internationella frågor i hela organisationen."


def _doc(text: str, doc_id: str = "doc") -> Document:
    text = normalise_text(text)
    return Document(id=doc_id, municipality="Testby", title="Testpolicy", kind="policy",
                    source=f"/tmp/{doc_id}.txt", content_hash=content_hash(text), text=text)


def _sections(blocks: list[Block]) -> list[str]:
    return [b.section for b in blocks]


def _corpus_text(name: str) -> str:
    return normalise_text(load_file(CORPUS / name))


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, str]:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5
    return {f.name: normalise_text(load_file(f)) for f in files}


# ----------------------------------------------------------------------------- headings


def test_markdown_heading_sets_section() -> None:
    blocks = parse_blocks(f"### Syfte\n\n{LONG}")
    assert len(blocks) == 1
    assert blocks[0].kind == "paragraph"
    assert blocks[0].section == "Syfte"


def test_colon_heading_line_sets_section() -> None:
    blocks = parse_blocks(f"Inledning:\n\n{LONG}")
    assert _sections(blocks) == ["Inledning"]


def test_bare_title_line_sets_section() -> None:
    blocks = parse_blocks(f"Övergripande mål\n\n{LONG}")
    assert _sections(blocks) == ["Övergripande mål"]
    assert blocks[0].units[0].text == LONG


def test_bare_title_glued_to_paragraph() -> None:
    text = f"Ansvar och organisation\n{LONG}"
    blocks = parse_blocks(text)
    assert len(blocks) == 1
    assert blocks[0].section == "Ansvar och organisation"
    assert blocks[0].units[0].text == LONG
    assert text[blocks[0].start:blocks[0].end] == LONG


def test_section_carries_over_several_paragraphs_until_next_heading() -> None:
    text = f"### Syfte\n\n{LONG}\n\n{LONG}\n\n### Mål\n\n{LONG}"
    assert _sections(parse_blocks(text)) == ["Syfte", "Syfte", "Mål"]


# ----------------------------------------------------------------------------- lists


def test_lead_in_with_bullets_is_one_list_block() -> None:
    text = (
        "### Ansvar\n\n"
        "Kommunstyrelsen ansvarar för att\n"
        "- samordna kommunens internationella arbete,\n"
        "- följa upp policyn årligen,\n"
        "- besluta om medlemskap i nätverk."
    )
    blocks = parse_blocks(text)
    assert len(blocks) == 1
    block = blocks[0]
    assert block.kind == "list"
    assert block.section == "Ansvar"
    assert block.lead_in is not None
    assert block.lead_in.text == "Kommunstyrelsen ansvarar för att"
    assert [u.text for u in block.units] == [
        "- samordna kommunens internationella arbete,",
        "- följa upp policyn årligen,",
        "- besluta om medlemskap i nätverk.",
    ]

    passages = build_passages(_doc(text))
    assert len(passages) == 3
    assert {p.context for p in passages} == {"Kommunstyrelsen ansvarar för att"}
    assert {p.section for p in passages} == {"Ansvar"}
    assert all(p.block_start == block.start and p.block_end == block.end for p in passages)
    assert "Kommunstyrelsen ansvarar för att" in passages[0].index_text


def test_lead_in_with_blank_line_before_bullets() -> None:
    text = "Kommunstyrelsen ansvarar för att\n\n- samordna arbetet,\n- följa upp policyn."
    blocks = parse_blocks(text)
    assert [b.kind for b in blocks] == ["list"]
    assert blocks[0].lead_in is not None
    assert len(blocks[0].units) == 2


def test_numbered_items_are_list_units() -> None:
    text = (
        "Det internationella arbetet ska utgå från följande:\n\n"
        "1. Kommunen har en positiv grundinställning till internationella kontakter.\n"
        "2. Kommuninvånarna ska vara informerade om pågående arbeten.\n"
        "3. Nyttan för kommunen ska vara i fokus."
    )
    blocks = parse_blocks(text)
    lists = [b for b in blocks if b.kind == "list"]
    assert len(lists) == 1
    units = [u.text for u in lists[0].units]
    assert len(units) == 3
    assert units[0].startswith("1. Kommunen")
    assert units[2].startswith("3. Nyttan")
    passages = build_passages(_doc(text))
    assert [p.text for p in passages] == units
    assert all(p.context == "Det internationella arbetet ska utgå från följande:"
               for p in passages)


def test_bullet_list_without_lead_in() -> None:
    text = f"### Mål\n\n- Bidra till lokal demokrati.\n- Främja utbyte.\n\n{LONG}"
    blocks = parse_blocks(text)
    assert [b.kind for b in blocks] == ["list", "paragraph"]
    assert blocks[0].lead_in is None
    assert len(blocks[0].units) == 2


# ----------------------------------------------------------------------------- TOC


def test_table_of_contents_is_skipped() -> None:
    text = (
        "Innehåll\n\n"
        "Bakgrund 3\n"
        "Syfte 3\n"
        "Ansvar och organisation 4\n"
        "Uppföljning..... 5\n\n"
        "Bakgrund\n\n"
        f"{LONG}"
    )
    blocks = parse_blocks(text)
    assert len(blocks) == 1
    assert blocks[0].section == "Bakgrund"
    assert blocks[0].units[0].text == LONG
    passages = build_passages(_doc(text))
    assert all("Syfte 3" not in p.text and "Uppföljning" not in p.text for p in passages)


def test_eksjo_table_of_contents_not_indexed(corpus_texts: dict[str, str]) -> None:
    text = corpus_texts["eksjo-internationell-policy-2020.txt"]
    passages = build_passages(_doc(text, "eksjo"))
    assert passages
    toc_start = text.index("Innehåll")
    toc_end = text.index("Utvärdering 5") + len("Utvärdering 5")
    assert not any(toc_start <= p.start < toc_end for p in passages)
    assert not any("....." in p.text for p in passages)


# ----------------------------------------------------------------------------- sentences


def test_sentences_split_on_full_stop() -> None:
    first = "Kommunen ska delta i internationella nätverk."
    second = "Arbetet ska följas upp varje år av kommunstyrelsen."
    blocks = parse_blocks(f"{first} {second}")
    assert [u.text for u in blocks[0].units] == [first, second]


@pytest.mark.parametrize("sentence", [
    "Kommunen deltar i flera nätverk, t.ex. Europeiska kommunförbundet och "
    "regionala samarbeten kring miljöfrågor.",
    "Ärendet har beretts av M. Thelin vid kanslienheten under hösten och "
    "remitterats till nämnderna.",
])
def test_no_split_after_abbreviation_or_initial(sentence: str) -> None:
    other = "Policyn gäller för hela den kommunala organisationen."
    units = [u.text for u in parse_blocks(f"{sentence} {other}")[0].units]
    assert units == [sentence, other]


def test_split_sentences_offsets_are_exact() -> None:
    text = "Prefix. Kommunen ska delta i nätverk, t.ex. CEMR. Det följs upp årligen av KS."
    span = Span(10, 10 + len(text), text)
    padded = " " * 10 + text
    for piece in split_sentences(span):
        assert padded[piece.start:piece.end] == piece.text
        assert piece.text == piece.text.strip()


# ----------------------------------------------------------------------------- offsets


def test_inline_passage_offsets_match_text() -> None:
    text = (
        "# Internationell policy\n\nInnehåll\n\nSyfte 2\nMål 3\n\nSyfte:\n\n"
        f"{LONG} Den gäller t.ex. skolor.\n\n"
        "Kommunstyrelsen ansvarar för att\n- samordna,\n- följa upp.\n\nMål\n"
        f"{LONG}"
    )
    doc = _doc(text)
    passages = build_passages(doc)
    assert passages
    for p in passages:
        assert doc.text[p.start:p.end] == p.text
        assert p.block_start <= p.start < p.end <= p.block_end


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_corpus_passage_text_equals_slice(name: str, corpus_texts: dict[str, str]) -> None:
    doc = _doc(corpus_texts[name], doc_id=Path(name).stem)
    passages = build_passages(doc)
    assert len(passages) > 5
    for p in passages:
        assert p.text, p
        assert doc.text[p.start:p.end] == p.text
        assert 0 <= p.block_start <= p.start < p.end <= p.block_end <= len(doc.text)
        if p.context:  # the lead-in precedes its items (possibly across page furniture)
            assert p.context in doc.text[: p.block_end]
            assert doc.text.rindex(p.context, 0, p.start + 1) < p.start
    assert len({p.id for p in passages}) == len(passages)


# ----------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("name", "municipality"),
    [
        ("ale-internationell-policy-2017.txt", "Ale"),
        ("almhult-internationell-policy-2003.txt", "Älmhult"),
        ("eksjo-internationell-policy-2020.txt", "Eksjö"),
        ("kungsbacka-internationell-strategi-2008.txt", "Kungsbacka"),
        ("lilla-edet-internationell-strategi.txt", "Lilla Edet"),
    ],
)
def test_municipality_of_corpus_files(name: str, municipality: str,
                                      corpus_texts: dict[str, str]) -> None:
    meta = detect_metadata(corpus_texts[name], fallback_name=Path(name).stem)
    assert meta.municipality == municipality


def test_eksjo_adopted_by(corpus_texts: dict[str, str]) -> None:
    meta = detect_metadata(corpus_texts["eksjo-internationell-policy-2020.txt"], "eksjo")
    assert meta.adopted_by is not None
    assert "kommunfullmäktige 2020-03-19, § 58" in meta.adopted_by
    assert meta.date == "2020-03-19"


def test_ale_dnr(corpus_texts: dict[str, str]) -> None:
    meta = detect_metadata(corpus_texts["ale-internationell-policy-2017.txt"], "ale")
    assert meta.dnr == "KS.2016.82"


def test_almhult_dnr(corpus_texts: dict[str, str]) -> None:
    meta = detect_metadata(corpus_texts["almhult-internationell-policy-2003.txt"], "almhult")
    assert meta.dnr == "2003/184"


def test_kungsbacka_date(corpus_texts: dict[str, str]) -> None:
    meta = detect_metadata(corpus_texts["kungsbacka-internationell-strategi-2008.txt"], "kb")
    assert meta.date == "2008-12-19"
    assert meta.kind == "strategi"


def test_fictional_norrvika_municipality() -> None:
    path = FICTIONAL / "norrvika-internationell-policy-2022.md"
    meta = detect_metadata(normalise_text(load_file(path)), fallback_name=path.stem)
    assert meta.municipality == "Norrvika"


def test_metadata_fallbacks_for_bare_text() -> None:
    meta = detect_metadata("Lite text utan namn.", fallback_name="okand-fil")
    assert meta.municipality == "Okänd"  # not the raw file stem
    assert meta.title == "Okand fil"
    assert meta.kind == "dokument"
    assert meta.date is None and meta.dnr is None and meta.adopted_by is None


def test_kommun_line_overrides_counts() -> None:
    text = "Kommun: Testköping\n\nPolicy för Ale kommun och Ale kommuns nämnder."
    assert detect_metadata(text, "x").municipality == "Testköping"


# ----------------------------------------------------------------- numbered headings, furniture


def test_numbered_headings_are_headings_with_the_number_out_of_the_title() -> None:
    text = f"1. Inledning\n\n{LONG}\n\n2.1 Mål\n\n{LONG}\n\n2.2. Ansvar och organisation\n{LONG}"
    blocks = parse_blocks(text)
    assert [b.kind for b in blocks] == ["paragraph"] * 3
    assert _sections(blocks) == ["Inledning", "Mål", "Ansvar och organisation"]


def test_numbered_list_items_stay_items() -> None:
    text = ("Kommunen prioriterar följande områden:\n\n1. Skola\n2. Miljö\n3. Näringsliv\n\n"
            + LONG)
    blocks = parse_blocks(text)
    assert [b.kind for b in blocks] == ["list", "paragraph"]
    assert [u.text for u in blocks[0].units] == ["1. Skola", "2. Miljö", "3. Näringsliv"]
    assert blocks[0].lead_in is not None
    assert _sections(blocks) == ["", ""]


def test_heading_directly_above_a_list_stays_a_heading() -> None:
    text = ("## Syfte\n\n" + LONG + "\n\nPrioriterade områden\n\n"
            "- Skola: fler utbyten.\n- Miljö: lärande om klimat.")
    blocks = parse_blocks(text)
    assert blocks[-1].kind == "list" and blocks[-1].lead_in is None
    assert blocks[-1].section == "Prioriterade områden"


@pytest.mark.parametrize("lead", ["Målen ska nås genom att kommunen", "Kommunen arbetar med",
                                  "Rapporten ska innehålla:"])
def test_a_lead_in_above_a_list_stays_a_lead_in(lead: str) -> None:
    blocks = parse_blocks(f"## Mål\n\n{lead}\n\n- söker extern finansiering,\n- deltar i nätverk.")
    assert [b.kind for b in blocks] == ["list"]
    assert blocks[0].lead_in is not None and blocks[0].lead_in.text == lead
    assert blocks[0].section == "Mål"


def test_heading_with_a_year_but_not_a_date_line() -> None:
    text = f"Agenda 2030\n\n{LONG}\n\nAntagen av kommunfullmäktige 2020-03-19\n\n{LONG}"
    blocks = parse_blocks(text)
    assert _sections(blocks) == ["Agenda 2030"] * 3
    assert blocks[1].units[0].text == "Antagen av kommunfullmäktige 2020-03-19"


def test_table_header_and_form_lines_are_not_headings() -> None:
    text = ("## Ansvar\n\nDokumenttyp: Policy\n\nOrgan | Ansvar\n"
            "Kommunstyrelsen | Leder och samordnar arbetet med vänorter.\n"
            "Kultur- och fritidsnämnden | Beslutar om bidrag. Följer upp bidragen.")
    blocks = parse_blocks(text)
    assert _sections(blocks) == ["Ansvar", "Ansvar"]
    assert [u.text for u in blocks[1].units] == [
        "Organ | Ansvar", "Kommunstyrelsen | Leder och samordnar arbetet med vänorter.",
        "Kultur- och fritidsnämnden | Beslutar om bidrag.", "Följer upp bidragen."]


def test_page_furniture_in_a_text_file_stays_in_the_text_but_out_of_passages() -> None:
    header = "Xby kommun | Internationell policy"
    pages = [f"{header}\nSida {n} (3)\n\n{LONG}\n\nKommunstyrelsen följer upp arbetet varje år."
             for n in (1, 2, 3)]
    doc = _doc("\n\n".join(pages) + "\n\n7")
    passages = build_passages(doc)
    assert header in doc.text and "Sida 2 (3)" in doc.text
    assert len(passages) == 6
    assert all("Xby kommun" not in p.text and "Sida" not in p.text for p in passages)
    assert {p.section for p in passages} == {"Testpolicy"}  # the header is not a section


def test_a_cover_of_prose_lines_before_the_first_section_is_no_passage() -> None:
    text = ("# Riktlinjer för utlandsresor\n\nTestby kommun\n\n"
            "Beslutade av kommunstyrelsen den 2 juni 2025, § 88\n\n"
            "Ersätter Resepolicy för Testby kommun (KS 2019-04-11)\n\n"
            "## 1 Inledning\n\nResor ska planeras i god tid. Kommunstyrelsen beslutar om resor "
            "utanför Europa.\n")
    passages = build_passages(_doc(text))
    assert [p.section for p in passages] == ["Inledning", "Inledning"]
    assert not any("Beslutade av" in p.text or p.text == "Testby kommun" for p in passages)


def test_front_matter_with_a_sentence_stays_content() -> None:
    text = ("# Riktlinjer för utlandsresor\n\nDe här riktlinjerna gäller alla anställda.\n\n"
            "## 1 Inledning\n\nResor ska planeras i god tid.\n")
    passages = build_passages(_doc(text))
    assert "De här riktlinjerna gäller alla anställda." in [p.text for p in passages]


def test_a_flattened_table_of_contents_is_no_passage() -> None:
    text = ("Riktlinjer för utlandsresor\n\n2 Kommunen har många kontakter i Europa. "
            "Bakgrund...4 Ansvar och roller...6 Uppföljning...9\n\n"
            "Kommunstyrelsen beslutar om resor utanför Europa.\n")
    texts = [p.text for p in build_passages(_doc(text))]
    assert not any("Ansvar och roller" in t for t in texts)
    assert "Kommunstyrelsen beslutar om resor utanför Europa." in texts
