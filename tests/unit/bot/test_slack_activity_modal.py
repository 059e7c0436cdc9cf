"""The activity modal and register lists: Slack's limits, a form read back as register values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from bot.activity_desk import ActivityDraftForm
from bot.slack.render import MAX_BLOCKS, MAX_SECTION
from bot.slack.render_activities import activity_list
from bot.slack.render_modal import activity_modal, field_errors, submitted_values
from register.errors import FieldError, ValidationFailed
from register.policy_link import GoalRef
from register.schemas import ActivityRecord
from register.vocab import Form, Kind, Status

COMMITTEES = ["Barn- och utbildningsnämnden", "Kommunstyrelsen"]


def form(**values: Any) -> ActivityDraftForm:
    goal = GoalRef("g1", "Ungdom", "Ungdomar ska ges möjlighet till utbyten " * 8,
                   'Eksjö, Internationell policy för Eksjö kommun, avsnitt "Prioriterade områden"')
    return ActivityDraftForm(values, missing=["country"], assumptions=["title: x <y>"],
                             goals=[goal], warnings=["Policyn kräver beslut i KF"])


def state_of(view: dict[str, Any], **typed: Any) -> dict[str, Any]:
    values = {}
    for block in view["blocks"]:
        if block["type"] == "input":
            values[block["block_id"]] = {"value": typed.get(block["block_id"], {})}
    return values


def test_modal_is_prefilled_and_within_slacks_limits() -> None:
    view = activity_modal(form(kind=Kind.EXCHANGE, committee="Kommunstyrelsen",
                               start_date=dt.date(2026, 5, 3), country="NO", participants=25),
                          COMMITTEES, {"channel": "C1"})
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert blocks["kind"]["element"]["initial_option"]["value"] == "exchange"
    assert blocks["committee"]["element"]["initial_option"]["value"] == "Kommunstyrelsen"
    assert blocks["start_date"]["element"]["initial_date"] == "2026-05-03"
    assert blocks["country"]["element"]["initial_value"] == "Norge"
    assert blocks["participants"]["element"]["initial_value"] == "25"
    assert blocks["country"]["optional"] is False and blocks["purpose"]["optional"] is True
    option = blocks["goals"]["element"]["options"][0]
    assert len(option["text"]["text"]) <= 75 and len(option["description"]["text"]) <= 75
    assert len(view["title"]["text"]) <= 24 and len(view["blocks"]) <= 100
    assert len(view["private_metadata"]) <= 3000
    notes = [b["elements"][0]["text"] for b in view["blocks"] if b["type"] == "context"]
    assert notes[0].startswith("⚠️ Policyn kräver") and "Fyll i: Land" in notes
    assert "Antaget: title: x &lt;y&gt;" in notes


def test_a_submission_reads_back_as_register_values_with_ticked_goals() -> None:
    view = activity_modal(form(), COMMITTEES, {"channel": "C1"})
    view["state"] = {"values": state_of(
        view, title={"value": "Utbyte"}, kind={"selected_option": {"value": "exchange"}},
        start_date={"selected_date": "2026-05-03"}, country={"value": "Norge"},
        participants={"value": "25"}, goals={"selected_options": [{"value": "0"}]})}
    values = submitted_values(view)
    assert values["title"] == "Utbyte" and values["kind"] == Kind.EXCHANGE
    assert values["start_date"] == dt.date(2026, 5, 3) and values["country"] == "NO"
    assert values["participants"] == 25 and "end_date" not in values
    goals = json.loads(view["private_metadata"])["goals"]
    assert values["goals"] == goals and goals[0].startswith("Ungdom")


def test_field_errors_go_under_their_field_or_else_under_the_title() -> None:
    failed = ValidationFailed([FieldError("end_date", "ends before it starts"),
                               FieldError("currency", "unknown"), FieldError("goals", "x")])
    errors = field_errors(failed)
    assert errors["end_date"] == "ends before it starts"
    assert errors["title"] == "Valuta: unknown Policymål: x"  # labelled, as the form is


def test_a_long_activity_list_is_cut_and_counted() -> None:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    records = [ActivityRecord(
        id=i, external_id=str(i), version=1, logged_by="cli:x", channel="test", created_at=now,
        updated_at=now, municipality="Eksjö", committee="Kommunstyrelsen", kind=Kind.EXCHANGE,
        form=Form.OTHER, status=Status.PLANNED, title=f"Utbyte {i} " + "x" * 150, country="NO",
        start_date=dt.date(2026, 5, 3)) for i in range(1, 1001)]
    message = activity_list(records, 2026)
    blocks = message.blocks or []
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= MAX_SECTION for b in blocks if b["type"] == "section")
    shown = sum(b["text"]["text"].count("`#") for b in blocks if b["type"] == "section")
    more = blocks[-1]["elements"][0]["text"]
    assert more.startswith(f"… och {1000 - shown} till") and "--year 2026" in more
