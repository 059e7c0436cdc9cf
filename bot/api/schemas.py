"""The core HTTP API's request and response bodies: the OpenAPI contract other integrations use.

Each body is a pydantic model, so FastAPI validates input (a bad body is a 422 that names the
field, never a 500) and documents it at ``/docs``. The chat context (platform, user,
conversation, thread) is what ``bot.core.ChatRequest`` needs: an integration states who asks,
and the API key vouches for the integration.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from register.chat_state import MAX_KEY_CHARS

Language = Literal["sv", "en"]
Id = Field(min_length=1, max_length=200, pattern=r"^[^\s]+$")
# What the chat state stores (register.chat_state): a longer id would be a 500, not a 422.
CONVERSATION_CHARS = min(MAX_KEY_CHARS["scope"], MAX_KEY_CHARS["channel"])
SCOPE_CHARS = MAX_KEY_CHARS["scope"]  # "thread:<conversation>:<thread>" and "user:<user>"


class ChatContext(BaseModel):
    """Who asks, and where: the municipality set for the thread, conversation or user applies."""

    platform: str = Field("api", min_length=1, max_length=20, pattern=r"^[a-z0-9_-]+$",
                          description="The integration, e.g. 'teams'; settings are kept per "
                                      "platform.")
    user: str = Field("anonymous", min_length=1, max_length=200,
                      description="The person, as the platform names them.")
    conversation: str = Field("api", min_length=1, max_length=CONVERSATION_CHARS,
                              description="The chat or channel the question came from.")
    thread: str | None = Field(None, max_length=SCOPE_CHARS,
                               description="The reply chain; follow-ups use its context. "
                                           "Conversation and thread together: at most "
                                           f"{SCOPE_CHARS - len('thread::')} characters.")
    municipality: str | None = Field(None, max_length=100,
                                     description="Overrides any stored setting.")

    @field_validator("thread")
    @classmethod
    def _thread_fits(cls, thread: str | None, info: ValidationInfo) -> str | None:
        """The thread's municipality is stored under 'thread:<conversation>:<thread>'."""
        conversation = info.data.get("conversation", "")
        if thread and len(f"thread:{conversation}:{thread}") > SCOPE_CHARS:
            raise ValueError(f"conversation and thread together are longer than "
                             f"{SCOPE_CHARS - len('thread::')} characters")
        return thread


class AskBody(ChatContext):
    text: str = Field(max_length=100_000, description="The question, in Swedish or English.")


class WhoBody(ChatContext):
    topic: str = Field(max_length=100_000, description="E.g. 'vänortsavtal'.")
    language: Language | None = None


class GoalsBody(ChatContext):
    area: str | None = Field(None, max_length=2000, description="Only goals on this, if given.")
    language: Language | None = None


class ObligationsBody(ChatContext):
    language: Language = "sv"


class CitationOut(BaseModel):
    municipality: str
    document: str
    section: str
    quote: str = Field(description="Verbatim from the document.")


class AnswerOut(BaseModel):
    """An answer; ``ref`` names it for feedback and escalation."""

    ref: str
    answer: str
    abstained: bool
    decision: str
    confidence: float | None
    language: str
    intent: str
    municipality: str | None
    notice: str | None
    citations: list[CitationOut]
    mode: str = "extractive"  # "generated": written by the configured LLM and verified
    generated_by: str | None = None  # model and prompt version of a generated text


class BriefingBody(ChatContext):
    language: Language = "sv"


class BriefingLine(BaseModel):
    text: str
    section: str


class BriefingPart(BaseModel):
    title: str
    lines: list[BriefingLine]


class BriefingOut(BaseModel):
    municipality: str
    document: str
    adopted: str
    goals: list[dict[str, Any]]
    responsibilities: list[dict[str, Any]]
    obligations: list[dict[str, Any]]
    citations: list[CitationOut]
    parts: list[BriefingPart] = Field(
        default_factory=list, description="The same facts as readable lines in the language "
                                          "asked for, each with its section.")


class MunicipalitiesOut(BaseModel):
    municipalities: list[str]


class MunicipalitySettingOut(BaseModel):
    municipality: str | None
    known: list[str]


class SetMunicipalityBody(BaseModel):
    platform: str = Field("api", min_length=1, max_length=20, pattern=r"^[a-z0-9_-]+$")
    scope: Literal["conversation", "user"] = Field(
        description="conversation: for everyone there; user: the person's own, everywhere.")
    user: str = Field("anonymous", min_length=1, max_length=SCOPE_CHARS - len("user:"))
    conversation: str = Field("api", min_length=1, max_length=CONVERSATION_CHARS)
    name: str = Field(min_length=1, max_length=200)


class FeedbackBody(BaseModel):
    ref: str = Id
    user: str = Field(min_length=1, max_length=200)
    verdict: Literal["up", "down"]


class FeedbackOut(BaseModel):
    id: int


class ExchangeOut(BaseModel):
    """What an answer was about, so an integration can hand it to a person."""

    ref: str
    question: str
    municipality: str | None
    language: str
    platform: str
    user: str


class HealthOut(BaseModel):
    status: Literal["ok"]
    documents: int
    municipalities: int


class ErrorOut(BaseModel):
    """Every refusal: ``code`` for programs, ``message`` for people (in the asker's language
    where the core knows it), ``fields`` for a form, ``error_id`` for an unexpected failure."""

    code: str
    message: str
    language: str = "sv"
    retry_after_s: int | None = None
    fields: list[dict[str, str]] = Field(default_factory=list)
    error_id: str | None = None
