"""The annual report on international activities, per committee, as the policies ask for it.

``build_report`` gathers the facts once (activities, partners, participants, funding, the
after-exchange reports, goals served, open follow-ups); the renderers (Markdown and CSV here,
DOCX in ``report_docx``) only lay them out, so every format says the same. The report is in
Swedish, the language of the committees that receive it. User text is escaped for Markdown so a
title like ``<script>`` or ``| *x* |`` is shown as written, never interpreted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from register import countries
from register.csv_io import safe_cell
from register.fields import FIELD_LABELS
from register.schemas import REPORT_FIELDS, ActivityRecord
from register.service import FollowUp, RegisterService
from register.vocab import Status, label

MONTHS_SV = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
             "september", "oktober", "november", "december")
SUMMARY_HEADERS = ("Nämnd/förvaltning", "Aktiviteter", "Genomförda", "Deltagare", "Länder",
                   "Finansiering", "Öppna uppföljningar")


@dataclass
class CommitteeSection:
    committee: str
    activities: list[ActivityRecord]
    follow_ups: list[FollowUp]
    participants: int = 0
    funding: dict[str, Decimal] = field(default_factory=dict)
    by_programme: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    goals: Counter[str] = field(default_factory=Counter)

    @property
    def completed(self) -> int:
        return sum(1 for a in self.activities if a.status is Status.COMPLETED)

    @property
    def countries(self) -> list[str]:
        return sorted({a.country for a in self.activities}, key=countries.name_sv)

    @property
    def partners(self) -> list[tuple[str, str, str]]:
        return sorted({(a.partner_organisation or "", a.partner_city or "", a.country)
                       for a in self.activities if a.partner_organisation or a.partner_city})

    @property
    def reported(self) -> list[ActivityRecord]:
        """Completed activities with an after-exchange report (lessons or use of results)."""
        return [a for a in self.activities if a.status is Status.COMPLETED
                and (a.lessons_learned or a.use_of_results)]


@dataclass
class AnnualReport:
    year: int
    municipality: str | None
    generated: dt.date
    sections: list[CommitteeSection]

    @property
    def total(self) -> CommitteeSection:
        everything = CommitteeSection("Totalt", [a for s in self.sections for a in s.activities],
                                      [f for s in self.sections for f in s.follow_ups])
        _tally(everything)
        return everything


def build_report(service: RegisterService, year: int, *, committee: str | None = None,
                 municipality: str | None = None) -> AnnualReport:
    """Every activity touching ``year`` (cancelled ones shown, not counted as participants)."""
    records = service.search(year=year, committee=committee, municipality=municipality)
    follow_ups = service.missing_follow_up(year=year, committee=committee,
                                           municipality=municipality)
    grouped: dict[str, list[ActivityRecord]] = defaultdict(list)
    for record in records:
        grouped[record.committee].append(record)
    sections = []
    for name in sorted(grouped):
        section = CommitteeSection(name, grouped[name],
                                   [f for f in follow_ups if f.activity.committee == name])
        _tally(section)
        sections.append(section)
    return AnnualReport(year, municipality, dt.date.today(), sections)


def _tally(section: CommitteeSection) -> None:
    for activity in section.activities:
        if activity.status is Status.CANCELLED:
            continue
        section.participants += activity.participants or 0
        section.goals.update(activity.goals)
        if activity.funding_amount is not None and activity.currency:
            section.funding[activity.currency] = (section.funding.get(activity.currency, 0)
                                                  + activity.funding_amount)
            programme = section.by_programme.setdefault(
                activity.programme or activity.funding_source or "Övrigt", {})
            programme[activity.currency] = (programme.get(activity.currency, 0)
                                            + activity.funding_amount)


def render_markdown(report: AnnualReport) -> str:
    where = f" — {md(report.municipality)}" if report.municipality else ""
    out = [f"# Internationell verksamhet {report.year}{where}", "",
           f"Sammanställning ur registret över internationella aktiviteter, "
           f"{report.generated.isoformat()}.", "", "## Sammanfattning", "",
           _row(SUMMARY_HEADERS), "|" + "---|" + "---:|" * 5 + "---:|"]
    for section in [*report.sections, report.total]:
        out.append(_row(_summary_cells(section)))
    if not report.sections:
        out += ["", f"Inga aktiviteter är registrerade för {report.year}."]
    for section in report.sections:
        out += ["", f"## {md(section.committee)}", "", "### Aktiviteter", "",
                _row(("Titel", "Typ", "Partner", "Land", "Period", "Deltagare", "Status")),
                "|---|---|---|---|---|---:|---|"]
        out += [_row((md(a.title), label(a.kind), md(_partner(a)), countries.name_sv(a.country),
                      period(a.start_date, a.end_date), str(a.participants or ""),
                      label(a.status))) for a in section.activities]
        out += ["", "### Samarbetspartner och länder", ""]
        out += [f"- {md(org or city)}{', ' + md(city) if org and city else ''} "
                f"({countries.name_sv(code)})" for org, city, code in section.partners]
        out += ["", "### Finansiering", ""]
        out += [f"- {md(name)}: {money(amounts)}" for name, amounts in
                sorted(section.by_programme.items())] or ["- Ingen finansiering registrerad."]
        out += ["", "### Återrapportering efter utbyten", ""]
        for a in section.reported:
            out.append(f"**{md(a.title)}** ({period(a.start_date, a.end_date)})")
            out += [f"- *{FIELD_LABELS[f][0]}:* {md(getattr(a, f))}" for f in REPORT_FIELDS
                    if getattr(a, f)]
            out.append("")
        if not section.reported:
            out += ["Ingen återrapportering registrerad.", ""]
        out += ["### Policymål som verksamheten bidragit till", ""]
        out += [f"- {md(goal)} ({n} aktivitet{'er' if n > 1 else ''})"
                for goal, n in sorted(section.goals.items(), key=lambda g: (-g[1], g[0]))] or [
                    "- Inga mål kopplade."]
        out += ["", "### Öppna uppföljningar", ""]
        out += [f"- {md(f.activity.title)} (id {f.activity.id}, "
                f"{period(f.activity.start_date, f.activity.end_date)}): saknar "
                + ", ".join(FIELD_LABELS[m][0].lower() for m in f.missing)
                for f in section.follow_ups] or ["- Inga."]
    return "\n".join(out) + "\n"


def render_csv(report: AnnualReport) -> str:
    """One row per activity with the report's columns, for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Nämnd/förvaltning", "Id", "Titel", "Typ", "Samverkansform", "Partner",
                     "Land", "Start", "Slut", "Deltagare", "Målgrupp", "Program", "Belopp",
                     "Valuta", "Status", "Policymål", "Återrapportering saknas"])
    open_ids = {f.activity.id: f.missing for s in report.sections for f in s.follow_ups}
    for section in report.sections:
        for a in section.activities:
            writer.writerow([safe_cell(v) for v in (
                a.committee, a.id, a.title, label(a.kind), label(a.form), _partner(a),
                countries.name_sv(a.country), a.start_date, a.end_date or "",
                a.participants or "", label(a.target_group), a.programme or "",
                a.funding_amount or "", a.currency or "", label(a.status), "; ".join(a.goals),
                ", ".join(open_ids.get(a.id, [])))])
    return buffer.getvalue()


