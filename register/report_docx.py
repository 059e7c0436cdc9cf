"""The annual report as a Word document, the format committees circulate with their agendas.

Same content and order as the Markdown report (both read one ``AnnualReport``); text goes in as
plain runs, so nothing a user typed can become markup or a field code.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt

from register import countries
from register.fields import FIELD_LABELS
from register.report import (
    SUMMARY_HEADERS,
    AnnualReport,
    CommitteeSection,
    money,
    period,
)
from register.schemas import REPORT_FIELDS
from register.vocab import label


def write_docx(report: AnnualReport, path: Path) -> Path:
    """Write the report to ``path`` (a .docx file) and return the path."""
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    where = f" – {report.municipality}" if report.municipality else ""
    document.add_heading(f"Internationell verksamhet {report.year}{where}", level=0)
    document.add_paragraph("Sammanställning ur registret över internationella aktiviteter, "
                           f"{report.generated.isoformat()}.")
    document.add_heading("Sammanfattning", level=1)
    _table(document, SUMMARY_HEADERS,
           [_summary(s) for s in [*report.sections, report.total]])
    if not report.sections:
        document.add_paragraph(f"Inga aktiviteter är registrerade för {report.year}.")
    for section in report.sections:
        _committee(document, section)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _committee(document: DocxDocument, section: CommitteeSection) -> None:
    document.add_heading(section.committee, level=1)
    document.add_heading("Aktiviteter", level=2)
    _table(document, ("Titel", "Typ", "Partner", "Land", "Period", "Deltagare", "Status"),
           [(a.title, label(a.kind), ", ".join(p for p in (a.partner_organisation,
                                                            a.partner_city) if p),
             countries.name_sv(a.country), period(a.start_date, a.end_date),
             str(a.participants or ""), label(a.status)) for a in section.activities])
    document.add_heading("Finansiering", level=2)
    for name, amounts in sorted(section.by_programme.items()) or [("Ingen finansiering", {})]:
        document.add_paragraph(f"{name}: {money(amounts)}" if amounts else name,
                               style="List Bullet")
    document.add_heading("Återrapportering efter utbyten", level=2)
    for activity in section.reported:
        heading = document.add_paragraph()
        heading.add_run(f"{activity.title} ({period(activity.start_date, activity.end_date)})"
                        ).bold = True
        for name in REPORT_FIELDS:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{FIELD_LABELS[name][0]}: ").italic = True
            paragraph.add_run(getattr(activity, name) or "saknas")
    if not section.reported:
        document.add_paragraph("Ingen återrapportering registrerad.")
    document.add_heading("Policymål som verksamheten bidragit till", level=2)
    for goal, count in sorted(section.goals.items(), key=lambda g: (-g[1], g[0])) or [
            ("Inga mål kopplade", 0)]:
        document.add_paragraph(f"{goal} ({count})" if count else goal, style="List Bullet")
    document.add_heading("Öppna uppföljningar", level=2)
    for follow_up in section.follow_ups:
        missing = ", ".join(FIELD_LABELS[m][0].lower() for m in follow_up.missing)
        document.add_paragraph(f"{follow_up.activity.title} (id {follow_up.activity.id}): "
                               f"saknar {missing}", style="List Bullet")
    if not section.follow_ups:
        document.add_paragraph("Inga.")


def _summary(section: CommitteeSection) -> tuple[str, ...]:
    return (section.committee, str(len(section.activities)), str(section.completed),
            str(section.participants), str(len(section.countries)),
            money(section.funding) or "–", str(len(section.follow_ups)))


def _table(document: DocxDocument, headers: tuple[str, ...],
           rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
