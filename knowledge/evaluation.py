"""The evaluation set as a benchmark: prints figures, never asserts them.

Scoring follows shared/eval/README.md; the BM25 baseline answers every question with the top
passages of plain BM25 over the same passages, so each change shows its gain beside it.
"""

from __future__ import annotations

import contextlib
import json
import re
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.composer import distinct_quotes
from knowledge.models import Answer, Citation, Document
from knowledge.service import InvalidQuestionError, PolicyService
from knowledge.text import collapse_ws

AnswerFn = Callable[[dict[str, Any]], Answer]


class EvalFileError(ValueError):
    pass


def load_items(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(f"{path.name}:{n}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or "question" not in item or "id" not in item:
            raise EvalFileError(f"{path.name}:{n}: needs at least 'id' and 'question'")
        items.append(item)
    return items


def fact_found(alternative: str, text: str) -> bool:
    if len(alternative.strip()) <= 3:
        core = alternative.strip()
        prefix = r"(?<![\w])" if core[:1].isalnum() else ""
        return re.search(prefix + re.escape(core), text, re.IGNORECASE) is not None
    return alternative.lower() in text.lower()


def quote_matches(gold: str, cited: str) -> bool:
    g, c = collapse_ws(gold), collapse_ws(cited)
    return g in c or (c in g and len(c) >= 40)


@dataclass
class ItemResult:
    item: dict[str, Any]
    answer: Answer
    seconds: float
    correct: bool
    facts_found: int
    facts_total: int
    gold_at1: int
    gold_at5: int
    gold_total: int
    invented: int


@dataclass
class Report:
    name: str
    results: list[ItemResult] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        r = self.results
        answerable = [x for x in r if x.item.get("type") != "out_of_scope"]
        oos = [x for x in r if x.item.get("type") == "out_of_scope"]
        gold = sum(x.gold_total for x in r) or 1
        lat = sorted(x.seconds for x in r) or [0.0]
        return {
            "items": len(r),
            "correct": sum(x.correct for x in r) / max(len(r), 1),
            "fact_recall": sum(x.facts_found for x in answerable)
            / max(sum(x.facts_total for x in answerable), 1),
            "abstention": sum((x.item.get("type") == "out_of_scope") == x.answer.abstained
                              for x in r) / max(len(r), 1),
            "oos_abstained": sum(x.answer.abstained for x in oos) / max(len(oos), 1),
            "false_abstention": sum(x.answer.abstained for x in answerable)
            / max(len(answerable), 1),
            "citation_recall@1": sum(x.gold_at1 for x in r) / gold,
            "citation_recall@5": sum(x.gold_at5 for x in r) / gold,
            "invented_quotes": float(sum(x.invented for x in r)),
            "latency_median_ms": statistics.median(lat) * 1000,
            "latency_p95_ms": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))] * 1000,
        }

    def signal_rows(self) -> list[dict[str, Any]]:
        """One line per item for ``policyguide calibrate``: its label and measured signals."""
        return [{"id": x.item["id"], "type": x.item.get("type"), "correct": x.correct,
                 "decision": x.answer.decision, "confidence": x.answer.confidence,
                 "signals": x.answer.signals} for x in self.results]

    def by_type(self) -> dict[str, float]:
        out: dict[str, list[bool]] = {}
        for x in self.results:
            out.setdefault(str(x.item.get("type")), []).append(x.correct)
        return {k: sum(v) / len(v) for k, v in sorted(out.items())}


class Evaluator:
    def __init__(self, documents: Iterable[Document]) -> None:
        self.sources: dict[tuple[str, str], str] = {}
        for doc in documents:
            raw = doc.text
            with contextlib.suppress(OSError, UnicodeDecodeError):
                raw = Path(doc.source).read_text(encoding="utf-8")
            self.sources[(doc.municipality, doc.title)] = collapse_ws(raw)
            self.sources[(doc.municipality, doc.title)] += " " + collapse_ws(doc.text)

    def invented(self, citations: list[Citation]) -> int:
        bad = 0
        for c in citations:
            text = self.sources.get((c.municipality, c.document), "")
            if not c.quote.strip() or collapse_ws(c.quote) not in text:
                bad += 1
        return bad

    def score(self, item: dict[str, Any], answer: Answer, seconds: float) -> ItemResult:
        facts = item.get("answer_facts") or []
        found = sum(any(fact_found(a, answer.text) for a in fact) for fact in facts)
        must_not = any(s.lower() in answer.text.lower() for s in item.get("must_not") or [])
        if item.get("type") == "out_of_scope":
            correct = answer.abstained
        else:
            correct = not answer.abstained and found == len(facts) and not must_not
        golds = [g["quote"] for g in item.get("gold") or []]
        quotes = [c.quote for c in answer.citations]
        return ItemResult(
            item, answer, seconds, correct, found, len(facts),
            sum(any(quote_matches(g, q) for q in quotes[:1]) for g in golds),
            sum(any(quote_matches(g, q) for q in quotes[:5]) for g in golds),
            len(golds), self.invented(answer.citations))

    def run(self, name: str, items: list[dict[str, Any]], answer: AnswerFn) -> Report:
        report = Report(name)
        for item in items:
            started = time.perf_counter()
            result = answer(item)
            report.results.append(self.score(item, result, time.perf_counter() - started))
        return report


def service_answerer(service: PolicyService) -> AnswerFn:
    def answer(item: dict[str, Any]) -> Answer:
        try:
            return service.ask(item["question"], item.get("municipality"))
        except InvalidQuestionError as exc:  # e.g. an unknown municipality: scored as abstained
            return Answer(text=str(exc), abstained=True, decision="abstain")

    return answer


def _scope(service: PolicyService, item: dict[str, Any]) -> set[str] | None:
    try:
        muni = service.resolve_municipality(item.get("municipality"))
    except InvalidQuestionError:
        return None
    return {muni} if muni else None


def dense_answerer(service: PolicyService) -> AnswerFn:
    """Naive dense RAG: the passage most similar to the question (the store's embedder,
    multilingual-e5-small by default), quoted as the answer; never abstains."""

    def answer(item: dict[str, Any]) -> Answer:
        vector = service.retriever.embed(item["question"])
        ranked = service.store.dense_search(vector, _scope(service, item), k=10)
        by_id = service.retriever.by_id
        hits = [(by_id[pid], score) for pid, score in ranked if pid in by_id]
        quotes = distinct_quotes(hits, service.documents, 5)
        return Answer(text=quotes[0].citation.quote if quotes else "",
                      citations=[q.citation for q in quotes], mode="dense-baseline")

    return answer


def bm25_answerer(service: PolicyService) -> AnswerFn:
    """Baseline: plain BM25 on the question, top five passages quoted, never abstains."""

    def answer(item: dict[str, Any]) -> Answer:
        terms = service.lexical.analyzer.terms(item["question"])
        hits = service.lexical.search(terms, _scope(service, item), k=10)
        quotes = distinct_quotes(hits, service.documents, 5)
        return Answer(text="\n".join(q.citation.quote for q in quotes),
                      citations=[q.citation for q in quotes], mode="bm25-baseline")

    return answer