def _summary_cells(section: CommitteeSection) -> tuple[str, ...]:
    name = md(section.committee) if section.committee != "Totalt" else "**Totalt**"
    return (name, str(len(section.activities)), str(section.completed), str(section.participants),
            str(len(section.countries)), money(section.funding) or "–",
            str(len(section.follow_ups)))


def _partner(a: ActivityRecord) -> str:
    return ", ".join(p for p in (a.partner_organisation, a.partner_city) if p)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def md(text: str | None) -> str:
    """Markdown-safe text on one line: markup characters are escaped, newlines become spaces."""
    flat = " ".join((text or "").split())
    return re.sub(r"([\\`*_{}\[\]<>|&~#!])", r"\\\1", flat)


def money(amounts: dict[str, Decimal]) -> str:
    """"450 000 SEK + 12 000 EUR", Swedish digit grouping."""
    return " + ".join(f"{_grouped(v)} {c}" for c, v in sorted(amounts.items()))


def _grouped(value: Decimal) -> str:
    whole, _, cents = f"{value:,.2f}".partition(".")
    whole = whole.replace(",", "\u00a0")
    return whole if cents == "00" else f"{whole},{cents}"


def period(start: dt.date, end: dt.date | None) -> str:
    """"3–7 maj 2026", "30 december 2026 – 5 januari 2027"."""
    def day(d: dt.date, year: bool = True) -> str:
        return f"{d.day} {MONTHS_SV[d.month - 1]}" + (f" {d.year}" if year else "")

    if end is None or end == start:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{day(start, False)} – {day(end)}"
    return f"{day(start)} – {day(end)}"
