"""Reminders over HTTP, for the Teams bot's sender and any other integration (a scheduler, an
intranet page): what is due, claiming a send (once per item, period and recipient, across
processes), releasing a failed one, and a coordinator's answer (done, or snoozed until a date).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field, model_validator

from bot.api.schemas import CitationOut
from bot.reminders.render import render, when
from bot.reminders.schedule import swedish_today
from bot.reminders.service import Reminders
from register.fields import FIELD_LABELS
from register.reminder_log import ReminderLog


class ReminderOut(BaseModel):
    kind: str
    item: str
    period: str
    municipality: str
    due: dt.date | None
    overdue: bool
    when: str = Field(description="'försenad sedan …' / 'due …' in the language asked for.")
    subject: str
    missing: list[str] = Field(description="After-report fields still empty, as labels.")
    citation: CitationOut | None
    text: str = Field(description="The whole reminder as plain text, quote included.")


class RemindersOut(BaseModel):
    today: dt.date
    reminders: list[ReminderOut]


class SendKey(BaseModel):
    item: str = Field(min_length=1, max_length=200)
    period: str = Field(min_length=1, max_length=40)
    recipient: str = Field(min_length=3, max_length=250, pattern=r"^[a-z0-9_-]+:.+$")


class ClaimOut(BaseModel):
    claimed: bool = Field(description="True: send it now. False: already sent to them.")


class AnswerBody(BaseModel):
    item: str = Field(min_length=1, max_length=200)
    period: str = Field(min_length=1, max_length=40)
    status: Literal["done", "snoozed"]
    actor: str = Field(min_length=3, max_length=250, pattern=r"^[a-z0-9_-]+:.+$")
    until: dt.date | None = Field(None, description="Required when snoozed, else absent.")

    @model_validator(mode="after")
    def _until_with_snooze(self) -> AnswerBody:
        if (self.status == "snoozed") != (self.until is not None):
            raise ValueError("'until' is given with status 'snoozed', and only then")
        return self


def router(reminders: Reminders, log: ReminderLog) -> APIRouter:
    api = APIRouter(prefix="/v1/reminders", tags=["reminders"])

    @api.get("", response_model=RemindersOut)
    def due(municipality: str | None = Query(None, max_length=100),
            within_days: int = Query(30, ge=0, le=3650),
            today: Annotated[dt.date | None, Query(description="Default: today.")] = None,
            language: str = Query("sv", pattern="^(sv|en)$")) -> RemindersOut:
        """Overdue reminders and those due within ``within_days``, each citing its policy
        sentence; done and snoozed ones are left out."""
        day = today or swedish_today()
        name = reminders.resolve(municipality) if municipality else None
        found = reminders.due(day, within_days, name)
        return RemindersOut(today=day, reminders=[ReminderOut(
            kind=r.kind, item=r.item, period=r.period, municipality=r.municipality, due=r.due,
            overdue=r.overdue(day), when=when(r, day, language), subject=r.subject,
            missing=[FIELD_LABELS.get(m, (m, m))[1 if language == "en" else 0]
                     for m in r.missing],
            citation=CitationOut(**r.citation.contract()) if r.citation else None,
            text=render(r, day, language)) for r in found])

    @api.post("/claims", response_model=ClaimOut)
    def claim(body: SendKey) -> ClaimOut:
        return ClaimOut(claimed=log.claim(body.item, body.period, body.recipient))

    @api.post("/releases", status_code=204)
    def release(body: SendKey) -> None:
        log.release(body.item, body.period, body.recipient)

    @api.post("/answers", status_code=204)
    def answer(body: AnswerBody) -> None:
        """Done, or snoozed until a date: by whom it was sent to, or a register coordinator
        (403 for anyone else)."""
        reminders.answer(body.actor, body.item, body.period, body.status, until=body.until)

    return api
