"""Metadata read from invented documents, each written to a real file; the expected values were
written by hand before the detector ran on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.metadata import DocumentMetadata, detect_metadata
from ingest.reading import read_document

FORM_COVER = """Dokumenttyp: Policy
Beslutad av: Kommunfullmäktige
Beslutsdatum: 19 mars 2020
Diarienummer: KS 2019/418
Giltighetstid: tills vidare
Ersätter: Riktlinjer för vänortsarbete (2011)

Internationell policy för Vetlanda kommun

Bakgrund
Vetlanda kommun har vänorter i Estland och Finland. Samarbetet med Lunner kommune i Norge
började 1994. Avtalet med Loppi är beslutat av kommunstyrelsen 2016-05-10.
"""

TWIN_TOWN = """Nybro kommun
Vänortspolicy

Antagen av kommunfullmäktige den 9 oktober 2014, § 112.

Nybro har sedan 1970 ett utbyte med Mönsterås kommun. Skolorna i Mönsterås kommun tar emot
elever varje vår, och Mönsterås kommuns musikskola besöker Nybro på hösten. Vänorten
Mönsterås kommun bjuder in till idrottsläger.
"""

WEB_PAGE_WITHOUT_NAME = """Startsida
Kontakt
Lyssna

Vänorter

Här har vi samlat det du behöver veta om våra tre vänorter i Finland, Norge och Estland.

Tranås har tre vänorter: Ylöjärvi i Finland, Gjøvik kommune i Norge och Tartu i Estland.

Senast uppdaterad 2021-05-12
"""

WEB_PAGE_WITH_ADDRESS = """Meny
Internationellt samarbete

Kommunen deltar i två EU-projekt om landsbygdsutveckling. Har du frågor? Skriv till
anna.lind@solleftea.se eller besök www.solleftea.se/eu.
"""

FLATTENED_COVER = (
    "Program för internationellt arbete i Boxholms kommun\n\nTranskript\n\n"
    "1 Program 1/6 Beslutad: KF Gäller fr o m: Diarienummer: Ersätter: KS 2016/77: "
    "Kommunstyrelsen Riktlinjer för internationella kontakter, beslutad av KS (KS 2009/12) "
    "Program för internationellt arbete i Boxholms kommun Inledning Boxholms kommun ska vara "
    "öppen mot omvärlden. Projektet i Malexander är beslutat av nämnden.\n"
)

REGION = """# Internationell strategi för Region Västerbotten 2021–2025

Fastställd av regionfullmäktige 2021-06-16, § 104
Gäller från och med 2021-07-01 och tills vidare.

Strategin ersätter Internationell strategi 2016–2020.

## Bakgrund

Region Västerbottens internationella arbete bedrivs tillsammans med Umeå kommun och
Skellefteå kommun. Umeå kommun leder ett nätverk om klimat.
"""

UNLISTED_WITH_SWEDISH_TWIN = """LÖVSTA KOMMUN
Riktlinjer för vänortssamarbete

Lövsta har en vänort i Sverige, Ljusdals kommun. Lövsta och Ljusdals kommun träffas varje år.
Ljusdals kommun står för resan vartannat år.
"""

HEADING_PLACE_ONLY = """Vänorter till Sundsvall

Vi har fyra vänorter runt Östersjön. Kommittén ger bidrag till föreningar som deltar i
utbyten med vänorterna.
"""

WRITTEN_MONTH = """Policy för EU-arbete i Lessebo kommun

Antagen av kommunstyrelsen i december 2012

Lessebo kommun ska söka EU-medel.
"""

BODY_DECISION_ONLY = """Internationell policy

