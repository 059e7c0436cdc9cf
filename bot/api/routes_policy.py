"""Asking and the structured facts over HTTP: each route is one ``Commands`` call, nothing more.

Sync routes on purpose: FastAPI runs them in its thread pool, and ``Commands`` is the same
thread-safe object the Slack bot's worker threads share.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from bot.api.briefing_lines import briefing_parts
from bot.api.errors import Expired
from bot.api.schemas import (
    AnswerOut,
    AskBody,
    BriefingBody,
    BriefingOut,
    BriefingPart,
    ChatContext,
    CitationOut,
    ErrorOut,
    ExchangeOut,
    FeedbackBody,
    FeedbackOut,
    GoalsBody,
    MunicipalitiesOut,
    MunicipalitySettingOut,
    ObligationsBody,
    SetMunicipalityBody,
    WhoBody,
)
from bot.core import ChatRequest, Commands, user_scope
from knowledge.models import Answer

log = logging.getLogger("policyguide.api")


def chat_request(body: ChatContext, text: str) -> ChatRequest:
    return ChatRequest(platform=body.platform, user=body.user, conversation=body.conversation,
                       thread=body.thread, municipality=body.municipality, text=text)


def answer_out(ref: str, answer: Answer) -> AnswerOut:
    return AnswerOut(ref=ref, answer=answer.text, abstained=answer.abstained,
                     decision=answer.decision, confidence=answer.confidence,
                     language=answer.language, intent=answer.intent,
                     municipality=answer.municipality, notice=answer.notice,
                     citations=[CitationOut(**c.contract()) for c in answer.citations],
                     mode="generated" if answer.mode == "generated" else "extractive",
                     generated_by=answer.generated_by or None)


def _event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def router(commands: Commands) -> APIRouter:
    api = APIRouter(prefix="/v1")

    @api.post("/ask", response_model=AnswerOut, tags=["policy"])
    def ask(body: AskBody) -> AnswerOut:
        """A question in Swedish or English, answered from the policies with verbatim quotes,
        or an abstention that shows the closest passage."""
        req = chat_request(body, body.text)
        return answer_out(req.id, commands.ask(req))

    @api.post("/ask/stream", tags=["policy"], response_class=StreamingResponse,
              responses={200: {"content": {"text/event-stream": {}},
                               "description": "Server-sent events: draft…, then answer."}})
    def ask_stream(body: AskBody) -> StreamingResponse:
        """As /ask, as server-sent events: ``draft`` events ({"text"}) while a configured LLM
        writes (unchecked: show them as a draft), then one ``answer`` event (an AnswerOut,
        the verified final or the extractive answer) or, should it fail, ``error`` (an
        ErrorOut). Without an LLM only ``answer`` comes. A refusal (empty question, rate
        limit, unknown municipality) is a plain error response, as for /ask."""
        req = chat_request(body, body.text)
        events: queue.Queue[tuple[str, Any]] = queue.Queue()

        def work() -> None:
            try:
                events.put(("answer", commands.ask(req, on_draft=lambda t: events.put(
                    ("draft", t)))))
            except Exception as exc:  # handed to the request thread, raised or reported
                events.put(("error", exc))

        threading.Thread(target=work, daemon=True, name=f"ask-{req.id}").start()
        first = events.get()
        if first[0] == "error":
            raise first[1]  # before any draft: the API's usual refusal

        def stream() -> Iterator[str]:
            kind, value = first
            while True:
                if kind == "draft":
                    yield _event("draft", {"text": value})
                elif kind == "answer":
                    yield _event("answer", answer_out(req.id, value).model_dump())
                    return
                else:
                    error_id = uuid.uuid4().hex[:8]
                    log.error("streamed answer failed [error_id=%s]: %r", error_id, value)
                    language = commands.language_of(req.text)
                    message = (f"Något gick fel; fel-id {error_id}." if language == "sv"
                               else f"Something went wrong; error id {error_id}.")
                    yield _event("error", ErrorOut(code="internal", language=language,
                                                   error_id=error_id,
                                                   message=message).model_dump())
                    return
                kind, value = events.get()

        return StreamingResponse(stream(), media_type="text/event-stream")

    @api.post("/who", response_model=AnswerOut, tags=["policy"])
    def who(body: WhoBody) -> AnswerOut:
        """Who decides, signs or answers for a topic, from the policy's extracted facts."""
        req = chat_request(body, body.topic)
        return answer_out(req.id, commands.who(req, body.topic, body.language))

    @api.post("/goals", response_model=AnswerOut, tags=["policy"])
    def goals(body: GoalsBody) -> AnswerOut:
        """The policy's goals, verbatim, with their sections."""
        req = chat_request(body, body.area or "")
        return answer_out(req.id, commands.goals(req, body.area, body.language))

    @api.post("/obligations", response_model=AnswerOut, tags=["policy"])
    def obligations(body: ObligationsBody) -> AnswerOut:
        """What must be followed up and reported, by whom and how often."""
        req = chat_request(body, "")
        return answer_out(req.id, commands.obligations(req, body.language))

    @api.post("/briefing", response_model=BriefingOut, tags=["policy"])
    def briefing(body: BriefingBody) -> BriefingOut:
        """The onboarding briefing: goals, who decides what, obligations."""
        found = commands.briefing(chat_request(body, ""))
        parts = [BriefingPart.model_validate(p) for p in briefing_parts(found, body.language)]
        return BriefingOut(**found.to_dict(), parts=parts,
                           citations=[CitationOut(**c.contract()) for c in found.citations()])

    @api.get("/municipalities", response_model=MunicipalitiesOut, tags=["policy"])
    def municipalities() -> MunicipalitiesOut:
        return MunicipalitiesOut(municipalities=commands.municipalities())

    @api.get("/settings/municipality", response_model=MunicipalitySettingOut, tags=["settings"])
    def current(platform: str = Query("api", max_length=20), user: str = Query("anonymous"),
                conversation: str = Query("api"),
                thread: str | None = Query(None)) -> MunicipalitySettingOut:
        """The municipality that applies: the thread's, else the conversation's, else the
        user's own."""
        req = ChatRequest(platform=platform, user=user, conversation=conversation,
                          thread=thread, text="")
        return MunicipalitySettingOut(municipality=commands.municipality_for(req),
                                      known=commands.municipalities())

    @api.put("/settings/municipality", response_model=MunicipalitySettingOut, tags=["settings"])
    def set_municipality(body: SetMunicipalityBody) -> MunicipalitySettingOut:
        """Store the municipality of a conversation, or a user's own; an unknown name is a 400
        that lists the known ones."""
        scope = user_scope(body.user) if body.scope == "user" else body.conversation
        name = commands.set_municipality(body.platform, scope, body.name)
        return MunicipalitySettingOut(municipality=name, known=commands.municipalities())

    @api.post("/feedback", response_model=FeedbackOut, tags=["feedback"])
    def feedback(body: FeedbackBody) -> FeedbackOut:
        """👍/👎 on an answer, stored with its question and citations; a repeat is one entry."""
        entry = commands.record_feedback(body.ref, body.user, body.verdict)
        if entry is None:
            raise Expired
        return FeedbackOut(id=entry)

    @api.get("/exchanges/{ref}", response_model=ExchangeOut, tags=["feedback"])
    def exchange(ref: str) -> ExchangeOut:
        """The question an answer was given to, for handing it to a person."""
        ex = commands.exchange(ref)
        if ex is None:
            raise Expired
        return ExchangeOut(ref=ref, question=ex.question, municipality=ex.municipality,
                           language=ex.answer.language, platform=ex.request.platform,
                           user=ex.request.user)

    return api
