"""Governance vocabulary: abbreviations, English→Swedish terms, bodies and their English names.

This is domain knowledge about Swedish local government, not about any one policy: it lets an
English question find Swedish text, and lets an English answer name a Swedish body correctly.
"""

from __future__ import annotations

import re

from knowledge.bodies import (
    BODY_TABLE,
    CLASSIFYING,
    HEAD_BY_FORM,
    NOT_UNIT,
    compile_body,
    english_for_unit,
)
from knowledge.text import stem, words

# Expansions applied to questions before retrieval (keys are lower-case, matched on words).
ABBREVIATIONS: dict[str, str] = {
    "kf": "kommunfullmäktige fullmäktige",
    "ks": "kommunstyrelsen kommunstyrelse",
    "ksau": "kommunstyrelsens arbetsutskott",
    "au": "arbetsutskott",
}

# English phrase → Swedish search terms. Longest phrases are matched first.
EN_SV: dict[str, str] = {
    "municipal council": "kommunfullmäktige fullmäktige",
    "city council": "kommunfullmäktige fullmäktige",
    "council": "fullmäktige kommunfullmäktige råd rådet",
    "assembly": "fullmäktige",
    "executive board": "kommunstyrelsen",
    "executive committee": "kommunstyrelsen",
    "municipal board": "kommunstyrelsen",
    "board": "styrelse nämnd",
    "committees": "nämnderna nämnd kommittéer",
    "committee": "nämnd nämnden kommitté kommittén",
    "chief executive": "kommunchef kommundirektör",
    "municipal manager": "kommunchef kommundirektör",
    "chair": "ordförande",
    "group": "grupp gruppen",
    "municipalities": "kommuner kommunerna",
    "chairman": "ordförande",
    "president": "ordförande",
    "representative": "representant företrädare",
    "twin towns": "vänorter vänort",
    "twin town": "vänort vänorter",
    "twin city": "vänort",
    "sister city": "vänort",
    "sister cities": "vänorter",
    "twinning": "vänort vänortssamarbete",
    "partnership": "partnerskap samarbete",
    "partner": "partner samarbetspart",
    "partners": "samarbetsparter partner",
    "agreement": "avtal",
    "agreements": "avtal",
    "sign": "tecknas underteckna teckna",
    "signs": "tecknas undertecknar",
    "decide": "beslutar beslut",
    "decides": "beslutar beslut",
    "decision": "beslut",
    "approve": "beslutar godkänner",
    "approves": "beslutar godkänner",
    "adopt": "antar antagande antagen",
    "adopted": "antagen antagande",
    "adoption": "antagande",
    "responsible": "ansvar ansvarar",
    "responsibility": "ansvar ansvarar",
    "responsibilities": "ansvar ansvarar",
    "in charge": "ansvar ansvarar",
    "coordinate": "samordna samordning",
    "coordination": "samordning samordna",
    "coordinator": "samordnare",
    "coordinated": "samordnade",
    "lead": "ledning leda",
    "strategic": "strategisk",
    "membership": "medlemskap",
    "join": "medlemskap",
    "member": "medlemskap",
    "network": "nätverk",
    "networks": "nätverk",
    "organisation": "organisation",
    "organization": "organisation",
    "organisations": "organisationer",
    "grant": "bidrag stöd",
    "grants": "bidrag stöd",
    "funding": "finansiering medel bidrag",
    "funds": "medel fonder",
    "financing": "finansiering",
    "external": "extern",
    "co-financing": "egenfinansiering medfinansiering",
    "support": "stöd stödja",
    "project": "projekt",
    "projects": "projekt",
    "exchange": "utbyte",
    "exchanges": "utbyten",
    "visit": "besök",
    "study visit": "studiebesök",
    "goal": "mål",
    "goals": "mål målen",
    "objective": "mål",
    "objectives": "mål",
    "aim": "mål syfte",
    "purpose": "syfte syftet",
    "vision": "vision",
    "priority": "prioriterade prioritera",
    "priorities": "prioriterade prioriteringar",
    "prioritised": "prioriteras",
    "prioritized": "prioriteras",
    "priority areas": "prioriterade områden",
    "youth": "ungdom unga ungdomar",
    "young people": "unga ungdomar",
    "children": "barn",
    "school": "skola skolor",
    "schools": "skolor",
    "education": "utbildning",
    "culture": "kultur",
    "leisure": "fritid",
    "democracy": "demokrati demokratiutveckling",
    "sustainability": "hållbar hållbarhet",
    "sustainable": "hållbar",
    "growth": "tillväxt",
    "employment": "sysselsättning",
    "business": "näringsliv",
    "follow up": "uppföljning följas upp",
    "follow-up": "uppföljning följas upp",
    "following up": "uppföljning följas upp",
    "follows up": "uppföljning följas upp",
    "evaluating": "utvärdering utvärderas",
    "reporting on": "redovisa redovisning",
    "followed up": "följas upp uppföljning",
    "evaluate": "utvärderas utvärdering",
    "evaluated": "utvärderas utvärdering",
    "evaluation": "utvärdering",
    "review": "utvärdering revidera",
    "revise": "revidera revideras",
    "revised": "revideras",
    "updated": "revideras revidera",
    "update": "revidera",
    "report": "redovisa rapport redogörelse",
    "reports": "redovisar rapport",
    "reporting": "redovisning rapport",
    "annual report": "årsredovisning årlig rapport",
    "annual": "årlig årligen",
    "annually": "årligen",
    "every year": "årligen",
    "yearly": "årligen",
    "regularly": "regelbundet",
    "register": "register",
    "mandate period": "mandatperiod",
    "term of office": "mandatperiod",
    "expiry": "giltighet",
    "expire": "upphör giltighet",
    "valid": "gäller",
    "action plan": "handlingsplan",
    "action plans": "handlingsplaner",
    "operational plan": "verksamhetsplan",
    "annual activity report": "verksamhetsberättelse",
    "monitor": "bevaka omvärldsbevakning",
    "monitoring": "omvärldsbevakning bevaka",
    "environmental scanning": "omvärldsbevakning",
    "competence": "kompetens",
    "skills": "kompetens",
    "training": "kompetensutveckling",
    "website": "hemsidan",
    "international": "internationell internationella",
    "department": "förvaltning verksamhet",
    "departments": "förvaltningar",
    "administration": "förvaltning förvaltningen",
    "office": "kontor",
    "sector": "sektor sektorn",
    "unit": "enhet",
    "staff": "tjänstemän medarbetare",
    "official": "tjänsteman",
    "officials": "tjänstemän",
    "associations": "föreningar",
    "association": "förening",
    "management": "ledning",
    "centralised": "centralt centraliserat",
    "centralized": "centralt centraliserat",
    "decentralised": "decentraliserat",
    "decentralized": "decentraliserat",
    "locally": "lokalt",
    "budget": "budget",
    "date": "datum",
    "dated": "datum",
    "phone": "telefon tel",
    "telephone": "telefon",
    "email": "e-post",
    "contact": "kontakt",
    "previous": "förra tidigare",
    "criteria": "kriterier",
    "choose": "välja",
    "regional": "regional region",
    "eu funding": "eu-finansiering eu-medel",
    "eu projects": "eu-projekt",
    "eu project": "eu-projekt",
}

