"""Candidate answers for one municipality's question: document facts, structured facts, passages.

Each candidate carries the quotes it would show, so the same signals judge every kind. Facts
answer first where they match the question and agree with what retrieval finds; document-level
questions ("when was it adopted, by whom, its Dnr") are answered from the lines that state them;
everything else from the best passages, enumerations quoted whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from knowledge.answer_types import asks_enumeration, expected_type, satisfies
from knowledge.composer import MAX_LIST_QUOTE, Quote, compose, distinct_quotes
from knowledge.doc_answers import asked_aspects, statements
from knowledge.fact_answers import answer_from_facts
from knowledge.facts import Fact
from knowledge.lexicon import body_mentions
from knowledge.models import Answer, Citation, Document, Passage
from knowledge.retriever import Hit


@dataclass
class Candidate:
    answer: Answer
    quotes: list[str]  # the quoted text the signals look at
    fact_match: float = 0.0
    closest: list[Citation] = field(default_factory=list)  # shown when the decision abstains


def document_candidate(question: str, language: str, docs: Sequence[Document],
                       section_of: Mapping[str, dict[int, str]]) -> Candidate | None:
    aspects = asked_aspects(question)
    if not aspects:
        return None
    cits: list[Citation] = []
    for aspect in aspects:
        for doc in docs:
            for st in statements(doc, aspect, section_of.get(doc.id)):
                if not any(c.doc_id == st.citation.doc_id and c.start < st.citation.end
                           and st.citation.start < c.end for c in cits):
                    cits.append(st.citation)
    if not cits:
        return None
    first = cits[0]
    kind = "policy" if "polic" in first.document.lower() else "strategy" if language == "en" \
        else "strategi"
    head = (f"About the {kind} \"{first.document}\" itself:" if language == "en"
            else f"Om dokumentet \"{first.document}\":")
    label, sec = ("Sources", "section") if language == "en" else ("Källor", "avsnitt")
    lines = [f"«{c.quote}» ({c.municipality}, {c.document}, {sec} \"{c.section}\")" for c in cits]
    text = f"{head}\n" + "\n".join(f"- {c.quote}" for c in cits) + f"\n\n{label}:\n" + \
        "\n".join(lines)
    answer = Answer(text=text, citations=cits, language=language, intent="fact",
                    municipality=first.municipality, mode="document")
    return Candidate(answer, [c.quote for c in cits], fact_match=1.0, closest=cits[:1])


def fact_candidate(facts: Sequence[Fact], coverage: float, hits: Sequence[Hit], intent: str,
                   language: str, context: Sequence[Citation] = ()) -> Candidate | None:
    """Facts, when retrieval agrees: a fact's span among the best passages, or a close match."""
    if not facts:
        return None
    near = [h.passage for h in hits[:8]]
    agrees = any(f.doc_id == p.doc_id and f.start < p.block_end and p.block_start < f.end
                 for f in facts for p in near)
    if not agrees and coverage < 0.8:
        return None
    answer = answer_from_facts(facts, intent, language, context)
    return Candidate(answer, [c.quote for c in answer.citations], fact_match=coverage,
                     closest=answer.citations[:1])


def passage_candidate(question: str, hits: Sequence[Hit], docs: Mapping[str, Document],
                      following: Mapping[tuple[str, int], Passage], intent: str, language: str,
                      municipality: str | None, limit: int,
                      section_spans: Mapping[tuple[str, str], tuple[int, int]] | None = None,
                      coverage: Callable[[str], float] | None = None,
                      ) -> Candidate | None:
    enumerate_ = asks_enumeration(question)
    scored = [(h.passage, h.score) for h in hits]
    reach = max(limit, _TYPED_REACH.get(expected_type(question), 0)) if coverage else limit
    quotes = distinct_quotes(scored, docs, reach, following,
                             max_block=MAX_LIST_QUOTE if enumerate_ else None)
    if not quotes:
        return None
    if enumerate_ and section_spans:  # "Vilka strategier …?": the whole short section
        quotes[0] = whole_section(quotes[0], docs, section_spans)
        announced = announced_sections(quotes[0], docs, section_spans)
        if announced:  # "… inriktas på tre områden." and the three headings after it
            quotes = [quotes[0], *announced,
                      *(x for x in quotes[1:] if not _overlaps(x, announced))]
    if coverage is not None:
        quotes = typed_first(question, quotes, coverage, limit)[:limit]
    shown = strong(quotes)
    if intent == "who":  # passages that name a body first: they can answer "who"
        named = [x for x in shown if body_mentions(x.citation.quote, question)]
        shown = named + [x for x in shown if x not in named]
    rest = [x for x in quotes if x not in shown]
    answer = Answer(text=compose(shown, intent, language, question),
                    citations=[x.citation for x in shown + rest][:limit],
                    language=language, intent=intent, municipality=municipality)
    return Candidate(answer, [x.citation.quote for x in shown],
                     closest=[x.citation for x in shown[:1]])


# The values a passage can be checked for ("actor" is handled by body mentions above), and
# how far down a list of names is looked for: a passage that lists twin towns often talks
# of them in other words than the question ("Vänortsutbytet med Levanger …"), while an
# amount, a date or an address found far down more likely answers another question.
_TYPED = frozenset({"names", "person", "amount", "number", "date", "contact"})
_TYPED_REACH = {"names": 12, "person": 12}