Policyn är beslutad av kommunfullmäktige och gäller för alla nämnder i Ydre kommun. Den
ersätter inga andra styrdokument.
"""


def _read(tmp_path: Path, name: str, text: str) -> DocumentMetadata:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    return DocumentMetadata(
        municipality=doc.municipality, title=doc.title, kind=doc.kind, date=doc.date,
        adopted_by=doc.adopted_by, dnr=doc.dnr, official_name=doc.official_name,
        municipality_how=doc.municipality_source, valid=doc.valid, replaces=doc.replaces)


def test_form_style_cover(tmp_path: Path) -> None:
    meta = _read(tmp_path, "policy.txt", FORM_COVER)
    assert meta.municipality == "Vetlanda" and meta.official_name == "Vetlanda kommun"
    assert "Vetlanda kommun" in meta.municipality_how
    assert meta.title == "Internationell policy för Vetlanda kommun"
    assert meta.kind == "policy"
    assert meta.date == "2020-03-19"
    assert meta.adopted_by == "Beslutad av: Kommunfullmäktige"
    assert meta.dnr == "KS 2019/418"
    assert meta.valid == "Giltighetstid: tills vidare"
    assert meta.replaces == "Riktlinjer för vänortsarbete (2011)"


def test_letterhead_beats_a_twin_town_named_more_often(tmp_path: Path) -> None:
    meta = _read(tmp_path, "vanortspolicy.txt", TWIN_TOWN)
    assert meta.municipality == "Nybro"
    assert meta.title == "Vänortspolicy" and meta.kind == "policy"
    assert meta.date == "2014-10-09"
    assert meta.adopted_by == "Antagen av kommunfullmäktige den 9 oktober 2014, § 112"


def test_a_page_that_never_names_itself_takes_the_file_name(tmp_path: Path) -> None:
    meta = _read(tmp_path, "tranas-vanorter.txt", WEB_PAGE_WITHOUT_NAME)
    assert meta.municipality == "Tranås"
    assert "file name" in meta.municipality_how
    assert meta.title == "Vänorter"
    assert meta.date == "2021-05-12"
    assert meta.adopted_by is None and meta.dnr is None


def test_a_page_with_only_a_web_address(tmp_path: Path) -> None:
    meta = _read(tmp_path, "internationellt.txt", WEB_PAGE_WITH_ADDRESS)
    assert meta.municipality == "Sollefteå"
    assert "solleftea.se" in meta.municipality_how
    assert meta.title == "Internationellt samarbete"
    assert meta.date is None


def test_a_flattened_cover_table_reads_only_what_is_safe(tmp_path: Path) -> None:
    meta = _read(tmp_path, "boxholm-program.txt", FLATTENED_COVER)
    assert meta.municipality == "Boxholm"
    assert meta.title == "Program för internationellt arbete i Boxholms kommun"
    assert meta.kind == "program"
    assert meta.adopted_by == "Beslutad: KF"
    assert meta.date is None and meta.dnr is None
    assert meta.replaces is None and meta.valid is None


def test_a_region(tmp_path: Path) -> None:
    meta = _read(tmp_path, "strategi.md", REGION)
    assert meta.municipality == "Region Västerbotten"
    assert meta.title == "Internationell strategi för Region Västerbotten 2021–2025"
    assert meta.kind == "strategi"
    assert meta.date == "2021-06-16"
    assert meta.adopted_by == "Fastställd av regionfullmäktige 2021-06-16, § 104"
    assert meta.valid == "Gäller från och med 2021-07-01 och tills vidare"
    assert meta.replaces == "Internationell strategi 2016–2020"


def test_an_unlisted_municipality_in_the_letterhead(tmp_path: Path) -> None:
    meta = _read(tmp_path, "riktlinjer.txt", UNLISTED_WITH_SWEDISH_TWIN)
    assert meta.municipality == "Lövsta" and meta.official_name == "Lövsta kommun"
    assert meta.title == "Riktlinjer för vänortssamarbete" and meta.kind == "riktlinje"


def test_a_place_named_in_the_title(tmp_path: Path) -> None:
    meta = _read(tmp_path, "vanorter.txt", HEADING_PLACE_ONLY)
    assert meta.municipality == "Sundsvall"
    assert meta.title == "Vänorter till Sundsvall"


def test_a_month_and_year(tmp_path: Path) -> None:
    meta = _read(tmp_path, "eu.txt", WRITTEN_MONTH)
    assert meta.municipality == "Lessebo"
    assert meta.date == "2012-12"
    assert meta.adopted_by == "Antagen av kommunstyrelsen i december 2012"


def test_a_decision_in_the_body_is_not_the_adoption(tmp_path: Path) -> None:
    meta = _read(tmp_path, "ydre.txt", BODY_DECISION_ONLY)
    assert meta.municipality == "Ydre"
    assert meta.title == "Internationell policy"
    assert meta.adopted_by is None and meta.date is None and meta.replaces is None


def test_nothing_found_says_so(tmp_path: Path) -> None:
    meta = _read(tmp_path, "anteckningar_2019.txt", "Några rader utan namn eller datum.")
    assert meta.municipality == "Okänd"
    assert "not found" in meta.municipality_how
    assert meta.title == "Anteckningar 2019"


def test_a_readable_title_from_the_file_name(tmp_path: Path) -> None:
    meta = _read(tmp_path, "goteborg-omvarldsarbete.txt", "Staden följer frågor om omvärlden.")
    assert meta.municipality == "Göteborg"
    assert meta.title == "Göteborg omvarldsarbete"


def test_a_cover_title_label() -> None:
    text = "Dokumentnamn: Riktlinjer för EU-projekt\nDokumenttyp: Riktlinje\n\nÅre kommun söker."
    meta = detect_metadata(text, "x")
    assert meta.title == "Riktlinjer för EU-projekt" and meta.municipality == "Åre"


@pytest.mark.parametrize(("text", "adopted"), [
    ("Fastställare: Kommunfullmäktige Policy för stadens arbete",
     "Fastställare: Kommunfullmäktige"),
    ("Antagen av: Kultur- och fritidsnämnden 2018-02-01", "Antagen av: Kultur- och fritidsnämnden "
     "2018-02-01"),
])
def test_adoption_labels(text: str, adopted: str) -> None:
    assert detect_metadata(text, "x").adopted_by == adopted


MINUTES = "\n".join(["Meny", "Sök", "Logga in", "Protokoll", "Paragraf 4", "Sidan 1 av 1",
                     "Justerare", "Expediering", "Sammanträdesdatum", "Akt", "Bilagor", "Ärende",
                     "Exempelvis har Borås Stad avslutat sina vänortsavtal.",
                     "Lerums kommunen ska därför inte teckna nya avtal."])


def test_a_tie_in_the_body_goes_to_the_file_name(tmp_path: Path) -> None:
    meta = _read(tmp_path, "lerum-protokoll.txt", MINUTES)
    assert meta.municipality == "Lerum" and "Lerums kommunen" in meta.municipality_how


def test_a_breadcrumb_is_not_the_title() -> None:
    text = "Policy\n\nInternationell strategi\n\nKommunen samarbetar med Tranemo kommun."
    assert detect_metadata(text, "x").title == "Internationell strategi"


def test_a_title_inside_a_flattened_transcript() -> None:
    text = ("Dnr 12/2019 Sida 1 (4) 2019-03-01 Internationell strategi för Tranemo kommun 1. "
            "Bakgrund Kommunen ska delta i nätverk och projekt som stärker verksamheten och "
            "ger invånarna kontakter med andra länder.")
    meta = detect_metadata(text, "x")
    assert meta.title == "Internationell strategi för Tranemo kommun"
    assert meta.kind == "strategi" and meta.dnr == "12/2019" and meta.date == "2019-03-01"


def test_what_a_run_on_transcript_replaces_is_left_unknown() -> None:
    text = ("Internationellt program för Tranemo kommun\n\n1 Programmet ersätter den handlingsplan "
            "som antogs av kommunstyrelsen den 9 januari Programmet ska omprövas varje")
    assert detect_metadata(text, "x").replaces is None


def test_a_very_long_document_is_read_for_its_cover_at_both_ends() -> None:
    filler = "\n\n".join(f"Stycke {i} handlar om utbyten med skolor i andra länder."
                         for i in range(4000))
    text = (f"Internationell policy för Tanums kommun\n\n{filler}\n\n"
            "Antagen av kommunfullmäktige 2018-09-24, § 80\n")
    meta = detect_metadata(text, "tanum.txt")
    assert len(text) > 100_000
    assert meta.municipality == "Tanum" and meta.date == "2018-09-24"


FOREIGN_TWINS_ONLY = """Våra vänorter

