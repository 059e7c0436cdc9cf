"""A question about the document itself is answered from the line that states it; when the
question asks more and that line's block says it, the whole block is quoted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from bot.wiring import build_service
from knowledge.service import PolicyService

POLICY = """# Riktlinjer för vänortsarbete i Tibro kommun

Antagna av kommunfullmäktige den 2 maj 2022, § 40.

## Vänorter

Kommunen har vänorter i Finland och Norge. Kommunstyrelsen beslutar om nya vänortsavtal.

## Giltighet och översyn

Riktlinjerna gäller tills vidare. De ska ses över en gång varje mandatperiod.

## Uppföljning

Kultur- och fritidsnämnden redovisar vänortsutbytet i sin årsberättelse.
"""


@pytest.fixture(scope="module")
def tibro(tmp_path_factory: pytest.TempPathFactory) -> PolicyService:
    corpus = tmp_path_factory.mktemp("tibro")
    (corpus / "tibro-riktlinjer.md").write_text(POLICY, encoding="utf-8")
    return build_service(Settings(data_dir=tmp_path_factory.mktemp("store"),
                                  corpus_paths=[Path(corpus)], _env_file=None))


def test_the_stating_block_is_quoted_when_it_answers_the_rest(tibro: PolicyService) -> None:
    answer = tibro.ask("Hur länge gäller riktlinjerna, och när ses de över?", "Tibro")
    assert not answer.abstained
    quote = answer.citations[0].quote
    assert "gäller tills vidare" in quote and "varje mandatperiod" in quote
    assert "- Riktlinjerna gäller tills vidare. De ska ses över" in answer.text


def test_a_plain_document_question_keeps_its_line(tibro: PolicyService) -> None:
    answer = tibro.ask("När antogs riktlinjerna?", "Tibro")
    assert answer.citations[0].quote.startswith("Antagna av kommunfullmäktige den 2 maj 2022")
