"""Turn a normalised document into passages with offsets, ready to index."""

from __future__ import annotations

from ingest.structure import parse_blocks
from knowledge.models import Document, Passage


def build_passages(doc: Document) -> list[Passage]:
    passages: list[Passage] = []
    for block in parse_blocks(doc.text):
        section = block.section or doc.title
        context = block.lead_in.text if block.lead_in else ""
        for unit in block.units:
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