def typed_first(question: str, quotes: list[Quote], coverage: Callable[[str], float],
                limit: int) -> list[Quote]:
    """"Vilka vänorter har vi?" asks for names: when the best passage states none but a
    later one does, and covers the question's subject at least as well, that one leads (the
    answer-type check then judges the passage that can answer)."""
    kind = expected_type(question)
    if kind not in _TYPED or not quotes or satisfies(kind, quotes[0].citation.quote):
        return quotes
    floor = max(coverage(quotes[0].citation.quote), 0.5)
    for i, x in enumerate(quotes[1:_TYPED_REACH.get(kind, limit)], start=1):
        if satisfies(kind, x.citation.quote) and coverage(x.citation.quote) >= floor:
            return [replace(x, score=quotes[0].score), *quotes[:i], *quotes[i + 1:]]
    return quotes


def strong(quotes: Sequence[Quote], limit: int = 3) -> list[Quote]:
    """The quotes worth showing: those close to the best one (the rest stay citations);
    headings a quote announced share its score, so an announced list is shown whole."""
    best = quotes[0].score if quotes else 0.0
    limit = max(limit, 1 + sum(1 for x in quotes[1:] if x.passage is quotes[0].passage))
    return [x for i, x in enumerate(quotes[:limit]) if i == 0 or x.score >= 0.55 * best]


# "… ska inriktas på tre områden.", "Strategin har fyra fokusområden:": a count of what follows
_COUNT = {w: i for i, w in enumerate("två tre fyra fem sex sju åtta nio tio".split(), start=2)}
_COUNTED = re.compile(r"\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|[2-9])\s+[\wåäö-]+\s*[.:]?\s*$",
                      re.IGNORECASE)


def announced_sections(quote: Quote, docs: Mapping[str, Document],
                       spans: Mapping[tuple[str, str], tuple[int, int]]) -> list[Quote]:
    """The headings of the sections a quote announces by number, when it closes its own
    section and the counted sections follow it: the areas are those sections' titles."""
    c = quote.citation
    doc = docs.get(c.doc_id)
    own = spans.get((c.doc_id, c.section))
    m = _COUNTED.search(c.quote)
    if doc is None or own is None or m is None or own[1] > c.end:
        return []
    word = m.group(1).lower()
    count = int(word) if word.isdigit() else _COUNT[word]
    after = sorted((span, section) for (doc_id, section), span in spans.items()
                   if doc_id == c.doc_id and span[0] >= c.end)[:count]
    out: list[Quote] = []
    gap_start = c.end
    for (start, _end), section in after:
        at = doc.text.find(section, gap_start, start)
        if at < 0:  # the heading is not where the section starts: no safe quote
            return []
        out.append(Quote(quote.passage, Citation(c.municipality, c.document, section, section,
                                                 c.doc_id, at, at + len(section)), quote.score))
        gap_start = start
    return out if len(out) == count else []


def _overlaps(x: Quote, quotes: Sequence[Quote]) -> bool:
    return any(x.citation.doc_id == q.citation.doc_id and x.citation.start < q.citation.end
               and q.citation.start < x.citation.end for q in quotes)


def with_passages(first: Candidate, passages: Candidate, language: str,
                  limit: int = 2) -> Candidate:
    """``first`` followed by the best passages it does not already quote."""
    taken = list(first.answer.citations)
    extra = []
    for c in passages.answer.citations[:limit]:
        overlapping = [i for i, t in enumerate(taken)
                       if c.doc_id == t.doc_id and c.start < t.end and t.start < c.end]
        if not overlapping:
            extra.append(c)
        elif len(overlapping) == 1 and _wider(c, taken[overlapping[0]]):
            # "… gäller tills vidare. Policyn ska följas upp varje mandatperiod …": the block
            # holding the stated line says more, so it is quoted instead
            taken[overlapping[0]] = c
    if taken != first.answer.citations:
        first = _replaced(first, taken, language)
    if not extra:
        return first
    sec = "section" if language == "en" else "avsnitt"
    lines = "\n".join(f"«{c.quote}» ({c.municipality}, {c.document}, {sec} \"{c.section}\")"
                      for c in extra)
    answer = first.answer
    answer.text = f"{answer.text}\n{lines}"
    answer.citations = [*taken, *extra]
    return Candidate(answer, [*first.quotes, *(c.quote for c in extra)], first.fact_match,
                     first.closest)


def _wider(c: Citation, t: Citation, most: int = 400) -> bool:
    return c.start <= t.start and t.end <= c.end and (c.start, c.end) != (t.start, t.end) \
        and c.end - c.start <= most


def _replaced(first: Candidate, citations: list[Citation], language: str) -> Candidate:
    """``first`` with some document lines quoted in their wider block."""
    answer = first.answer
    sec = "section" if language == "en" else "avsnitt"
    head = answer.text.split("\n")[0]
    label = "Sources" if language == "en" else "Källor"
    answer.text = (f"{head}\n" + "\n".join(f"- {c.quote}" for c in citations) + f"\n\n{label}:\n"
                   + "\n".join(f"«{c.quote}» ({c.municipality}, {c.document}, {sec} "
                                f"\"{c.section}\")" for c in citations))
    answer.citations = citations
    return Candidate(answer, [c.quote for c in citations], first.fact_match, first.closest)


def whole_section(quote: Quote, docs: Mapping[str, Document],
                  spans: Mapping[tuple[str, str], tuple[int, int]]) -> Quote:
    """The quote widened to its whole section when the section is short enough to show."""
    c = quote.citation
    span = spans.get((c.doc_id, c.section))
    doc = docs.get(c.doc_id)
    if doc is None or span is None or not (span[0] <= c.start and c.end <= span[1]):
        return quote
    start, end = span
    if end - start > MAX_LIST_QUOTE or (start, end) == (c.start, c.end):
        return quote
    wide = Citation(c.municipality, c.document, c.section, doc.text[start:end], c.doc_id,
                    start, end)
    return Quote(quote.passage, wide, quote.score)