# Canonical bodies: pattern (Swedish, inflections) → (short form, English name), built from the
# one body table the fact extractor also reads (``knowledge.bodies``). Fixed bodies first; then
# any unit built on a unit noun ("Kulturförvaltningen", "nätverk"), whose short form is the
# words as written. A region or company as a whole is left out: naming the organisation does
# not say which of its bodies acts.
_UNIT = "a unit"  # its English name depends on the words: english_for_unit
_UNIT_FORMS = "|".join(sorted(HEAD_BY_FORM, key=len, reverse=True))
BODIES: list[tuple[re.Pattern[str], str, str]] = [
    *[(compile_body(b.pattern), b.short, b.english) for b in BODY_TABLE],
    (re.compile(rf"\b(?:{CLASSIFYING}\s+)?[\wåäö-]*(?:{_UNIT_FORMS})s?\b", re.I), "", _UNIT),
]

def _add_body_terms() -> None:
    """English names and abbreviations of the table's bodies ("regional executive board", RS)
    join the glossary, so a question can name any body the extractor knows."""
    for b in BODY_TABLE:
        if b.name:
            english = re.sub(r"^(?:the|an?)\s+|\s+\(.*\)$", "", b.english)
            EN_SV.setdefault(english, b.name.lower())
        if b.abbreviation:
            ABBREVIATIONS.setdefault(b.abbreviation.lower(), b.name.lower())


