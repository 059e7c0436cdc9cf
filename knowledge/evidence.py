"""Is the evidence strong enough to answer? "Grounded or silent" lives here.

Three independent signals: how much of the question's weighted vocabulary the quotes cover,
whether the question's topic occurs in the asker's policy at all (when it only occurs in other
municipalities' policies, the honest answer is "your policy does not say"), and, for questions
asking *who*, whether the covering passage names a body at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.lexical import GENERIC, LexicalIndex
from knowledge.lexicon import ABBREVIATIONS, EN_SV, body_mentions
from knowledge.text import stem

# Words that frame a who-question rather than name its topic.
FRAMING = frozenset(stem(w) for w in (
    "beslutar beslut besluta beslutas bestämmer fattar ansvarar ansvar ansvarig ansvaret "
    "styr styra leder leda driver sköter "
    "tecknas tecknar teckna undertecknar godkänner svarar ska skall gör göra står säger "
    "enligt policy policyn strategi strategin kommun kommunen").split())


@dataclass(frozen=True)
class Evidence:
    coverage: float  # weighted share of key terms found in the quotes
    missing_topic: float  # weighted share of key terms absent here but present elsewhere
    elsewhere: tuple[str, ...]  # municipalities whose policies do contain the missing terms
    dense: float


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

    def _concepts(self, groups: Sequence[str]) -> list[tuple[frozenset[str], float]]:
        out = []
        for group in groups:
            terms = frozenset(t for t in self.lexical.analyzer.terms(group)
                              if self.lexical.idf_of(t) > 0 and t not in GENERIC)
            if terms:
                out.append((terms, max(self.lexical.idf_of(t) for t in terms)))
        return out

    def judge(self, groups: Sequence[str], quotes_text: Sequence[str], municipality: str | None,
              dense: float) -> Evidence:
        concepts = self._concepts(groups)
        total = sum(w for _, w in concepts) or 1.0
        quote_terms: set[str] = set()
        for text in quotes_text:
            quote_terms |= self.lexical.analyzer.term_set(text)
        covered = sum(w for terms, w in concepts if terms & quote_terms)
        missing, elsewhere = 0.0, set[str]()
        if municipality is not None:
            own = self.terms_by_muni.get(municipality, set())
            for terms, weight in concepts:
                if terms & own or terms & FRAMING:
                    continue
                missing += weight
                # Name a policy as covering the topic only where the whole word occurs: a
                # compound part ("ort" of "vänorter") is not the topic.
                whole = {t for t in terms if not any(t != o and t in o for o in terms)}
                elsewhere.update(m for m, ts in self.terms_by_muni.items()
                                 if m != municipality and whole & ts)
        return Evidence(covered / total, missing / total, tuple(sorted(elsewhere)), dense)

    def unknown_entities(self, question: str, known_names: Sequence[str]) -> list[str]:
        """Names in the question (Erasmus+, Brussels) that no indexed policy mentions at all."""
        known = {n.lower() for n in known_names}
        out = []
        for sentence in re.split(r"(?<=[.?!])\s+", question):
            tokens = re.findall(r"[\wåäöÅÄÖé+'’-]+", sentence)
            for token in tokens[1:]:
                word = token.strip("'’-").removesuffix("'s").removesuffix("’s")
                special = "+" in word or (word[:1].isupper() and not word.isupper())
                if not special or word.lower() in known or word.lower().rstrip("s") in known:
                    continue
                if word.lower() in EN_SV or word.lower() in ABBREVIATIONS:
                    continue
                if not set(self.lexical.analyzer.terms(word)) & self.lexical.idf.keys():
                    out.append(word)
        return out

    def topical_coverage(self, groups: Sequence[str], text: str) -> float:
        concepts = [(t, w) for t, w in self._concepts(groups) if not t & FRAMING]
        if not concepts:
            return 1.0
        found = self.lexical.analyzer.term_set(text)
        return sum(w for t, w in concepts if t & found) / sum(w for _, w in concepts)

    @staticmethod
    def has_body(text: str, topic: str = "") -> bool:
        return bool(body_mentions(text, topic))

    def sufficient(self, ev: Evidence) -> bool:
        if ev.missing_topic >= self.max_missing and ev.coverage < 0.4:
            return False
        return ev.coverage >= self.min_coverage or ev.dense >= self.min_dense
