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
    # Identity and cover details (issue 9); optional, so documents stored before still load.
    official_name: str | None = None  # "Falu kommun" beside the canonical "Falun"
    municipality_source: str = ""  # how the municipality was found, e.g. "taken from the file name"
    valid: str | None = None  # "Gäller från och med 2024-04-01 och tills vidare"
    replaces: str | None = None  # "Riktlinjer för internationella kontakter (2015)"
    source_hash: str = ""  # sha256 of the original file, for audit (content_hash: stored text)

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
    decision: str = "answer"  # answer | unsure | abstain (knowledge.decision)
    confidence: float | None = None  # the decision's probability that the question is answered
    signals: dict[str, float] = field(default_factory=dict)  # what the decision weighed
    notes: list[str] = field(default_factory=list)  # "not sure" and place notes above the text
    generated_by: str = ""  # model and prompt version of a generated (verified) text
    fallback_reason: str = ""  # why a generated text was not shown, when one was rejected

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
            "decision": self.decision,
            "confidence": self.confidence,
            "generated_by": self.generated_by or None,
            "fallback_reason": self.fallback_reason or None,
            "timings_ms": {k: round(v * 1000, 1) for k, v in self.timings.items()},
        }