_add_body_terms()


# Swedish words policies use for the same governance idea; a question's word also matches its
# siblings ("medlemskap" meets "ansluta sig till").
SYNONYM_GROUPS = [
    "medlemskap medlem ansluta anslutning",
    "representant representera företräda företräder",
    "revidera revidering ses över översyn uppdatera",
    "utvärdera utvärdering uppföljning följa upp",
    "bidrag stöd",
    "ungdom ungdomar unga ung",
    "avtal överenskommelse",
]
SYNONYMS: dict[str, str] = {w: g for g in SYNONYM_GROUPS for w in g.split()}


def body_mentions(text: str, topic: str = "") -> list[tuple[str, str, str]]:
    """(matched text, Swedish canonical name, English name) of the bodies ``text`` names.

    A word the question itself uses as its topic ("membership in *networks*") is not an acting
    body: it is what the question is about, so it never counts as the answer to "who".
    """
    topic_stems = {stem(w) for w in words(topic)}
    found: list[tuple[str, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, swedish, english in BODIES:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if not swedish and NOT_UNIT.search(m.group(0)):
                continue
            taken.append((m.start(), m.end()))
            head = m.group(0).split()[-1]
            if not swedish and {stem(w) for w in words(head)} & topic_stems:
                continue
            name = english_for_unit(m.group(0)) if english == _UNIT else english
            found.append((m.group(0), swedish, name))
    return found


_PHRASES = sorted(EN_SV, key=len, reverse=True)


def english_phrases(question: str) -> tuple[list[str], str]:
    """The glossary phrases in ``question`` (longest first, no overlaps) and the rest of it."""
    lowered = " " + re.sub(r"[^\w\s+-]", " ", question.lower().replace("-", " ")) + " "
    found: list[str] = []
    for phrase in _PHRASES:
        needle = f" {phrase} "
        if needle in lowered:
            found.append(phrase)
            lowered = lowered.replace(needle, " # ")
    rest = []
    for word in lowered.split():
        lemmas = english_lemmas(word) if word != "#" else []
        if lemmas:
            found.append(lemmas[0])
            word = "#"
        rest.append(word)
    return found, " " + " ".join(rest) + " "


def english_lemmas(word: str) -> list[str]:
    """Candidate base forms of an English word: "supports" → support, "coordinating" →
    coordinate, "municipalities" → municipality, "decided" → decide."""
    w = word.lower()
    out = []
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            base = w[: -len(suffix)]
            out += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:  # "planned" → plan
                out.append(base[:-1])
    return [x for x in out if x in EN_SV]


def english_expansion(question: str) -> str:
    """Swedish terms for the English phrases in ``question``."""
    return " ".join(EN_SV[phrase] for phrase in english_phrases(question)[0])


def abbreviation_expansion(question: str) -> str:
    found = [ABBREVIATIONS[w.lower()] for w in re.findall(r"\b[A-Za-zÅÄÖåäö]{2,5}\b", question)
             if w.lower() in ABBREVIATIONS and (w.isupper() or len(w) > 3)]
    return " ".join(found)
