"""Generated answers: the model rewrites the engine's checked answer from its own citations.

Only an answer the engine decided to give is rewritten; an abstention stays an abstention,
because the model never sees one. The model gets the question, the checked extractive text
and the cited passages, numbered; its draft streams to ``on_draft`` (a chat message being
updated) and is then verified claim by claim. Shown is the verified rewrite, or, with the
reason logged, the extractive answer: never an unchecked text.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace

from knowledge.generation.chat import ChatModel, ModelError
from knowledge.generation.verifier import Check, Source, Verifier
from knowledge.models import Answer
from prompts import load_prompt

log = logging.getLogger(__name__)

Draft = Callable[[str], None]


class GeneratedAnswers:
    def __init__(self, model: ChatModel, verifier: Verifier, *,
                 draft_every_s: float = 1.0) -> None:
        self.model = model
        self.verifier = verifier
        self.draft_every_s = draft_every_s
        for language in ("sv", "en"):  # a broken template fails at start, not on a question
            load_prompt("answer", language)

    def rewrite(self, question: str, answer: Answer, *, actor_question: bool,
                on_draft: Draft | None = None) -> Answer:
        """The verified rewrite of ``answer``, or ``answer`` itself with why in the log."""
        if answer.abstained or not answer.citations:
            return answer
        started = time.perf_counter()
        sources = _sources(answer)
        draft = _without_notes(answer)
        prompt = load_prompt("answer", answer.language)
        system, user = prompt.render(
            question=question, municipality=answer.municipality or "—",
            draft=draft, passages=_numbered(sources))
        try:
            text = self._stream(system, user, on_draft)
        except ModelError as exc:
            return self._fallback(answer, (str(exc),), started)
        check = self.verifier.check(text, sources, language=answer.language, draft=draft,
                                    actor_question=actor_question, question=question)
        if not check.ok:
            return self._fallback(answer, check.reasons, started, text)
        body = text.strip()
        if answer.notes:
            body = "\n".join(answer.notes) + "\n\n" + body
        timings = {**answer.timings, "generate": time.perf_counter() - started}
        log.info("generated answer by %s (prompt %s@%s) passed verification",
                 self.model.name, prompt.name, prompt.version)
        return replace(answer, text=body, mode="generated", timings=timings,
                       generated_by=f"{self.model.name} · {prompt.name}.{prompt.language}@"
                                    f"{prompt.version}", fallback_reason="")

    def _stream(self, system: str, user: str, on_draft: Draft | None) -> str:
        text, last = "", 0.0
        for piece in self.model.stream(system, user):
            text += piece
            now = time.monotonic()
            if on_draft is not None and now - last >= self.draft_every_s and text.strip():
                last = now
                _safely(on_draft, text)
        return text

    def _fallback(self, answer: Answer, reasons: tuple[str, ...], started: float,
                  text: str = "") -> Answer:
        why = "; ".join(reasons)
        log.warning("showing the extractive answer instead of the one by %s, because %s%s",
                    self.model.name, why, f". The model wrote: {text[:300]!r}" if text else "")
        timings = {**answer.timings, "generate": time.perf_counter() - started}
        return replace(answer, timings=timings, fallback_reason=why)


def check_only(verifier: Verifier, text: str, answer: Answer, actor_question: bool,
               question: str = "") -> Check:
    """Verify a text against an answer's citations (benchmarks report both sides of it)."""
    return verifier.check(text, _sources(answer), language=answer.language,
                          draft=_without_notes(answer), actor_question=actor_question,
                          question=question)


def _sources(answer: Answer) -> list[Source]:
    """The answer's citations as the numbered excerpts the model is given."""
    return [Source(i, c.municipality, c.document, c.section, c.quote)
            for i, c in enumerate(answer.citations, start=1)]


def _numbered(sources: list[Source]) -> str:
    return "\n\n".join(f"[{s.number}] {s.municipality} · {s.document} · {s.section}\n"
                       f"<<<\n{s.text}\n>>>" for s in sources)


def _without_notes(answer: Answer) -> str:
    """The engine's own statement: without the notes above it and the quoted sources below
    it, which the model gets as numbered excerpts."""
    text = answer.text
    for note in answer.notes:
        text = text.replace(note, "")
    text = re.split(r"\n\s*\n(?:Källor|Sources):\n", text, maxsplit=1)[0]
    return text.strip()


def _safely(on_draft: Draft, text: str) -> None:
    """A failing draft update (a chat API hiccup) must not lose the answer."""
    try:
        on_draft(text)
    except Exception:
        log.exception("a draft update failed; the final answer is still sent")
