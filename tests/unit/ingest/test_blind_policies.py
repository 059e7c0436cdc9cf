"""The blind policies written by hand after Lövsta (tests/data/blind/), each laid out as a PDF
and run through the pipeline: its metadata from the cover, its fact figures as a floor.

Each was written, and its facts listed by hand, before the extractor first saw it; no expected
fact was corrected after a run. The first run is the honest figure for an unseen policy; the
gaps it showed were then closed as general rules, each tested on sentences of our own
(tests/unit/ingest/test_fact_shapes.py), and the floor is where the policy stands now.

- **Norrbo** (riktlinjer; header "Norrbo kommun – …", footer "Sida n av m", two-level
  numbering, a responsibility table, a sentence across a page break). First run 0.96 / 0.88
  (precision / recall), with the extractor that reached 1.00 / 1.00 on Lövsta; after a Dnr like
  "2021/KS0458" and "Arbetssätt" as a strategy heading 0.96 / 0.92; with the rules Sörvik and
  Västanå showed later ("det åligger X att A och att B" by verb) 0.98 / 0.94.
- **Sörvik** (header "Sörvik kommun · … · Dnr …", footer "Sida n (m)", passive and V2
  phrasings, an "ansvarar för att" list; 66 expected facts). First run (facts-7) 0.88 (52 of 59
  extracted keys expected) / 0.79 (52 of 66; 0.7879); the metadata passed, though ``replaces``
  also swallowed the next cover line ("Dokumentansvarig: …"). With facts-8: 0.97 / 0.97; the miss
  left is a time adverbial kept in an object ("sammanställer varje år …"), which the reviewed
  facts of the bundled policies keep too.
- **Västanå** (the first regional strategy; header "Region Västanå | … | Dnr …", the regional
  bodies in the table, cleft phrasings, "det åligger"; 75 expected facts). First run (facts-8)
  0.81 (51 of 63; 0.8095) / 0.68 (51 of 75); title, Dnr, date and replaces right, adopted_by
  the whole cover line, and the region not found ("Okänd": an unlisted "Region X" was not
  accepted where an unlisted "X kommun" was; now it is). With facts-9: 0.99 (71 of 72) / 0.95
  (71 of 75), the misses left being keyed otherwise by the Lövsta and bundled reviewed facts or
  the writer's own doubt.
- **Högby** (written 2026-12-07 by a helper who never saw the extractor's rules or output; header
  "Högby kommun – Internationell policy – Dnr …", footer "Sida n (m)", a cover of prose lines, a
  six-row responsibility table, "på uppdrag av", "tillsammans med", a sentence across a page
  break; 69 expected facts). First run, with the extractor as it stood (facts-9): precision
  0.97 (62 of 64; 0.9688), recall 0.90 (62 of 69; 0.8986, just under 0.9); metadata right;
  the cover's lines became passages under a section named after the letterhead. With facts-10
  (the body "på uppdrag av" / "i samråd med" names commissions and is no agent; a partner
  "tillsammans med" acts too; "och" + a finite verb with no action ends the object; a passive
  duty verb with its agent, and "görs tillgänglig … på intranätet", state a duty): precision
  1.00 (66 of 66), recall 0.96 (66 of 69; 0.9565). The misses left: a principle without "ska"
  under "Förhållningssätt", "lämnar kommunstyrelsen varje år en rapport" (a time adverbial
  between "lämnar" and its report, which the Lövsta and Norrbo keys read as no report) and
  the finite "för" of "föra" ("för löpande ett register").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fact_keys import precision_recall
from policy_pdf import build_pdf

from ingest.facts import extract_facts
from ingest.pipeline import read_document
from knowledge.models import Document

BLIND = Path(__file__).resolve().parents[2] / "data" / "blind"


@dataclass(frozen=True)
class Blind:
    name: str
    stem: str
    assembly: str  # the body the cover says adopted it
    precision: float  # floors: where the policy stands now
    recall: float

    def load(self, suffix: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            (BLIND / f"{self.stem}{suffix}").read_text(encoding="utf-8"))
        return data


POLICIES = [
    Blind("Norrbo", "norrbo-riktlinjer", "kommunfullmäktige", 0.97, 0.94),
    Blind("Sörvik", "sorvik-internationell-policy", "kommunfullmäktige", 0.96, 0.96),
    Blind("Västanå", "vastana-internationell-strategi", "regionfullmäktige", 0.98, 0.94),
    Blind("Högby", "hogby-internationell-policy", "kommunfullmäktige", 0.98, 0.95),
]


@pytest.fixture(scope="module", params=POLICIES, ids=lambda b: b.stem)
def blind(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> tuple[Blind, Document]:
    policy: Blind = request.param
    path = tmp_path_factory.mktemp(policy.stem) / f"{policy.stem}.pdf"
    return policy, read_document(build_pdf(policy.load(".json"), path))


def test_metadata_from_the_cover(blind: tuple[Blind, Document]) -> None:
    policy, doc = blind
    meta = policy.load(".expected.json")["metadata"]
    print(f"{policy.name} PDF metadata: municipality {doc.municipality!r} title {doc.title!r} "
          f"dnr {doc.dnr!r} date {doc.date!r} adopted_by {doc.adopted_by!r} "
          f"replaces {doc.replaces!r}")
    assert (doc.municipality, doc.title, doc.dnr) == (meta["municipality"], meta["title"],
                                                      meta["dnr"])
    assert doc.date == meta["adopted_on"]
    assert doc.adopted_by and policy.assembly in doc.adopted_by.lower()
    assert doc.replaces and meta["replaces"] in doc.replaces


def test_fact_figures_do_not_fall(blind: tuple[Blind, Document]) -> None:
    policy, doc = blind
    expected = policy.load(".expected.json")["facts"]
    precision, recall = precision_recall(extract_facts(doc), expected)
    print(f"{policy.name} PDF: precision {precision:.2f} recall {recall:.2f}")
    assert precision >= policy.precision and recall >= policy.recall
