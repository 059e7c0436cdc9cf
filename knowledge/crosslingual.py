"""English question words matched to the Swedish words of the store through the embedder.

Why: an English question meets Swedish policies. The governance glossary (``lexicon.EN_SV``)
knows the bodies and the terms of the trade, but ordinary words ("town", "level", "visits",
"older") it cannot list without growing one entry per failure. multilingual-e5 places a word
near its translation: "visits" lies closest to "besök", "level" to "ledningsnivå". So each
word of the store's vocabulary is embedded once (``KnowledgeStore.ensure_words``) and an
English word the glossary lacks is looked up among them.

A match must be close in absolute terms and stand out from the word's similarity to the whole
vocabulary (a z-score). Both thresholds were fitted by ``benchmarks/crosslingual_words.py`` on
half of the glossary's single-word entries and a list of English words no policy speaks of
("hotel", "mileage"), a wrong match counting three times a missed one, and are reported there
on the other half: the similarity decides (the z floor only guards a tiny vocabulary), and it
is strict: about two in five glossary words are found, one absent word in fifteen matches.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from wordfreq import zipf_frequency

from knowledge.text import STOPWORDS

MIN_Z = 2.0  # fitted: how far above the word's mean similarity to the vocabulary
MIN_SIMILARITY = 0.925  # fitted: cosine of the match itself
MAX_MATCHES = 3
_WORD = re.compile(r"[a-zåäöéü]{3,}")
_EN_STOP = frozenset(ENGLISH_STOP_WORDS)


def vocabulary(texts: Iterable[str]) -> dict[str, str]:
    """The content words of ``texts`` with their language, ``sv`` or ``en``: lower-cased,
    three letters or more, no function words of either language; a word more frequent in
    Swedish than in English is Swedish. (Policies are Swedish; a page in English, or an
    English menu word, gives the other side.)"""
    out: set[str] = set()
    for text in texts:
        out.update(_WORD.findall(text.lower()))
    return {w: "sv" if zipf_frequency(w, "sv") >= zipf_frequency(w, "en") else "en"
            for w in out - STOPWORDS - _EN_STOP}


class WordMatcher:
    """The vocabulary's word vectors, and the look-up of a word among those of the other
    language."""

    def __init__(self, embeddings: Embeddings, words: Sequence[str],
                 vectors: Sequence[Sequence[float]], languages: Sequence[str] = (),
                 cache_size: int = 4096) -> None:
        self.embeddings = embeddings
        self.words = list(words)
        self.languages = list(languages) or ["sv"] * len(self.words)
        matrix = np.asarray(vectors, dtype=float).reshape(len(self.words), -1)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self._matrix = matrix / np.where(norms == 0, 1.0, norms)
        self._cache: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()
        self._cache_size = cache_size

    def swedish_for(self, word: str) -> tuple[str, ...]:
        """The store's Swedish words that translate an English ``word``, best first (none when
        nothing stands out: the policies do not speak of it)."""
        return self.counterparts(word, "sv")

    def counterparts(self, word: str, language: str) -> tuple[str, ...]:
        """The store's words in ``language`` that translate ``word``, best first."""
        key = (word.lower(), language)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        rows = [i for i, lang in enumerate(self.languages) if lang == language]
        found = self._match(key[0], rows) if len(rows) > 1 else ()
        self._cache[key] = found
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return found

    def _match(self, word: str, rows: list[int]) -> tuple[str, ...]:
        q = np.asarray(self.embeddings.embed_query(word), dtype=float)
        norm = float(np.linalg.norm(q))
        if norm == 0:
            return ()
        sims = self._matrix[rows] @ (q / norm)
        spread = float(sims.std()) or 1.0
        z = (sims - float(sims.mean())) / spread
        order = np.argsort(-sims)[:MAX_MATCHES]
        return tuple(self.words[rows[i]] for i in order
                     if z[i] >= MIN_Z and sims[i] >= MIN_SIMILARITY)
