"""What a bare "Avdelningen", "Nämnden" or "Regionen" refers to: the units a document named.

A policy names a unit once in full ("Kommunikationsavdelningen", "ett internationellt råd")
and then writes only its kind ("Avdelningen", "Rådet"). Reading a document in order, we keep
the names met so far by the bare noun that would refer to them. Most kinds take the latest
name; "nämnden", "styrelsen" and "regionen" take one only when the text named exactly one,
since a text names several in passing and then the bare word means the body in general.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from knowledge.bodies import GENERIC_FALLBACK, UNIQUE_HEADS, organisation_prefix


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    name: str  # canonical
    head: str = ""  # the bare noun a later reference to it would use ("avdelningen")
    genitive: bool = False  # "Kommitténs uppgift": names the body, but not as the one acting
    distributive: bool = False  # "varje förvaltning": a co-ordinated "och bolag" is plural too
    refers: bool = False  # a bare "Avdelningen" standing for a name met before


_OWN_HEAD = {"Region": "regionen", "Landstings": "landstinget"}


@dataclass
class Antecedents:
    """The named units met so far in one document, by the bare noun that would refer to them."""

    organisation: str = ""
    names: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.prefix = organisation_prefix(self.organisation)
        own = _OWN_HEAD.get(self.prefix)
        if own and self.organisation not in self.names.setdefault(own, []):
            self.names[own].append(self.organisation)  # in a region's text, "Regionen" is it

    def remember(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if m.head and m.name:
                names = self.names.setdefault(m.head, [])
                if m.name in names:
                    names.remove(m.name)
                names.append(m.name)

    def resolve(self, head: str) -> str | None:
        names = self.names.get(head, [])
        if head == "fullmäktige":
            return names[-1] if names else f"{self.prefix}fullmäktige"
        if head in UNIQUE_HEADS:
            return names[0] if len(names) == 1 else GENERIC_FALLBACK.get(head)
        return names[-1] if names else None

    def copy(self) -> Antecedents:
        twin = Antecedents(self.organisation)
        twin.names = {k: list(v) for k, v in self.names.items()}
        return twin
