"""Tests for knowledge.verify: the verbatim-quote gate before an answer is shown."""

from __future__ import annotations

import logging

import pytest

from knowledge.models import Citation, Document
from knowledge.verify import quote_is_verbatim, verified

TEXT = (
    "Ansvar och organisation\n\n"
    "Kommunstyrelsen beslutar om medlemskap i internationella nätverk.\n"
    "Varje nämnd ansvarar för  sitt eget internationella arbete och\n"
    "följer upp det årligen."
)


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, municipality="Eksjö", title="Internationell policy",
                    kind="policy", source=f"/tmp/{doc_id}.txt", content_hash="h", text=text)


def _citation(doc_id: str, quote: str) -> Citation:
    return Citation(municipality="Eksjö", document="Internationell policy",
                    section="Ansvar och organisation", quote=quote, doc_id=doc_id)


@pytest.fixture
def documents() -> dict[str, Document]:
    return {"eksjo": _doc("eksjo", TEXT), "other": _doc("other", "Helt annan text.")}


def test_exact_slice_is_verbatim() -> None:
    start = TEXT.index("Kommunstyrelsen")
    end = TEXT.index("nätverk.") + len("nätverk.")
    assert quote_is_verbatim(TEXT[start:end], TEXT)


def test_every_substring_slice_is_verbatim() -> None:
    for start in range(0, len(TEXT) - 20, 17):
        piece = TEXT[start:start + 20]
        if piece.strip():
            assert quote_is_verbatim(piece, TEXT), piece


def test_different_whitespace_is_verbatim() -> None:
    quote = "Varje nämnd ansvarar för sitt eget internationella arbete och följer upp det årligen."
    assert quote not in TEXT  # the document has a double space and a line break
    assert quote_is_verbatim(quote, TEXT)
    assert quote_is_verbatim("  Kommunstyrelsen\tbeslutar\n om  medlemskap ", TEXT)


def test_altered_character_is_not_verbatim() -> None:
    quote = "Kommunstyrelsen beslutar om medlemskap i internationella nätverk."
    assert quote_is_verbatim(quote, TEXT)
    assert not quote_is_verbatim(quote.replace("ä", "a", 1), TEXT)
    assert not quote_is_verbatim(quote.replace("beslutar", "besluter"), TEXT)
    assert not quote_is_verbatim(quote.replace("K", "k", 1), TEXT)


def test_empty_quote_is_not_verbatim() -> None:
    assert not quote_is_verbatim("", TEXT)
    assert not quote_is_verbatim("   \n ", TEXT)


def test_verified_keeps_real_quote_and_drops_invented(
    documents: dict[str, Document], caplog: pytest.LogCaptureFixture
) -> None:
    good = _citation("eksjo", "Kommunstyrelsen beslutar om medlemskap i internationella nätverk.")
    bad = _citation("eksjo", "Kommunfullmäktige beslutar om medlemskap i internationella nätverk.")
    with caplog.at_level(logging.ERROR, logger="knowledge.verify"):
        kept = verified([bad, good], documents)
    assert kept == [good]
    assert any("eksjo" in r.getMessage() for r in caplog.records)


def test_verified_checks_the_cited_document_only(documents: dict[str, Document]) -> None:
    # verbatim in "eksjo" but cited as "other": dropped
    wrong_doc = _citation("other", "Kommunstyrelsen beslutar om medlemskap")
    unknown = _citation("missing", "Kommunstyrelsen beslutar om medlemskap")
    right = _citation("other", "annan text")
    assert verified([wrong_doc, unknown, right], documents) == [right]


def test_verified_keeps_order_and_whitespace_variants(documents: dict[str, Document]) -> None:
    a = _citation("eksjo", "Varje nämnd ansvarar för sitt eget internationella arbete")
    b = _citation("eksjo", "Ansvar och organisation")
    assert verified([a, b], documents) == [a, b]
    assert verified([], documents) == []
