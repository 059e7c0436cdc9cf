"""PolicyService: the one call every front end makes to answer a question."""

from __future__ import annotations

import difflib
import logging
import re
import time
from collections.abc import Sequence

from knowledge.answer_types import expected_type
from knowledge.answerer import Answerer
from knowledge.composer import compose, compose_abstention, distinct_quotes
from knowledge.concepts import ConceptAnalyzer
from knowledge.crosslingual import WordMatcher, vocabulary
from knowledge.dates import date_in_text
from knowledge.decision import DecisionModel
from knowledge.doc_answers import asked_aspects
from knowledge.fact_answers import (
    answer_from_facts,
    answer_per_municipality,
    citations,
    onboarding_summary,
)
from knowledge.fact_index import FactIndex, asked_actors
from knowledge.fact_router import FactRouter
from knowledge.facts import GOAL_KINDS, Briefing, Fact
from knowledge.generation.writer import Draft, GeneratedAnswers
from knowledge.lexical import LexicalIndex
from knowledge.models import Answer, Citation, Document, Passage
from knowledge.places import place_names
from knowledge.query import Query, QueryAnalyzer, fold
from knowledge.retriever import Hit, HybridRetriever
from knowledge.signals import DenseBaseline, SignalBuilder
from knowledge.store import KnowledgeStore
from knowledge.verify import verified

log = logging.getLogger(__name__)

_DATE_QUESTION = re.compile(r"\b(datum|daterad\w*|äldst|nyast|oldest|newest|dated|antogs när|"
                            r"när antogs|when was)\b", re.I)


class InvalidQuestionError(ValueError):
    """The question cannot be answered as given; the message tells the user what to change,
    in English (``str``) and, where given, Swedish: front ends show ``text(language)``."""

    def __init__(self, en: str, sv: str | None = None) -> None:
        self.en, self.sv = en, sv or en
        self.language: str | None = None  # the asker's, where a front end knows it
        super().__init__(en)

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.sv


