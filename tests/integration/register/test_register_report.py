"""The annual report over a realistic year (36 sample activities) in Markdown, CSV and DOCX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from docx import Document

from register.report import build_report, period, render_csv, render_markdown
from register.report_docx import write_docx
from register.sample import sample_activities
from register.service import RegisterService


@pytest.fixture
def year_of_activities(service: RegisterService) -> RegisterService:
    for data in sample_activities(36, year=2026, municipality="Eksjö"):
        service.create("cli:anna", data, channel="demo-data")
    service.create("cli:anna", {**sample_activities(1, year=2025)[0], "title": "Förra året"})
    return service


def test_markdown_report_has_a_summary_and_a_section_per_committee(
        year_of_activities: RegisterService) -> None:
    report = build_report(year_of_activities, 2026, municipality="Eksjö")
    markdown = render_markdown(report)
    committees = {a.committee for a in year_of_activities.search(year=2026)}
    assert len(committees) >= 5 and len(year_of_activities.search(year=2026)) == 36
    assert markdown.startswith("# Internationell verksamhet 2026 — Eksjö")
    summary = markdown.split("## Sammanfattning")[1].split("\n## ")[0]
    assert summary.count("\n| ") == len(committees) + 2  # header, committees, total
    assert "| **Totalt** | 36 |" in summary
    for committee in committees:
        assert f"\n## {committee}\n" in markdown
    for heading in ("### Aktiviteter", "### Samarbetspartner och länder", "### Finansiering",
                    "### Återrapportering efter utbyten",
                    "### Policymål som verksamheten bidragit till", "### Öppna uppföljningar"):
        assert markdown.count(heading) == len(committees)
    assert "Förra året" not in markdown
    assert "Erasmus+:" in markdown and "SEK" in markdown and "Norge" in markdown
    open_follow_ups = year_of_activities.missing_follow_up(year=2026)
    assert open_follow_ups and all(f"(id {f.activity.id}," in markdown for f in open_follow_ups)


def test_report_for_one_committee(year_of_activities: RegisterService) -> None:
    markdown = render_markdown(build_report(year_of_activities, 2026, committee="BUN"))
    assert "\n## Barn- och utbildningsnämnden\n" in markdown
    assert "\n## Socialnämnden\n" not in markdown


def test_docx_report_opens_and_has_the_committee_headings(year_of_activities: RegisterService,
                                                          tmp_path: Path) -> None:
    report = build_report(year_of_activities, 2026)
    path = write_docx(report, tmp_path / "rapport.docx")
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Sammanfattning"
    assert headings[1:] == [s.committee for s in report.sections]
    summary = document.tables[0]
    assert summary.rows[-1].cells[0].text == "Totalt"
    assert summary.rows[-1].cells[1].text == "36"


def test_csv_report_has_one_row_per_activity(year_of_activities: RegisterService) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(build_report(year_of_activities, 2026)))))
    assert len(rows) == 36
    assert {r["Status"] for r in rows} <= {"Planerad", "Pågående", "Genomförd", "Vilande",
                                           "Inställd"}


def test_empty_year_says_so(service: RegisterService) -> None:
    assert "Inga aktiviteter är registrerade för 1999." in render_markdown(
        build_report(service, 1999))


def test_periods_read_naturally() -> None:
    import datetime as dt

    assert period(dt.date(2026, 5, 3), dt.date(2026, 5, 7)) == "3–7 maj 2026"
    assert period(dt.date(2026, 5, 3), dt.date(2026, 6, 2)) == "3 maj – 2 juni 2026"
    assert period(dt.date(2026, 12, 30), dt.date(2027, 1, 5)) == \
        "30 december 2026 – 5 januari 2027"
    assert period(dt.date(2026, 5, 3), None) == "3 maj 2026"
