"""CSV export and import: round trip, idempotence, per-row errors, formula injection."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import ActivityFactory

from register.csv_io import COLUMNS, read_csv, safe_cell, unsafe_cell, write_csv
from register.errors import PermissionDenied
from register.service import RegisterService


def exported(service: RegisterService) -> str:
    out = io.StringIO()
    write_csv(service.search(), out)
    return out.getvalue()


def test_export_then_import_changes_nothing(service: RegisterService,
                                            activity: ActivityFactory) -> None:
    service.create("cli:anna", activity(goals=["Mål A", "Mål B"], purpose="Rad 1\nRad 2"))
    service.create("cli:anna", activity(title="=SUM(A1:A9)", country="EE"))
    text = exported(service)
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)
    assert "'=SUM(A1:A9)" in text  # a spreadsheet shows it as text, never runs it
    report = read_csv(service, "cli:anna", io.StringIO(text))
    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 2, [])
    assert {r.title for r in service.search()} == {"Elevutbyte med Time kommune", "=SUM(A1:A9)"}


def test_import_creates_updates_and_reports_bad_rows(service: RegisterService,
                                                     activity: ActivityFactory) -> None:
    service.create("cli:anna", activity())
    rows = list(csv.DictReader(io.StringIO(exported(service))))
    rows[0]["participants"] = "40"
    new = {**rows[0], "external_id": "new-1", "title": "Nytt utbyte", "id": ""}
    bad = {**rows[0], "external_id": "bad-1", "country": "Narnia", "end_date": "2020-01-01"}
    nameless = {**rows[0], "external_id": ""}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), delimiter=";")  # Swedish Excel
    writer.writeheader()
    writer.writerows([rows[0], new, bad, nameless])
    report = read_csv(service, "cli:anna", io.StringIO("\ufeff" + out.getvalue()))
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    assert [line for line, _ in report.errors] == [4, 5]
    assert "country: unknown country 'Narnia'" in report.errors[0][1]
    assert "end_date" in report.errors[0][1]
    assert {r.title: r.participants for r in service.search()} == {
        "Elevutbyte med Time kommune": 40, "Nytt utbyte": 40}  # the bad row wrote nothing
    again = read_csv(service, "cli:anna", io.StringIO(out.getvalue()))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_import_needs_the_key_column_and_a_coordinator(service: RegisterService) -> None:
    report = read_csv(service, "cli:anna", io.StringIO("title,country\nX,SE\n"))
    assert report.errors == [(1, "the header has no external_id column (export writes one)")]
    with pytest.raises(PermissionDenied):
        read_csv(service, "slack:U999", io.StringIO("external_id,title\nx,Y\n"))


@pytest.mark.parametrize("text", ["=1+1", "+46 70", "-5", "@SUM(A1)", "plain", "'quoted"])
def test_formula_guard_round_trips(text: str) -> None:
    assert unsafe_cell(safe_cell(text)) == text
    assert not safe_cell(text).startswith(("=", "+", "-", "@"))
