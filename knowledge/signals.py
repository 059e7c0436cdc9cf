"""The measured signals behind the answer-or-abstain decision, one vector per answer.

Each signal is something a careful reader checks before trusting a quote: does the passage mean
the same as the question (dense similarity, relative to how similar the question is to
unrelated text), does it contain the question's concepts, does the asker's policy contain them
at all or does another municipality's policy match far better, is the asked-for value (an
amount, a date, an address) there. The decision
(``knowledge.decision``) weighs them with weights fitted on labelled questions; nothing here
decides on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.answer_types import satisfies
from knowledge.concepts import QuestionConcepts
from knowledge.lexical import LexicalIndex

# Sentences about nothing a policy discusses: a question's mean similarity to them measures
# how similar it is to *any* Swedish text, which a raw cosine score mixes in.
ANCHORS = (
    "Tåget till Göteborg går klockan åtta varje morgon.",
    "Receptet kräver två ägg och ett glas mjölk.",
    "Fotbollslaget vann matchen med tre mål mot ett.",
    "Det regnade hela helgen i Stockholm.",
    "Affären har öppet till klockan sex på lördagar.",
    "Han köpte en ny cykel i somras.",
    "Biblioteket lånar ut böcker och ljudböcker.",
    "Sjön frös till is i januari.",
    "Vi åt middag på en restaurang vid hamnen.",
    "Konserten började en timme försenad.",
    "Katten sov hela eftermiddagen i soffan.",
    "Priset på kaffe har stigit under året.",
    "Skogen är full av blåbär i augusti.",
    "Hon spelar piano två gånger i veckan.",
    "Bilen behöver nya vinterdäck.",
    "Museet visar en utställning om vikingatiden.",
)

# The decision's inputs. Chosen by leave-one-question-set-out accuracy over the labelled sets
# (raw dense score, the intents, "English" and unmentioned places added noise, not accuracy);
# the other fields stay on every answer as diagnostics.
FEATURES = ("dense_rel", "dense_rel_en", "coverage", "known_coverage", "absent",
            "untranslated", "elsewhere_gain", "type_missing", "unknown_names", "fact_match")


@dataclass(frozen=True)
class Signals:
    dense: float  # best cosine similarity of a passage in scope
    dense_rel: float  # that similarity minus the question's similarity to unrelated text
    dense_rel_en: float  # the same for an English question (0 for Swedish): its own slope,
    # since an English question meets Swedish passages at lower similarity
    coverage: float  # weighted share of the question's concepts in the shown quotes
    known_coverage: float  # the same, among concepts some policy contains
    absent: float  # specificity of concepts no policy contains
    untranslated: float  # English words no policy contains and nothing translates (at most 3)
    elsewhere_gain: float  # how much closer another municipality's best passage comes
    type_missing: float  # 1 when the asked-for amount/date/address/names are not quoted
    places_unmentioned: float  # places named as context that the asker's policy never names
    unknown_names: float  # names no policy knows
    fact_match: float  # coverage of the structured facts the answer uses (0 when none)
    english: float
    intent_who: float
    intent_goals: float
    intent_follow_up: float

    def vector(self) -> list[float]:
        data = asdict(self)
        return [float(data[name]) for name in FEATURES]

    def to_dict(self) -> dict[str, float]:
        return {k: round(float(v), 4) for k, v in asdict(self).items()}


class DenseBaseline:
    """The question's mean similarity to the anchors, from one batch embedded at start."""

    def __init__(self, embeddings: Embeddings) -> None:
        vectors = np.asarray(embeddings.embed_documents(list(ANCHORS)), dtype=float)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self._anchors = vectors / np.where(norms == 0, 1.0, norms)

    def level(self, query_vector: Sequence[float]) -> float:
        q = np.asarray(query_vector, dtype=float)
        norm = float(np.linalg.norm(q)) or 1.0
        return float((self._anchors @ (q / norm)).mean())


class SignalBuilder:
    def __init__(self, lexical: LexicalIndex) -> None:
        self.lexical = lexical

    def build(self, *, concepts: QuestionConcepts, quotes: Sequence[str], municipality: str | None,
              dense: float, dense_level: float, expected: str, intent: str, language: str,
              fact_match: float = 0.0, place_text: str = "", dense_elsewhere: float = 0.0,
              topic: str = "") -> Signals:
        quote_terms: set[str] = set()
        for text in quotes:
            quote_terms |= self.lexical.analyzer.term_set(text)
        joined = "\n".join(quotes)
        ignore = {name for name, _ in concepts.places} | ({municipality} if municipality else set())
        place_lower = place_text.lower()
        unmentioned = sum(1 for _, p in concepts.places
                          if not any(name in place_lower for name in p.names))
        return Signals(
            dense=dense, dense_rel=dense - dense_level,
            dense_rel_en=dense - dense_level if language == "en" else 0.0,
            coverage=concepts.coverage(quote_terms),
            known_coverage=concepts.known_coverage(quote_terms),
            absent=min(concepts.absent_weight(), 6.0),
            untranslated=float(min(concepts.untranslated_count(), 3)),
            elsewhere_gain=max(0.0, dense_elsewhere - dense) if municipality else 0.0,
            type_missing=0.0 if satisfies(expected, joined, ignore, topic) else 1.0,
            places_unmentioned=float(min(unmentioned, 2)),
            unknown_names=float(min(len(concepts.unknown_names), 2)),
            fact_match=fact_match,
            english=float(language == "en"),
            intent_who=float(intent == "who"), intent_goals=float(intent == "goals"),
            intent_follow_up=float(intent == "follow_up"),
        )
