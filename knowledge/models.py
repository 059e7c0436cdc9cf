"""The core objects every layer passes around; plain dataclasses so adapters render them freely."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One policy file, with its normalised text so every quote can be checked against it.

    ``content_hash`` is the hash of ``text`` as stored; for a laid-out file (PDF) that text is
    rendered (hyphens joined, page furniture dropped), so ``source_hash``, the SHA-256 of the
    original file's bytes, is what ties a stored document to the file at ``source`` for audit.
    """

    id: str
    municipality: str
    title: str
    kind: str
    source: str
    content_hash: str
    text: str
    date: str | None = None
    adopted_by: str | None = None
    dnr: str | None = None
    source_hash: str = ""

    def metadata(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        return data


@dataclass(frozen=True)
class Passage:
    """A quotable span (sentence or list item) inside a block (paragraph or whole list).

    Retrieval works on the small span; an answer may quote the enclosing block when it is short,
    so a list is shown whole. Offsets index into ``Document.text``.
    """

    id: str
    doc_id: str
    municipality: str
    title: str
    section: str
    text: str
    start: int
    end: int
    block_start: int
    block_end: int
    context: str = ""

    @property
    def index_text(self) -> str:
        """What the retrievers see: section and list lead-in give a bare item its meaning."""
        parts = [self.section, self.context, self.text]
        return " \n".join(p for p in parts if p)


@dataclass(frozen=True)
class Citation:
    municipality: str
    document: str
    section: str
    quote: str
    doc_id: str = ""
    start: int = 0
    end: int = 0

    def contract(self) -> dict[str, str]:
        return {
            "municipality": self.municipality,
            "document": self.document,
            "section": self.section,
            "quote": self.quote,
        }


@dataclass
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    language: str = "sv"
    mode: str = "extractive"
    intent: str = "fact"
    municipality: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    notice: str | None = None

    def contract(self) -> dict[str, Any]:
        """The JSON answer contract of shared/eval/README.md, plus diagnostics."""
        return {
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.contract() for c in self.citations],
            "language": self.language,
            "intent": self.intent,
            "municipality": self.municipality,
            "mode": self.mode,
            "timings_ms": {k: round(v * 1000, 1) for k, v in self.timings.items()},
        }