class PolicyService:
    def __init__(self, store: KnowledgeStore, top_k: int = 5, max_question_chars: int = 2000,
                 default_municipality: str | None = None,
                 decision: DecisionModel | None = None,
                 generator: GeneratedAnswers | None = None) -> None:
        self.store = store
        self.generator = generator
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self.default_municipality = default_municipality
        self.decision = decision or DecisionModel.load()
        self.baseline = DenseBaseline(store.embeddings)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the in-memory indexes after an ingest."""
        self.documents = {d.id: d for d in self.store.documents()}
        # a store from before the word vectors, or written by an older ingest: embed once
        self.store.ensure_words(vocabulary(d.text for d in self.documents.values()))
        words, vectors, languages = self.store.word_vectors()
        self.words = WordMatcher(self.store.embeddings, words, vectors, languages)
        self.lexical = LexicalIndex(self.store.passages())
        self.retriever = HybridRetriever(self.store, self.lexical)
        self.following = self._following_blocks()
        self.analyzer = QueryAnalyzer(self.municipalities())
        self.names = self._name_forms()
        self.fact_index = FactIndex(self.store.facts(), self.lexical)
        self.router = FactRouter(self.fact_index)
        sections: dict[str, dict[int, str]] = {}
        spans: dict[tuple[str, str], tuple[int, int]] = {}
        for p in self.lexical.passages:
            sections.setdefault(p.doc_id, {})[p.block_start] = p.section
            a, b = spans.get((p.doc_id, p.section), (p.block_start, p.block_end))
            spans[(p.doc_id, p.section)] = (min(a, p.block_start), max(b, p.block_end))
        self.answerer = Answerer(
            documents=self.documents, retriever=self.retriever, router=self.router,
            concepts=ConceptAnalyzer(self.lexical, place_names(),
                                     (d.text for d in self.documents.values()), self.words),
            signals=SignalBuilder(self.lexical), baseline=self.baseline,
            decision=self.decision, following=self.following, sections=sections,
            section_spans=spans, top_k=self.top_k)

    def _following_blocks(self) -> dict[tuple[str, int], Passage]:
        """(doc, end of a block) -> first passage of the next block, to extend short quotes."""
        ordered = sorted(self.lexical.passages, key=lambda p: (p.doc_id, p.start))
        out: dict[tuple[str, int], Passage] = {}
        for prev, nxt in zip(ordered, ordered[1:], strict=False):
            if prev.doc_id == nxt.doc_id and nxt.block_start >= prev.block_end:
                out.setdefault((prev.doc_id, prev.block_end), nxt)
        return out

    def _name_forms(self) -> list[str]:
        """Every way the stored municipalities are written ("Göteborgs Stad", "Gothenburg"),
        so a question's own municipality never counts as one of its topic words."""
        forms = set(self.municipalities())
        for name in self.municipalities():
            org = self.analyzer.registry.resolve(name, fuzzy=False)
            if org is not None:
                forms.update(org.forms())
        return sorted(forms, key=len, reverse=True)

    def municipalities(self) -> list[str]:
        return sorted({d.municipality for d in self.documents.values()})

    def resolve_municipality(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        stored = self.analyzer.registry.stored_name(name.strip(), self.municipalities())
        if stored is not None:
            return stored
        known = {fold(m): m for m in self.municipalities()}
        key = re.sub(r"\s+(kommun|stad|municipality)$", "", fold(name.strip()))
        if key in known:
            return known[key]
        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
        listed = ", ".join(self.municipalities())
        raise InvalidQuestionError(
            f"Unknown municipality {name!r}."
            f"{f' Did you mean {known[close[0]]}?' if close else ''} Known: {listed}.",
            f"Okänd kommun «{name}»."
            f"{f' Menade du {known[close[0]]}?' if close else ''} Kända: {listed}.")

    # ------------------------------------------------------------------ asking
    def ask(self, question: str, municipality: str | None = None,
            on_draft: Draft | None = None) -> Answer:
        """The answer to ``question``: the engine's (``answer``), then, with an LLM
        configured, its verified rewrite (``rewrite``; ``on_draft`` sees the draft)."""
        return self.rewrite(question, self.answer(question, municipality), on_draft)

    def answer(self, question: str, municipality: str | None = None) -> Answer:
        """The engine's extractive answer or abstention, every quote checked verbatim."""
        started = time.perf_counter()
        text = (question or "").strip()
        if not text:
            # an empty question has no language to follow: both, the likelier one first
            raise InvalidQuestionError("The question is empty. / Frågan är tom.",
                                       "Frågan är tom. / The question is empty.")
        if len(text) > self.max_question_chars:
            raise InvalidQuestionError(
                f"The question is {len(text)} characters; the limit is "
                f"{self.max_question_chars}. Ask one short question at a time.",
                f"Frågan har {len(text)} tecken; gränsen är {self.max_question_chars}. Ställ "
                "en kort fråga i taget.")
        muni = self.resolve_municipality(municipality) or self.default_municipality
        query = self.analyzer.analyze(text, muni)
        answer = self._answer(query)
        answer.citations = verified(answer.citations, self.documents)
        answer.timings["total"] = time.perf_counter() - started
        return answer

    def rewrite(self, question: str, answer: Answer, on_draft: Draft | None = None) -> Answer:
        """With an LLM configured, an answer the engine gives is rewritten by the model and
        shown only if it passes the verifier; ``on_draft`` receives the text as it is written
        (a chat message being updated) before that check, so a front end must replace it with
        the returned answer. Needs no lock: it reads nothing the indexes change."""
        if self.generator is None or answer.abstained:
            return answer
        started = time.perf_counter()
        text = question.strip()
        actor = answer.intent == "who" or expected_type(text) == "actor"
        answer = self.generator.rewrite(text, answer, actor_question=actor, on_draft=on_draft)
        answer.timings["total"] = answer.timings.get("total", 0.0) + (
            time.perf_counter() - started)
        return answer

    def _answer(self, q: Query) -> Answer:
        if q.unknown_municipality:
            return self._unknown_place(q)
        if q.compare:
            return self._compare(q)
        muni = next(iter(q.municipalities)) if q.municipalities else None
        if q.intent == "onboarding" and not asked_aspects(q.text):  # "…who is my contact?"
            return self._onboarding(q, muni)  # is answered from the contact lines instead
        return self.answerer.answer(q, muni, self.names)

    @staticmethod
    def _without_place(text: str, municipality: str) -> str:
        return re.sub(rf"\b{re.escape(municipality)}(s|'s|’s)?\b", " ", text, flags=re.I)

    # ------------------------------------------------------------ structured commands
    def who(self, topic: str, municipality: str | None = None, language: str = "sv") -> Answer:
        """Who decides, signs or is responsible for ``topic``; every municipality if none."""
        topic = self._checked(topic)
        muni = self.resolve_municipality(municipality) or self.default_municipality
        names = [muni] if muni else self.municipalities()
        groups = {m: fs for m in names
                  if (fs := self.router.responsibilities(topic, language, m))}
        if not groups:
            question = (f"Who decides on {topic}?" if language == "en"
                        else f"Vem beslutar om {topic}?")
            return self.ask(question, muni)
        return self._fact_answer(groups, "who", language)

    def goals(self, municipality: str | None = None, area: str | None = None,
              language: str = "sv") -> Answer:
        """The goals (of one area, if given) of a municipality's policy, or of every policy."""
        names = self._scope(municipality)
        concepts = (self.fact_index.topic_concepts(self._checked(area), language)
                    if area else [])
        groups = {}
        for name in names:
            goals = self._ordered_goals(name)
            if concepts:  # every goal about the area, not only the best one
                goals = [g for g in goals if self.fact_index.coverage(g, concepts) >= 0.5]
            if goals:
                groups[name] = goals
        if not groups:
            what = f" om {area}" if area and language == "sv" else f" on {area}" if area else ""
            return self.ask((f"Vilka mål{what} har policyn?" if language == "sv"
                             else f"Which goals{what} does the policy set?"),
                            names[0] if len(names) == 1 else None)
        return self._fact_answer(groups, "goals", language)

    def obligations(self, municipality: str | None = None, language: str = "sv") -> Answer:
        """What must be reported, evaluated or revised: one municipality's, or every one's."""
        names = self._scope(municipality)
        groups = {m: ds for m in names if (ds := self.fact_index.select(m, kind="obligation"))}
        if not groups:
            return self.ask("Vad ska följas upp och redovisas?" if language == "sv"
                            else "What must be followed up and reported?",
                            names[0] if len(names) == 1 else None)
        return self._fact_answer(groups, "follow_up", language)

    def _scope(self, municipality: str | None) -> list[str]:
        muni = self.resolve_municipality(municipality) or self.default_municipality
        return [muni] if muni else self.municipalities()

    @staticmethod
    def _fact_answer(groups: dict[str, list[Fact]], intent: str, language: str) -> Answer:
        if len(groups) == 1:
            return answer_from_facts(next(iter(groups.values())), intent, language)
        return answer_per_municipality(groups, intent, language)

    def briefing(self, municipality: str) -> Briefing:
        """The onboarding briefing: goals, who decides what, and the follow-up duties."""
        muni = self.resolve_municipality(municipality)
        if muni is None:
            raise InvalidQuestionError("Name a municipality for the briefing.",
                                       "Ange en kommun för introduktionen.")
        docs = [d for d in self.documents.values() if d.municipality == muni]
        adopted = "; ".join(" ".join(x for x in (d.adopted_by or "", d.date or "") if x)
                            for d in docs)
        return Briefing(
            municipality=muni, document="; ".join(d.title for d in docs), adopted=adopted,
            goals=tuple(self._ordered_goals(muni)),
            responsibilities=tuple(self.fact_index.select(muni, kind="responsibility")),
            obligations=tuple(self.fact_index.select(muni, kind="obligation")))

    def facts(self, municipality: str | None = None, kind: str = "") -> list[Fact]:
        muni = self.resolve_municipality(municipality)
        return self.fact_index.select(muni, kind=kind)

    def _ordered_goals(self, muni: str) -> list[Fact]:
        goals = self.fact_index.select(muni, kind="goal")
        return sorted(goals, key=lambda g: (GOAL_KINDS.index(g.goal_kind), g.start))

    def _checked(self, text: str) -> str:
        text = (text or "").strip()
        if not text:
            raise InvalidQuestionError("The topic is empty. / Ämnet är tomt.",
                                       "Ämnet är tomt. / The topic is empty.")
        if len(text) > self.max_question_chars:
            raise InvalidQuestionError(
                f"The topic is {len(text)} characters; the limit is {self.max_question_chars}.",
                f"Ämnet har {len(text)} tecken; gränsen är {self.max_question_chars}.")
        return text

    def _hits(self, q: Query, municipalities: set[str] | None, text: str | None = None,
              k: int = 12) -> list[Hit]:
        search = text or q.search_text
        return self.retriever.search(text or q.text, self.lexical.analyzer.terms(search),
                                     municipalities, k=k)

    def _abstain(self, q: Query, muni: str | None, reason: str = "") -> Answer:
        return Answer(text=compose_abstention(q.language, muni, [], (), reason),
                      abstained=True, language=q.language, intent=q.intent, municipality=muni,
                      decision="abstain")

    def _unknown_place(self, q: Query) -> Answer:
        known = ", ".join(self.municipalities())
        place = q.unknown_municipality
        reason = (f"I have no policy from {place}; the policies here are from {known}."
                  if q.language == "en" else
                  f"Jag har ingen policy från {place}; policyerna här kommer från {known}.")
        return self._abstain(q, None, reason)

    def _onboarding(self, q: Query, muni: str | None) -> Answer:
        scope = {muni} if muni else None
        hits = list(self._hits(q, scope, k=6))
        quotes = distinct_quotes([(h.passage, h.score) for h in hits], self.documents, 6,
                                 self.following)
        facts = self._briefing_facts(q, muni) if muni else []
        if not quotes and not facts:
            return self._abstain(q, muni)
        parts = [onboarding_summary(facts, q.language)] if facts else []
        if quotes:
            parts.append(compose(quotes, q.intent, q.language, q.text))
        cits = [x.citation for x in quotes] + citations(facts)
        unique = list({(c.doc_id, c.start, c.end): c for c in cits}.values())
        return Answer(text="\n\n".join(parts), citations=unique, language=q.language,
                      intent=q.intent, municipality=muni, mode="facts" if facts else "extractive")

    def _briefing_facts(self, q: Query, muni: str) -> list[Fact]:
        """The asker's own role first (a body the question names), then the overall goals, who
        decides what and the follow-up duties every new official must know."""
        actors = asked_actors(q.text, q.language)
        own = [f for f in self.fact_index.select(muni) if f.kind != "goal" and f.actor in actors]
        roles = self.fact_index.select(muni, kind="responsibility")
        # who decides, and every role when there are few (a short page's whole division of work)
        decisions = [f for f in roles if f.action in ("decides", "adopts", "signs")
                     or len(roles) <= 10]
        duties = self.fact_index.select(muni, kind="obligation")
        concepts = self.fact_index.topic_concepts(q.text, q.language)
        topical = self.fact_index.best(
            [f for f in self.fact_index.select(muni) if f.kind != "goal"], concepts, 0.4, 0.1)
        goals = self._ordered_goals(muni)
        overall = [g for g in goals if g.goal_kind == "overall"] or [
            g for g in goals if g.goal_kind == "purpose"]
        return list({f.id: f for f in own + topical + overall[:8] + decisions + duties}.values())

    def _compare(self, q: Query) -> Answer:
        if _DATE_QUESTION.search(q.text):
            return self._dates(q)
        names = sorted(q.municipalities) if q.municipalities else self.municipalities()
        if q.intent in ("who", "follow_up"):  # "Vilka kommuner kräver …": each one's facts
            text = q.text
            for name in names:
                text = self._without_place(text, name)
            groups = {m: fs for m in names
                      if (fs := self.router.facts_for(q.intent, text, q.language, m))}
            if groups:
                answer = answer_per_municipality(groups, q.intent, q.language)
                # "Compare X and Y": say so when one of them has no such rule
                missing = [m for m in sorted(q.municipalities or ()) if m not in groups]
                if missing:
                    answer.text += "\n\n" + _not_stated(missing, q.language)
                return answer
        per_muni = self._compared_passages(q, names)
        if not per_muni:
            return self._abstain(q, None)
        found = ", ".join(c.municipality for c in per_muni)
        head = (f"The policies of {found} address this:" if q.language == "en" else
                f"Detta tas upp i policyerna för {found}:")
        return Answer(text=head + "\n" + "\n".join(_compared_line(c) for c in per_muni),
                      citations=per_muni, language=q.language,
                      intent="compare", municipality=None)

    def _compared_passages(self, q: Query, names: Sequence[str]) -> list[Citation]:
        """Per municipality its best passage, best first, where it is judged to answer and
        contains the compared topic (the question's concepts), not merely a similar
        sentence."""
        scored: list[tuple[float, Citation]] = []
        for name in names:
            judged = self.answerer.judge(q, name, self.names, compare=True)
            if (judged.candidate.closest and judged.verdict.action != "abstain"
                    and judged.signals.known_coverage >= 0.5):
                scored.append((judged.verdict.probability, judged.candidate.closest[0]))
        return [c for _, c in sorted(scored, key=lambda x: x[0], reverse=True)]

    def _dates(self, q: Query) -> Answer:
        dated = sorted((d for d in self.documents.values() if d.date), key=lambda d: d.date or "")
        if not dated:
            return self._abstain(q, None)
        cits = [c for c in (self._date_citation(d) for d in dated) if c is not None]
        rows = [f"{d.municipality}: {d.date} ({d.title})" for d in dated]
        undated = [d.municipality for d in self.documents.values() if not d.date]
        if q.language == "en":
            head = (f"Oldest: {dated[0].municipality} ({dated[0].date}); newest: "
                    f"{dated[-1].municipality} ({dated[-1].date}).")
            tail = f"\nUndated: {', '.join(undated)}." if undated else ""
        else:
            head = (f"Äldst: {dated[0].municipality} ({dated[0].date}); nyast: "
                    f"{dated[-1].municipality} ({dated[-1].date}).")
            tail = f"\nUtan datum: {', '.join(undated)}." if undated else ""
        quotes = "\n".join(f"«{c.quote}» ({c.municipality})" for c in cits)
        return Answer(text=f"{head}\n" + "\n".join(rows) + tail + "\n\n" + quotes,
                      citations=cits, language=q.language, intent="compare")

    def _date_citation(self, doc: Document) -> Citation | None:
        assert doc.date
        match = date_in_text(doc.text, doc.date)
        if match is None:
            return None
        start = doc.text.rfind("\n\n", 0, match.start)
        start = 0 if start < 0 else start + 2
        end = doc.text.find("\n\n", match.end)
        end = len(doc.text) if end < 0 else end
        section = next((p.section for p in self.lexical.passages
                        if p.doc_id == doc.id and p.start <= match.start < p.block_end), "")
        return Citation(doc.municipality, doc.title, section or doc.title,
                        doc.text[start:end], doc.id, start, end)


def _compared_line(c: Citation) -> str:  # "Eksjö: «…» ("Ansvar")"
    return f"{c.municipality}: «{c.quote}» (\"{c.section}\")"


def _not_stated(municipalities: Sequence[str], language: str) -> str:
    names = ", ".join(municipalities)
    if language == "en":
        return f"I found no such rule in the policies of {names}."
    return f"Jag hittade ingen sådan regel i policyerna för {names}."
