"""Question understanding: language, municipality, intent and search terms.

Deterministic rules rather than a model: they are fast, testable, and say exactly why a
question was routed the way it was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.lexicon import abbreviation_expansion, english_expansion
from knowledge.municipalities import Registry, load_registry

_SV_WORDS = set("och att det som är för med inte vem vad vilka vilken hur när ska skall vår vi "
                "har kan om på av till den de en ett jag mig".split())
_EN_WORDS = set("the and to of is are who what which how when should our we does do can "
                "for with in on a an i my me".split())

_INTENTS: list[tuple[str, re.Pattern[str]]] = [
    ("onboarding", re.compile(
        # the asker is new in a role ("jag är ny", "en ny nämndsekreterare", "I've just
        # started as"), not a new twin town
        r"\b(jag är ny|vi är nya|ny som|ny på|nyanställd|nyvald|nybliven|"
        r"(?:har|precis|nyss|just) börjat (?:på|som|i|jobba)|började (?:på|som|i)|"
        r"introduktion|vad behöver jag (?:veta|kunna|tänka på|ha koll på)|"
        # "en ny nämndsekreterare", "som ny handläggare": new + an agent noun
        r"(?:en|som) ny [a-zåäö-]*(?:are|ör|chef|sekreterare|ledamot|politiker|tjänsteman)|"
        r"i'?m new|i am new|new (?:on|in|to|as|at)|(?:just )?start(?:ed|ing) (?:as|at|in)|"
        r"onboard\w*|what do i need to know)\b", re.I)),
    ("who", re.compile(
        r"\b(vem|vilka (?:organ|politiker|personer|nämnder|instanser)|vilket organ|"
        r"vilken (?:sektor|nämnd|förvaltning|enhet|instans|politiker|person)|"
        r"who|whom|which (?:body|bodies|committee|sector|office|unit))\b"
        r"|\b(beslutar|beslut|bestämmer|godkänner|tecknar|undertecknar|skriver under|ansvarar|"
        r"decides?|approves?|signs?|responsible|in charge|approval)\b",
        re.I)),
    ("follow_up", re.compile(
        r"(uppfölj|följas upp|följa upp|utvärder|revider|rapport|redovis|redogörelse|hur ofta|"
        r"follow|evaluat|revis|report|how often|updated|review)", re.I)),
    ("goals", re.compile(
        r"(mål|syfte|vision|priorit|goal|aim|purpose|objective)", re.I)),
]

# Words that make a question span several municipalities whatever the asker's own is ...
_ACROSS = re.compile(
    r"\b(vilka kommuner|vilken kommun|which municipalit\w*|någon av kommunerna|kommunernas|"
    r"de olika kommunerna|alla kommuner\w*|all (?:the )?municipalities|"
    r"jämför\w* kommuner\w*|compare (?:the )?municipalities)\b", re.I)


def across_words(text: str) -> str:
    """``text`` without the words that make it a cross-municipality question."""
    return _ACROSS.sub(" ", text)


# ... and words that do so only when the asker has none: "both schools and associations?" in an
# Eksjö channel is a question about Eksjö's policy.
_COMPARE = re.compile(
    r"\b(both|både|skiljer|differ\w*|äldst|nyast|oldest|newest|compare|jämför)\b", re.I)
_FOREIGN_POLICY = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?)(?:'s|s)?\s+"
    r"(?:stads?|kommuns?|internationella|international|policy|strategi|strategy|city)\b")
_NOT_PLACES = {"vad", "vår", "vilka", "vem", "den", "det", "our", "the", "what", "which", "does",
               "eu", "eus", "sveriges", "sverige", "internationell", "kommunens", "kommunen"}


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    intent: str
    municipalities: frozenset[str] | None  # None = all municipalities
    unknown_municipality: str | None  # a place named that has no policy here
    search_text: str
    compare: bool


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def detect_language(text: str) -> str:
    words = re.findall(r"[a-zåäö']+", text.lower())
    # å/ä/ö count for Swedish, except inside names ("Eksjö's policy" is English)
    common = " ".join(w for w in re.findall(r"[\wåäöÅÄÖ']+", text) if not w[:1].isupper())
    sv = sum(w in _SV_WORDS for w in words) + 2 * len(re.findall(r"[åäö]", common.lower()))
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > sv else "sv"


def detect_intent(text: str) -> str:
    for name, pattern in _INTENTS:
        if pattern.search(text):
            return name
    return "fact"


class QueryAnalyzer:
    def __init__(self, municipalities: Iterable[str], registry: Registry | None = None) -> None:
        self.known = sorted(set(municipalities), key=len, reverse=True)
        self.registry = (registry or load_registry()).with_names(self.known)
        self._patterns = {
            m: re.compile(rf"\b{re.escape(fold(m))}(s|'s)?\b") for m in self.known
        }

    def named_municipalities(self, text: str) -> list[str]:
        """Stored municipalities the question names, in any form people write them
        ("Gothenburg", "Falu kommun", "Region Skånes")."""
        folded = fold(text)
        found = []
        for name in self.known:
            if self._patterns[name].search(folded):
                found.append(name)
                folded = self._patterns[name].sub(" ", folded)
        for name in self.registry.named_in(text, self.known):
            if name not in found:
                found.append(name)
        return found

    def unknown_place(self, text: str) -> str | None:
        known = {fold(m) for m in self.known}
        for m in _FOREIGN_POLICY.finditer(text):
            name = m.group(1)
            head = fold(name.split()[0])
            if head in _NOT_PLACES or m.start() == 0:
                continue
            if self.registry.stored_name(name, self.known) is not None:
                continue
            if fold(name) not in known and fold(name.rstrip("s")) not in known:
                org = self.registry.resolve(name, fuzzy=False)
                return org.name if org is not None else name
        return None

    def analyze(self, question: str, municipality: str | None = None) -> Query:
        text = " ".join(question.split())
        named = self.named_municipalities(text)
        unknown = None if named else self.unknown_place(text)
        compare = (bool(_ACROSS.search(text)) or len(named) > 1
                   or (not municipality and bool(_COMPARE.search(text))))
        if len(named) > 1 or (compare and not named):
            scope: frozenset[str] | None = frozenset(named) if named else None
            compare = True
        elif named:
            scope = frozenset(named)
        elif municipality:
            scope = frozenset([municipality])
            compare = False
        else:
            scope = None
            compare = True
        language = detect_language(text)
        for name in named:  # the scope filter already uses it; as a term it only adds noise
            text_wo = re.sub(rf"\b{re.escape(name)}(s|'s)?\b", " ", text, flags=re.I)
            text = text_wo if text_wo.strip() else text
        expansion = " ".join(x for x in (english_expansion(text) if language == "en" else "",
                                         abbreviation_expansion(text)) if x)
        return Query(
            text=" ".join(question.split()), language=language, intent=detect_intent(text),
            municipalities=scope,
            unknown_municipality=unknown,
            search_text=" ".join(f"{text} {expansion}".split()), compare=compare,
        )
