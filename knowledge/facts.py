"""Structured policy knowledge: who does what, which goals apply, what must be followed up.

Facts are extracted at ingest (``ingest.facts``) and each keeps the verbatim span it came from,
so an answer built from facts is cited exactly like one built from passages. Answers about
"who decides" must be complete and identical every time; a list of facts gives that, where a
ranked list of passages cannot.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from knowledge.models import Citation

FactKind = Literal["responsibility", "goal", "obligation"]

EXTRACTOR_VERSION = "facts-11"  # bump on any extractor change: stores re-extract at start

# Canonical actions, in the order a who-decides-what table lists them.
ACTIONS = ("decides", "adopts", "signs", "prepares", "responsible", "leads", "coordinates",
           "represents", "reports", "finances", "supports", "monitors", "appoints")

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "decides": ("beslutar", "decides"),
    "adopts": ("antar/fastställer", "adopts"),
    "signs": ("tecknar (undertecknar)", "signs"),
    "prepares": ("bereder", "prepares"),
    "responsible": ("ansvarar", "is responsible"),
    "leads": ("leder/driver", "leads"),
    "coordinates": ("samordnar", "coordinates"),
    "represents": ("representerar kommunen", "represents the municipality"),
    "reports": ("redovisar/sammanställer", "reports"),
    "finances": ("finansierar", "finances"),
    "supports": ("stödjer", "supports"),
    "monitors": ("bevakar/följer upp", "monitors"),
    "appoints": ("utser", "appoints"),
}

GOAL_KINDS = ("vision", "purpose", "overall", "priority", "strategy")
GOAL_KIND_LABELS: dict[str, tuple[str, str]] = {
    "vision": ("Vision", "Vision"),
    "purpose": ("Syfte", "Purpose"),
    "overall": ("Övergripande mål", "Overall goal"),
    "priority": ("Prioriterat område", "Priority area"),
    "strategy": ("Strategi/princip", "Strategy/principle"),
}

WHEN_LABELS: dict[str, tuple[str, str]] = {
    "after_each": ("efter varje utbyte/besök", "after each exchange or visit"),
    "before_each": ("inför varje ny omgång", "before each new round"),
    "annually": ("årligen", "annually"),
    "mandate_period": ("varje mandatperiod", "every mandate period"),
    "every_2_years": ("vartannat år", "every second year"),
    "every_3_years": ("vart tredje år", "every third year"),
    "every_4_years": ("minst vart fjärde år", "at least every fourth year"),
    "every_5_years": ("vart femte år", "every fifth year"),
    "continuously": ("löpande", "continuously"),
    "deadline": ("senast ett visst datum", "by a set date"),
    "": ("ingen angiven tidpunkt", "no time stated"),
}


@dataclass(frozen=True)
class Fact:
    """One extracted statement with its provenance (document span and section)."""

    id: str
    kind: FactKind
    municipality: str
    doc_id: str
    document: str
    section: str
    quote: str  # verbatim from the document, start..end
    start: int
    end: int
    actor: str = ""  # canonical body ("Kommunstyrelsen"); for obligations: who must act
    action: str = ""  # one of ACTIONS (responsibilities)
    object: str = ""  # what the actor decides/does; for goals and obligations: the statement
    goal_kind: str = ""  # one of GOAL_KINDS
    label: str = ""  # a goal's own short label ("Ungdom") where the text has one
    when: str = ""  # a key of WHEN_LABELS (obligations)
    when_text: str = ""  # the phrase that states the rhythm ("årligen", "minst var fjärde år")
    recipient: str = ""  # to whom a report goes
    contents: tuple[str, ...] = field(default=())  # what a report must contain

    def citation(self) -> Citation:
        return Citation(self.municipality, self.document, self.section, self.quote,
                        self.doc_id, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["contents"] = list(self.contents)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        data = dict(data)
        data["contents"] = tuple(data.get("contents") or ())
        return cls(**data)


@dataclass(frozen=True)
class Briefing:
    """What a new official needs on one screen: goals, who decides what, obligations."""

    municipality: str
    document: str
    adopted: str
    goals: tuple[Fact, ...]
    responsibilities: tuple[Fact, ...]
    obligations: tuple[Fact, ...]

    def to_dict(self) -> dict[str, Any]:
        """Structured data a chat front end renders in its own way (Block Kit, a card)."""
        return {"municipality": self.municipality, "document": self.document,
                "adopted": self.adopted,
                "goals": [f.to_dict() for f in self.goals],
                "responsibilities": [f.to_dict() for f in self.responsibilities],
                "obligations": [f.to_dict() for f in self.obligations]}

    def citations(self) -> list[Citation]:
        seen: dict[tuple[str, int, int], Citation] = {}
        for f in (*self.goals, *self.responsibilities, *self.obligations):
            seen.setdefault((f.doc_id, f.start, f.end), f.citation())
        return list(seen.values())
