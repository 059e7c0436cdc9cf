"""The command layer every chat front end calls: Slack today, Teams next, with no platform code.

An adapter turns a message or slash command into a :class:`ChatRequest`, calls
:class:`Commands` and renders the neutral result (an ``Answer``) its own way. What a chat needs
beyond ``PolicyService.ask`` lives here once: the channel/user municipality, thread follow-ups,
remembering an answer so a later click (share, feedback, ask a person) can refer to it, and
the per-user rate limit. The structured commands (who, goals, obligations, briefing) resolve the
municipality exactly as ``ask`` does, but need one: the facts are per municipality.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Literal, Protocol, TypeVar

from bot.ratelimit import RateLimited, TokenBucketLimiter
from bot.register_policy import PolicyCheck, check_activity
from knowledge.facts import Briefing
from knowledge.models import Answer
from knowledge.query import detect_language, fold
from knowledge.service import InvalidQuestionError, PolicyService
from register.chat_state import FeedbackEntry

__all__ = ["BoundedMemory", "ChatRequest", "ChatState", "Commands", "Exchange", "FeedbackEntry",
           "InMemoryChatState", "InvalidQuestionError", "RateLimited", "user_scope"]

Verdict = Literal["up", "down"]
_FOLLOW_UP = re.compile(r"^\s*(och|men|samt|också|även|hur är det med|vad gäller|gäller det|"
                        r"and|but|also|what about|how about|same for)\b", re.I)
K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class ChatRequest:
    """One question from a chat, in neutral terms; ``id`` lets later clicks refer to it."""

    platform: str
    user: str
    conversation: str
    text: str
    thread: str | None = None
    municipality: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])

    @property
    def thread_scope(self) -> str | None:
        return f"thread:{self.conversation}:{self.thread}" if self.thread else None


@dataclass(frozen=True)
class Exchange:
    """A question and the answer given, kept so share/feedback/escalation can use them."""

    request: ChatRequest
    question: str  # what the core answered: the text, with the thread's context if added
    answer: Answer
    municipality: str | None


class ChatState(Protocol):
    """What Commands persists: ``register.chat_state.ChatStateStore`` or an in-memory fake."""

    def get_municipality(self, platform: str, scope: str) -> str | None: ...
    def set_municipality(self, platform: str, scope: str, municipality: str) -> None: ...
    def record_feedback(self, entry: FeedbackEntry) -> int: ...


def user_scope(user: str) -> str:
    """The scope of a person's own setting (made in a direct message), used in any channel."""
    return f"user:{user}"


