"""RegisterService on SQLite and PostgreSQL: writes, audit, soft delete, search, follow-ups."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import COORDINATOR, ActivityFactory

from register.errors import ConflictError, NotFound, PermissionDenied, ValidationFailed
from register.service import RegisterService
from register.vocab import Form, Kind, Status, TargetGroup


def test_create_normalises_and_writes_one_audit_entry(service: RegisterService,
                                                      activity: ActivityFactory) -> None:
    record = service.create(COORDINATOR, activity(committee="BUN", country="Norge",
                                                  kind="utbyte", target_group="elever"),
                            channel="slack:C01")
    assert record.committee == "Barn- och utbildningsnämnden"
    assert (record.country, record.kind, record.target_group) == ("NO", Kind.EXCHANGE,
                                                                  TargetGroup.PUPILS)
    assert record.funding_amount == Decimal("120000.00") and record.status is Status.PLANNED
    assert (record.logged_by, record.channel, record.version) == (COORDINATOR, "slack:C01", 1)
    assert record.created_at.tzinfo is not None
    [entry] = service.history(record.id)
    assert entry.action == "create" and entry.actor == COORDINATOR
    assert entry.changes["country"] == {"old": None, "new": "NO"}
    assert service.get(record.id) == record


def test_update_records_field_old_and_new(service: RegisterService,
                                          activity: ActivityFactory) -> None:
    record = service.create("cli:anna", activity())
    updated = service.update("cli:anna", record.id, {"status": "genomförd", "participants": 27,
                                                     "lessons_learned": "Börja tidigare."})
    assert updated.status is Status.COMPLETED and updated.version == 2
    last = service.history(record.id)[-1]
    assert last.action == "update" and last.changes == {
        "status": {"old": "planned", "new": "completed"},
        "participants": {"old": 25, "new": 27},
        "lessons_learned": {"old": None, "new": "Börja tidigare."}}
    same = service.update("cli:anna", record.id, {"participants": 27})
    assert same.version == 2 and len(service.history(record.id)) == 2  # no change, no entry


def test_update_validates_the_merged_activity(service: RegisterService,
                                              activity: ActivityFactory) -> None:
    record = service.create("cli:anna", activity())
    with pytest.raises(ValidationFailed) as caught:
        service.update("cli:anna", record.id, {"end_date": "2026-05-01", "colour": "red"})
    assert caught.value.fields == {"colour"}
    with pytest.raises(ValidationFailed) as caught:
        service.update("cli:anna", record.id, {"end_date": "2026-05-01"})
    assert caught.value.fields == {"end_date"}
    assert service.get(record.id).end_date == dt.date(2026, 5, 7)


def test_stale_version_is_a_conflict(service: RegisterService, activity: ActivityFactory) -> None:
    record = service.create("cli:anna", activity())
    service.update("cli:anna", record.id, {"participants": 30}, expected_version=1)
    with pytest.raises(ConflictError, match="changed by someone else"):
        service.update("cli:anna", record.id, {"participants": 31}, expected_version=1)


def test_cancel_and_soft_delete_keep_the_history(service: RegisterService,
                                                 activity: ActivityFactory) -> None:
    record = service.create("cli:anna", activity())
    assert service.cancel("cli:anna", record.id, "Inställt p.g.a. strejk").status \
        is Status.CANCELLED
    service.delete("cli:anna", record.id, "dubblett")
    with pytest.raises(NotFound):
        service.get(record.id)
    assert service.search() == []
    kept = service.get(record.id, include_deleted=True)
    assert kept.deleted_by == "cli:anna" and kept.deleted_at is not None
    assert [e.action for e in service.history(record.id)] == ["create", "cancel", "delete"]
    assert service.history(record.id)[1].note == "Inställt p.g.a. strejk"


def test_only_coordinators_write_and_the_refusal_says_why(service: RegisterService,
                                                          activity: ActivityFactory) -> None:
    record = service.create(COORDINATOR, activity())
    for write in (lambda: service.create("slack:U999", activity()),
                  lambda: service.update("slack:U999", record.id, {"participants": 1}),
                  lambda: service.cancel("slack:U999", record.id),
                  lambda: service.delete("teams:abc", record.id)):
        with pytest.raises(PermissionDenied, match="only register coordinators"):
            write()
    with pytest.raises(PermissionDenied, match="platform:user_id"):
        service.create("anna", activity())
    assert service.get(record.id).version == 1  # anyone may read
    assert len(service.history(record.id)) == 1


def test_search_by_each_criterion(service: RegisterService, activity: ActivityFactory) -> None:
    time = service.create("cli:anna", activity())
    tartu = service.create("cli:anna", activity(
        title="Studiebesök om äldreomsorg", kind="study_visit", form="other", country="EE",
        committee="Vård- och omsorgsnämnden", partner_organisation="Tartu linn",
        start_date="2025-11-28", end_date="2026-01-02", status="completed"))
    old = service.create("cli:anna", activity(start_date="2024-03-01", end_date=None,
                                              title="Vänortsmöte ÅLAND", country="AX"))
    ids = lambda records: {r.id for r in records}  # noqa: E731
    assert ids(service.search(year=2026)) == {time.id, tartu.id}
    assert ids(service.search(year=2025)) == {tartu.id}
    assert ids(service.search(committee="VON")) == {tartu.id}
    assert ids(service.search(country="Estland")) == {tartu.id}
    assert ids(service.search(kind="studiebesök")) == {tartu.id}
    assert ids(service.search(status="genomförd")) == {tartu.id}
    assert ids(service.search(text="åland")) == {old.id}  # non-ASCII case folding
    assert ids(service.search(text="norge")) == {time.id, old.id} - {old.id}
    assert ids(service.search(text="100%")) == set()  # LIKE wildcards are literal
    assert ids(service.search(municipality="Eksjö", limit=1)) <= {time.id, tartu.id, old.id}
    with pytest.raises(ValidationFailed, match="Cannot search") as caught:
        service.search(country="Narnia", committee="Barnnämnden")
    assert caught.value.fields == {"country", "committee"}


def test_missing_follow_up_lists_completed_exchanges_without_their_report(
        service: RegisterService, activity: ActivityFactory) -> None:
    done = service.create("cli:anna", activity(status="completed", purpose="Språkträning"))
    service.create("cli:anna", activity(status="completed", purpose="Språk", activities="Skola",
                                        lessons_learned="Mycket", use_of_results="Spridning"))
    service.create("cli:anna", activity(status="planned"))
    service.create("cli:anna", activity(status="completed", kind="network", form="other"))
    [found] = service.missing_follow_up(year=2026)
    assert found.activity.id == done.id
    assert found.missing == ["activities", "lessons_learned", "use_of_results"]
    service.update("cli:anna", done.id, {"activities": "Lektioner", "lessons_learned": "A",
                                         "use_of_results": "B"})
    assert service.missing_follow_up() == []


def test_import_is_idempotent_by_external_id(service: RegisterService,
                                             activity: ActivityFactory) -> None:
    outcome, first = service.import_activity("cli:anna", activity(), external_id="ext-1")
    assert outcome == "created" and first.external_id == "ext-1"
    assert service.import_activity("cli:anna", activity(), external_id="ext-1")[0] == "unchanged"
    outcome, second = service.import_activity("cli:anna", activity(participants=30),
                                              external_id="ext-1")
    assert (outcome, second.id, second.participants) == ("updated", first.id, 30)
    assert [e.action for e in service.history(first.id)] == ["create", "import"]
    service.delete("cli:anna", first.id)
    with pytest.raises(NotFound, match="deleted"):
        service.import_activity("cli:anna", activity(), external_id="ext-1")


def test_forms_and_kinds_round_trip(service: RegisterService, activity: ActivityFactory) -> None:
    record = service.create("cli:anna", activity(kind="vänort", form="Kommunalt partnerskap",
                                                 status="vilande", goals="Mål 1; Mål 2"))
    assert (record.kind, record.form, record.status) == (Kind.TWIN_TOWN,
                                                         Form.MUNICIPAL_PARTNERSHIP,
                                                         Status.DORMANT)
    assert service.get(record.id).goals == ["Mål 1", "Mål 2"]
