"""Pydantic shapes of an activity: the loose draft, the validated input, the stored record.

The draft is what a parser or a half-filled form produces (every field optional); ``ActivityInput``
is the single gate before anything is written, and reports every bad field at once; the record
is what every reader gets back, detached from any session. Names in other words (a Swedish kind,
a country name, "BUN") are normalised here, so each front end needs no rules of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from register import committees, dates
from register.errors import FieldError, ValidationFailed
from register.messages import Refusal, Said, said
from register.normalize import clean_text, code_from_words, country_code, currency_code
from register.vocab import Form, Kind, Status, TargetGroup

LONG_TEXT = 10_000
REPORT_FIELDS = ("purpose", "activities", "lessons_learned", "use_of_results")
REQUIRED = ("municipality", "committee", "kind", "form", "title", "country", "start_date")

Line = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=LONG_TEXT)]
Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Participants = Annotated[int, Field(ge=0, le=1_000_000)]


class ActivityDraft(BaseModel):
    """Whatever is known so far; parsers and forms fill it, ``ActivityInput`` judges it."""

    model_config = ConfigDict(extra="forbid")

    municipality: str | None = None
    committee: str | None = None
    kind: Kind | None = None
    form: Form | None = None
    status: Status | None = None
    title: str | None = None
    partner_organisation: str | None = None
    partner_city: str | None = None
    country: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    participants: int | None = None
    target_group: TargetGroup | None = None
    purpose: str | None = None
    activities: str | None = None
    lessons_learned: str | None = None
    use_of_results: str | None = None
    funding_source: str | None = None
    programme: str | None = None
    funding_amount: Decimal | None = None
    currency: str | None = None
    cost_split: str | None = None
    goals: list[str] = Field(default_factory=list)
    decision_body: str | None = None
    decision_date: dt.date | None = None
    decision_ref: str | None = None
    contact_person: str | None = None

    def missing(self) -> list[str]:
        """The required fields still empty."""
        return [name for name in REQUIRED if getattr(self, name) in (None, "")]


class ActivityInput(BaseModel):
    """A complete, valid activity. Validate with ``context={"committees": [...]}``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    municipality: Annotated[str, Field(min_length=1, max_length=100)]
    committee: Line
    kind: Kind
    form: Form
    status: Status = Status.PLANNED
    title: Line
    partner_organisation: Line | None = None
    partner_city: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    country: Annotated[str, Field(min_length=2, max_length=2)]
    start_date: dt.date
    end_date: dt.date | None = None
    participants: Participants | None = None
    target_group: TargetGroup | None = None
    purpose: LongText | None = None
    activities: LongText | None = None
    lessons_learned: LongText | None = None
    use_of_results: LongText | None = None
    funding_source: Line | None = None
    programme: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    funding_amount: Amount | None = None
    cost_split: LongText | None = None
    goals: Annotated[list[Line], Field(max_length=50)] = Field(default_factory=list)
    decision_body: Line | None = None
    decision_date: dt.date | None = None
    decision_ref: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    contact_person: Line | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _clean_text(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value

    @field_validator("kind", "form", "status", "target_group", mode="before")
    @classmethod
    def _code_from_words(cls, value: Any, info: ValidationInfo) -> Any:
        return code_from_words(str(info.field_name), value)

    @field_validator("start_date", "end_date", "decision_date", mode="before")
    @classmethod
    def _written_date(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dates.parse_date(value)
        return value

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: Any) -> Any:
        return country_code(value) if isinstance(value, str) else value

    @field_validator("committee")
    @classmethod
    def _committee(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("committees")
        return committees.resolve(value, known) if known else value

    @field_validator("currency", mode="before")
    @classmethod
    def _currency(cls, value: Any) -> Any:
        return currency_code(value) if isinstance(value, str) else value

    @field_validator("goals", mode="before")
    @classmethod
    def _goals(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split(";")
        if isinstance(value, list | tuple):
            return [g for g in (clean_text(x) if isinstance(x, str) else x for x in value) if g]
        return [] if value is None else value

    @field_validator("end_date")
    @classmethod
    def _end_after_start(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:
            raise Refusal(said("ends_before", end=value, start=start))
        return value

    @field_validator("funding_amount")
    @classmethod
    def _amount_has_currency(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if value is not None and info.data.get("currency", "?") is None:
            raise Refusal(said("currency_needed"))
        return None if value is None else value.quantize(Decimal("0.01"))


class ActivityRecord(ActivityInput):
    """A stored activity as every reader sees it."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    external_id: str
    version: int
    logged_by: str
    channel: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None
    deleted_by: str | None = None

    def missing_report_fields(self) -> list[str]:
        """The after-exchange report fields still empty."""
        return [name for name in REPORT_FIELDS if not getattr(self, name)]


class AuditRecord(BaseModel):
    """One entry in an activity's history."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    activity_id: int
    at: dt.datetime
    actor: str
    action: str
    changes: dict[str, Any]
    note: str | None = None


def validate(data: dict[str, Any], known_committees: list[str]) -> ActivityInput:
    """Validate everything at once; raise ValidationFailed listing each bad field."""
    try:
        return ActivityInput.model_validate(data, context={"committees": known_committees})
    except ValidationError as exc:
        raise ValidationFailed(_field_errors(exc)) from None


def _field_errors(exc: ValidationError) -> list[FieldError]:
    errors = []
    for error in exc.errors(include_url=False, include_input=True):
        field = str(error["loc"][0]) if error["loc"] else ""
        errors.append(FieldError(field, *_message(error)))
    return errors


def _message(error: Any) -> tuple[str, Said]:
    """pydantic's error as (English message, both languages)."""
    kind, given = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    if isinstance(ctx.get("error"), Refusal):
        sentence: Said = ctx["error"].said
    elif kind == "missing" or (given is None and kind.endswith("_type")):
        sentence = said("required")
    elif kind == "extra_forbidden":
        sentence = said("not_a_field")
    elif kind == "string_too_long":
        sentence = said("too_long", n=f"{len(str(given)):,}", limit=f"{ctx['max_length']:,}")
    elif kind in ("greater_than_equal", "less_than_equal"):
        low = kind == "greater_than_equal"
        sentence = said("at_least" if low else "at_most", limit=ctx["ge" if low else "le"],
                        got=str(given)[:40])
    elif kind == "enum":
        sentence = said("one_of", value=str(given)[:60], allowed=ctx["expected"])
    elif kind.startswith(("date", "datetime")):
        sentence = said("not_date_value")
    elif kind.startswith("int"):
        sentence = said("not_whole", value=str(given)[:40])
    elif kind.startswith("decimal"):
        sentence = said("not_amount", value=str(given)[:40])
    else:
        detail = str(error["msg"]).removeprefix("Value error, ")
        return detail, said("invalid", detail=detail)
    return sentence.en, sentence
