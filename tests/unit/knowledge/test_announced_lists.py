"""A sentence that counts what follows ("… inriktas på tre områden.") and the sections after
it: the answer to "which areas?" lists those sections' headings, each quoted where it stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from bot.wiring import build_service
from knowledge.service import PolicyService

STRATEGY = """# Internationell strategi för Tibro kommun

## Inledning

Tibro kommun vill vara en öppen kommun. Det internationella arbetet ska därför inriktas på
fyra områden.

## Kompetensförsörjning

Kommunen deltar i utbyten som ger medarbetarna ny kunskap om välfärd och skola.

## Näringslivets export

Kommunen hjälper små företag att hitta partner i Norden och Baltikum.

## Miljö och klimat

Kommunen samarbetar om vatten och klimatanpassning med orter kring Östersjön.

## Vänorter

Kommunen har två vänorter.

De är Loimaa i Finland och Skien i Norge.

## Integration

Kommunen tar tillvara invånarnas kontakter med sina tidigare hemländer.

## Uppföljning

Kommunstyrelsen följer upp strategin varje år.
"""


@pytest.fixture(scope="module")
def tibro(tmp_path_factory: pytest.TempPathFactory) -> PolicyService:
    corpus = tmp_path_factory.mktemp("tibro")
    (corpus / "tibro-strategi.md").write_text(STRATEGY, encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("store"), corpus_paths=[Path(corpus)],
                        _env_file=None)
    return build_service(settings)


def test_the_counted_headings_are_the_list(tibro: PolicyService) -> None:
    answer = tibro.ask("Vilka områden ska det internationella arbetet inriktas på?", "Tibro")
    assert not answer.abstained
    sections = [c.quote for c in answer.citations]
    assert sections[1:5] == ["Kompetensförsörjning", "Näringslivets export", "Miljö och klimat",
                             "Vänorter"]
    assert "Integration" not in sections  # only as many as the sentence counts
    for c in answer.citations:
        doc = next(d for d in tibro.documents.values() if d.id == c.doc_id)
        assert doc.text[c.start:c.end] == c.quote


def test_a_count_inside_a_section_announces_no_later_headings(tibro: PolicyService) -> None:
    answer = tibro.ask("Vilka vänorter har kommunen?", "Tibro")
    assert "Loimaa" in answer.citations[0].quote
    assert not {"Integration", "Uppföljning"} & {c.quote for c in answer.citations}
