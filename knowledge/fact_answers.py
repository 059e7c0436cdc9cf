"""Answers built from facts: every body involved, every goal, every duty, each one cited.

The text lists the facts in the question's language (body names with their abbreviation and,
in English, what the body is); the statements themselves stay in Swedish, verbatim, so a
reader can check them against the quotes.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.bodies import BODY_TABLE
from knowledge.composer import possessive
from knowledge.facts import ACTION_LABELS, GOAL_KIND_LABELS, WHEN_LABELS, Fact
from knowledge.lexicon import body_mentions
from knowledge.models import Answer, Citation

_ABBREVIATIONS = {b.name: b.abbreviation for b in BODY_TABLE if b.abbreviation}


def actor_name(name: str, language: str) -> str:
    """"Kommunstyrelsen (KS)", or in English "Kommunstyrelsen (KS, the municipal executive
    board)"; an actor that is not a body (a coordinator) is shown as written."""
    if not name:
        return "ej angivet" if language == "sv" else "not stated"
    abbrev = _ABBREVIATIONS.get(name, "")
    english = ""
    if language == "en":
        bodies = body_mentions(name)
        english = bodies[0][2] if bodies else ""
    inside = ", ".join(x for x in (abbrev, english) if x)
    return f"{name} ({inside})" if inside else name


def _doc_kind(fact: Fact, language: str) -> str:
    if "polic" in fact.document.lower():
        return "policy"
    return "strategy" if language == "en" else "strategi"


def _header(facts: Sequence[Fact], language: str) -> str:
    first = facts[0]
    whose = possessive(first.municipality, language)
    if language == "en":
        return f"According to {whose} {_doc_kind(first, language)}:"
    return f"Enligt {whose} {_doc_kind(first, language)}:"


def citations(facts: Sequence[Fact]) -> list[Citation]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for f in facts:
        seen.setdefault((f.doc_id, f.start, f.end), f.citation())
    return list(seen.values())


def _sources(cits: Sequence[Citation], language: str) -> str:
    label, sec = ("Sources", "section") if language == "en" else ("Källor", "avsnitt")
    lines = [f"«{c.quote}» ({c.municipality}, {c.document}, {sec} \"{c.section}\")" for c in cits]
    return f"{label}:\n" + "\n".join(lines)


def responsibility_line(f: Fact, language: str) -> str:
    verb = ACTION_LABELS[f.action][1 if language == "en" else 0]
    obj = f": {f.object}" if f.object else ""
    return f"- {actor_name(f.actor, language)} {verb}{obj}"


def goal_line(f: Fact, language: str) -> str:
    kind = GOAL_KIND_LABELS.get(f.goal_kind, ("", ""))[1 if language == "en" else 0]
    return f"- [{kind}] {f.object}"


def obligation_line(f: Fact, language: str) -> str:
    en = language == "en"
    when = WHEN_LABELS.get(f.when, WHEN_LABELS[""])[1 if en else 0]
    who = actor_name(f.actor, language)
    parts = [f"- {who} – {when}: {f.object}"]
    if f.recipient:
        parts.append(f"  {'to' if en else 'till'}: {f.recipient}")
    if f.contents:
        parts.append(f"  {'must contain' if en else 'ska innehålla'}: {'; '.join(f.contents)}")
    return "\n".join(parts)


_LINES = {"responsibility": responsibility_line, "goal": goal_line,
          "obligation": obligation_line}


def answer_from_facts(facts: Sequence[Fact], intent: str, language: str,
                      context: Sequence[Citation] = ()) -> Answer:
    """The facts as lines, each cited; a fact's span is quoted within one of the ``context``
    quotes (a short block retrieval found) when that contains it, so the reader sees the
    sentences around it ("Rådet består av …" after "ett råd skapades")."""
    lines = [_LINES[f.kind](f, language) for f in facts]
    cits = _widened(citations(facts), context)
    text = f"{_header(facts, language)}\n" + "\n".join(lines) + "\n\n" + _sources(cits, language)
    return Answer(text=text, citations=cits, language=language, intent=intent,
                  municipality=facts[0].municipality, mode="facts")


def _widened(cits: Sequence[Citation], context: Sequence[Citation]) -> list[Citation]:
    out: list[Citation] = []
    for c in cits:
        wide = next((w for w in context if w.doc_id == c.doc_id and w.start <= c.start
                     and c.end <= w.end), c)
        if not any(o.doc_id == wide.doc_id and o.start == wide.start and o.end == wide.end
                   for o in out):
            out.append(wide)
    return out


def answer_per_municipality(groups: dict[str, list[Fact]], intent: str,
                            language: str) -> Answer:
    """A cross-municipality answer: each municipality's matching facts under its name."""
    blocks, cits = [], []
    for muni, facts in groups.items():
        blocks.append(f"{muni}:\n" + "\n".join(_LINES[f.kind](f, language) for f in facts))
        cits.extend(citations(facts))
    names = ", ".join(groups)
    head = (f"The policies of {names} address this:" if language == "en"
            else f"Detta tas upp i policyerna för {names}:")
    text = head + "\n" + "\n\n".join(blocks) + "\n\n" + _sources(cits, language)
    return Answer(text=text, citations=cits, language=language, intent=intent, mode="facts")


def onboarding_summary(facts: Sequence[Fact], language: str) -> str:
    """Goals, who decides what and the follow-up duties: what a new official reads first."""
    en = language == "en"
    groups = (("goal", "Goals:" if en else "Mål:"),
              ("responsibility",
               "Who decides and does what:" if en else "Vem beslutar och gör vad:"),
              ("obligation", "Follow-up duties:" if en else "Uppföljning och redovisning:"))
    out = [_header(facts, language)]
    for kind, title in groups:
        chosen = [f for f in facts if f.kind == kind]
        if chosen:
            out.append(title + "\n" + "\n".join(_LINES[kind](f, language) for f in chosen))
    return "\n\n".join(out)
