"""Turn a normalised document into passages with offsets, ready to index.

Cover and letterhead blocks (the title line, "Diarienummer: …", "Datum: …", phone numbers and
e-mail addresses) are not passages: they answer no question about the policy's content, yet
share its words, so they crowd out real answers. Document-level questions (adopted when, its
Dnr) are answered from those lines directly (``knowledge.doc_answers``). A laid-out document
(PDF, DOCX, web page) often opens with a cover of prose lines ("Högby kommun", "Antagen av
kommunfullmäktige den …", "Ersätter …") before its first section heading: when every line
there is short and none is a sentence, the whole front matter is the cover.
"""

from __future__ import annotations

import re

from ingest.structure import Block, parse_blocks
from knowledge.models import Document, Passage

# "Beslutad av: Kommunfullmäktige", "Datum: 2017-03-02": a short label, a short value, no
# sentence ("Syfte: Policyn ska ge stöd." is content).
_LABEL = re.compile(r"^(?:[\wÅÄÖåäö()/-]+ ?){1,3}:\s*(?:\S+\s*){1,6}$")
_CONTACT_OR_DATE = re.compile(
    r"@|\b(tel|telefon|e-post|fax|phone)\b|^\s*[\d\s-]{8,}$|^\s*(dnr|diarienummer)\b|"
    r"^\s*(19|20)\d\d\s?-\s?\d\d\s?-\s?\d\d\s*$", re.I)


def is_cover(block_text: str, title: str) -> bool:
    """A letterhead or cover block: the title itself, a few short lines that are no sentence
    (names, units, labels), or mostly labels, contacts and dates."""
    plain = re.sub(r"[\W_]+", " ", block_text).strip().lower()
    if plain and plain == re.sub(r"[\W_]+", " ", title).strip().lower():
        return True
    lines = [line.strip() for line in block_text.split("\n") if line.strip()]
    if lines and len(lines) <= 3 and all(len(line.split()) <= 4 and line[-1] not in ".!?:"
                                         for line in lines):
        return True  # a name, a unit, a stray label ("Kanslienheten / M. Thelin", "Datum")
    contact = sum(bool(_CONTACT_OR_DATE.search(line)) for line in lines)
    labels = sum(bool(_LABEL.match(line) and not line.endswith(".")) for line in lines)
    if len(block_text) >= 400 or not lines:
        return False
    return (contact + labels) * 2 >= len(lines) and (len(lines) >= 2 or contact == 1)


# "Ansvarsfördelning...12 Internationella kontoret...14": a table of contents flattened into
# running text (PDF transcripts) is no passage, however it was split into sentences.
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…)\s*\d{1,3}\b")
_SECTION_HEADING = re.compile(r"^#{2,6}\s", re.M)  # a section below the title ("## 1 Inledning")
_COVER_LINE_WORDS = 20


def cover_end(text: str) -> int:
    """Where the front matter ends when it is a cover of short non-sentence lines, else 0."""
    first_section = _SECTION_HEADING.search(text)
    if first_section is None:
        return 0
    lines = [line.strip() for line in text[: first_section.start()].split("\n") if line.strip()]
    if lines and lines[0].startswith("# "):  # the title
        lines = lines[1:]
    if lines and all(len(line.split()) <= _COVER_LINE_WORDS and line[-1] not in ".!?"
                     for line in lines):
        return first_section.start()
    return 0


def build_passages(doc: Document) -> list[Passage]:
    passages: list[Passage] = []
    front = cover_end(doc.text)
    for block in parse_blocks(doc.text):
        if block.start < front or _cover_block(doc, block):
            continue
        section = block.section or doc.title
        context = block.lead_in.text if block.lead_in else ""
        for unit in block.units:
            if len(_TOC_ENTRY.findall(unit.text)) >= 2:
                continue
            passages.append(
                Passage(
                    id=f"{doc.id}:{unit.start}-{unit.end}",
                    doc_id=doc.id,
                    municipality=doc.municipality,
                    title=doc.title,
                    section=section,
                    text=unit.text,
                    start=unit.start,
                    end=unit.end,
                    block_start=block.start,
                    block_end=block.end,
                    context=context,
                )
            )
    return passages


def _cover_block(doc: Document, block: Block) -> bool:
    return block.kind == "paragraph" and is_cover(doc.text[block.start:block.end], doc.title)
