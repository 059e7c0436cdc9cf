"""Swedish municipalities and regions: one canonical name per organisation, however it is written.

Every document is stored under one canonical name, and a question must reach it whether the
user types "Göteborg", "Gothenburg" or "Göteborgs Stad". The canonical name is the place name
people use for a municipality ("Falun", "Göteborg", "Halmstad") and the organisation's own name
for a region ("Region Skåne", "Västra Götalandsregionen"); the official name ("Falu kommun",
"Göteborgs Stad") is kept beside it. The 290 municipalities and 21 regions come from package
data (knowledge/data/municipalities_se.csv, described in the README there); others (fictional
test municipalities, a name given at ingest) are added at run time with generated forms.

For the answer side::

    stored = [d.municipality for d in documents]
    registry = load_registry().with_names(stored)   # unlisted stored names (fictional) too
    registry.stored_name("Gothenburg", stored)      # -> "Göteborg" (None: nothing stored)
    registry.named_in("vad säger falu kommun?", stored)  # -> ["Falun"]
    registry.resolve("Göteborgs Stad")              # -> Organisation(name="Göteborg", ...)
    registry.suggest("Halmsta")                     # for "did you mean Halmstad?"
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from knowledge.org_names import fold
from knowledge.organisation import Mention, Organisation
from knowledge.registry import Registry

__all__ = ["Mention", "Organisation", "Registry", "fold", "load_registry"]


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry of every Swedish municipality and region (read once per process)."""
    data = resources.files("knowledge") / "data" / "municipalities_se.csv"
    with data.open("r", encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    regions = {r["official"]: r for r in rows if r["kind"] == "region"}
    orgs = []
    for row in rows:
        if row["kind"] == "kommun" and row["official"] in regions:
            continue  # a municipality that is its own region (Gotland): one organisation
        twins = tuple(r["name"] for r in rows if r["kind"] == "kommun"
                      and r["official"] == row["official"] and row["kind"] == "region")
        orgs.append(Organisation(name=row["name"], official=row["official"], kind=row["kind"],
                                 code=row["code"], county=row["county"],
                                 english=row["english"], other_names=twins))
    return Registry(orgs)
