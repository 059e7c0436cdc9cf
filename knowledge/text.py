"""Swedish-aware terms for the lexical index and for evidence checks.

Snowball stemming alone misses Swedish compounds ("vänortsavtal" should match "vänorter",
"idrottsförening" should match "idrott" and "föreningar"), so long words are also split into
parts that occur on their own in the indexed documents.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9a-zåäöéüæø§+]+", re.IGNORECASE)
_LOCAL = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    """One Snowball stemmer per thread: a stemmer keeps per-call state, so sharing one between
    the threads of a chat server would mix up words."""
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = snowballstemmer.stemmer("swedish")
    return stemmer

STOPWORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han men var jag sig från
    vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skall bara
    blir vad får sina alla andra två då detta dessa denna detta vara varit ha hade hur ju än
    oss vår våra vårt er ert era sitt sina dem deras honom henne hans hennes här in ut upp
    något några någon inga ingen vilka vilken vilket vem vems vilket även samt bör kunna kunde
    ju mycket mer mest sedan så skulle ni du dig din ditt dina mig min mitt mina också
    the a an of to in on for and or is are be by with what who which whom how when where why
    does do did our we us it its this that these those there their they can should must
    i me my you your about any from as at has have had not no yes if then than so will would
    get got just like want need please tell say says said
    många mycket få finns fanns gäller handla handlar står tar fram gör göra görs ges ge
    behöver behövs viss vissa olika hos ofta egentligen just idag tycker
    """.split()
)


_ANY_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    """The comparison form used for quote checks: every whitespace run becomes one space."""
    return _ANY_WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


# Strong verbs whose forms Snowball leaves apart ("antog" / "antagen"), as they matter in
# policies: who adopts, who decides.
_LEMMA = {"anta": "antag", "antar": "antag", "antas": "antag", "antog": "antag",
          "antogs": "antag", "antagit": "antag", "antagits": "antag", "antagen": "antag",
          "antaget": "antag", "antagn": "antag", "godkän": "godkänn",
          # nouns ending in a vowel keep their definite -n: "policyn" is "policy"
          "policyn": "policy", "policyns": "policy", "strategin": "strategi",
          "strategins": "strategi",
          # short adjectives Snowball leaves alone: "ny vänort" / "nya vänorter"
          "nya": "ny", "nytt": "ny"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    base = str(_stemmer().stemWord(word.lower()))
    return _LEMMA.get(word.lower(), _LEMMA.get(base, base))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w == "§")]


_NOMINAL = re.compile(r"^(.{4,}?)(?:ningarna|ningar|ningen|ningens|nings|ning)$")


_ATION = re.compile(r"^(.{4,}?)(?:ationerna|ationer|ationen|ationens|ations|ation)$")


def nominal_bases(word: str) -> tuple[str, ...]:
    """The verb stem inside a -ning or -ation noun, so "bevakning" meets "bevaka",
    "samordning" meets "samordnar" and "organisationen" meets "organiseras" (the Snowball
    stemmer keeps derivations apart)."""
    m = _NOMINAL.match(word)
    if m:
        return (m.group(1), m.group(1) + "n")
    m = _ATION.match(word)
    return (m.group(1) + "er",) if m else ()


_OR_FORMS = ("", "n", "ns", "et", "ets", "er", "erna", "ernas", "en", "ens")


def or_nouns(seen: set[str]) -> dict[str, str]:
    """One term for every form of a noun ending in -or ("kontor", "kontoret", "sektorn",
    "sektorer"). Snowball cannot tell "kontor" from a plural like "resor" (of "resa") and cuts
    both; the text itself tells them apart: only a noun in -or has a form like "kontoret"."""
    bases = {w[: len(w) - len(suffix)] for w in seen for suffix in _OR_FORMS
             if w.endswith("or" + suffix)}
    out: dict[str, str] = {}
    for base in bases:
        if len(base) >= 5 and any(
                base + suffix in seen for suffix in ("et", "n", "ns", "ets", "er", "erna")):
            out.update((base + suffix, base) for suffix in _OR_FORMS)
    return out


def _negated_base(word: str) -> str:
    """The word a negating prefix (de-, icke-, non-, un-) is put before, if it is long."""
    for prefix in ("icke-", "icke", "non-", "de", "un"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 7:
            return word[len(prefix):]
    return ""


class Analyzer:
    """Stems plus compound parts, using the indexed vocabulary to decide valid parts."""

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self.unify: dict[str, str] = {}
        self.vocab: set[str] = {stem(w) for w in vocabulary if len(w) >= 3}

    def extend(self, texts: Iterable[str]) -> None:
        seen: set[str] = set()
        for text in texts:
            seen.update(w for w in content_words(text) if len(w) >= 3)
        self.unify.update(or_nouns(seen))
        self.vocab.update(self.stem(w) for w in seen)

    def stem(self, word: str) -> str:
        return self.unify.get(word) or stem(word)

    def _known(self, part: str) -> bool:
        return len(part) >= 3 and any(
            p in self.vocab or self.stem(p) in self.vocab for p in (part, *nominal_bases(part)))

    @lru_cache(maxsize=65536)  # noqa: B019 - the analyzer lives as long as its index
    def split(self, word: str, depth: int = 0) -> tuple[str, ...]:
        """Compound parts of ``word`` (stems), longest valid tail first; empty if none."""
        if len(word) < 7 or depth > 2:
            return ()
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if not self._known(tail):
                continue
            for h in (head, head[:-1] if head.endswith("s") else ""):
                if self._known(h):
                    return (self.stem(h), self.stem(tail))
                if h and depth < 2:
                    inner = self.split(h, depth + 1)
                    if inner:
                        return (*inner, self.stem(tail))
        return ()

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for word in content_words(text):
            out.append(self.stem(word))
            parts = self.split(word)
            out.extend(parts)
            base = _negated_base(word)
            if base:  # "decentraliserat" also meets "centraliserat"
                out.append(self.stem(base))
            for part in (word, *parts):
                out.extend(nominal_bases(part))
        return out

    def term_set(self, text: str) -> set[str]:
        return set(self.terms(text))
