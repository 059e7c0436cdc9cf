"""What a question is about: its concepts, the places it names as context, unknown names.

Each content word (or English glossary phrase) becomes a *concept*: the index terms any of which
answer for it, and a weight. A concept the store knows is weighted by its idf there; one the
store has never seen ("traktamente", "per diem") by how specific the word is in the language
at large (wordfreq's Zipf scale), since "visum" missing from every policy says far more than
"supposed" missing. Countries, nationalities and world regions are set apart as *places*: a
place is usually the context of a question ("after a visit in Estonia"), so it never counts as
a missing topic on its own. Capitalised names the store does not know are *unknown names*.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from wordfreq import zipf_frequency

from knowledge.crosslingual import WordMatcher
from knowledge.lexical import GENERIC, LexicalIndex
from knowledge.lexicon import ABBREVIATIONS, EN_SV, english_lemmas
from knowledge.places import Place, PlaceNames
from knowledge.text import STOPWORDS, stem

# Words that frame a question (who/what/should/decide) rather than name its topic.
FRAMING = frozenset(stem(w) for w in (
    "beslutar beslut besluta beslutas bestämmer fattar ansvarar ansvar ansvarig ansvaret "
    "styr styra leder leda driver sköter tecknas tecknar teckna undertecknar godkänner svarar "
    "gör göra står säger enligt ska skall måste får kan bör behöver vill finns gäller nämns "
    "vem vilka vilken vilket vad hur när var varför vems policy policyn strategi strategin "
    "styrdokument styrdokumenten styrdokumentet "  # what a policy is, not what it is about
    "kommun kommunen kommunens vår vårt våra vi oss mig jag min mitt mina "
    "who whom whose which what how when where why does do did is are was were can could "
    "should would must may might shall will decide decides decided decision responsible "
    "responsibility charge say says said according our we us i me my policy strategy "
    "municipality municipal know tell find get make take give need want actually just "
    "really allowed please exactly currently organ").split())
_EN_STOP = frozenset(ENGLISH_STOP_WORDS)
_TOKEN = re.compile(r"[\wåäöÅÄÖéüÉÜ+'’-]+")
_SENTENCE_START = re.compile(r"(^|[.!?:]\s+)$")
_CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d|m|t)$|n['’]t$")  # "we're" → we, "don't" → do


@dataclass(frozen=True)
class Concept:
    word: str
    terms: frozenset[str]
    weight: float
    in_store: bool
    # an English word that neither the glossary nor the word matcher relates to the store:
    # the Swedish texts may say it otherwise, so how much it counts is left to the fitted
    # decision (the ``untranslated`` signal), not to a weight set here
    untranslated: bool = False


@dataclass(frozen=True)
class QuestionConcepts:
    concepts: tuple[Concept, ...]
    places: tuple[tuple[str, Place], ...] = ()
    unknown_names: tuple[str, ...] = ()
    expansion: tuple[str, ...] = field(default=())  # Swedish names of the places, for search

    @property
    def total(self) -> float:
        return sum(c.weight for c in self.concepts)

    def coverage(self, terms: set[str]) -> float:
        """Weighted share of the concepts that ``terms`` cover (1.0 when there is none)."""
        if not self.concepts or self.total <= 0:
            return 1.0
        return sum(c.weight for c in self.concepts if c.terms & terms) / self.total

    def known_coverage(self, terms: set[str]) -> float:
        """Coverage among the concepts the store knows at all."""
        known = [c for c in self.concepts if c.in_store]
        if not known or sum(c.weight for c in known) <= 0:
            return 1.0
        return sum(c.weight for c in known if c.terms & terms) / sum(c.weight for c in known)

    def absent_weight(self) -> float:
        """Summed specificity of the concepts no indexed document contains."""
        return sum(c.weight for c in self.concepts if not c.in_store)

    def untranslated_count(self) -> int:
        return sum(1 for c in self.concepts if c.untranslated)

    def missing_from(self, terms: set[str]) -> list[Concept]:
        return [c for c in self.concepts if not c.terms & terms]


def specificity(word: str, language: str) -> float:
    """How telling a word is when no policy contains it: 0 for everyday words, up to ~5."""
    zipf = zipf_frequency(word, "en" if language == "en" else "sv")
    return max(0.0, min(5.0, 5.0 - zipf))


class ConceptAnalyzer:
    """Splits questions into concepts against one lexical index (one knowledge store)."""

    def __init__(self, lexical: LexicalIndex, places: PlaceNames,
                 documents: Iterable[str] = (), words: WordMatcher | None = None) -> None:
        self.lexical = lexical
        self.places = places
        self.words = words
        n = len(lexical.docs) or 1
        self.unseen_idf = math.log(1 + (n + 0.5) / 0.5)
        self._proper = sorted({w for text in documents for w in _proper_words(text)})
        # Tails of the store's terms: "fullmäktiges" is known where "kommunfullmäktige" is.
        self._tails = {t[i:] for t in lexical.idf for i in range(len(t) - 4)}
        for language in ("sv", "en"):  # load the frequency lists now, not on a user's question
            specificity("och", language)
        self._proper_set = {w.lower() for w in self._proper}

    def analyze(self, text: str, language: str, own_names: Sequence[str] = ()) -> QuestionConcepts:
        text = _without_names(text, own_names)
        concepts: list[Concept] = []
        places: list[tuple[str, Place]] = []
        unknown: list[str] = []
        rest = text
        if language == "en":
            phrases, rest = _phrases_masked(text)
            for phrase in phrases:
                concept = self._concept(phrase, EN_SV[phrase], language)
                if concept is not None:
                    concepts.append(concept)
        for match in _TOKEN.finditer(rest):
            word = match.group(0).strip("'’-")
            lowered = _CONTRACTION.sub("", word.lower())
            if not lowered or lowered == "#" or self._framing(lowered):
                continue
            place = self.places.place(lowered)
            if place is not None:
                places.append((word, place))
                continue
            nation = self.places.nationality(lowered)
            if nation is not None:  # "Lithuanian town", "Spanish course": a topic, in any form
                concept = self._concept(lowered, " ".join(nation.names), language)
                if concept is not None:
                    concepts.append(concept)
                continue
            if lowered in ABBREVIATIONS:
                concept = self._concept(lowered, ABBREVIATIONS[lowered], language)
            elif self._is_name(word, rest[: match.start()]) and not self._known(lowered):
                cognate = self._cognate(lowered)
                if cognate is None:
                    unknown.append(word)
                    continue
                concept = self._concept(lowered, cognate, language)
            else:
                concept = self._concept(lowered, lowered, language)
            if concept is not None:
                concepts.append(concept)
        other = "sv" if language == "en" else "en"
        translated = [w for c in concepts if self.words is not None
                      and c.in_store and not self._known(c.word)
                      for w in self.words.counterparts(c.word, other)]
        expansion = tuple(dict.fromkeys([*(name for _, p in places for name in p.names),
                                         *translated]))
        return QuestionConcepts(tuple(concepts), tuple(places), tuple(unknown), expansion)

    def _framing(self, word: str) -> bool:
        return (word in STOPWORDS or word in _EN_STOP or stem(word) in FRAMING
                or stem(word) in GENERIC or len(word) < 2 or word.isdigit())

    def _known(self, word: str) -> bool:
        return any(self.lexical.idf_of(t) > 0 for t in self.lexical.analyzer.terms(word))

    def _concept(self, word: str, alternatives: str, language: str) -> Concept | None:
        # A translation that is generic ("international") or framing ("approve" → "beslutar")
        # makes the whole concept so.
        if any(stem(w) in GENERIC or stem(w) in FRAMING for w in alternatives.split()):
            return None
        group = f"{word} {alternatives}" if alternatives != word else word
        terms = frozenset(t for t in self.lexical.analyzer.terms(group) if t not in GENERIC)
        if not terms:
            return None
        present = [self.lexical.idf_of(t) for t in terms if self.lexical.idf_of(t) > 0]
        if present:
            return Concept(word, terms, max(present), True)
        head = self._known_head(word)
        if head:  # "elevutbyte": the store has "utbyte", the compound's head
            return Concept(word, terms | {head}, self.lexical.idf_of(head), True)
        if stem(word) in self._tails:  # the head of a compound the store has
            return Concept(word, terms, self.unseen_idf / 2, True)
        if alternatives == word and self.words is not None:
            # "represents" → representant; on a page in English, "träffas" → meetings
            other = self.words.counterparts(word, "sv" if language == "en" else "en")
            if other:
                matched = self._concept(word, " ".join(other), language)
                if matched is not None and _verb_like(word, language):  # "starting" frames
                    matched = Concept(word, matched.terms, matched.weight / 2, True)
                if matched is None or matched.in_store:
                    return matched
        weight = specificity(word, language) * (0.5 if _verb_like(word, language) else 1.0)
        if language == "en":  # no policy has it, and neither glossary nor matcher relates it
            return Concept(word, terms, weight, False, untranslated=True)
        return Concept(word, terms, weight, False) if weight > 0 else None

    def _known_head(self, word: str) -> str:
        """The longest tail of ``word`` (5+ letters) that the store knows as a term."""
        for i in range(1, len(word) - 4):
            term = stem(word[i:])
            if self.lexical.idf_of(term) > 0:
                return term
        return ""

    @staticmethod
    def _is_name(word: str, before: str) -> bool:
        special = "+" in word or any(ch.isdigit() for ch in word)
        capital = word[:1].isupper() and not word.isupper()
        return special or (capital and not _SENTENCE_START.search(before))

    def _cognate(self, word: str) -> str | None:
        """A name the policies write another way: "Brussels" → "Bryssel"."""
        if word in self._proper_set:
            return word
        close = difflib.get_close_matches(word, [w.lower() for w in self._proper], n=1,
                                          cutoff=0.75)
        return close[0] if close else None


_SV_VERB = re.compile(r"(?:eras|erar|erat|erade|ades|ande|ende|ade|ats|as)$")
_EN_VERB = re.compile(r"(?:ing|ed|ize|ise|izes|ises)$")


def _verb_like(word: str, language: str) -> bool:
    """Inflected like a verb ("formaliseras", "inblandade", "handled"): a question's verbs
    frame it far more often than they name its topic, so a missing one weighs half."""
    return bool((_EN_VERB if language == "en" else _SV_VERB).search(word)) and len(word) > 4


_PHRASES = sorted(EN_SV, key=len, reverse=True)


def _phrases_masked(text: str) -> tuple[list[str], str]:
    """The English glossary phrases in ``text`` (longest first, "twin-town" as "twin town"),
    and ``text`` with them blanked out, case kept, so names stay recognisable."""
    lowered = text.lower().replace("-", " ")
    masked = list(text)
    found: list[str] = []
    for phrase in _PHRASES:
        for m in re.finditer(rf"(?<![\w+]){re.escape(phrase)}(?![\w+])", lowered):
            if any(ch == "\0" for ch in masked[m.start():m.end()]):
                continue
            masked[m.start():m.end()] = ["\0"] * (m.end() - m.start())
            if phrase not in found:
                found.append(phrase)
    text = "".join(" " if ch == "\0" else ch for ch in masked)
    for m in list(re.finditer(r"[A-Za-z]+", text)):  # inflected words: "supports" → support
        lemmas = english_lemmas(m.group(0))
        if lemmas:
            found.append(lemmas[0])
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return found, text


def _proper_words(text: str) -> set[str]:
    return {m.group(0) for m in re.finditer(r"(?<=[a-zåäö,] )[A-ZÅÄÖ][a-zåäöéü]{2,}", text)}


def _without_names(text: str, names: Sequence[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}(s|'s|’s)?\b", " ", text, flags=re.I)
    return text

