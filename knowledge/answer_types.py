"""What kind of answer a question expects, and whether a passage can give it.

A question that asks *how much*, *which date*, *what e-mail address* or *which towns* is only
answered by a passage that states an amount, a date, an address or names. A passage on the
right topic that lacks the asked-for value is the commonest way a system answers a question
its documents do not answer ("How big is the twin-town budget?" quoted with a sentence that
says there is a budget). The question patterns are the interrogatives of Swedish and English;
the value patterns are how values are written.
"""

from __future__ import annotations

import re

from knowledge.actors import find_actors
from knowledge.lexicon import body_mentions

# Nouns that name one value ("what rate", "vilket belopp"); "which costs" asks for kinds.
_MONEY_NOUN = (r"belopp(?:et)?|ersättning(?:en)?|traktamente(?:t)?|arvode(?:t)?|timpris(?:et)?|"
               r"allowance|per diem|rate|fee|price|amount|sum")
_AMOUNT_Q = re.compile(
    rf"\b(hur mycket|hur stor[at]?|hur dyr[at]?|how much|how big|how large|vad kostar|"
    rf"what does (?:it|this) cost)\b|"
    rf"\b(vad|vilken|vilket|vilka|what|which)\b(?:\s+[\wåäö-]+){{0,4}}\s+({_MONEY_NOUN})\b|"
    # a limit on money: "högsta bidraget", "the maximum grant"
    r"\b(maximum|minimum|max|maximal\w*|högsta|lägsta|största|minsta)\s+(?:[\wåäö-]+\s+)?"
    r"(bidrag\w*|grants?|belopp\w*|amounts?|sum\w*|ersättning\w*|funding|stöd\w*)\b",
    re.I)
_AMOUNT_A = re.compile(
    r"\d[\d\s.,]*\s?(kr|kronor|sek|tkr|mkr|msek|euro|eur|€|%|procent|miljon\w*|miljard\w*)"
    r"(?![\wåäö])|\b(en|två|tre|fyra|fem|tio|hundra)\s+(miljon\w*|procent)\b", re.I)
_NUMBER_Q = re.compile(r"\b(hur många|how many|antal\w*|number of)\b", re.I)
# "en"/"ett"/"one" are articles far more often than numbers.
_NUMBER_A = re.compile(
    r"\d|\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|hundra|two|three|four|"
    r"five|six|seven|eight|nine|ten|dozen)\b", re.I)
_DATE_Q = re.compile(
    r"\b(vilket datum|vilken dag|när (?:antogs|fastställdes|beslutades|beslutade|antog|togs|"
    r"undertecknades|började|startade|upphör|gäller)|what date|which date|on what date|"
    r"when (?:was|were|did|does)\b|deadline|sista (?:ansökningsdag|dag|datum)|datum)\b", re.I)
_MONTHS = (r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
           r"december|january|february|march|may|june|july|august|october")
_DATE_A = re.compile(
    rf"\b(19|20)\d\d\b|\b\d{{1,2}}\s+({_MONTHS})\b|\b({_MONTHS})\s+(19|20)\d\d\b|"
    r"\b\d{1,2}[/.]\d{1,2}\b", re.I)
# Asked for, not mentioned: "vilket telefonnummer …", "what is the email of …", "contact
# details"; "I got an email from someone in Gaziantep" asks about Gaziantep.
_CONTACT_NOUN = (r"e-?post\w*|mejl\w*|mail\w*|e-?mail\w*|telefon\w*|phone\w*|adress\w*|"
                 r"address\w*|nummer|number")
_CONTACT_Q = re.compile(
    r"\b(kontaktuppgift\w*|contact (?:details|information|info)|telefonnummer\w*|"
    r"phone number|e-?postadress\w*|mejladress\w*|e-?mail address\w*|ring[ae])\b|"
    rf"\b(vad|vilken|vilket|vilka|var|what|which|where|how)\b(?:\s+[\wåäö'’-]+){{0,4}}?\s+"
    rf"({_CONTACT_NOUN})\b", re.I)
