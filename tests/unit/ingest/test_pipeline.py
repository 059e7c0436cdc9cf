"""Tests for ingest.pipeline against a real on-disk Chroma store."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.pdfgen import canvas  # type: ignore[import-untyped, unused-ignore]

from ingest.pipeline import IngestOptions, document_id, ingest_paths
from knowledge.embeddings import HashingEmbeddings
from knowledge.store import KnowledgeStore, make_client

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "knowledge" / "corpus"
ALE = "ale-internationell-policy-2017.txt"
EKSJO = "eksjo-internationell-policy-2020.txt"


@pytest.fixture
def store(tmp_path: Path) -> KnowledgeStore:
    client = make_client("persistent", tmp_path / "chroma")
    return KnowledgeStore(client, HashingEmbeddings())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "policies"
    target.mkdir()
    for name in (ALE, EKSJO):
        shutil.copy(CORPUS / name, target / name)
    return target


def _ids_by_doc(store: KnowledgeStore) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in store.passages():
        out.setdefault(p.doc_id, set()).add(p.id)
    return out


def test_first_ingest_adds_both_files(store: KnowledgeStore, folder: Path) -> None:
    report = ingest_paths(store, [folder])
    assert sorted(report.added) == sorted([ALE, EKSJO])
    assert report.updated == [] and report.unchanged == [] and report.removed == []
    assert report.failed == []
    assert report.passages > 0
    assert report.changed
    assert len(store.passages()) == report.passages
    docs = store.documents()
    assert {d.municipality for d in docs} == {"Ale", "Eksjö"}
    assert {d.id for d in docs} == {document_id(folder / ALE), document_id(folder / EKSJO)}


def test_second_ingest_is_a_no_op(store: KnowledgeStore, folder: Path) -> None:
    ingest_paths(store, [folder])
    before = store.passages()
    before_ids = {p.id for p in before}
    before_docs = [d.id for d in store.documents()]

    report = ingest_paths(store, [folder])
    assert sorted(report.unchanged) == sorted([ALE, EKSJO])
    assert report.added == [] and report.updated == [] and report.removed == []
    assert report.passages == 0
    assert not report.changed

    after = store.passages()
    assert len(after) == len(before)
    assert {p.id for p in after} == before_ids
    assert len(before_ids) == len(before)  # no duplicate ids either
    assert [d.id for d in store.documents()] == before_docs


def test_modified_file_is_replaced(store: KnowledgeStore, folder: Path) -> None:
    ingest_paths(store, [folder])
    ale_id = document_id(folder / ALE)
    eksjo_id = document_id(folder / EKSJO)
    before = _ids_by_doc(store)
    old_ale_texts = {p.id: p.text for p in store.passages() if p.doc_id == ale_id}

    path = folder / ALE
    original = path.read_text(encoding="utf-8")
    marker = "Vi blir alltmer beroende av vår omvärld."
    assert marker in original
    path.write_text(original.replace(marker, "Ale samarbetar med Ghana och Polen."),
                    encoding="utf-8")

    report = ingest_paths(store, [folder])
    assert report.updated == [ALE]
    assert report.unchanged == [EKSJO]
    assert report.added == [] and report.removed == []

    after = _ids_by_doc(store)
    assert after[eksjo_id] == before[eksjo_id]
    new_ale = {p.id: p.text for p in store.passages() if p.doc_id == ale_id}
    new_doc = next(d for d in store.documents() if d.id == ale_id)
    assert "Ghana och Polen" in new_doc.text
    assert marker not in new_doc.text
    assert any("Ghana och Polen" in t for t in new_ale.values())
    assert not any(marker in t for t in new_ale.values())
    # every stored passage is an exact slice of the current text: nothing stale survives
    for p in store.passages():
        if p.doc_id == ale_id:
            assert new_doc.text[p.start:p.end] == p.text
    stale = {pid for pid, text in old_ale_texts.items() if text not in new_doc.text}
    assert stale, "the edit should have invalidated at least one old passage"
    assert not stale & set(new_ale)
    assert len(store.passages()) == sum(len(v) for v in after.values())


def test_deleted_file_is_removed(store: KnowledgeStore, folder: Path) -> None:
    ingest_paths(store, [folder])
    (folder / EKSJO).unlink()
    report = ingest_paths(store, [folder])
    assert report.removed == [EKSJO]
    assert report.unchanged == [ALE]
    docs = store.documents()
    assert [d.id for d in docs] == [document_id(folder / ALE)]
    assert {p.doc_id for p in store.passages()} == {document_id(folder / ALE)}


def test_broken_and_empty_files_are_reported_and_others_ingest(
    store: KnowledgeStore, folder: Path
) -> None:
    (folder / "x.pdf").write_bytes(os.urandom(2048))
    (folder / "empty.txt").write_text("", encoding="utf-8")

    report = ingest_paths(store, [folder])
    failed = {Path(name).name: reason for name, reason in report.failed}
    assert set(failed) == {"x.pdf", "empty.txt"}
    assert all(reason for reason in failed.values())
    assert sorted(report.added) == sorted([ALE, EKSJO])
    assert report.passages > 0
    assert {d.municipality for d in store.documents()} == {"Ale", "Eksjö"}

    again = ingest_paths(store, [folder])
    assert {Path(name).name for name, _ in again.failed} == {"x.pdf", "empty.txt"}
    assert sorted(again.unchanged) == sorted([ALE, EKSJO])
    assert again.removed == []


def test_progress_callback_gets_each_file(store: KnowledgeStore, folder: Path) -> None:
    seen: list[str] = []
    ingest_paths(store, [folder], progress=seen.append)
    assert sorted(seen) == sorted([ALE, EKSJO])


def test_store_survives_reopen(tmp_path: Path, folder: Path) -> None:
    first = KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())
    ingest_paths(first, [folder])
    count = len(first.passages())
    second = KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())
    report = ingest_paths(second, [folder])
    assert sorted(report.unchanged) == sorted([ALE, EKSJO])
    assert len(second.passages()) == count


def _pdf(path: Path, text: str) -> Path:
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, text)
    pdf.save()
    return path


def test_locked_scanned_and_oversized_files_are_reported_and_the_rest_lands(
    store: KnowledgeStore, folder: Path
) -> None:
    writer = PdfWriter(clone_from=_pdf(folder.parent / "plain.pdf", "Hemlig policy"))
    writer.encrypt(user_password="lösen", owner_password="ägare", algorithm="AES-128")
    writer.write(folder / "locked.pdf")
    scan = PdfWriter()
    scan.add_blank_page(width=595, height=842)
    scan.write(folder / "scan.pdf")
    (folder / "huge.txt").write_text("Kommunen deltar i nätverk. " * 4000, encoding="utf-8")

    report = ingest_paths(store, [folder], options=IngestOptions(max_file_bytes=100_000))
    failed = {Path(name).name: reason for name, reason in report.failed}
    assert set(failed) == {"locked.pdf", "scan.pdf", "huge.txt"}
    assert failed["locked.pdf"] == "the PDF is encrypted (password protected)"
    assert failed["scan.pdf"] == "the PDF has no text layer (scanned?)"
    assert "POLICYGUIDE_MAX_FILE_MB" in failed["huge.txt"]
    assert sorted(report.added) == sorted([ALE, EKSJO])


def test_original_file_hash_and_path_are_stored(store: KnowledgeStore, folder: Path) -> None:
    ingest_paths(store, [folder])
    for doc in store.documents():
        original = Path(doc.source).read_bytes()
        assert doc.source_hash == hashlib.sha256(original).hexdigest()
        assert doc.content_hash == hashlib.sha256(doc.text.encode()).hexdigest()
