"""CSV export and import of the whole register, for spreadsheets and moving between systems.

Rows are keyed by ``external_id``, so importing the same file twice changes nothing, and a file
exported, edited in Excel and imported again updates the activities in place (with audit
entries). Each row is its own transaction: a bad row is reported with its line number and writes
nothing, the good rows around it still go in. Cells that a spreadsheet would run as a formula
(``=…``, ``+…``, ``-…``, ``@…``) are written with a leading apostrophe and read back without it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from register.errors import PermissionDenied, RegisterError
from register.schemas import ActivityInput, ActivityRecord

FIELDS = tuple(ActivityInput.model_fields)
COLUMNS = ("external_id", *FIELDS, "id", "logged_by", "channel", "created_at", "updated_at")
READ_ONLY = {"id", "logged_by", "channel", "created_at", "updated_at"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ImportService(Protocol):
    """What the import needs from the service (``RegisterService`` provides it)."""

    def import_activity(self, actor: str, data: Mapping[str, Any], *, external_id: str,
                        channel: str = ...) -> tuple[str, ActivityRecord]: ...


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def safe_cell(value: object) -> str:
    """The cell text, made inert for spreadsheets (CSV formula injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def unsafe_cell(text: str) -> str:
    """Undo ``safe_cell``."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def write_csv(records: Iterable[ActivityRecord], out: TextIO) -> int:
    """Write every record with all its fields; returns the number of rows."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow([safe_cell(_cell(getattr(record, column))) for column in COLUMNS])
        count += 1
    return count


def read_csv(service: ImportService, actor: str, source: TextIO, *,
             channel: str = "csv-import") -> ImportReport:
    """Import rows by external_id; every row is checked, and reported, on its own."""
    report = ImportReport()
    text = source.read()
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect)
    columns = set(reader.fieldnames or [])
    if "external_id" not in columns:
        report.errors.append((1, "the header has no external_id column (export writes one)"))
        return report
    unknown = sorted(columns - set(COLUMNS))
    if unknown:
        report.warnings.append(f"ignored unknown columns: {', '.join(unknown)}")
    try:
        for row in reader:
            _import_row(service, actor, row, reader.line_num, channel, report)
    except csv.Error as exc:
        report.errors.append((reader.line_num, f"unreadable CSV: {exc}"))
    return report


def _import_row(service: ImportService, actor: str, row: dict[str, Any], line: int,
                channel: str, report: ImportReport) -> None:
    if None in row:
        report.errors.append((line, "more cells than the header has columns"))
        return
    external_id = unsafe_cell((row.get("external_id") or "").strip())
    if not external_id:
        report.errors.append((line, "external_id is empty: give each row a stable id"))
        return
    data = {name: unsafe_cell(row[name]) if row.get(name) else None
            for name in FIELDS if name in row}
    try:
        outcome, _record = service.import_activity(actor, data, external_id=external_id,
                                                   channel=channel)
    except PermissionDenied:
        raise  # the same for every row: stop at once with the reason
    except RegisterError as exc:
        report.errors.append((line, str(exc).replace("\n", " ")))
        return
    setattr(report, outcome, getattr(report, outcome) + 1)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)
