"""The Chroma round trip of documents: new metadata fields survive, old and newer records load."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from knowledge.embeddings import HashingEmbeddings
from knowledge.models import Document
from knowledge.store import KnowledgeStore, make_client

DOC = Document(id="policies-falun-policy-txt", municipality="Falun", title="Internationell policy",
               kind="policy", source="/tmp/falun/policy.txt", content_hash="abc",
               text="Falu kommun har vänorter.", date="2012-12",
               adopted_by="Antagen av kommunfullmäktige i december 2012", dnr="KS 2012/99",
               official_name="Falu kommun", municipality_source="from the text 'Falu kommun'",
               valid="Gäller tills vidare", replaces="Riktlinjer för vänorter (2004)")


def _store(tmp_path: Path) -> KnowledgeStore:
    return KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())


def test_every_field_survives_a_reopen(tmp_path: Path) -> None:
    _store(tmp_path).put_document(DOC, [])
    assert _store(tmp_path).documents() == [DOC]


def test_records_of_other_versions_load(tmp_path: Path) -> None:
    store = _store(tmp_path)
    old = {"id": "ale", "municipality": "Ale", "title": "Policy", "kind": "policy",
           "source": "/tmp/ale.txt", "content_hash": "h", "date": None, "adopted_by": None,
           "dnr": None}
    newer = {**old, "id": "eksjo", "municipality": "Eksjö", "source_hash": "f00",
             "pages": 3}
    for record in (old, newer):
        store._docs.upsert(ids=[record["id"]], documents=["text"], embeddings=[[0.0, 0.0]],
                           metadatas=[{"json": json.dumps(record), "source": record["source"],
                                       "hash": "h"}])
    docs = {d.id: d for d in store.documents()}
    assert docs["ale"].official_name is None and docs["ale"].municipality_source == ""
    assert docs["eksjo"].municipality == "Eksjö"  # unknown fields are ignored, not fatal


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
