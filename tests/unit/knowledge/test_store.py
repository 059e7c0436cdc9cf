"""The knowledge store keeps every document field through a write and a read (on-disk Chroma)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from knowledge.embeddings import HashingEmbeddings
from knowledge.models import Document
from knowledge.store import KnowledgeStore, make_client


def test_document_round_trip_keeps_source_hash_and_path(tmp_path: Path) -> None:
    store = KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())
    doc = Document(id="xby-policy", municipality="Xby", title="Internationell policy",
                   kind="policy", source="/data/xby/policy.pdf", content_hash="c" * 64,
                   text="Kommunstyrelsen leder arbetet.", date="2024-01-01",
                   adopted_by="Antagen av KF", dnr="KS 2024/1", source_hash="s" * 64)
    store.put_document(doc, [])
    reopened = KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())
    assert reopened.documents() == [doc]
    got = reopened._docs.get(ids=[doc.id], include=["metadatas"])["metadatas"]
    assert got is not None and got[0]["source_hash"] == "s" * 64


def test_document_stored_before_source_hash_existed_still_loads(tmp_path: Path) -> None:
    store = KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())
    doc = Document(id="old", municipality="Xby", title="T", kind="policy", source="/x.txt",
                   content_hash="c", text="Text.")
    store.put_document(doc, [])
    meta = store._docs.get(ids=["old"], include=["metadatas"])["metadatas"]
    assert meta is not None
    legacy = str(meta[0]["json"]).replace(', "source_hash": ""', "")
    assert "source_hash" not in legacy
    store._docs.update(ids=["old"], metadatas=[{**meta[0], "json": legacy}])
    assert store.documents() == [replace(doc, source_hash="")]
