"""The register over HTTP: the form, a draft from one line, saving, lists, the annual report.

Each route is one ``ActivityDesk`` call. Roles are the register's own: a write names its actor
('teams:<id>') and ``RegisterService`` refuses anyone not in ``POLICYGUIDE_COORDINATORS``.
Field errors come back as a 422 with one entry per field, and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Response

from bot.activity_desk import FORM_FIELDS, ActivityDesk
from bot.api.register_schemas import (
    ActivitiesOut,
    ActivityBody,
    ActivityOut,
    ChoiceOut,
    DraftBody,
    DraftOut,
    FieldOut,
    FollowUpOut,
    FollowUpsOut,
    FormOut,
    GoalOut,
    WriterOut,
)
from register import countries, fields
from register.errors import PermissionDenied
from register.report import period
from register.schemas import REQUIRED, ActivityRecord
from register.vocab import Form, Kind, Status, TargetGroup, label

_CHOICES = {"kind": Kind, "form": Form, "status": Status, "target_group": TargetGroup}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def field_type(name: str) -> str:
    if name in _CHOICES or name == "committee":
        return "choice"
    if name in ("start_date", "end_date"):
        return "date"
    return {"participants": "number", "purpose": "long_text"}.get(name, "text")


def prefill(name: str, value: Any, language: str) -> str:
    """A draft value as the text a form shows, which reads back to the same value."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if name == "country":
        return countries.name_en(str(value)) if language == "en" else countries.name_sv(str(value))
    if name == "goals":
        return "; ".join(value)
    return str(value.value if hasattr(value, "value") else value)


def activity_out(a: ActivityRecord, language: str) -> ActivityOut:
    country = countries.name_en(a.country) if language == "en" else countries.name_sv(a.country)
    return ActivityOut(id=a.id, title=a.title, municipality=a.municipality, committee=a.committee,
                       period=period(a.start_date, a.end_date), country=a.country,
                       country_name=country, status=a.status.value,
                       status_label=label(a.status, language), goals=list(a.goals))


def router(desk: ActivityDesk) -> APIRouter:
    api = APIRouter(prefix="/v1/register", tags=["register"])

    @api.get("/form", response_model=FormOut)
    def form(language: str = Query("sv", pattern="^(sv|en)$")) -> FormOut:
        """The activity form: fields in order, labels in both languages, choices, required."""
        out = []
        for name in FORM_FIELDS:
            choices = ([ChoiceOut(value=c, label=c) for c in desk.committees]
                       if name == "committee" else
                       [ChoiceOut(value=m.value, label=label(m, language))
                        for m in _CHOICES.get(name, ())])
            sv, en = fields.FIELD_LABELS[name]
            out.append(FieldOut(name=name, label_sv=sv, label_en=en, type=field_type(name),
                                required=name in REQUIRED, choices=choices))
        return FormOut(fields=out)

    @api.get("/writers/{actor}", response_model=WriterOut)
    def writer(actor: str, language: str = Query("sv", pattern="^(sv|en)$")) -> WriterOut:
        """Whether ``actor`` may log activities (coordinators only)."""
        try:
            desk.require_writer(actor)
        except PermissionDenied as exc:
            return WriterOut(may_write=False, message=exc.text(language))
        return WriterOut(may_write=True)

    @api.post("/drafts", response_model=DraftOut)
    def draft(body: DraftBody) -> DraftOut:
        """A form's start from one line ("utbyte med Time kommun, Norge, 3–7 maj 2026"): the
        parsed values, what is missing, the goals it may serve, the decisions required."""
        if body.actor is not None:
            desk.require_writer(body.actor)
        found = desk.draft(body.text, body.municipality)
        values = {k: prefill(k, v, body.language) for k, v in found.values.items()
                  if v not in (None, "", [])}
        goals = [GoalOut(reference=ref, label=g.label, text=g.text, citation=g.citation)
                 for g, ref in zip(found.goals, found.goal_references, strict=True)]
        return DraftOut(values=values, missing=found.missing, assumptions=found.assumptions,
                        not_understood=found.not_understood, goals=goals,
                        warnings=found.warnings)

    @api.post("/activities", response_model=ActivityOut, status_code=201)
    def create(body: ActivityBody,
               language: str = Query("sv", pattern="^(sv|en)$")) -> ActivityOut:
        """Validate and store; a 422 lists every field to fix, a 403 refuses a non-coordinator,
        and in both cases nothing is stored."""
        desk.require_writer(body.actor)
        raw = {k: v for k, v in body.fields.items() if v.strip()}
        values = {k: v for k, v in fields.parse_assignments(raw).items() if v is not None}
        values["goals"] = body.goals
        return activity_out(desk.save(body.actor, values, channel=body.channel), language)

    @api.get("/activities", response_model=ActivitiesOut)
    def activities(year: int | None = Query(None, ge=1900, le=2100),
                   municipality: str | None = Query(None, max_length=100),
                   language: str = Query("sv", pattern="^(sv|en)$")) -> ActivitiesOut:
        return ActivitiesOut(activities=[activity_out(a, language)
                                         for a in desk.activities(year, municipality)])

    @api.get("/follow-ups", response_model=FollowUpsOut)
    def follow_ups(municipality: str | None = Query(None, max_length=100),
                   language: str = Query("sv", pattern="^(sv|en)$")) -> FollowUpsOut:
        """Completed activities whose after-exchange report is incomplete."""
        index = 1 if language == "en" else 0
        return FollowUpsOut(follow_ups=[
            FollowUpOut(activity=activity_out(f.activity, language),
                        missing=[fields.FIELD_LABELS[m][index] for m in f.missing])
            for f in desk.follow_ups(municipality)])

    @api.get("/reports/{year}", responses={200: {"content": {DOCX: {}, "text/markdown": {}}}})
    def report(year: int, municipality: str | None = Query(None, max_length=100),
               format: str = Query("docx", pattern="^(docx|markdown)$")) -> Response:
        """The annual compilation per committee, as DOCX (default) or Markdown."""
        if not 1900 <= year <= 2100:
            return Response(status_code=404)
        files = desk.report(year, municipality)
        name = f"{files.name}.{'docx' if format == 'docx' else 'md'}"
        fallback = name.encode("ascii", "replace").decode().replace("?", "_")
        headers = {"Content-Disposition": f"attachment; filename=\"{fallback}\"; "
                                          f"filename*=UTF-8''{quote(name)}",
                   "X-Activities": str(files.activities)}
        if format == "docx":
            return Response(files.docx, media_type=DOCX, headers=headers)
        return Response(files.markdown, media_type="text/markdown; charset=utf-8",
                        headers=headers)

    return api
