"""Decide whether a question is answered from facts, and with which ones.

Facts answer first where the intent has them and the question's subject clearly matches:
who decides/does X (responsibilities), what does body Y do (all of Y's responsibilities),
which goals of a named kind apply, and which follow-up duties exist. Anything less clear
falls through to passage retrieval, so a fact answer is never a guess.
"""

from __future__ import annotations

import re

from knowledge.actors import find_actors
from knowledge.answer_types import asks_enumeration
from knowledge.fact_index import FactIndex, asked_action, asked_actors, asked_rhythm
from knowledge.facts import Fact
from knowledge.rhythms import duties_in_question, without_rhythm_words

_WHAT_DOES = re.compile(r"^\s*(vad|what|vilka uppgifter|which tasks|vilket ansvar|"
                        r"what responsibilit\w*)\b", re.I)
_ACTION_OBJECT = re.compile(
    r"\b(?:beslutar|bestämmer|avgör|ansvarar|tecknar|undertecknar|godkänner|decides?|approves?|"
    r"signs?|responsible)\s+(?:om|för|över|on|for|about|över)?\s*(.+)$", re.I)
_GOAL_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("priority", re.compile(r"\b(priorit\w*)\b", re.I)),
    ("vision", re.compile(r"\b(vision\w*)\b", re.I)),
    ("purpose", re.compile(r"\b(syfte\w*|purpose\w*|aim\w*)\b", re.I)),
    ("strategy", re.compile(r"\b(strategier|principer|principles?|arbetsmetod\w*|arbetssätt\w*|"
                            r"strategies)\b", re.I)),
    ("overall", re.compile(r"\b(mål|målen|målet|målsättning\w*|goals?|objectives?)\b", re.I)),
]
def asked_goal_kind(text: str) -> str:
    return next((kind for kind, rx in _GOAL_KIND_WORDS if rx.search(text)), "")


class FactRouter:
    def __init__(self, index: FactIndex) -> None:
        self.index = index

    def match(self, intent: str, text: str, language: str,
              municipality: str) -> tuple[list[Fact], float]:
        """The facts that answer the question and how well the best covers its topic (1.0
        when the question names no topic beyond the kind of fact: "Vilka mål har policyn?")."""
        facts = self.facts_for(intent, text, language, municipality)
        if not facts:
            return [], 0.0
        # the phrase that asks when ("när vi kommit hem") is matched by the rhythm, not the topic
        concepts = self.index.topic_concepts(without_rhythm_words(text), language,
                                             self._actor_words(text), False)
        if not concepts:
            return facts, 1.0
        return facts, max(self.index.coverage(f, concepts) for f in facts)

    def facts_for(self, intent: str, text: str, language: str, municipality: str) -> list[Fact]:
        if asked_rhythm(text) == "after_each":  # "måste jag skriva något efteråt?"
            found = self.obligations(text, language, municipality)
            if found:
                return found
        if intent == "who":
            if asked_goal_kind(text) and not asked_action(text):  # "Vilka områden ska vi
                return self.goals(text, language, municipality)  # prioritera?"
            return self.responsibilities(text, language, municipality)
        if intent == "goals":
            return self.goals(text, language, municipality)
        if intent == "follow_up":
            return self.obligations(text, language, municipality)
        return []

    def responsibilities(self, text: str, language: str, municipality: str) -> list[Fact]:
        candidates = self.index.select(municipality, kind="responsibility")
        actors = asked_actors(text, language)
        drop = self._actor_words(text)
        after_verb = _ACTION_OBJECT.search(text)  # "vem beslutar om X": X is the topic
        concepts = (self.index.topic_concepts(after_verb.group(1), language, drop, True)
                    if after_verb else [])
        concepts = concepts or self.index.topic_concepts(text, language, drop, True)
        own = [f for f in candidates if f.actor in actors]
        if own and _WHAT_DOES.search(text):
            return own  # "Vad ansvarar KS för?": all of that body's responsibilities
        matched = self.index.best(candidates, concepts)
        return self.index.by_action(matched, asked_action(text))

    def goals(self, text: str, language: str, municipality: str) -> list[Fact]:
        kind = asked_goal_kind(text)
        if not kind:
            return []
        goals = self.index.select(municipality, kind="goal")
        of_kind = [g for g in goals if g.goal_kind == kind]
        if not of_kind and kind == "overall":  # "Vilka mål …?" where the policy says "Syfte"
            of_kind = [g for g in goals if g.goal_kind in ("purpose", "vision")]
        concepts = self.index.topic_concepts(text, language)
        if not concepts:
            return of_kind
        topical = self.index.best(of_kind or goals, concepts)
        if asks_enumeration(text) and of_kind:  # "Vilka är målen? Särskilt om unga":
            return topical + [g for g in of_kind if g not in topical]  # all, topical first
        return topical

    def obligations(self, text: str, language: str, municipality: str) -> list[Fact]:
        duties = self.index.select(municipality, kind="obligation")
        kinds = duties_in_question(text)
        rhythm = asked_rhythm(text)
        concepts = self.index.topic_concepts(text, language)
        timed = [d for d in duties if d.when == rhythm] if rhythm else []
        if timed and concepts:  # the rhythm already narrows it: "efter varje studiebesök"
            return self.index.best(timed, concepts, threshold=0.2) or timed
        if concepts:
            matched = self.index.best(duties, concepts, threshold=0.5)
        else:
            matched = [d for d in duties if d.action in kinds]
        if rhythm:
            matched = [d for d in matched if d.when == rhythm] or matched
        return matched

    @staticmethod
    def _actor_words(text: str) -> list[str]:
        return [m.text for m in find_actors(text)]