_CONTACT_A = re.compile(r"@|\b0\d{1,3}[-\s]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}\b|\+46|www\.|"
                        r"https?://", re.I)
# "Vilka vänorter har vi?", "Which provinces do we cooperate with?": proper names expected.
_NAMES_Q = re.compile(
    r"\b(vilka|which|what)\s+([\w'’]+\s+){0,3}(vänort\w*|orter|städer|kommuner|länder|regioner|"
    r"provinser|partner\w*|samarbetspart\w*|organisationer|nätverk|twin\s*towns?|"
    r"sister\s+cities|towns|cities|countries|regions|provinces|partners|networks|"
    r"organi[sz]ations)\b", re.I)
# "Vem beslutar …?", "Which body approves …?": a body, a party or an organisation answers.
_ACTOR_Q = re.compile(r"^\W*(?:\w+\W+){0,6}?(vem|vilket organ|vilka organ|vilken nämnd|who|whom|"
                      r"which (?:body|bodies|committee|board|office))\b", re.I)
# A party named by its role in an exchange ("den gästande parten", "värdlandet",
# "värdkommunen"); the municipality itself ("kommunen ska …") names no one in particular.
_PARTY = re.compile(r"\b[\wåäö]+(?:parten|parterna|landet)\b|"
                    r"\b(?:värd|gäst|partner|vän)(?:kommun|region|ort|stad)en\b", re.I)
_PERSON_Q = re.compile(r"\b(vad heter|what is the name of|what's the name of)\b", re.I)
# A capitalised word inside a clause (after a word or a comma), not one that starts a sentence,
# a list item or what follows a label's colon.
_NAME_TOKEN = re.compile(r"(?<=[\w,] )[A-ZÅÄÖ][a-zåäöéü]+(?:[ -][A-ZÅÄÖ][a-zåäöéü]+)*")


def expected_type(question: str) -> str:
    """The value a question asks for: amount, number, date, contact, names, person, actor
    (who does it) or ""."""
    if _CONTACT_Q.search(question):
        return "contact"
    if _AMOUNT_Q.search(question):
        return "amount"
    if _NUMBER_Q.search(question):
        return "number"
    if _DATE_Q.search(question):
        return "date"
    if _NAMES_Q.search(question):
        return "names"
    if _PERSON_Q.search(question):
        return "person"
    if _ACTOR_Q.search(question):
        return "actor"
    return ""


def _names(text: str, ignore: set[str]) -> list[str]:
    """Capitalised names that do not start a sentence and are not among ``ignore``."""
    return [m.group(0) for m in _NAME_TOKEN.finditer(text)
            if m.group(0).lower() not in ignore and m.group(0).split()[0].lower() not in ignore]


def satisfies(kind: str, text: str, ignore: set[str] | frozenset[str] = frozenset(),
              topic: str = "") -> bool:
    """Whether ``text`` contains a value of the expected ``kind`` (always true for "").

    ``topic`` is the question: a unit it names as its subject ("gå med i ett *nätverk*") is
    what is decided on, not who decides, so it does not answer "who"."""
    if kind == "amount":
        return _AMOUNT_A.search(text) is not None
    if kind == "number":
        return _NUMBER_A.search(re.sub(r"(^|\n)\s*(§\s*)?\d+(\.\d+)*\.?\s", " ", text)) is not None
    if kind == "date":
        return _DATE_A.search(text) is not None
    if kind == "contact":
        return _CONTACT_A.search(text) is not None
    if kind == "actor":
        return bool(body_mentions(text, topic) or find_actors(text) or _PARTY.search(text)
                    or _names(text, {w.lower() for w in ignore}))
    if kind in ("names", "person"):
        return len(_names(text, {w.lower() for w in ignore})) >= (2 if kind == "names" else 1)
    return True


_ENUMERATION = re.compile(
    r"^\s*(vilka|vilket|vad är|vad har|which|what are|list|name)\b|\b(alla|samtliga|all)\b",
    re.I)


def asks_enumeration(question: str) -> bool:
    """"Vilka mål …?", "Which are our twin towns?": the answer is a list, shown whole."""
    return _ENUMERATION.search(question) is not None
