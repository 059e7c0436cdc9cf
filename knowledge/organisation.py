"""A Swedish municipality or region as Policyguide knows it, and a mention of one in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from knowledge.org_names import kommun_forms, official_for, place_from, region_forms

__all__ = ["Mention", "Organisation"]


@dataclass(frozen=True)
class Organisation:
    """A municipality or region. ``listed`` is False for one added at run time."""

    name: str
    official: str
    kind: str = "kommun"
    code: str = ""
    county: str = ""
    english: str = ""
    other_names: tuple[str, ...] = ()  # e.g. "Gotland" for Region Gotland, also a municipality
    listed: bool = True

    def forms(self) -> dict[str, str]:
        """Every alias of this organisation -> its class (organisation or place form)."""
        forms = (region_forms(self.name, self.official, self.county) if self.kind == "region"
                 else kommun_forms(self.name, self.official, self.english))
        for other in self.other_names:
            for alias, cls in kommun_forms(other, self.official).items():
                forms.setdefault(alias, cls)
        return forms

    @classmethod
    def unlisted(cls, typed: str, kind: str = "kommun") -> Organisation:
        """An organisation not in the national table, named as someone typed it."""
        region = re.match(r"region\s+(.+)$", typed.strip(), re.I)
        if region and kind == "kommun":  # "Region Västanå": a region, named as it names itself
            name = f"Region {place_from(region.group(1))}"
            return cls(name=name, official=name, kind="region", listed=False)
        name = place_from(typed)
        if not name:
            raise ValueError("An organisation needs a name.")
        # as the document writes itself ("Sörvik kommun"), else the usual genitive rule
        written = typed.strip() if (re.search(r"\s(kommun|stad)$", typed.strip(), re.I)
                                    and not typed.isupper()) else ""
        official = written or (official_for(name) if kind == "kommun" else name)
        return cls(name=name, official=official, kind=kind, listed=False)


class Mention(NamedTuple):
    organisation: Organisation
    start: int
    end: int
