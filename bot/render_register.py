"""Rich tables for the register; everything a user typed is shown as plain Text, never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from register import fields
from register import report as annual
from register.schemas import ActivityRecord
from register.vocab import label


def values_table(values: dict[str, Any], title: str = "Activity") -> Table:
    table = Table("Field", "Value", title=title, show_header=False)
    for name, (sv, _en) in fields.FIELD_LABELS.items():
        if shown := fields.display_value(name, values.get(name)):
            table.add_row(sv, Text(shown))
    return table


def history_table(history: Sequence[Any]) -> Table:
    table = Table("When", "Who", "What", "Changes", title="History")
    for entry in history:
        note = f" ({entry.note})" if entry.note else ""
        table.add_row(entry.at.strftime("%Y-%m-%d %H:%M"), Text(entry.actor), entry.action,
                      Text(fields.describe_changes(entry.changes) + note))
    return table


def activities_table(records: Sequence[ActivityRecord]) -> Table:
    table = Table("Id", "Title", "Committee", "Kind", "Country", "Period", "Status",
                  title=f"{len(records)} activities")
    for a in records:
        table.add_row(str(a.id), Text(a.title), Text(a.committee), label(a.kind), a.country,
                      annual.period(a.start_date, a.end_date), label(a.status))
    return table


def followups_table(found: Sequence[Any]) -> Table:
    table = Table("Id", "Title", "Committee", "Ended", "Missing", title="Open follow-ups")
    for f in found:
        a = f.activity
        table.add_row(str(a.id), Text(a.title), Text(a.committee),
                      str(a.end_date or a.start_date), ", ".join(f.missing))
    return table
