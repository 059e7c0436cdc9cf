"""Decide whether a generated answer may be shown: every claim must stand in what it cites.

Checked per sentence against the excerpts that sentence cites: quoted phrases verbatim;
every body, number, date and municipality present; no negation the excerpts lack; no bare
yes or no opening a sentence (a quote cannot show one). Over the
whole answer: written in the asker's language, cites something, cites only excerpts that
were given. For questions about who decides, signs or is responsible, the bodies must be
those of the engine's own checked answer (or, where that is a passage, those its quotes
state): a model, or an instruction in the question or a passage, cannot move a decision to
another body. Reasons are plain sentences for the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from knowledge.commanded import stated
from knowledge.generation import claims
from knowledge.query import detect_language
from knowledge.registry import Registry
from knowledge.text import collapse_ws


@dataclass(frozen=True)
class Source:
    """One numbered excerpt the model was given."""

    number: int
    municipality: str
    document: str
    section: str
    text: str


@dataclass(frozen=True)
class Check:
    ok: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)


MunicipalitiesIn = Callable[[str], set[str]]


def places_in(registry: Registry) -> MunicipalitiesIn:
    """The municipalities and regions a text names ("Eksjö", "Region Skåne"), by official
    name, so an excerpt's "Eksjö" and an answer's "Eksjö kommun" are the same place."""
    def named(text: str) -> set[str]:
        return {m.organisation.official for m in registry.find_in_text(text, places=True)}
    return named


class Verifier:
    def __init__(self, municipalities_in: MunicipalitiesIn) -> None:
        """``municipalities_in(text)`` names the municipalities and regions a text mentions,
        in the store's spelling."""
        self.municipalities_in = municipalities_in

    def check(self, answer: str, sources: Sequence[Source], *, language: str,
              draft: str, actor_question: bool, question: str = "") -> Check:
        reasons: list[str] = []
        text = answer.strip()
        if not text:
            return Check(False, ("the model wrote nothing",))
        if detect_language(claims.CITE.sub(" ", text)) != language:
            reasons.append(f"it is not written in the question's language ({language})")
        parts = claims.sentences(text)
        by_number = {s.number: s for s in sources}
        if not any(p.cites for p in parts):
            reasons.append("it cites no excerpt")
        draft_bodies = None
        if actor_question:  # the bodies the checked answer names, or else those its quotes
            draft_bodies = (self._bodies(draft, language, question)  # state (a passage answer)
                            or self._bodies("\n".join(stated(s.text) for s in sources),
                                            language, question))
        if draft_bodies and not self._bodies(text, language, question):
            reasons.append("it names none of the bodies the checked answer names")
        for part in parts:
            unknown = sorted(set(part.cites) - set(by_number))
            if unknown:
                reasons.append(f"it cites excerpt {unknown[0]}, but only {len(sources)} "
                               "were given")
            cited = [by_number[n] for n in part.cites if n in by_number]
            reasons += self._sentence(part, cited, sources, language, draft_bodies, question)
        return Check(not reasons, tuple(dict.fromkeys(reasons)))

    def _sentence(self, part: claims.Sentence, cited: list[Source],
                  sources: Sequence[Source], language: str,
                  draft_bodies: set[tuple[str, str]] | None, question: str) -> list[str]:
        said = f"«{part.text[:80]}»"
        if claims.yes_or_no(part.text):  # the engine quotes; it never judges yes or no
            return [f"{said} answers yes or no, which a quote cannot show"]
        quoted = claims.quoted(part.text)
        within = " \n".join(s.text for s in (cited or sources))
        reasons = [f"the quote «{q[:60]}» is not verbatim in the excerpts"
                   for q in quoted if collapse_ws(q).casefold()
                   not in collapse_ws(within).casefold()]
        named = self._bodies(part.text, language, question)
        numbers = claims.numbers(part.text)
        places = self.municipalities_in(part.text)
        if draft_bodies is not None:
            reasons += [f"{said} names {b}, which the checked answer does not"
                        for b in sorted(self._unsupported(named, draft_bodies, language))]
        if not cited:
            if named or numbers or places or quoted:
                reasons.append(f"{said} states a body, number or place but cites nothing")
            return reasons
        text = " \n".join(stated(s.text) for s in cited)  # an order in a passage is no support
        own = self.municipalities_in(" \n".join([text, *(s.municipality for s in cited)]))
        reasons += [f"{said} names {p}, which its excerpts do not" for p in sorted(places - own)]
        missing = numbers - claims.numbers(text)
        reasons += [f"{said} states {n}, which its excerpts do not" for n in sorted(missing)]
        present = self._bodies(text, language, question)
        reasons += [f"{said} names {b}, which its excerpts do not"
                    for b in sorted(self._unsupported(named, present, language))]
        if claims.negated(part.text) and not claims.negated(text):
            reasons.append(f"{said} negates what its excerpts state")
        return reasons

    @staticmethod
    def _bodies(text: str, language: str, topic: str) -> set[tuple[str, str]]:
        """(Swedish canonical name, English name) of each body named; an English phrase that
        is not in the table ("the culture committee") has only the English part."""
        found = claims.bodies(text, topic)
        if language == "en":
            found |= {("", b) for b in claims.english_bodies(text)}
        return found

    @staticmethod
    def _unsupported(named: set[tuple[str, str]], allowed: set[tuple[str, str]],
                     language: str) -> set[str]:
        swedish = {sv for sv, _ in allowed if sv}
        english = {en for _, en in allowed if en}
        out = set()
        for sv, en in named:
            if sv and sv in swedish:
                continue
            if language == "en" and en and claims.english_supported(en, english):
                continue
            out.add(sv or en)
        return out
