"""When a duty falls due, and what kind of duty it is: one table for policies and questions.

The extractor reads a policy's Swedish ("minst var fjärde år", "i samband med årsbokslutet");
a question adds English and everyday phrasings ("every year", "efteråt"). Both use the same
names, so an asked rhythm meets an extracted one.
"""

from __future__ import annotations

import re

_I = re.I
_MONTH = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
          r"december)")
# Policy phrasings, strictest first where two could match.
RHYTHMS: list[tuple[str, re.Pattern[str]]] = [
    ("after_each", re.compile(r"\befter\s+varje\s+[\wåäö-]+|\bvar\s+gång\s+[^,.]*?genomför\w*|"
                              r"\befter\s+avslutat\s+[\wåäö-]+", _I)),
    ("before_each", re.compile(r"\binför\s+varje\s+(?:ny\s+)?[\wåäö-]+", _I)),
    ("mandate_period", re.compile(r"\b(?:varje|per|under\s+varje)(?:\s+ny)?\s+mandatperiod|"
                                  r"\bmandatperiodens\s+(?:slut|(?:första|andra|tredje|fjärde|"
                                  r"sista)\s+år)", _I)),  # a set year of every period
    ("every_2_years", re.compile(r"\b(?:minst\s+)?vart?\s*annat\s+år|\bvartannat\s+år", _I)),
    ("every_3_years", re.compile(r"\b(?:minst\s+)?vart?\s+tredje\s+år", _I)),
    ("every_4_years", re.compile(r"\b(?:minst\s+)?vart?\s+fjärde\s+år", _I)),
    ("every_5_years", re.compile(r"\b(?:minst\s+)?vart?\s+femte\s+år", _I)),
    ("annually", re.compile(
        r"\bårligen\b|\bvarje\s+år\b|\bårlig\w*|\ben\s+gång\s+(?:per|om|i|varje)\s+år(?:et)?\b|"
        r"\bi\s+samband\s+med\s+(?:årsredovisningen|årsbokslutet|bokslutet)|"
        r"\bårsredovisning\w*|\bverksamhetsberättelse\w*|\bårsbokslut\w*", _I)),
    ("continuously", re.compile(r"\b(?:löpande|kontinuerligt|fortlöpande|regelbundet)\b", _I)),
    # a date or a year to be done by: "senast den 1 mars", "senast 2026", "senast i juni 2027",
    # "före utgången av 2026", a set year ("under 2025"), the end of the document's own period
    # ("innan strategiperioden löper ut"; the end of a mandate period is a rhythm of its own)
    ("deadline", re.compile(rf"\bsenast\s+(?:den\s+\d{{1,2}}\s+[a-zåäö]+|(?:år\s+)?\d{{4}}|"
                            rf"(?:i\s+)?{_MONTH}\s+\d{{4}})|"
                            r"\b(?:före|innan|senast(?:\s+vid)?)\s+utgången\s+av\s+"
                            r"(?:år\s+|[a-zåäö]+\s+)?\d{4}|\bunder\s+(?:år\s+)?\d{4}\b(?!\s*[–-])|"
                            r"\b(?:före|innan)\s+(?!mandat)[\wåäö]*(?:perioden|giltighetstiden)\s+"
                            r"(?:löper|går)\s+ut\b", _I)),
]
# What a question may add: English, and "efter ett utbyte", "efteråt", "mandatperioden".
_QUESTION_EXTRA: list[tuple[str, re.Pattern[str]]] = [
    ("after_each", re.compile(r"\b(efter (ett|en) \w+|efteråt|efter hemkomsten|"
                              r"efter (?:resan|besöket|utbytet|vistelsen|konferensen)|"
                              # "när vi kommit hem", "when we get back": after the trip
                              r"(?:när|då) (?:vi|jag|man|ni|de) (?:har |är )?(?:kommit|kommer) "
                              r"(?:hem|tillbaka)|"
                              r"after (each|every|an?|the) \w+|afterwards|"
                              r"when (?:we|i|you|they) (?:get|come|are) (?:back|home)|"
                              r"after (?:we|i|you|they) (?:return|get back|come back|come home)|"
                              r"on (?:our|my|their) return)\b", _I)),
    ("mandate_period", re.compile(r"\b(mandatperiod\w*|mandate period|term of office)\b", _I)),
    ("annually", re.compile(r"\b(annual\w*|every year|each year|yearly)\b", _I)),
]

DUTY_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("revise", re.compile(r"revider\w*|\bses\s+över|översyn", _I)),
    # A register is kept ("föra en förteckning", "förs in i registret", "registreras").
    ("register", re.compile(r"\bregister\b|\bregistrer\w*|hållas\s+(?:löpande\s+)?aktuell|"
                            r"\bför(?:a|s|es)?\s+(?:in\s+i\s+)?(?:en\s+|ett\s+)?"
                            r"(?:register|registret|förteckning\w*)", _I)),
    # ... or put on the web, perhaps after saying for whom: "görs tillgänglig för alla, på …"
    ("publish", re.compile(r"\bpublicer\w*|(?:presenter\w*|läggs\s+(?:ut|upp)|görs\s+"
                           r"tillgänglig\w*)\s+(?:[^.]{0,40}?\s)?på\s+(?:[\wåäö]+\s+){0,2}?"
                           r"(?:hemsida|webbplats|webb|intranät)\w*", _I)),
    ("report", re.compile(r"redovis\w*|rapport\w*|redogörelse\w*|sammanställ\w*|"
                          r"sammanfattning", _I)),
    ("follow_up", re.compile(r"följ\w*\s+upp|uppfölj\w*|utvärder\w*", _I)),
]
_DUTY_QUESTION_EXTRA: list[tuple[str, re.Pattern[str]]] = [
    ("revise", re.compile(r"\b(revis\w*|review\w*|uppdater\w*|updated?)\b", _I)),
    ("follow_up", re.compile(r"\b(evaluat\w*|followed up|follow[- ]up)\b", _I)),
    ("report", re.compile(r"\breport\w*\b", _I)),
]
# A question about one kind of duty is also answered by its sibling ("när ska policyn
# utvärderas?" — many policies say "revideras").
RELATED = {"revise": {"revise", "follow_up"}, "follow_up": {"follow_up", "revise"}}


def rhythm_in_policy(text: str) -> tuple[str, str]:
    """The first rhythm a policy sentence states, and every timing phrase in it."""
    found = [(name, m.group(0)) for name, rx in RHYTHMS for m in [rx.search(text)] if m]
    return (found[0][0] if found else ""), "; ".join(p for _, p in found)


def rhythm_in_question(text: str) -> str:
    return next((name for name, rx in RHYTHMS + _QUESTION_EXTRA if rx.search(text)), "")


def without_rhythm_words(text: str) -> str:
    """The question less the phrase that asks when ("när vi kommit hem", "varje år"): that is
    matched against a duty's rhythm, not looked for among the policy's words."""
    for _, rx in RHYTHMS + _QUESTION_EXTRA:
        text = rx.sub(" ", text)
    return text


def duty_in_policy(text: str) -> str:
    return next((name for name, rx in DUTY_KINDS if rx.search(text)), "")


def duties_in_question(text: str) -> set[str]:
    kind = next((name for name, rx in DUTY_KINDS + _DUTY_QUESTION_EXTRA if rx.search(text)), "")
    return RELATED.get(kind, {kind} if kind else set())
