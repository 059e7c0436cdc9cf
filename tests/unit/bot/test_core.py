"""Commands, the chat command layer, over a scripted service and the in-memory state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.core import ChatRequest, Commands, InMemoryChatState, user_scope
from bot.ratelimit import RateLimited, TokenBucketLimiter
from knowledge.models import Answer, Citation
from knowledge.service import InvalidQuestionError

KNOWN = ["Ale", "Eksjö", "Älmhult"]


@dataclass
class ScriptedService:
    """Answers with what it was asked, so a test sees the question and municipality used."""

    max_question_chars: int = 200
    asked: list[tuple[str, str | None]] = field(default_factory=list)

    def municipalities(self) -> list[str]:
        return KNOWN

    def resolve_municipality(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        for known in KNOWN:
            if known.lower().replace("ö", "o") == name.lower().replace("ö", "o"):
                return known
        raise InvalidQuestionError(f"Unknown municipality {name!r}.")

    def answer(self, question: str, municipality: str | None = None) -> Answer:
        self.asked.append((question, municipality))
        cite = Citation(municipality or "Ale", "Policy", "Ansvar", "Kommunstyrelsen beslutar.")
        return Answer(text=f"svar på {question}", citations=[cite], municipality=municipality)

    def rewrite(self, question: str, answer: Answer, on_draft: object = None) -> Answer:
        return answer  # no LLM here


@pytest.fixture
def service() -> ScriptedService:
    return ScriptedService()


@pytest.fixture
def state() -> InMemoryChatState:
    return InMemoryChatState()


def make(service: ScriptedService, state: InMemoryChatState, **kw: Any) -> Commands:
    return Commands(service, state, **kw)  # type: ignore[arg-type]


def req(text: str, **kw: Any) -> ChatRequest:
    values = {"platform": "slack", "user": "U1", "conversation": "C1", "text": text, **kw}
    return ChatRequest(**values)


def test_municipality_comes_from_hint_then_thread_channel_and_user(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state)
    commands.ask(req("a"))
    commands.set_municipality("slack", user_scope("U1"), "ale")
    commands.ask(req("b"))
    commands.set_municipality("slack", "C1", "eksjo")
    commands.ask(req("c"))
    commands.ask(req("d", municipality="Älmhult"))
    assert [m for _, m in service.asked] == [None, "Ale", "Eksjö", "Älmhult"]
    assert commands.municipality_for(req("e", conversation="C2")) == "Ale"  # the user's own


def test_set_municipality_returns_the_canonical_name_and_refuses_unknown_or_empty(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state)
    assert commands.set_municipality("teams", "chat-9", "EKSJO") == "Eksjö"
    assert state.get_municipality("teams", "chat-9") == "Eksjö"
    with pytest.raises(InvalidQuestionError, match="Unknown"):
        commands.set_municipality("slack", "C1", "Malmö")
    with pytest.raises(InvalidQuestionError, match="Ale, Eksjö, Älmhult"):
        commands.set_municipality("slack", "C1", "  ")


def test_a_thread_keeps_its_municipality_and_a_follow_up_its_context(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state)
    commands.ask(req("Vem beslutar?", thread="t1", municipality="Eksjö"))
    commands.ask(req("Och vem skriver under?", thread="t1"))
    commands.ask(req("Vilka mål finns?", thread="t1"))
    commands.ask(req("Och vem skriver under?", thread="t2"))
    assert service.asked[1] == ("Vem beslutar? Och vem skriver under?", "Eksjö")
    assert service.asked[2] == ("Vilka mål finns?", "Eksjö")  # not a follow-up: asked alone
    assert service.asked[3] == ("Och vem skriver under?", None)  # another thread


def test_context_is_dropped_when_it_would_make_the_question_too_long(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state)
    commands.ask(req("x" * 150, thread="t"))
    commands.ask(req("och y" + "z" * 60, thread="t"))
    assert service.asked[1][0].startswith("och y")


def test_feedback_is_recorded_once_per_user_and_verdict(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state)
    asked = req("Vem beslutar?", municipality="Eksjö")
    commands.ask(asked)
    first = commands.record_feedback(asked.id, "U2", "up")
    assert commands.record_feedback(asked.id, "U2", "up") == first  # a double click
    commands.record_feedback(asked.id, "U2", "down")  # a change of mind is kept
    assert commands.record_feedback("unknown-ref", "U2", "up") is None
    entry = state.feedback[0]
    assert (entry.user, entry.channel, entry.question, entry.verdict, entry.municipality) == (
        "U2", "C1", "Vem beslutar?", "up", "Eksjö")
    assert entry.citations == [{"municipality": "Eksjö", "document": "Policy",
                                "section": "Ansvar", "quote": "Kommunstyrelsen beslutar."}]
    assert len(state.feedback) == 2


def test_exchange_remembers_a_bounded_number_of_answers(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state, memory=2)
    requests = [req(f"q{i}") for i in range(3)]
    for r in requests:
        commands.ask(r)
    assert commands.exchange(requests[0].id) is None
    found = commands.exchange(requests[2].id)
    assert found is not None and found.answer.text == "svar på q2"


def test_escalation_contact_ignores_case_and_accents_and_has_a_fallback(
        service: ScriptedService, state: InMemoryChatState) -> None:
    commands = make(service, state, coordinators={"Eksjö": "U1", "*": "U0"})
    assert commands.escalation_contact("eksjo") == "U1"
    assert commands.escalation_contact("Ale") == "U0"
    assert commands.escalation_contact(None) == "U0"
    assert make(service, state).escalation_contact("Ale") is None


def test_the_rate_limit_is_per_user(service: ScriptedService, state: InMemoryChatState) -> None:
    limiter = TokenBucketLimiter(capacity=1, per_minute=1, clock=lambda: 100.0)
    commands = make(service, state, limiter=limiter)
    commands.ask(req("a"))
    with pytest.raises(RateLimited) as refused:
        commands.ask(req("b"))
    assert refused.value.retry_after_whole_s == 60
    commands.ask(req("c", user="U2"))
    assert len(service.asked) == 2


def test_language_of_follows_the_core() -> None:
    assert Commands.language_of("Who decides on grants?") == "en"
    assert Commands.language_of("Vem beslutar om bidrag?") == "sv"
