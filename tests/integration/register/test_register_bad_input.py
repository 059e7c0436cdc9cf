"""Bad input gets a clear message and writes nothing; hostile text is stored literally and
rendered inert in every output (Markdown, CSV, DOCX, Rich)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ActivityFactory
from docx import Document
from rich.console import Console
from rich.text import Text
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from register.csv_io import write_csv
from register.errors import PermissionDenied, RegisterError, ValidationFailed
from register.models import Activity, AuditEntry
from register.report import build_report, render_markdown
from register.report_docx import write_docx
from register.service import RegisterService

HOSTILE = ("'; DROP TABLE activities; -- <script>alert(1)</script> [red]x[/red] **b** | "
           "=HYPERLINK(\"http://evil\") {{7*7}} %s $(rm -rf /)")
TEXT_FIELDS = ("title", "partner_organisation", "partner_city", "purpose", "activities",
               "lessons_learned", "use_of_results", "funding_source", "programme", "cost_split",
               "decision_body", "decision_ref", "contact_person")


def counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        return (session.scalar(select(func.count(Activity.id))) or 0,
                session.scalar(select(func.count(AuditEntry.id))) or 0)


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"country": "Narnia"}, "country", "unknown country 'Narnia'"),
    ({"country": "Norgee"}, "country", "did you mean Norge"),
    ({"end_date": "2026-05-01"}, "end_date", "before it starts"),
    ({"participants": -3}, "participants", "at least 0"),
    ({"purpose": "x" * 10_485_760}, "purpose", "too long (10,485,760 characters; at most"),
    ({"committee": "Barnnämnden"}, "committee", "'Barn- och utbildningsnämnden'"),
    ({"start_date": "31 februari 2026"}, "start_date", "not a valid date"),
    ({"currency": "XYZ"}, "currency", "not an ISO 4217"),
    ({"title": "bad\x00nul"}, "title", "control characters"),
    ({"kind": "flygning"}, "kind", "is not one of"),
    ({"title": ""}, "title", "is required"),
])
def test_bad_field_is_refused_with_a_clear_message_and_nothing_written(
        service: RegisterService, sessions: sessionmaker[Session], activity: ActivityFactory,
        changes: dict[str, object], field: str, message: str) -> None:
    before = counts(sessions)
    with pytest.raises(ValidationFailed) as caught:
        service.create("cli:anna", activity(**changes))
    assert caught.value.fields == {field}
    assert message in str(caught.value) and len(str(caught.value)) < 2_000
    assert counts(sessions) == before


def test_every_problem_is_reported_at_once(service: RegisterService,
                                           activity: ActivityFactory) -> None:
    with pytest.raises(ValidationFailed) as caught:
        service.create("cli:anna", activity(country="Narnia", end_date="2026-01-01",
                                            participants=-1, committee="Nämnden för rymden",
                                            funding_amount="5", currency=None, extra="x"))
    assert caught.value.fields == {"country", "end_date", "participants", "committee",
                                   "funding_amount", "extra"}


def test_unauthorised_user_writes_nothing(service: RegisterService,
                                          sessions: sessionmaker[Session],
                                          activity: ActivityFactory) -> None:
    before = counts(sessions)
    with pytest.raises(PermissionDenied, match="You may not create"):
        service.create("slack:U999", activity(country="Narnia"))  # refused before validation
    assert counts(sessions) == before


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_sql_and_markup_are_stored_literally(service: RegisterService,
                                             activity: ActivityFactory, field: str) -> None:
    value = HOSTILE[:100] if field in ("partner_city", "programme", "decision_ref") else HOSTILE
    record = service.create("cli:anna", activity(**{field: value}))
    assert getattr(service.get(record.id), field) == value
    assert service.search(text="drop table")[0].id == record.id


def test_hostile_text_is_inert_in_every_rendering(service: RegisterService,
                                                  activity: ActivityFactory,
                                                  tmp_path: Path) -> None:
    service.create("cli:anna", activity(title=HOSTILE, purpose=HOSTILE, status="completed",
                                        lessons_learned=HOSTILE, use_of_results="x",
                                        activities="y", goals=[HOSTILE[:150]]))
    report = build_report(service, 2026)
    markdown = render_markdown(report)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*\\*b\\*\\* \\|" in markdown  # no bold, no extra table column
    out = io.StringIO()
    write_csv(service.search(), out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["title"] == HOSTILE  # starts with a quote, not a formula: unchanged
    path = write_docx(report, tmp_path / "r.docx")
    assert HOSTILE in "\n".join(p.text for p in Document(str(path)).paragraphs)
    console = Console(record=True, width=400)
    console.print(Text(HOSTILE))
    assert "[red]x[/red]" in console.export_text()


def test_error_messages_are_register_errors(service: RegisterService) -> None:
    checks: list[Callable[[], object]] = [lambda: service.get(999_999),
                                          lambda: service.history(999_999)]
    for check in checks:
        with pytest.raises(RegisterError, match="There is no activity 999999"):
            check()
