"""From an analysed question to an answer: candidates, signals, one calibrated decision.

The flow for a question in one municipality: build the candidate (document lines, facts or
passages), measure its signals, let the decision answer, answer with a "not sure" note, or
abstain. An abstention always says why and shows the closest passage when one shares anything
with the question, so nothing retrieval found is dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from knowledge.answer_types import expected_type
from knowledge.candidates import (
    Candidate,
    document_candidate,
    fact_candidate,
    passage_candidate,
    with_passages,
)
from knowledge.composer import compose_abstention, possessive
from knowledge.concepts import ConceptAnalyzer, QuestionConcepts
from knowledge.decision import DecisionModel, Verdict
from knowledge.doc_answers import asked_aspects, states, without_aspect_words
from knowledge.fact_router import FactRouter
from knowledge.models import Answer, Document, Passage
from knowledge.query import Query, across_words
from knowledge.retriever import Hit, HybridRetriever
from knowledge.rhythms import without_rhythm_words
from knowledge.signals import DenseBaseline, SignalBuilder, Signals

# What only the document can say of itself; a date or a contact may be any passage's.
_DOCUMENT_ASPECTS = ("adopted", "dnr", "valid", "replaces")
_TYPE_NAMES = {
    "document": ("inget om själva dokumentet (antagande, diarienummer, giltighet)",
                 "nothing about the document itself (adoption, reference number, validity)"),
    "actor": ("inget organ som gör det", "no body that does it"),
    "amount": ("inget belopp", "no amount"), "number": ("inget antal", "no number"),
    "date": ("inget datum", "no date"), "contact": ("inga kontaktuppgifter", "no contact details"),
    "names": ("inga namn", "no names"), "person": ("inget namn", "no name"),
}


@dataclass
class Judged:
    """A candidate with its measured signals and the decision taken on them."""

    candidate: Candidate
    signals: Signals
    verdict: Verdict
    concepts: QuestionConcepts
    expected: str
    elsewhere: tuple[str, ...] = ()  # other municipalities whose policies cover the topic


class Answerer:
    def __init__(self, *, documents: Mapping[str, Document], retriever: HybridRetriever,
                 router: FactRouter, concepts: ConceptAnalyzer, signals: SignalBuilder,
                 baseline: DenseBaseline, decision: DecisionModel,
                 following: Mapping[tuple[str, int], Passage],
                 sections: Mapping[str, dict[int, str]],
                 section_spans: Mapping[tuple[str, str], tuple[int, int]] | None = None,
                 top_k: int = 5) -> None:
        self.documents = documents
        self.retriever = retriever
        self.router = router
        self.concepts = concepts
        self.signals = signals
        self.baseline = baseline
        self.decision = decision
        self.following = following
        self.sections = sections
        self.section_spans = section_spans or {}
        self.top_k = top_k

    def hits(self, q: Query, concepts: QuestionConcepts, scope: set[str] | None,
             text: str | None = None, k: int = 30) -> list[Hit]:
        search = text or " ".join((q.search_text, *concepts.expansion))
        terms = self.retriever.lexical.analyzer.terms(search)
        return self.retriever.search(text or q.text, terms, scope, k=k)

    def judge(self, q: Query, muni: str | None, names: Sequence[str],
              compare: bool = False) -> Judged:
        """The best candidate for ``muni`` (None: every policy) and the decision on it. In a
        comparison the municipalities themselves are what "Vilka kommuner …?" asks for, so no
        names are expected inside the quote."""
        concepts = self.concepts.analyze(without_rhythm_words(without_aspect_words(q.text)),
                                         q.language, names)
        scope = {muni} if muni else None
        hits = self.hits(q, concepts, scope)
        candidate = self._candidate(q, muni, hits, concepts) or Candidate(
            Answer(text="", language=q.language, intent=q.intent, municipality=muni), [])
        vector = self.retriever.embed(q.text)
        dense = max((h.dense for h in hits), default=0.0)
        place_text = " ".join(d.text for d in self.documents.values()
                              if scope is None or d.municipality in scope)
        expected = expected_type(across_words(q.text) if compare else q.text)
        aspects = [a for a in asked_aspects(q.text) if a in _DOCUMENT_ASPECTS] \
            if candidate.answer.mode != "document" else []
        if aspects:  # "Vem antog policyn?" where no line states it: a passage on another
            expected = "document"  # matter must not answer it
        others = [(s, self.retriever.by_id[pid])
                  for pid, s in self.retriever.store.dense_search(vector, None, k=8)
                  if pid in self.retriever.by_id
                  and self.retriever.by_id[pid].municipality != muni]
        elsewhere = max((s for s, _ in others), default=0.0)
        covering = tuple(dict.fromkeys(
            p.municipality for _, p in others
            if concepts.concepts and concepts.coverage(self._terms(p.text)) >= 0.5))
        signals = self.signals.build(
            concepts=concepts, quotes=candidate.quotes, municipality=muni, dense=dense,
            dense_level=self.baseline.level(vector), expected=expected, intent=q.intent,
            language=q.language, fact_match=candidate.fact_match, place_text=place_text,
            dense_elsewhere=elsewhere, topic=f"{q.text} {q.search_text}")
        if aspects and not any(states(a, quote) for a in aspects for quote in candidate.quotes):
            signals = replace(signals, type_missing=1.0)
        if not candidate.quotes:
            verdict = Verdict("abstain", 0.0, ("coverage",))
        elif candidate.answer.mode == "document" and not signals.type_missing:
            verdict = Verdict("answer", 1.0)  # the line that states it, found by its label
        else:
            verdict = self.decision.decide(signals)
        return Judged(candidate, signals, verdict, concepts, expected,
                      covering if muni else ())

    def _candidate(self, q: Query, muni: str | None, hits: Sequence[Hit],
                   concepts: QuestionConcepts) -> Candidate | None:
        passages = passage_candidate(q.text, hits, self.documents, self.following, q.intent,
                                     q.language, muni, self.top_k, self.section_spans,
                                     coverage=lambda text: concepts.coverage(self._terms(text)))
        if muni is None:
            return passages
        docs = [d for d in self.documents.values() if d.municipality == muni]
        found = document_candidate(q.text, q.language, docs, self.sections)
        if found is not None:
            # "How long is it valid, and when is it reviewed?": what the document lines leave
            # uncovered comes from the best passages.
            terms = self.retriever.lexical.analyzer.term_set(" ".join(found.quotes))
            if passages is not None and concepts.known_coverage(terms) < 1.0:
                found = with_passages(found, passages, q.language)
            return found
        facts, coverage = self.router.match(q.intent, q.text, q.language, muni)
        context = passages.answer.citations[:3] if passages is not None else []
        return fact_candidate(facts, coverage, hits, q.intent, q.language, context) or passages

    def answer(self, q: Query, muni: str | None, names: Sequence[str]) -> Answer:
        judged = self.judge(q, muni, names)
        if judged.verdict.action == "abstain":
            return self.abstain(q, muni, judged)
        answer = judged.candidate.answer
        notes = self._context_notes(q, muni, judged)
        if judged.verdict.action == "unsure":
            notes.insert(0, "Jag är inte säker på att detta besvarar frågan; läs citaten nedan."
                         if q.language == "sv" else
                         "I am not sure this answers the question; read the quotes below.")
        if notes:
            answer.text = "\n".join(notes) + "\n\n" + answer.text
            answer.notes = notes
        answer.decision = judged.verdict.action
        answer.confidence = round(judged.verdict.probability, 3)
        answer.signals = judged.signals.to_dict()
        return answer

    @staticmethod
    def _context_notes(q: Query, muni: str | None, judged: Judged) -> list[str]:
        """Say when a place the question names is not in the policy, and the rule given is
        the general one."""
        if not muni or not judged.signals.places_unmentioned:
            return []
        places = ", ".join(dict.fromkeys(word for word, _ in judged.concepts.places))
        if q.language == "en":
            return [f"{possessive(muni, 'en')} policy does not mention {places} in particular; "
                    "this is what it says in general:"]
        return [f"{possessive(muni, 'sv')} policy nämner inte {places} särskilt; så här säger "
                "den generellt:"]

    def abstain(self, q: Query, muni: str | None, judged: Judged) -> Answer:
        closest = [c for c in judged.candidate.closest
                   if judged.concepts.coverage(self._terms(c.quote)) > 0
                   or judged.signals.dense_rel > 0]
        reason = self.reason(q.language, judged)
        own = self._terms(" ".join(c.quote for c in judged.candidate.closest))
        elsewhere = sorted(judged.elsewhere) if judged.concepts.coverage(own) < 0.5 else []
        answer = Answer(text=compose_abstention(q.language, muni, closest[:1], elsewhere, reason),
                        citations=closest[:1], abstained=True,
                        language=q.language, intent=q.intent, municipality=muni)
        answer.decision = "abstain"
        answer.confidence = round(judged.verdict.probability, 3)
        answer.signals = judged.signals.to_dict()
        return answer

    def _terms(self, quote: str) -> set[str]:
        return self.retriever.lexical.analyzer.term_set(quote)

    @staticmethod
    def reason(language: str, judged: Judged) -> str:
        """The plain-words reason for an abstention, from the signals that weighed most."""
        en = language == "en"
        for feature in judged.verdict.against:
            if feature == "type_missing" and judged.expected in _TYPE_NAMES:
                what = _TYPE_NAMES[judged.expected][1 if en else 0]
                return (f"The closest passage states {what}." if en
                        else f"Det närmaste stället anger {what}.")
            if feature in ("absent", "untranslated"):
                words = [c.word for c in judged.concepts.concepts if not c.in_store][:3]
                if words:
                    listed = ", ".join(f"\"{w}\"" for w in words)
                    return (f"No policy here mentions {listed}." if en
                            else f"Ingen policy här nämner {listed}.")
            if feature == "unknown_names" and judged.concepts.unknown_names:
                names = ", ".join(judged.concepts.unknown_names[:3])
                return (f"No policy here mentions {names}." if en
                        else f"Ingen policy här nämner {names}.")
        return ""
