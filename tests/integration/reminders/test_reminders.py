"""Reminders over the real policy facts and a real register (SQLite), on a test clock."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.reminders.render import digest
from bot.reminders.service import ReminderRules, Reminders
from bot.settings import Settings
from bot.wiring_register import Register, build_register
from knowledge.service import PolicyService

D = dt.date
COORDINATOR = "cli:anna"
ACTIVITY: dict[str, Any] = {
    "municipality": "Kungsbacka", "committee": "Kommunstyrelsen", "kind": "exchange",
    "form": "other", "title": "Ungdomsutbyte med Kerava", "country": "FI",
    "start_date": "2026-08-10", "end_date": "2026-08-14", "status": "completed"}


@pytest.fixture
def register(tmp_path: Path) -> Register:
    return build_register(Settings(_env_file=None, data_dir=tmp_path,
                                   coordinators=[COORDINATOR]))


def reminders(service: PolicyService, register: Register, **annual: str) -> Reminders:
    return Reminders(service.briefing, service.municipalities, register.service,
                     register.reminders, ReminderRules.of(30, annual))


def test_a_policy_adopted_in_one_term_is_due_for_revision_by_the_end_of_the_next(
        service: PolicyService, register: Register) -> None:
    found = reminders(service, register).due(D(2026, 9, 1), 60, "Eksjö")
    revision = next(r for r in found if r.kind == "revision")
    assert revision.due == D(2026, 10, 14) and revision.period == "2022–2026"
    assert "utvärderas en gång per mandatperiod" in revision.citation.quote  # type: ignore[union-attr]
    soon = reminders(service, register).due(D(2026, 9, 1), 30, "Eksjö")
    assert all(r.kind != "revision" for r in soon)  # 43 days away: not within 30


def test_a_policy_without_an_adoption_date_says_it_cannot_tell(
        service: PolicyService, register: Register) -> None:
    found = reminders(service, register).due(D(2026, 12, 8), 30, "Lilla Edet")
    unknown = [r for r in found if r.kind == "revision_unknown"]
    assert len(unknown) == 1 and unknown[0].due is None
    text = digest(unknown, D(2026, 12, 8), "en")
    assert "cannot tell when it is due" in text and "minst var fjärde år" in text


def test_a_completed_exchange_without_its_report_is_reminded_after_30_days(
        service: PolicyService, register: Register) -> None:
    register.service.create(COORDINATOR, ACTIVITY)
    early = reminders(service, register).due(D(2026, 8, 20), 0, "Kungsbacka")
    assert all(r.kind != "after_report" for r in early)
    late = reminders(service, register).due(D(2026, 9, 20), 0, "Kungsbacka")
    report = next(r for r in late if r.kind == "after_report")
    assert report.due == D(2026, 9, 13) and report.subject == "Ungdomsutbyte med Kerava"
    assert report.citation is not None and "utbyte" in report.citation.quote
    text = digest([report], D(2026, 9, 20), "sv")
    assert "försenad sedan 2026-09-13 (7 dagar)" in text and "Saknas" in text


def test_done_and_snoozed_reminders_are_honoured(service: PolicyService,
                                                 register: Register) -> None:
    today = D(2026, 12, 8)
    rules = reminders(service, register, **{"*": "03-31"})
    annual = next(r for r in rules.due(today, 0, "Ale")
                  if r.kind == "annual" and r.period == "2025")
    assert annual.due == D(2026, 3, 31)
    register.reminders.answer(annual.item, annual.period, "snoozed", COORDINATOR,
                              until=D(2026, 12, 20))
    assert annual not in rules.due(today, 0, "Ale")
    assert annual in rules.due(D(2026, 12, 21), 0, "Ale")
    register.reminders.answer(annual.item, annual.period, "done", COORDINATOR)
    assert annual not in rules.due(D(2026, 12, 21), 0, "Ale")


def test_a_revision_marked_done_moves_to_the_next_term(service: PolicyService,
                                                       register: Register) -> None:
    rules = reminders(service, register)
    old = next(r for r in rules.due(D(2026, 12, 8), 0, "Älmhult") if r.kind == "revision")
    assert old.due == D(2010, 10, 14)  # adopted 2003: overdue for a long time
    register.reminders.answer(old.item, old.period, "done", COORDINATOR,
                              now=dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.UTC))
    after = rules.due(D(2026, 12, 8), 5000, "Älmhult")
    nxt = next(r for r in after if r.kind == "revision")
    assert nxt.period == "2030–2034" and not nxt.overdue(D(2026, 12, 8))


def test_the_annual_date_can_be_set_per_municipality(service: PolicyService,
                                                     register: Register) -> None:
    rules = reminders(service, register, **{"Eksjö": "02-15", "*": "04-30"})
    eksjo = next(r for r in rules.due(D(2026, 12, 8), 0, "Eksjö")
                 if r.kind == "annual" and r.period == "2025")
    ale = next(r for r in rules.due(D(2026, 12, 8), 0, "Ale")
               if r.kind == "annual" and r.period == "2025")
    assert (eksjo.due, ale.due) == (D(2026, 2, 15), D(2026, 4, 30))


def test_the_cli_lists_reminders_as_json_and_refuses_bad_input(
        service: PolicyService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import cli_common
    from bot.cli import app

    monkeypatch.setattr(cli_common, "policy_service", lambda *a, **k: service)
    monkeypatch.setattr("bot.cli_reminders.policy_service", lambda *a, **k: service)
    monkeypatch.setenv("POLICYGUIDE_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    out = runner.invoke(app, ["reminders", "-m", "Älmhult", "--today", "2026-12-08",
                              "--json", "--lang", "en"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert {r["kind"] for r in rows} >= {"revision", "annual"}
    assert all(r["citation"]["quote"] for r in rows)
    for bad in (["--due-within", "soon"], ["--today", "8/12"], ["--lang", "fi"],
                ["-m", "Atlantis"]):
        refused = runner.invoke(app, ["reminders", *bad])
        assert refused.exit_code == 2, (bad, refused.output)


def test_an_unfinished_compilation_stays_after_new_year(service: PolicyService,
                                                        register: Register) -> None:
    rules = reminders(service, register)
    periods = [r.period for r in rules.due(D(2027, 4, 10), 0, "Ale") if r.kind == "annual"]
    assert "2025" in periods and "2026" in periods  # 2025's was never marked done


def test_only_the_recipient_or_a_coordinator_may_answer(service: PolicyService,
                                                        register: Register) -> None:
    from register.errors import PermissionDenied
    from register.roles import AccessPolicy

    rules = Reminders(service.briefing, service.municipalities, register.service,
                      register.reminders, ReminderRules.of(30, {}),
                      access=AccessPolicy([COORDINATOR]))
    annual = next(r for r in rules.due(D(2026, 12, 8), 0, "Ale") if r.kind == "annual")
    with pytest.raises(PermissionDenied):
        rules.answer("slack:USTRANGER", annual.item, annual.period, "done")
    register.reminders.claim(annual.item, f"{annual.period}/due", "slack:UALE")
    rules.answer("slack:UALE", annual.item, annual.period, "done")  # it was sent to them
    rules.answer(COORDINATOR, annual.item, annual.period, "done")


def test_a_snooze_lets_the_reminder_be_sent_again_when_it_ends(service: PolicyService,
                                                               register: Register) -> None:
    from bot.reminders.deliver import deliver

    rules = reminders(service, register)
    posted: list[str] = []

    def run(day: dt.date) -> int:
        found = [r for r in rules.due(day, 0, "Ale") if r.kind == "revision"]
        return len(deliver(found, lambda m: ["slack:UALE"],
                           lambda to, r, text: posted.append(text), register.reminders,
                           day).sent)

    assert run(D(2026, 12, 8)) == 1 and run(D(2026, 12, 9)) == 0
    revision = next(r for r in rules.due(D(2026, 12, 8), 0, "Ale") if r.kind == "revision")
    register.reminders.answer(revision.item, revision.period, "snoozed", "slack:UALE",
                              until=D(2026, 12, 15))
    assert run(D(2026, 12, 14)) == 0  # snoozed
    assert run(D(2026, 12, 16)) == 1  # back, and sent again


def test_a_reminder_is_nudged_when_it_comes_near_and_again_when_it_is_due(
        service: PolicyService, register: Register) -> None:
    from bot.reminders.deliver import deliver

    rules = reminders(service, register)

    def run(day: dt.date) -> int:
        found = [r for r in rules.due(day, 30, "Eksjö") if r.kind == "revision"]
        return len(deliver(found, lambda m: ["slack:UEKS"], lambda to, r, text: None,
                           register.reminders, day).sent)

    assert run(D(2026, 9, 20)) == 1  # due 2026-10-14: within 30 days
    assert run(D(2026, 10, 1)) == 0
    assert run(D(2026, 10, 14)) == 1  # the due date
    assert run(D(2026, 11, 1)) == 0


def test_a_reminders_identity_survives_a_reingest_that_moves_its_sentence(
        service: PolicyService) -> None:
    from dataclasses import replace

    from bot.reminders.service import item_key

    fact = next(f for f in service.briefing("Eksjö").obligations if f.when == "mandate_period")
    moved = replace(fact, id="other-doc:o9:10-99", start=10, end=99,
                    quote="  " + fact.quote.replace(" ", "\n", 1))
    assert item_key(moved) == item_key(fact)
    assert item_key(replace(fact, quote=fact.quote + " Och mer.")) != item_key(fact)


def test_an_exchange_left_ongoing_after_it_ended_is_reminded_too(
        service: PolicyService, register: Register) -> None:
    register.service.create(COORDINATOR, {**ACTIVITY, "status": "ongoing",
                                          "title": "Lärarutbyte med Kerava"})
    found = reminders(service, register).due(D(2026, 9, 20), 0, "Kungsbacka")
    report = next(r for r in found if r.subject == "Lärarutbyte med Kerava")
    assert report.kind == "after_report" and report.missing[0] == "status"
    assert "Saknas: Status, Syfte" in digest([report], D(2026, 9, 20), "sv")
    assert "Missing: Status, Purpose" in digest([report], D(2026, 9, 20), "en")
