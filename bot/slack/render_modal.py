"""The "Logga aktivitet" modal: built from a draft, and read back from a view submission.

Each input's ``block_id`` is the register field it edits, so the register's ``FieldError``s map
straight onto Slack's ``response_action: "errors"`` and the person sees the message under the
field to fix. Codes (kind, form, status, target group) are offered as selects with their Swedish
labels; free text is read back through ``register.fields`` exactly like the CLI's ``--set``.
Suggested policy goals are checkboxes, unticked: nothing is linked unless the coordinator says so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from bot.activity_desk import FORM_FIELDS, ActivityDraftForm
from bot.slack.render import MAX_CONTEXT, Block, escape, truncate
from register import countries, fields
from register.errors import ValidationFailed
from register.schemas import REQUIRED
from register.vocab import Form, Kind, Status, TargetGroup, label

CALLBACK = "activity_log"  # the view submission's callback id
SHORTCUT = "log_activity"  # the message shortcut's callback id
GOALS = "goals"
_SELECTS: dict[str, type[StrEnum]] = {"kind": Kind, "form": Form, "status": Status,
                                      "target_group": TargetGroup}
_DATES = ("start_date", "end_date")
FIELDS = FORM_FIELDS


def activity_modal(form: ActivityDraftForm, committees: Sequence[str],
                   metadata: dict[str, Any]) -> Block:
    """The modal for ``views.open``; ``metadata`` (e.g. the channel) comes back on submit."""
    notes = _notes(form)
    inputs = [_input(name, form.values.get(name), committees) for name in FIELDS]
    goal_block = _goal_checkboxes(form)
    private = {**metadata, GOALS: form.goal_references}
    return {"type": "modal", "callback_id": CALLBACK,
            "title": {"type": "plain_text", "text": "Logga aktivitet"},
            "submit": {"type": "plain_text", "text": "Spara"},
            "close": {"type": "plain_text", "text": "Avbryt"},
            "private_metadata": truncate(json.dumps(private, ensure_ascii=False), 3000, ""),
            "blocks": [*notes, *inputs, *goal_block]}


def _notes(form: ActivityDraftForm) -> list[Block]:
    lines = [f"⚠️ {w}" for w in form.warnings]
    if form.missing:
        lines.append("Fyll i: " + ", ".join(fields.FIELD_LABELS[m][0] for m in form.missing))
    if form.assumptions:
        lines.append("Antaget: " + "; ".join(form.assumptions))
    if form.not_understood:
        lines.append("Förstod inte: " + "; ".join(form.not_understood))
    return [{"type": "context", "elements": [
        {"type": "mrkdwn", "text": truncate(escape(line), MAX_CONTEXT)}]} for line in lines]


def _input(name: str, value: Any, committees: Sequence[str]) -> Block:
    element: Block = {"type": "plain_text_input", "action_id": "value"}
    if name in _SELECTS or name == "committee":
        choices = ([(c, c) for c in committees] if name == "committee" else
                   [(code.value, label(code)) for code in _SELECTS[name]])
        options = [_option(v, t) for v, t in choices]
        element = {"type": "static_select", "action_id": "value", "options": options}
        chosen = [o for o in options if value is not None and o["value"] == str(value)]
        if chosen:
            element["initial_option"] = chosen[0]
    elif name in _DATES:
        element = {"type": "datepicker", "action_id": "value"}
        if isinstance(value, dt.date):
            element["initial_date"] = value.isoformat()
    elif name == "participants":
        element = {"type": "number_input", "action_id": "value", "is_decimal_allowed": False}
        if value is not None:
            element["initial_value"] = str(value)
    elif value not in (None, ""):
        shown = countries.name_sv(str(value)) if name == "country" else str(value)
        element["initial_value"] = truncate(shown, 3000)
    if name == "purpose":
        element["multiline"] = True
    return {"type": "input", "block_id": name, "optional": name not in REQUIRED,
            "label": {"type": "plain_text", "text": fields.FIELD_LABELS[name][0]},
            "element": element}


def _goal_checkboxes(form: ActivityDraftForm) -> list[Block]:
    if not form.goals:
        return []
    options = [{"text": {"type": "plain_text", "text": truncate(ref, 75)},
                "description": {"type": "plain_text", "text": truncate(goal.citation, 75)},
                "value": str(i)} for i, (goal, ref) in enumerate(
                    zip(form.goals, form.goal_references, strict=True))]
    return [{"type": "input", "block_id": GOALS, "optional": True,
             "label": {"type": "plain_text", "text": "Policymål som aktiviteten bidrar till"},
             "element": {"type": "checkboxes", "action_id": "value", "options": options}}]


def _option(value: str, text: str) -> Block:
    return {"text": {"type": "plain_text", "text": truncate(text, 75)}, "value": value[:150]}


def metadata_of(view: dict[str, Any]) -> dict[str, Any]:
    try:
        found = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def submitted_values(view: dict[str, Any]) -> dict[str, Any]:
    """The submitted form as register values; raises ValidationFailed for unreadable text."""
    state = view.get("state", {}).get("values", {})
    raw: dict[str, str] = {}
    ticked: list[str] = []
    for block_id, actions in state.items():
        element = actions.get("value") or {}
        if block_id == GOALS:
            ticked = [o["value"] for o in element.get("selected_options") or []]
        elif block_id in FIELDS:
            chosen = element.get("selected_option") or {}
            raw[block_id] = (element.get("selected_date") or chosen.get("value")
                             or element.get("value") or "")
    values = {k: v for k, v in fields.parse_assignments(raw).items() if v is not None}
    references = metadata_of(view).get(GOALS) or []
    values[GOALS] = [references[int(i)] for i in ticked
                     if i.isdigit() and int(i) < len(references)]
    return values


def field_errors(exc: ValidationFailed) -> dict[str, str]:
    """Slack's ``errors`` map: each message under its field, others under the title (with
    their field's label), in Swedish like the form."""
    errors: dict[str, str] = {}
    for error in exc.errors:
        block = error.field if error.field in FIELDS else "title"
        text = error.text("sv", labelled=block != error.field)
        message = errors.get(block, "")
        errors[block] = truncate(f"{message} {text}".strip(), 300)
    return errors
