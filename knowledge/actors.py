"""Recognise the bodies and office holders a text names, and give each one canonical name.

Policies write the same body many ways (KF, fullmäktige, kommunfullmäktige) and name their own
units freely ("Kommunikationsavdelningen", "ett internationellt råd", "varje förvaltning").
The fixed names and the unit nouns come from one table (``knowledge.bodies``); this module
reads them in running text, and resolves a bare "Avdelningen" or "Rådet" to the unit of that
kind the document named before. A bare unit noun with nothing to refer to is not an actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial

from knowledge.antecedents import Antecedents, Mention
from knowledge.bodies import (
    BODY_TABLE,
    CLASSIFYING,
    CLASSIFYING_INDEFINITE,
    HEAD_BY_FORM,
    HEADS,
    NOT_UNIT,
    ORGANISATIONS,
    Body,
    compile_body,
)


def _alternatives(forms: Iterable[str]) -> str:
    return "|".join(sorted(set(forms), key=len, reverse=True))


_BODIES = [(compile_body(b.pattern), b) for b in BODY_TABLE]
_ORGANISATIONS = [(re.compile(p), head) for p, head, _ in ORGANISATIONS]
_W = r"[A-Za-zÅÄÖåäöéü]"
_COMPOUND = rf"(?:{_W}+-\s+(?:och|&)\s+)?(?:{_W}+-)?{_W}*?"
_DEFINITE = _alternatives([h.plural_definite for h in HEADS] + [h.definite for h in HEADS])
_INDEFINITE = _alternatives(h.singular for h in HEADS)
_ANY_INDEFINITE = _alternatives([h.plural for h in HEADS] + [h.singular for h in HEADS])
# "ett kontor" introduces a unit; "regionens kontor" names it, like "kontoret" after a name.
_OWNER = r"kommunens|stadens|regionens|landstingets"
_DESCRIPTIVE = r"särskild|särskilt|gemensam|gemensamt|ny|nytt|egen|eget"
_NAMED = re.compile(
    # "den nämnd som deltar": whichever one, so all of them, like "varje nämnd"
    rf"\b(?:(?P<dist>varje|respektive|alla|samtliga|(?P<which>den|det))\s+"
    rf"(?P<dword>{_COMPOUND}(?:{_ANY_INDEFINITE}))\b(?(which)(?=\s+som\b))"
    rf"|(?:(?:den|det|de)\s+)?(?:(?P<adj>{CLASSIFYING})\s+)?"
    rf"(?P<word>{_COMPOUND}(?:{_DEFINITE}))(?P<gen>s)?"
    rf"|(?:en|ett|{_OWNER})\s+(?P<iadj>(?:(?:{CLASSIFYING_INDEFINITE}|{_DESCRIPTIVE})\s+){{0,2}})"
    rf"(?P<iword>{_COMPOUND}(?:{_INDEFINITE})))\b", re.I)
_DISTRIBUTIVE = re.compile(r"(?:varje|respektive|alla|samtliga)\s", re.I)
_OWN_REFERENCE = re.compile(r"\b(regionen|landstinget)(s)?\b", re.I)  # resolved, never bare
# "ansvarig förvaltning", "den berörda enheten", "närmaste chef": the unit or office a case
# concerns, named by its relation to the case rather than by a name of its own.
_SINGULAR = _alternatives([h.definite for h in HEADS] + [h.singular for h in HEADS])
_CONCERNED = re.compile(rf"\b(?:(?:den|det)\s+)?(?P<role>berörd|ansvarig|närmaste)[at]?\s+"
                        rf"(?P<cword>{_COMPOUND}(?:{_SINGULAR}))\b", re.I)
_CO_UNIT = re.compile(rf"\s+(?:och|samt|eller)\s+({_COMPOUND}(?:{_ANY_INDEFINITE}))\b", re.I)


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def _definite_adjective(word: str) -> str:
    """"internationellt" → "internationella", as a unit's name has it."""
    return word if not word or word.endswith("a") else word.rstrip("t") + "a"


