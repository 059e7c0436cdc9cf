"""BM25 over passage terms; small enough to rebuild in memory from the store at start-up."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from knowledge.models import Passage
from knowledge.text import Analyzer, stem

# Words nearly every international policy repeats: they rank nothing, so they count little.
GENERIC = frozenset(stem(w) for w in (
    "internationell internationella internationellt arbete arbetet kommun kommunen kommunens "
    "kommuns policy policyn strategi strategin verksamhet").split())


class LexicalIndex:
    """Okapi BM25 with a municipality filter; short passages favour a low length penalty."""

    def __init__(self, passages: Sequence[Passage], k1: float = 1.2, b: float = 0.4) -> None:
        self.passages = list(passages)
        self.k1, self.b = k1, b
        self.analyzer = Analyzer()
        self.analyzer.extend(p.index_text for p in self.passages)
        self.docs = [Counter(self.analyzer.terms(p.index_text)) for p in self.passages]
        self.lengths = [sum(c.values()) for c in self.docs]
        self.avg_len = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        df: Counter[str] = Counter()
        for counts in self.docs:
            df.update(counts.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def idf_of(self, term: str) -> float:
        return self.idf.get(term, 0.0)

    def search(
        self, terms: Sequence[str], municipalities: set[str] | None = None, k: int = 50
    ) -> list[tuple[Passage, float]]:
        query = Counter(t for t in terms if t in self.idf)
        if not query:
            return []
        scored: list[tuple[Passage, float]] = []
        for passage, counts, length in zip(self.passages, self.docs, self.lengths, strict=True):
            if municipalities is not None and passage.municipality not in municipalities:
                continue
            score = 0.0
            for term, qtf in query.items():
                tf = counts.get(term, 0)
                if tf:
                    damp = self.k1 * (1 - self.b + self.b * length / self.avg_len)
                    norm = tf * (self.k1 + 1) / (tf + damp)
                    weight = 0.3 if term in GENERIC else 1.0
                    score += weight * self.idf[term] * norm * (1 + 0.25 * (qtf - 1))
            if score > 0:
                scored.append((passage, score))
        scored.sort(key=lambda item: item[1], reverse=True)
        return scored[:k]
