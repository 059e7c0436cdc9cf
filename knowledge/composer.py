"""Extractive answers: a short lead built from the best passage, then verbatim quotes.

The lead never states more than the quoted text does; in English it adds the English names of
the Swedish bodies the passage names, so a reader knows who "KS" is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.lexicon import body_mentions
from knowledge.models import Citation, Document, Passage

MAX_BLOCK_QUOTE = 600
MAX_LIST_QUOTE = 1500  # "which goals …?": a whole enumeration, when the question asks for one
# A short block that introduces what follows: "… har fyra mål.", "Följande gäller:".
_ANNOUNCES = re.compile(r":\s*$|\b(följande|nedan|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\b",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Quote:
    passage: Passage
    citation: Citation
    score: float


def quote_for(passage: Passage, doc: Document,
              following: Mapping[tuple[str, int], Passage] | None = None,
              max_block: int = MAX_BLOCK_QUOTE) -> Citation:
    """The whole block (a short paragraph or list) when it fits, else the sentence itself.

    A short block that announces what follows ("Kommunen har fyra mål.") takes the next block
    of the same section with it, so the answer shows the goals and not just their number.
    """
    start, end = passage.start, passage.end
    if passage.block_end - passage.block_start <= max_block:
        start, end = passage.block_start, passage.block_end
        following = following or {}
        nxt = following.get((passage.doc_id, passage.block_end))
        block = doc.text[start:end]
        if block.rstrip().endswith(":"):  # a lead-in whose items came as separate blocks
            while (nxt is not None and _item_follows(doc.text[end:nxt.block_start])
                   and nxt.block_end - nxt.block_start < 300
                   and nxt.block_end - start <= max_block):
                end = nxt.block_end
                nxt = following.get((passage.doc_id, end))
        elif (nxt is not None and _ANNOUNCES.search(block) is not None and end - start < 100
                and nxt.section == passage.section and nxt.block_end - start <= max_block):
            end = nxt.block_end
    return Citation(municipality=doc.municipality, document=doc.title, section=passage.section,
                    quote=doc.text[start:end], doc_id=doc.id, start=start, end=end)


def _item_follows(gap: str) -> bool:
    """Between a lead-in and its next item: nothing, or one short label ("Utveckling:")."""
    gap = gap.strip()
    return not gap or (len(gap) <= 40 and gap.endswith(":") and "\n" not in gap)


def distinct_quotes(scored: Sequence[tuple[Passage, float]], docs: Mapping[str, Document],
                    limit: int, following: Mapping[tuple[str, int], Passage] | None = None,
                    max_block: int | None = None) -> list[Quote]:
    out: list[Quote] = []
    for passage, score in scored:
        doc = docs.get(passage.doc_id)
        if doc is None:
            continue
        cit = quote_for(passage, doc, following, max_block or MAX_BLOCK_QUOTE)
        if any(q.citation.doc_id == cit.doc_id and q.citation.start < cit.end
               and cit.start < q.citation.end for q in out):
            continue
        out.append(Quote(passage, cit, score))
        if len(out) >= limit:
            break
    return out


def bodies_in(text: str, language: str, topic: str = "") -> list[str]:
    names: list[str] = []
    for matched, swedish, english in body_mentions(text, topic):
        name = swedish or matched
        if language == "en":  # "kommunstyrelsen (KS, the municipal executive board)"
            name = f"{name[:-1]}, {english})" if name.endswith(")") else f"{name} ({english})"
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names


def possessive(municipality: str, language: str) -> str:
    if language == "en":
        return f"{municipality}'s"
    return municipality if municipality.endswith(("s", "x", "z")) else f"{municipality}s"


def _source(c: Citation, language: str) -> str:
    section = "section" if language == "en" else "avsnitt"
    return f"{c.municipality}, {c.document}, {section} \"{c.section}\""


def render_quotes(quotes: Sequence[Quote], language: str) -> str:
    return render_citations([q.citation for q in quotes], language)


def render_citations(citations: Sequence[Citation], language: str) -> str:
    return "\n".join(f"«{c.quote}» ({_source(c, language)})" for c in citations)


def lead_sentence(top: Quote, intent: str, language: str, topic: str = "") -> str:
    c = top.citation
    sentence = top.passage.text.strip()
    if top.passage.context and len(sentence) < 160:
        sentence = f"{top.passage.context.rstrip(':')} … {sentence.lstrip('-•* ').strip()}"
    bodies = bodies_in(sentence, language, topic) if intent in ("who", "onboarding") else []
    whose = possessive(c.municipality, language)
    kind = "policy" if "polic" in c.document.lower() else "strategy" if language == "en" else \
        "strategi"
    if language == "en":
        named = f" It names {', '.join(bodies)}." if bodies else ""
        return f"According to {whose} {kind} (section \"{c.section}\"): \"{sentence}\"{named}"
    named = f" Berörda organ: {', '.join(bodies)}." if bodies else ""
    return f"Enligt {whose} {kind} (avsnitt \"{c.section}\"): \"{sentence}\"{named}"


def compose(quotes: Sequence[Quote], intent: str, language: str, topic: str = "") -> str:
    head = lead_sentence(quotes[0], intent, language, topic)
    label = "Sources" if language == "en" else "Källor"
    return f"{head}\n\n{label}:\n{render_quotes(quotes, language)}"


_ABSTAIN = {
    "en": ("{who} policy does not answer this.", "The policies I have do not answer this.",
           " The topic is covered in the policies of {where}.", "The closest it says is:",
           "Ask your international coordinator."),
    "sv": ("{who} policy besvarar inte frågan.", "De policyer jag har besvarar inte frågan.",
           " Ämnet tas upp i policyerna för {where}.", "Det närmaste den säger är:",
           "Fråga kommunens internationella samordnare."),
}


def compose_abstention(language: str, municipality: str | None, closest: Sequence[Citation],
                       covered_elsewhere: Sequence[str], reason: str = "") -> str:
    mine, general, elsewhere, nearest, ask = _ABSTAIN["en" if language == "en" else "sv"]
    text = mine.format(who=possessive(municipality, language)) if municipality else general
    if reason:
        text = f"{reason} {text}"
    if covered_elsewhere:
        text += elsewhere.format(where=", ".join(covered_elsewhere))
    if closest:
        text += f"\n\n{nearest}\n{render_citations(closest, language)}"
    return f"{text}\n\n{ask}"
