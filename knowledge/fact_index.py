"""Find the facts a question is about: by municipality, kind, actor, action, rhythm and topic.

Matching is lexical over the fact's own statement (its object), with the same stemming and
compound splitting as passage search, so "vänortsavtal" meets "Avtal med nya vänorter". The
words that only frame a question ("vem beslutar om", "who signs") are left out of the topic:
they pick the action, not the subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.actors import find_actors
from knowledge.concepts import FRAMING
from knowledge.facts import ACTION_LABELS, Fact
from knowledge.lexical import GENERIC, LexicalIndex
from knowledge.lexicon import SYNONYMS, english_expansion
from knowledge.rhythms import rhythm_in_question
from knowledge.text import Analyzer, stem

_ACTION_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("signs", re.compile(r"\b(tecknar|undertecknar|skriver under|signs?|signing|signature)\b",
                         re.I)),
    ("adopts", re.compile(r"\b(antar|antog|antogs|fastställ\w*|adopt\w*)\b", re.I)),
    ("prepares", re.compile(r"\b(bereder|bereds|bereda|prepar\w*)\b", re.I)),
    ("decides", re.compile(r"\b(beslut\w*|bestämm\w*|avgör\w*|godkän\w*|decid\w*|decision\w*|"
                           r"approv\w*)\b", re.I)),
    ("represents", re.compile(r"\b(represent\w*|företräd\w*)\b", re.I)),
    ("coordinates", re.compile(r"\b(samordn\w*|coordinat\w*)\b", re.I)),
    ("appoints", re.compile(r"\b(utse|utser|appoint\w*)\b", re.I)),
    ("finances", re.compile(r"\b(finansier\w*|bekosta\w*|financ\w*|fund\w*|pays?)\b", re.I)),
    ("monitors", re.compile(r"\b(bevak\w*|monitor\w*)\b", re.I)),
]
_DECISION_FAMILY = {"decides", "adopts", "signs", "prepares"}
_QUESTION_FRAME = frozenset(stem(w) for w in (
    "vem vilka vilken vilket vad hur när var organ who which what whom body bodies how when "
    "does do did is are the a an of for to on in our we vi oss hos har ha skriver under "
    "has have must should sign signs signing decide decides decision approve "
    "approves adopts adopt responsible responsibility in charge policy strategy municipality "
    "mål målen målet syfte syftet vision visionen priorit prioriterade goal goals purpose aim "
    "objectives uppfölj följs följas upp ska skall göra gör varje år årligen efter "
    "nämns står säger enligt finns område områden area areas fokusområden insatsområden "
    "prioritise prioritize prioritises prioritizes").split())


# How far back (characters, same section) a definite noun looks for what it names.
_ANTECEDENT_REACH = 400


def _back_references(facts: Sequence[Fact], analyzer: Analyzer) -> list[tuple[Fact, Fact]]:
    """Facts whose object is a lone definite noun ("Avtalet undertecknas av …") paired with the
    nearest earlier fact of the same section whose object holds that noun, alone or as the
    tail of a compound ("Nya vänortsavtal beslutas av …"): the noun names that thing, so the
    fact shares its topic."""
    pairs: list[tuple[Fact, Fact]] = []
    ordered = sorted(facts, key=lambda f: (f.doc_id, f.start))
    for i, fact in enumerate(ordered):
        words = re.findall(r"[\wåäöÅÄÖé-]+", fact.object)
        if fact.kind != "responsibility" or len(words) != 1:
            continue
        noun = analyzer.stem(words[0].lower())
        if len(noun) < 4:
            continue
        for earlier in reversed(ordered[:i]):
            if (earlier.doc_id != fact.doc_id or earlier.section != fact.section
                    or fact.start - earlier.end > _ANTECEDENT_REACH):
                break
            if any(term.endswith(noun) for term in analyzer.term_set(earlier.object)):
                pairs.append((fact, earlier))
                break
    return pairs


@dataclass(frozen=True)
class FactQuery:
    text: str
    language: str
    municipalities: frozenset[str] | None


def asked_action(text: str) -> str:
    return next((name for name, rx in _ACTION_WORDS if rx.search(text)), "")


def asked_rhythm(text: str) -> str:
    return rhythm_in_question(text)


def asked_actors(text: str, language: str) -> list[str]:
    probe = f"{text} {english_expansion(text)}" if language == "en" else text
    return list(dict.fromkeys(m.name for m in find_actors(probe)))


class FactIndex:
    def __init__(self, facts: Iterable[Fact], lexical: LexicalIndex) -> None:
        self.facts = list(facts)
        self.lexical = lexical
        self._terms = {f.id: self.lexical.analyzer.term_set(self._text(f)) for f in self.facts}
        for fact, antecedent in _back_references(self.facts, self.lexical.analyzer):
            self._terms[fact.id] |= self.lexical.analyzer.term_set(antecedent.object)

    @staticmethod
    def _text(fact: Fact) -> str:
        verb = ACTION_LABELS[fact.action][0] if fact.action in ACTION_LABELS else fact.action
        return " ".join([fact.actor, verb, fact.label, fact.object, " ".join(fact.contents),
                         fact.section])

    def select(self, municipality: str | None = None, kind: str = "", actor: str = "",
               action: str = "") -> list[Fact]:
        return [f for f in self.facts
                if (municipality is None or f.municipality == municipality)
                and (not kind or f.kind == kind) and (not actor or f.actor == actor)
                and (not action or f.action == action)]

    def topic_concepts(self, question: str, language: str,
                       drop: Sequence[str] = (), generic_fallback: bool = False,
                       ) -> list[tuple[frozenset[str], float]]:
        """The question's subject as weighted term groups, framing and body names removed."""
        text = question
        for phrase in drop:
            text = re.sub(re.escape(phrase), " ", text, flags=re.I)
        if language == "en":
            text = f"{text} {english_expansion(text)}"
        out, generic = [], []
        for word in re.findall(r"[\wåäöÅÄÖé+-]+", text):
            own = stem(word.lower())
            if own in GENERIC:  # "policyn": generic in passages, telling in a fact's object
                generic.append((frozenset({own}), 0.5))
            if own in _QUESTION_FRAME or own in GENERIC or own in FRAMING:
                continue
            alternatives = SYNONYMS.get(word.lower(), word)
            whole = {stem(w) for w in alternatives.split()}
            terms = frozenset(t for t in self.lexical.analyzer.terms(alternatives)
                              if (len(t) >= 5 or t in whole)  # not "skap" from "medlemskap"
                              and t not in FRAMING and t not in GENERIC
                              and t not in _QUESTION_FRAME and self.lexical.idf_of(t) > 0)
            if terms:
                out.append((terms, max(self.lexical.idf_of(t) for t in terms)))
        # "Vem ansvarar för det internationella arbetet?": when only generic words name the
        # topic, they are the topic (in a fact's short statement they still discriminate).
        return out or (generic if generic_fallback else [])

    def coverage(self, fact: Fact, concepts: Sequence[tuple[frozenset[str], float]]) -> float:
        if not concepts:
            return 0.0
        terms = self._terms[fact.id]
        return sum(w for t, w in concepts if t & terms) / sum(w for _, w in concepts)

    def best(self, candidates: Sequence[Fact], concepts: Sequence[tuple[frozenset[str], float]],
             threshold: float = 0.6, margin: float = 0.15) -> list[Fact]:
        """Candidates whose statement covers the topic, keeping those close to the best."""
        scored = [(self.coverage(f, concepts), f) for f in candidates]
        top = max((s for s, _ in scored), default=0.0)
        if top < threshold:
            return []
        return [f for s, f in scored if s >= top - margin]

    @staticmethod
    def by_action(facts: Sequence[Fact], action: str) -> list[Fact]:
        """Keep the asked action, and for a decision every body in the decision chain."""
        if not action:
            return list(facts)
        family = _DECISION_FAMILY if action in _DECISION_FAMILY else {action}
        chosen = [f for f in facts if f.action in family]
        return chosen or list(facts)
