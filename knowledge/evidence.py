"""Is the evidence strong enough to answer? "Grounded or silent" lives here.

Three independent signals: how much of the question's weighted vocabulary the quotes cover,
whether the question's topic occurs in the asker's policy at all (when it only occurs in other
municipalities' policies, the honest answer is "your policy does not say"), and, for questions
asking *who*, whether the covering passage names a body at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.lexical import GENERIC, LexicalIndex
from knowledge.lexicon import BODIES
from knowledge.text import stem

# Words that frame a who-question rather than name its topic.
FRAMING = frozenset(stem(w) for w in (
    "beslutar beslut besluta beslutas bestämmer fattar ansvarar ansvar ansvarig ansvaret "
    "tecknas tecknar teckna undertecknar godkänner svarar ska skall gör göra står säger "
    "enligt policy policyn strategi strategin kommun kommunen").split())


@dataclass(frozen=True)
class Evidence:
    coverage: float  # weighted share of key terms found in the quotes
    missing_topic: float  # weighted share of key terms absent here but present elsewhere
    elsewhere: tuple[str, ...]  # municipalities whose policies do contain the missing terms
    dense: float
    has_body: bool


class EvidenceJudge:
    def __init__(self, lexical: LexicalIndex, min_coverage: float = 0.34,
                 max_missing: float = 0.45, min_dense: float = 0.86) -> None:
        self.lexical = lexical
        self.min_coverage = min_coverage
        self.max_missing = max_missing
        self.min_dense = min_dense
        self.terms_by_muni: dict[str, set[str]] = {}
        for passage, counts in zip(lexical.passages, lexical.docs, strict=True):
            self.terms_by_muni.setdefault(passage.municipality, set()).update(counts)

    def key_terms(self, terms: Sequence[str]) -> dict[str, float]:
        weights: dict[str, float] = {}
        for term in terms:
            idf = self.lexical.idf_of(term)
            if idf > 0 and term not in GENERIC and len(term) > 1:
                weights[term] = max(weights.get(term, 0.0), idf)
        return weights

    def judge(self, terms: Sequence[str], quotes_text: Sequence[str], municipality: str | None,
              dense: float) -> Evidence:
        keys = self.key_terms(terms)
        total = sum(keys.values()) or 1.0
        quote_terms: set[str] = set()
        for text in quotes_text:
            quote_terms |= self.lexical.analyzer.term_set(text)
        covered = sum(w for t, w in keys.items() if t in quote_terms)
        missing, elsewhere = 0.0, set()
        if municipality is not None:
            own = self.terms_by_muni.get(municipality, set())
            for term, weight in keys.items():
                if term in own or term in FRAMING:
                    continue
                missing += weight
                elsewhere.update(m for m, ts in self.terms_by_muni.items()
                                 if m != municipality and term in ts)
        body = any(p.search(t) for t in quotes_text for p, _, _ in BODIES)
        return Evidence(covered / total, missing / total, tuple(sorted(elsewhere)), dense, body)

    def topical_coverage(self, terms: Sequence[str], text: str) -> float:
        keys = {t: w for t, w in self.key_terms(terms).items() if t not in FRAMING}
        if not keys:
            return 1.0
        found = self.lexical.analyzer.term_set(text)
        return sum(w for t, w in keys.items() if t in found) / sum(keys.values())

    @staticmethod
    def has_body(text: str) -> bool:
        return any(p.search(text) for p, _, _ in BODIES)

    def sufficient(self, ev: Evidence) -> bool:
        if ev.missing_topic >= self.max_missing:
            return False
        return ev.coverage >= self.min_coverage or ev.dense >= self.min_dense