def _split_head(word: str) -> tuple[str, str]:
    """("Kommunikations", "avdelningen") for "Kommunikationsavdelningen"."""
    low = word.lower()
    form = next(f for f in sorted(HEAD_BY_FORM, key=len, reverse=True) if low.endswith(f))
    return word[: len(word) - len(form)], form


def _fixed_name(body: Body, text: str, known: Antecedents) -> str:
    if not body.name:
        return _capital(re.sub(r"nivån$", "nivå", " ".join(text.split())))
    if not body.follows_organisation:
        return body.name
    assembly = known.resolve("fullmäktige") or "Kommunfullmäktige"
    return body.name.replace("Kommun", assembly[: -len("fullmäktige")], 1)


def _named(m: re.Match[str], known: Antecedents) -> Mention | None:
    """The mention a unit-noun match stands for, or None (a bare noun with no antecedent)."""
    start, end, text = m.start(), m.end(), m.group(0)
    if m.group("dist"):
        prefix, form = _split_head(m.group("dword"))
        name = _capital(prefix + HEAD_BY_FORM[form].plural_definite)
        return Mention(start, end, text, name, distributive=True)
    if m.group("iword"):
        prefix, form = _split_head(m.group("iword"))
        head = HEAD_BY_FORM[form]
        adjectives = [_definite_adjective(a) for a in m.group("iadj").split()
                      if re.fullmatch(CLASSIFYING_INDEFINITE, a, re.I)]
        name = _capital(" ".join([*adjectives, prefix + head.definite]))
        return Mention(start, end, text, name, head=head.definite)
    prefix, form = _split_head(m.group("word"))
    head = HEAD_BY_FORM[form]
    genitive = bool(m.group("gen"))
    adjective = _definite_adjective(m.group("adj") or "")
    if prefix or adjective:
        name = _capital(" ".join(x for x in (adjective, m.group("word")) if x))
        single = form == head.definite
        return Mention(start, end, text, name, head=form if single else "", genitive=genitive)
    if form == head.plural_definite:
        name = _capital(form) if head.acts_in_plural else ""
        return Mention(start, end, text, name, genitive=genitive) if name else None
    full = known.resolve(form)
    return Mention(start, end, text, full, head=form, genitive=genitive,
                   refers=True) if full else None


def _organisation(m: re.Match[str], head: str, text: str, _known: Antecedents) -> Mention:
    name = m.group(0)
    if name.endswith("s") and re.match(r"\s+[a-zåäö]", text[m.end():]):
        name = name[:-1]  # "Region Skånes samarbete"
    return Mention(m.start(), m.end(), m.group(0), name, head=head)


def _own_reference(m: re.Match[str], known: Antecedents) -> Mention | None:
    """"Regionen" is the region the text is about, when exactly one is."""
    full = known.resolve(m.group(1).lower())
    return Mention(m.start(), m.end(), m.group(0), full, head=m.group(1).lower(),
                   genitive=bool(m.group(2)), refers=True) if full else None


def _concerned(m: re.Match[str], _known: Antecedents) -> Mention:
    prefix, form = _split_head(m.group("cword"))
    name = f"{m.group('role').capitalize()} {prefix.lower()}{HEAD_BY_FORM[form].singular}"
    return Mention(m.start(), m.end(), m.group(0), name)


@lru_cache(maxsize=64)
def _own_place(organisation: str) -> re.Pattern[str] | None:
    """"Västanås Brysselkontor", "Sörviks turistbyrå": a unit named by the genitive of the
    organisation's own place; only that place, since "Europas nätverk" names no body."""
    place = re.sub(r"^(?:Region|Landstinget)\s+|\s+(?:kommun|stad|län)$", "", organisation.strip())
    if not place[:1].isupper():
        return None
    return re.compile(rf"\b{re.escape(place)}s\s+(?:{CLASSIFYING}\s+)?"
                      rf"(?P<pword>{_COMPOUND}(?:{_INDEFINITE}))(?P<pgen>s)?\b")


