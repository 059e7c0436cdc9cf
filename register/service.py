"""The register's one front door: every front end (CLI, Slack, Teams) calls these methods.

Each write checks the actor's role first, validates the whole activity (all errors at once), then
runs in a single transaction that writes the row and its audit entry together, so there is never
a change without its history. Readers get ``ActivityRecord`` copies, never live ORM objects.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from register import committees as committee_names
from register import repository as repo
from register.errors import (
    ConflictError,
    NotFound,
    ValidationFailed,
    field_error,
    refused_field,
)
from register.messages import said
from register.models import Activity
from register.normalize import code_from_words, country_code
from register.roles import AccessPolicy, Action
from register.schemas import ActivityDraft, ActivityInput, ActivityRecord, AuditRecord, validate
from register.vocab import Kind, Status

log = logging.getLogger(__name__)
FIELDS = tuple(ActivityInput.model_fields)
# Kinds after which the policies ask for a written report (purpose, activities, lessons, use).
FOLLOW_UP_KINDS = (Kind.EXCHANGE, Kind.STUDY_VISIT, Kind.PROJECT)
ImportOutcome = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class FollowUp:
    """A completed activity whose after-exchange report is incomplete."""

    activity: ActivityRecord
    missing: list[str]


class RegisterService:
    """Create, change and read activities; ``sessions`` is a session factory (sessionmaker)."""

    def __init__(self, sessions: Callable[[], Session], *, access: AccessPolicy,
                 committees: Sequence[str],
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        self._sessions = sessions
        self._access = access
        self.committees = list(committees)
        self._clock = clock

    def create(self, actor: str, data: Mapping[str, Any] | ActivityDraft, *, channel: str = "",
               external_id: str | None = None) -> ActivityRecord:
        """Validate and store a new activity, with a 'create' audit entry."""
        actor = self._access.require(actor, Action.CREATE)
        values = validate(_as_dict(data), self.committees)
        _check_channel(channel)
        with self._transaction() as session:
            now = self._clock()
            row = repo.add_activity(session, data=values, actor=actor, channel=channel, now=now,
                                    external_id=external_id or str(uuid.uuid4()))
            repo.add_audit(session, activity_id=row.id, actor=actor, action="create",
                           changes=_diff({}, _stored(row)), note=None, now=now)
            return _record(row)

    def update(self, actor: str, activity_id: int, changes: Mapping[str, Any], *,
               expected_version: int | None = None, note: str | None = None) -> ActivityRecord:
        """Change some fields; the merged activity is validated as a whole."""
        actor = self._access.require(actor, Action.EDIT)
        return self._change(actor, activity_id, dict(changes), "update", note, expected_version)

    def cancel(self, actor: str, activity_id: int, reason: str | None = None) -> ActivityRecord:
        """Mark as cancelled (kept, reportable); cancelling twice changes nothing."""
        actor = self._access.require(actor, Action.CANCEL)
        return self._change(actor, activity_id, {"status": Status.CANCELLED}, "cancel", reason)

    def delete(self, actor: str, activity_id: int, reason: str | None = None) -> None:
        """Soft delete: hidden from lists and reports, kept with its whole history."""
        actor = self._access.require(actor, Action.DELETE)
        with self._transaction() as session:
            row = self._row(session, activity_id)
            now = self._clock()
            repo.mark_deleted(session, row, actor=actor, now=now)
            repo.add_audit(session, activity_id=row.id, actor=actor, action="delete",
                           changes={"deleted_at": {"old": None, "new": now.isoformat()}},
                           note=reason, now=now)

    def import_activity(self, actor: str, data: Mapping[str, Any], *, external_id: str,
                        channel: str = "import") -> tuple[ImportOutcome, ActivityRecord]:
        """Create or update by a stable external key, so importing twice changes nothing."""
        actor = self._access.require(actor, Action.IMPORT)
        if not external_id or len(external_id) > 36:
            raise ValidationFailed(
                [field_error("external_id", said("length_between", low=1, high=36))])
        with self._sessions() as session:
            existing = repo.get_by_external_id(session, external_id)
        if existing is None:
            return "created", self.create(actor, data, channel=channel, external_id=external_id)
        if existing.deleted_at is not None:
            raise NotFound(said("deleted", id=external_id))
        before = existing.version
        record = self._change(actor, existing.id, dict(data), "import", None)
        return ("unchanged" if record.version == before else "updated"), record

    def get(self, activity_id: int, *, include_deleted: bool = False) -> ActivityRecord:
        with self._sessions() as session:
            return _record(self._row(session, activity_id, include_deleted=include_deleted))

    def history(self, activity_id: int) -> list[AuditRecord]:
        """Every change, oldest first (deleted activities included: history is kept)."""
        with self._sessions() as session:
            self._row(session, activity_id, include_deleted=True)
            return [AuditRecord.model_validate(e) for e in repo.audit_trail(session, activity_id)]

    def search(self, *, municipality: str | None = None, year: int | None = None,
               committee: str | None = None, country: str | None = None,
               kind: str | None = None, status: str | None = None, text: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[ActivityRecord]:
        """List activities matching every given criterion (names in Swedish or English)."""
        where = self._filter(municipality, year, committee, country, kind, status, text,
                             limit, offset)
        with self._sessions() as session:
            return [_record(r) for r in repo.find_activities(session, where=where)]

    def missing_follow_up(self, *, year: int | None = None, committee: str | None = None,
                          municipality: str | None = None) -> list[FollowUp]:
        """Completed exchanges, study visits and projects without their after-report."""
        where = self._filter(municipality, year, committee, None, None, None, None, None, 0)
        with self._sessions() as session:
            rows = repo.missing_follow_up(session, kinds=FOLLOW_UP_KINDS, where=where)
            return [FollowUp(r, r.missing_report_fields()) for r in map(_record, rows)]

    def _change(self, actor: str, activity_id: int, changes: dict[str, Any], action: str,
                note: str | None, expected_version: int | None = None) -> ActivityRecord:
        unknown = sorted(set(changes) - set(FIELDS))
        if unknown:
            raise ValidationFailed(field_error(n, said("not_a_field")) for n in unknown)
        with self._transaction() as session:
            row = self._row(session, activity_id, for_update=True)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(said("changed_meanwhile"))
            current = _stored(row)
            known = self.committees if "committee" in changes else []
            values = validate({**current, **changes}, known).model_dump()
            diff = _diff(current, values)
            if diff:
                repo.apply_changes(session, row, values={k: values[k] for k in diff},
                                   now=self._clock())
                repo.add_audit(session, activity_id=row.id, actor=actor, action=action,
                               changes=diff, note=note, now=row.updated_at)
            return _record(row)

    def _filter(self, municipality: str | None, year: int | None, committee: str | None,
                country: str | None, kind: str | None, status: str | None, text: str | None,
                limit: int | None, offset: int) -> repo.ActivityFilter:
        errors = []
        values: dict[str, Any] = {}
        for name, raw, convert in (
                ("committee", committee, lambda v: committee_names.resolve(v, self.committees)),
                ("country", country, country_code),
                ("kind", kind, lambda v: Kind(code_from_words("kind", v))),
                ("status", status, lambda v: Status(code_from_words("status", v)))):
            try:
                values[name] = convert(raw) if raw else None
            except ValueError as exc:
                errors.append(refused_field(name, exc))
        if errors:
            raise ValidationFailed(errors, said("cannot_search"))
        return repo.ActivityFilter(municipality=municipality, year=year, text=text,
                                   limit=limit, offset=max(0, offset), **values)

    def _row(self, session: Session, activity_id: int, *, include_deleted: bool = False,
             for_update: bool = False) -> Activity:
        row = repo.get_activity(session, activity_id, include_deleted=include_deleted,
                                for_update=for_update)
        if row is None:
            raise NotFound(said("no_activity", id=activity_id))
        return row

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise ConflictError(said("changed_meanwhile")) from exc
            except IntegrityError as exc:  # e.g. two imports racing to create one external id
                raise ConflictError(said("conflicts", detail=exc.orig)) from exc


def _as_dict(data: Mapping[str, Any] | ActivityDraft) -> dict[str, Any]:
    if isinstance(data, ActivityDraft):
        return data.model_dump(exclude_none=True)
    return dict(data)


def _stored(row: Activity) -> dict[str, Any]:
    return {name: getattr(row, name) for name in FIELDS}


def _record(row: Activity) -> ActivityRecord:
    return ActivityRecord.model_construct(**{n: getattr(row, n)
                                             for n in ActivityRecord.model_fields})


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """field → {"old", "new"} for each changed field, as JSON-ready values."""
    return {name: {"old": _plain(old.get(name)), "new": _plain(new.get(name))}
            for name in new if _plain(old.get(name)) != _plain(new.get(name))
            and not (old.get(name) is None and new.get(name) in (None, []))}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, int | str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value)


def _check_channel(channel: str) -> None:
    if len(channel) > 200:
        raise ValidationFailed([field_error("channel", said("longer_than", n=200))])
