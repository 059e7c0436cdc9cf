"""The register's bodies in the core HTTP API: the form, a draft, a submission, lists, a report.

The form is described by the API (fields, labels in both languages, choices, what is required),
so an adapter that has no register code of its own, the Teams bot, can draw it and the register
stays the one place that knows its fields. A submission sends what the person typed, as text,
and the API reads it exactly as the Slack modal and the CLI's ``--set`` do.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ChoiceOut(BaseModel):
    value: str
    label: str


class FieldOut(BaseModel):
    name: str
    label_sv: str
    label_en: str
    type: str = Field(description="text, long_text, choice, date or number")
    required: bool
    choices: list[ChoiceOut] = Field(default_factory=list)


class FormOut(BaseModel):
    fields: list[FieldOut]


class DraftBody(BaseModel):
    actor: str | None = Field(None, max_length=250,
                              description="'platform:user'; a non-coordinator is refused (403) "
                                          "before a form that could not be saved is shown.")
    text: str = Field("", max_length=100_000, description="One line describing the activity.")
    municipality: str | None = Field(None, max_length=100)
    language: str = Field("sv", pattern=r"^(sv|en)$")


class GoalOut(BaseModel):
    reference: str = Field(description="Stored on the activity if ticked.")
    label: str
    text: str
    citation: str


class DraftOut(BaseModel):
    values: dict[str, str] = Field(description="Field -> the text to prefill.")
    missing: list[str]
    assumptions: list[str]
    not_understood: list[str]
    goals: list[GoalOut]
    warnings: list[str]


class ActivityBody(BaseModel):
    actor: str = Field(min_length=3, max_length=250, pattern=r"^[a-z0-9_-]+:.+$")
    fields: dict[str, str] = Field(description="Field -> the text typed or chosen.")
    goals: list[str] = Field(default_factory=list, max_length=50)
    channel: str = Field("api", max_length=400)


class ActivityOut(BaseModel):
    id: int
    title: str
    municipality: str
    committee: str
    period: str
    country: str
    country_name: str
    status: str
    status_label: str
    goals: list[str]


class ActivitiesOut(BaseModel):
    activities: list[ActivityOut]


class FollowUpOut(BaseModel):
    activity: ActivityOut
    missing: list[str] = Field(description="Labels of the report fields still empty.")


class FollowUpsOut(BaseModel):
    follow_ups: list[FollowUpOut]


class WriterOut(BaseModel):
    may_write: bool
    message: str | None = None