def _place_unit(m: re.Match[str], _known: Antecedents) -> Mention:
    """The unit under its name as written; a later "Kontoret" refers back to it."""
    _, form = _split_head(m.group("pword"))
    words = " ".join(m.group(0).split())
    genitive = bool(m.group("pgen"))
    return Mention(m.start(), m.end(), m.group(0), words[:-1] if genitive else words,
                   head=HEAD_BY_FORM[form].definite, genitive=genitive)


def _fixed(m: re.Match[str], body: Body, known: Antecedents) -> Mention:
    lead = len(m.group(0)) - len(m.group(0).lstrip())
    words = m.group(0).strip()
    return Mention(m.start() + lead, m.end(), words, _fixed_name(body, words, known),
                   head=body.head, genitive=words.lower().endswith("ens"),
                   distributive=bool(_DISTRIBUTIVE.match(words)))


@dataclass(frozen=True)
class _Reading:
    """One way to read some words as a body; ``build`` names it given what came before."""

    start: int
    end: int
    rank: int  # among readings of equal length, the lowest rank wins
    build: Callable[[Antecedents], Mention | None]


def _readings(text: str, organisation: str) -> list[_Reading]:
    found: list[_Reading] = []
    place = _own_place(organisation)
    found += [_Reading(m.start(), m.end(), 1200, partial(_place_unit, m))
              for m in (place.finditer(text) if place else [])]
    for rank, (pattern, body) in enumerate(_BODIES):
        found += [_Reading(m.start(), m.end(), rank, partial(_fixed, m, body))
                  for m in pattern.finditer(text) if m.group(0).strip()]
    for pattern, head in _ORGANISATIONS:
        found += [_Reading(m.start(), m.end(), 1000, partial(_organisation, m, head, text))
                  for m in pattern.finditer(text)]
    for m in _CONCERNED.finditer(text):
        found.append(_Reading(m.start(), m.end(), 1500, partial(_concerned, m)))
    for m in _OWN_REFERENCE.finditer(text):
        found.append(_Reading(m.start(), m.end(), 3000, partial(_own_reference, m)))
    for m in _NAMED.finditer(text):
        word = m.group("dword") or m.group("word") or m.group("iword") or ""
        if not NOT_UNIT.search(word) and not NOT_UNIT.search(m.group(0)):
            found.append(_Reading(m.start(), m.end(), 2000, partial(_named, m)))
    return found


def find_actors(text: str, known: Antecedents | None = None) -> list[Mention]:
    """Every body named in ``text``, left to right, without overlaps; the longest reading of
    any words wins, and a fixed name wins over a unit-noun reading of the same words.

    ``known`` holds the units named earlier in the same document, so "Avdelningen beslutar"
    is credited to the "Kommunikationsavdelningen" met before; it learns from ``text`` as it
    goes, so an antecedent in the same sentence counts too.
    """
    chosen: list[_Reading] = []
    readings = _readings(text, known.organisation if known is not None else "")
    for r in sorted(readings, key=lambda r: (r.start - r.end, r.rank, r.start)):
        if all(r.end <= c.start or r.start >= c.end for c in chosen):
            chosen.append(r)
    memory = known.copy() if known is not None else Antecedents()
    found: list[Mention] = []
    for reading in sorted(chosen, key=lambda r: r.start):
        mention = reading.build(memory)
        if mention is not None:
            found.append(mention)
            memory.remember([mention])
            found += _co_ordinated(text, mention, chosen)
    return found


def _co_ordinated(text: str, mention: Mention, chosen: list[_Reading]) -> list[Mention]:
    """"Varje förvaltning och bolag": the second noun shares the first one's "varje"."""
    co = _CO_UNIT.match(text, mention.end) if mention.distributive else None
    if co is None or any(c.start < co.end() and co.start(1) < c.end for c in chosen):
        return []
    prefix, form = _split_head(co.group(1))
    name = _capital(prefix + HEAD_BY_FORM[form].plural_definite)
    return [Mention(co.start(1), co.end(1), co.group(1), name)]