class BoundedMemory(Generic[K, V]):
    """A bounded, thread-safe memory of the latest items (oldest forgotten first)."""

    def __init__(self, size: int) -> None:
        self.size, self._items, self._lock = size, OrderedDict[K, V](), threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            return self._items.get(key)

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class Commands:
    """The operations a chat offers, shared by every adapter."""

    def __init__(self, service: PolicyService, state: ChatState,
                 limiter: TokenBucketLimiter | None = None,
                 coordinators: Mapping[str, str] | None = None, memory: int = 5000) -> None:
        self.service, self.state, self.limiter = service, state, limiter
        self._coordinators = {fold(k): v for k, v in (coordinators or {}).items()}
        self._exchanges: BoundedMemory[str, Exchange] = BoundedMemory(memory)
        self._threads: BoundedMemory[str, str] = BoundedMemory(memory)  # scope -> question
        self._votes: BoundedMemory[tuple[str, str, str], int] = BoundedMemory(memory)
        self._ask_lock = threading.Lock()  # the core's stemmers keep per-call state

    def ask(self, req: ChatRequest, on_draft: Callable[[str], None] | None = None) -> Answer:
        """Answer ``req`` in its municipality context; raises RateLimited / InvalidQuestionError.
        With an LLM configured, ``on_draft`` sees the generated text as it is written (to
        update a chat message); the returned answer is the verified final to replace it."""
        if self.limiter is not None:
            self.limiter.acquire(f"{req.platform}:{req.user}")
        municipality = req.municipality or self.municipality_for(req)
        question = self._with_thread_context(req)
        try:
            with self._ask_lock:
                answer = self.service.answer(question, municipality)
        except InvalidQuestionError as exc:
            exc.language = self.language_of(req.text)
            raise
        answer = self.service.rewrite(question, answer, on_draft)  # seconds: outside the lock
        about = answer.municipality or municipality
        self._exchanges.put(req.id, Exchange(req, question, answer, about))
        scope = req.thread_scope
        if scope is not None:
            self._threads.put(scope, question)
            if about and about != self.state.get_municipality(req.platform, scope):
                self.state.set_municipality(req.platform, scope, about)
        return answer

    def who(self, req: ChatRequest, topic: str, language: str | None = None) -> Answer:
        """Who decides, signs or answers for ``topic`` in the request's municipality."""
        municipality = self._municipality_or_hint(req, limited=True)
        with self._ask_lock:
            answer = self.service.who(topic, municipality, language or self.language_of(topic))
        return self._remember(req, answer, municipality)

    def goals(self, req: ChatRequest, area: str | None = None,
              language: str | None = None) -> Answer:
        """The policy's goals (those on ``area`` only, if given), verbatim with their sections."""
        municipality = self._municipality_or_hint(req, limited=True)
        language = language or (self.language_of(area) if area else "sv")
        with self._ask_lock:
            answer = self.service.goals(municipality, area or None, language)
        return self._remember(req, answer, municipality)

    def obligations(self, req: ChatRequest, language: str = "sv") -> Answer:
        """What must be followed up and reported, by whom and how often."""
        municipality = self._municipality_or_hint(req, limited=True)
        with self._ask_lock:
            answer = self.service.obligations(municipality, language)
        return self._remember(req, answer, municipality)

    def briefing(self, req: ChatRequest) -> Briefing:
        """The onboarding briefing. Not rate limited: a fixed lookup that App Home repeats."""
        municipality = self._municipality_or_hint(req, limited=False)
        with self._ask_lock:
            return self.service.briefing(municipality)

    def check_activity(self, values: dict[str, Any]) -> PolicyCheck:
        """Goals an activity being logged may serve and decisions the policy requires."""
        with self._ask_lock:
            return check_activity(values, self.service)

    def _remember(self, req: ChatRequest, answer: Answer, municipality: str) -> Answer:
        """Kept like an ``ask`` answer, so share, feedback and "ask a person" work on it."""
        self._exchanges.put(req.id, Exchange(req, req.text, answer, municipality))
        return answer

    def _municipality_or_hint(self, req: ChatRequest, *, limited: bool) -> str:
        """Like ``ask`` resolves it; the structured commands need one, so say how to set it."""
        if limited and self.limiter is not None:
            self.limiter.acquire(f"{req.platform}:{req.user}")
        municipality = req.municipality or self.municipality_for(req)
        if municipality is None:
            listed = ", ".join(self.municipalities())
            raise InvalidQuestionError(
                f"No municipality is set here: run `/policy kommun <name>` ({listed}).",
                f"Ingen kommun är vald här: välj med `/policy kommun <namn>` ({listed}).")
        return municipality

    def municipality_for(self, req: ChatRequest) -> str | None:
        """The thread's municipality, else the conversation's, else the user's own setting."""
        for scope in (req.thread_scope, req.conversation, user_scope(req.user)):
            found = self.state.get_municipality(req.platform, scope) if scope else None
            if found:
                return found
        return None

    def _with_thread_context(self, req: ChatRequest) -> str:
        """A follow-up such as "Och i Ale?" is asked together with the thread's last question."""
        previous = self._threads.get(req.thread_scope) if req.thread_scope else None
        if not previous or not _FOLLOW_UP.match(req.text):
            return req.text
        joined = f"{previous} {req.text.strip()}"
        return joined if len(joined) <= self.service.max_question_chars else req.text

    def exchange(self, ref: str) -> Exchange | None:
        """The question and answer behind ``ref`` (a ChatRequest id); None once forgotten."""
        return self._exchanges.get(ref)

    def set_municipality(self, platform: str, scope: str, name: str) -> str:
        """Store the municipality for a conversation or ``user_scope(user)``; returns its name."""
        canonical = self.service.resolve_municipality(name)
        if canonical is None:
            listed = ", ".join(self.municipalities())
            raise InvalidQuestionError(f"Name a municipality: {listed}.",
                                       f"Ange en kommun: {listed}.")
        self.state.set_municipality(platform, scope, canonical)
        return canonical

    def municipalities(self) -> list[str]:
        return self.service.municipalities()

    def record_feedback(self, ref: str, user: str, verdict: Verdict) -> int | None:
        """Store 👍/👎 with the question, answer and citations; None if the answer is forgotten.

        A repeated click (same user, answer and verdict) returns the first entry's id."""
        ex = self.exchange(ref)
        if ex is None:
            return None
        key = (ref, user, verdict)
        known = self._votes.get(key)
        if known is not None:
            return known
        entry = FeedbackEntry(
            platform=ex.request.platform, user=user, channel=ex.request.conversation,
            question=ex.question, answer=ex.answer.text,
            citations=[c.contract() for c in ex.answer.citations], verdict=verdict,
            municipality=ex.municipality)
        entry_id = self.state.record_feedback(entry)
        self._votes.put(key, entry_id)
        return entry_id

    def escalation_contact(self, municipality: str | None) -> str | None:
        """The configured international coordinator of ``municipality`` ("*" as a fallback)."""
        found = self._coordinators.get(fold(municipality)) if municipality else None
        return found or self._coordinators.get("*")

    @staticmethod
    def language_of(text: str) -> str:
        """"sv" or "en", as the core decides it, so refusals speak the asker's language."""
        return detect_language(text)


class InMemoryChatState:
    """A ChatState kept in memory: for tests and for a bot run without a register database."""

    def __init__(self) -> None:
        self.municipalities: dict[tuple[str, str], str] = {}
        self.feedback: list[FeedbackEntry] = []
        self._lock = threading.Lock()

    def get_municipality(self, platform: str, scope: str) -> str | None:
        return self.municipalities.get((platform, scope))

    def set_municipality(self, platform: str, scope: str, municipality: str) -> None:
        self.municipalities[(platform, scope)] = municipality

    def record_feedback(self, entry: FeedbackEntry) -> int:
        with self._lock:
            self.feedback.append(replace(entry, id=len(self.feedback) + 1))
            return len(self.feedback)