Vi samarbetar med tre orter runt Östersjön. Skolorna har utbyten varje år.

Estland

Saue kommun ligger strax väster om Tallinn och har omkring 6 000 invånare. Saue kommun har
en musikskola som ofta tar emot våra elever.
"""


def test_a_listed_file_name_beats_a_foreign_twin_described_as_kommun(tmp_path: Path) -> None:
    meta = _read(tmp_path, "tingsryd-vanorter.txt", FOREIGN_TWINS_ONLY)
    assert meta.municipality == "Tingsryd"
    assert "file name" in meta.municipality_how


def test_an_unlisted_letterhead_still_wins_without_a_listed_file_name(tmp_path: Path) -> None:
    meta = _read(tmp_path, "vanorter.txt", FOREIGN_TWINS_ONLY)
    assert meta.municipality == "Saue"


def test_a_link_to_another_document_is_not_the_title() -> None:
    text = ("Internationella enheten\n\nEnheten stödjer förvaltningarna i EU-frågor.\n\n"
            "Läs handlingsplanen för internationellt arbete\n")
    assert detect_metadata(text, "enheten.txt").title == "Internationella enheten"


def test_a_title_whose_lines_a_transcript_joined_with_stops() -> None:
    text = ("Handlingsplan. för EU-arbete. Diarienummer: KS2020/11. Gäller från:\n\n"
            "Tranemo kommun ska söka EU-medel.")
    assert detect_metadata(text, "x").title == "Handlingsplan för EU-arbete"


def test_an_unlisted_official_name_is_as_the_document_writes_it(tmp_path: Path) -> None:
    text = "Granvik kommun\nRiktlinjer för EU-arbete\n\nGranvik kommun söker EU-medel varje år.\n"
    meta = _read(tmp_path, "riktlinjer.txt", text)
    assert meta.municipality == "Granvik" and meta.official_name == "Granvik kommun"


def test_what_it_replaces_ends_where_the_next_cover_label_starts() -> None:
    text = ("Internationell strategi\n\nTibro kommun\n\nErsätter Riktlinjer för vänorter 2010–2014 "
            "Handläggare: Kommunkansliet\n\nTibro kommun har två vänorter.")
    assert detect_metadata(text, "x").replaces == "Riktlinjer för vänorter 2010–2014"


def test_an_unlisted_region_in_the_letterhead(tmp_path: Path) -> None:
    text = ("Region Granåsen\nStrategi för EU-arbete 2025–2028\n\nRegion Granåsen deltar i "
            "Interreg. Regionstyrelsen i Region Granåsen följer upp strategin varje år.\n")
    meta = _read(tmp_path, "eu-strategi.txt", text)
    assert meta.municipality == "Region Granåsen"
    assert meta.official_name == "Region Granåsen"


def test_a_strategy_named_further_down_a_page_is_not_its_title(tmp_path: Path) -> None:
    page = ("EU-kontoret\n\nKontoret hjälper förvaltningarna att söka medel ur EU:s program och "
            "att hitta partner i andra länder.\n\nLäs mer om målen\n\n"
            "Mjölbys näringslivsstrategi 2022–2026\n\nKontoret har tre medarbetare.\n")
    meta = _read(tmp_path, "mjolby-eu-kontoret.txt", page)
    assert meta.title == "EU-kontoret"


def test_a_title_wrapped_onto_the_next_line_is_whole(tmp_path: Path) -> None:
    page = ("Dnr: KS 2019/0212\n2019-06-03\nKommunledningskontoret\n"
            "Riktlinjer för internationella kontakter i Mjölby\n"
            "kommuns förvaltningar och bolag\n"
            "Kommunen har kontakter med orter i Europa och Asien. De ska ge nytta för invånarna.\n")
    meta = _read(tmp_path, "riktlinjer.txt", page)
    assert meta.title == ("Riktlinjer för internationella kontakter i Mjölby kommuns "
                          "förvaltningar och bolag")
