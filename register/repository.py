"""All SQL on activities and their audit trail.

Functions take the session first, flush so ids and constraint errors appear at once, and never
commit: the service owns each transaction (``with session.begin():``), so one call is one
all-or-nothing change. Deleted activities stay in the table (soft delete) and are left out of
every query unless asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from register import countries
from register.models import Activity, AuditEntry
from register.normalize import search_text
from register.schemas import REPORT_FIELDS, ActivityInput
from register.vocab import Kind, Status

SEARCHED = ("title", "partner_organisation", "partner_city", "committee", "programme",
            "funding_source", "purpose", "activities", "lessons_learned", "use_of_results",
            "cost_split", "contact_person", "decision_body", "decision_ref")


@dataclass(frozen=True)
class ActivityFilter:
    """What to list; every criterion is optional and they combine with AND."""

    municipality: str | None = None
    year: int | None = None
    committee: str | None = None
    country: str | None = None
    kind: Kind | None = None
    status: Status | None = None
    text: str | None = None
    include_deleted: bool = False
    limit: int | None = None
    offset: int = 0


def add_activity(session: Session, *, data: ActivityInput, external_id: str, actor: str,
                 channel: str, now: dt.datetime) -> Activity:
    row = Activity(**data.model_dump(), external_id=external_id, logged_by=actor,
                   channel=channel, created_at=now, updated_at=now)
    row.search_text = _search_text(row)
    session.add(row)
    session.flush()
    return row


def apply_changes(session: Session, row: Activity, *, values: dict[str, Any],
                  now: dt.datetime) -> None:
    for name, value in values.items():
        setattr(row, name, value)
    row.search_text = _search_text(row)
    row.updated_at = now
    session.flush()


def mark_deleted(session: Session, row: Activity, *, actor: str, now: dt.datetime) -> None:
    row.deleted_at = now
    row.deleted_by = actor
    row.updated_at = now
    session.flush()


def get_activity(session: Session, activity_id: int, *, include_deleted: bool = False,
                 for_update: bool = False) -> Activity | None:
    statement = select(Activity).where(Activity.id == activity_id)
    if not include_deleted:
        statement = statement.where(Activity.deleted_at.is_(None))
    if for_update:
        statement = statement.with_for_update()
    return session.scalar(statement)


def get_by_external_id(session: Session, external_id: str, *,
                       for_update: bool = False) -> Activity | None:
    """Deleted rows included: an import must not resurrect what someone deleted."""
    statement = select(Activity).where(Activity.external_id == external_id)
    return session.scalar(statement.with_for_update() if for_update else statement)


def find_activities(session: Session, *, where: ActivityFilter) -> list[Activity]:
    statement = _filtered(select(Activity), where).order_by(
        Activity.committee, Activity.start_date, Activity.id).offset(where.offset)
    if where.limit is not None:
        statement = statement.limit(where.limit)
    return list(session.scalars(statement))


def count_activities(session: Session, *, where: ActivityFilter) -> int:
    return int(session.scalar(_filtered(select(func.count(Activity.id)), where)) or 0)


def missing_follow_up(session: Session, *, kinds: tuple[Kind, ...],
                      where: ActivityFilter) -> list[Activity]:
    """Completed activities of ``kinds`` with any after-exchange report field empty."""
    empty = [or_(getattr(Activity, name).is_(None), getattr(Activity, name) == "")
             for name in REPORT_FIELDS]
    statement = _filtered(select(Activity), where).where(
        Activity.status == Status.COMPLETED, Activity.kind.in_(kinds), or_(*empty))
    return list(session.scalars(statement.order_by(Activity.committee, Activity.start_date,
                                                   Activity.id)))


def add_audit(session: Session, *, activity_id: int, actor: str, action: str,
              changes: dict[str, Any], note: str | None, now: dt.datetime) -> AuditEntry:
    entry = AuditEntry(activity_id=activity_id, actor=actor, action=action, changes=changes,
                       note=note, at=now)
    session.add(entry)
    session.flush()
    return entry


def audit_trail(session: Session, activity_id: int) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(
        AuditEntry.activity_id == activity_id).order_by(AuditEntry.at, AuditEntry.id)))


def _filtered(statement: Select[Any], where: ActivityFilter) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if not where.include_deleted:
        conditions.append(Activity.deleted_at.is_(None))
    if where.municipality:
        conditions.append(Activity.municipality == where.municipality)
    if where.year is not None:
        conditions.append(Activity.start_date <= dt.date(where.year, 12, 31))
        conditions.append(func.coalesce(Activity.end_date, Activity.start_date)
                          >= dt.date(where.year, 1, 1))
    for column, value in ((Activity.committee, where.committee),
                          (Activity.country, where.country), (Activity.kind, where.kind),
                          (Activity.status, where.status)):
        if value is not None:
            conditions.append(column == value)
    for term in search_text(where.text or "").split():
        conditions.append(Activity.search_text.contains(term, autoescape=True))
    return statement.where(and_(*conditions)) if conditions else statement


def _search_text(row: Activity) -> str:
    return search_text(*(getattr(row, name) for name in SEARCHED), *row.goals,
                       countries.name_sv(row.country), countries.name_en(row.country))
