"""Hybrid retrieval: BM25 with Swedish stemming and dense vectors, fused linearly."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from knowledge.lexical import LexicalIndex
from knowledge.models import Passage
from knowledge.store import KnowledgeStore


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    lexical: float
    dense: float


class HybridRetriever:
    def __init__(self, store: KnowledgeStore, lexical: LexicalIndex,
                 dense_weight: float = 0.35) -> None:
        self.store = store
        self.lexical = lexical
        self.by_id = {p.id: p for p in lexical.passages}
        self.dense_weight = dense_weight
        # One question is searched several times (per municipality, per onboarding aspect):
        # embed each text once.
        self._embed = lru_cache(maxsize=256)(store.embeddings.embed_query)

    def embed(self, text: str) -> list[float]:
        """The query vector, embedded once per text."""
        return list(self._embed(text))

    def _fuse(self, lex: dict[str, float], dense: dict[str, float]) -> dict[str, float]:
        """Linear fusion of min-max normalised scores: keeps how much better the best hit is,
        which rank fusion throws away (measured: see README, "Retrieval")."""
        fused: dict[str, float] = {}
        for scores, weight, floor in ((lex, 1.0 - self.dense_weight, True),
                                      (dense, self.dense_weight, False)):
            if not scores:
                continue
            # BM25 is 0 for a passage that shares no term, so 0 is its floor; a lone lexical
            # hit then keeps its full weight instead of normalising to nothing.
            hi, lo = max(scores.values()), 0.0 if floor else min(scores.values())
            span = (hi - lo) or 1.0
            for pid, score in scores.items():
                fused[pid] = fused.get(pid, 0.0) + weight * (score - lo) / span
        return fused

    def search(self, text: str, terms: list[str], municipalities: set[str] | None,
               k: int = 20, use_dense: bool = True) -> list[Hit]:
        lex = self.lexical.search(terms, municipalities, k=50)
        dense: list[tuple[str, float]] = []
        if use_dense and self.by_id:
            vector = self._embed(text)
            dense = self.store.dense_search(vector, municipalities, k=50)
        lex_score = {p.id: s for p, s in lex}
        dense_score = {pid: s for pid, s in dense if pid in self.by_id}
        fused = self._fuse(lex_score, dense_score)
        ranked = sorted(fused.items(), key=lambda item: item[1], reverse=True)[:k]
        return [Hit(self.by_id[pid], score, lex_score.get(pid, 0.0), dense_score.get(pid, 0.0))
                for pid, score in ranked]
