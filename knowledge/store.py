"""The knowledge store: documents and passages in Chroma, on disk or on a Chroma server.

Passages live in a collection named after the embedder (vectors of different models never mix);
documents (metadata, content hash, original file's hash, full normalised text for quote checks)
in a second
collection, so a Chroma server holds everything and any app instance can answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from knowledge.embeddings import embeddings_name
from knowledge.facts import EXTRACTOR_VERSION, Fact
from knowledge.models import Document, Passage

_DOC_FIELDS = frozenset(f.name for f in fields(Document)) - {"text"}
_PASSAGE_FIELDS = ("doc_id", "municipality", "title", "section", "start", "end",
                   "block_start", "block_end", "context")


def make_client(mode: str, path: Path | None = None, host: str = "127.0.0.1",
                port: int = 8000) -> Any:
    settings = ChromaSettings(anonymized_telemetry=False)
    if mode == "http":
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    assert path is not None
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_-]+", "-", text).strip("-")[:40] or "x"


class KnowledgeStore:
    def __init__(self, client: Any, embeddings: Embeddings, prefix: str = "policyguide") -> None:
        self.client = client
        self.embeddings = embeddings
        self._docs = client.get_or_create_collection(f"{prefix}_documents")
        self._facts = client.get_or_create_collection(f"{prefix}_facts")
        # one vector per vocabulary word, for English words the glossary lacks
        # (knowledge.crosslingual); named after the embedder like the passages
        self._words = client.get_or_create_collection(
            f"{prefix}_words_{_slug(embeddings_name(embeddings))}",
            metadata={"hnsw:space": "cosine"})
        self.vectors = Chroma(
            collection_name=f"{prefix}_passages_{_slug(embeddings_name(embeddings))}",
            embedding_function=embeddings,
            client=client,
            collection_metadata={"hnsw:space": "cosine"},
        )

    # documents -----------------------------------------------------------------
    def documents(self) -> list[Document]:
        got = self._docs.get(include=["documents", "metadatas"])
        out = []
        for text, meta in zip(got["documents"] or [], got["metadatas"] or [], strict=True):
            data = json.loads(str(meta["json"]))
            # Fields a newer version added are ignored, missing ones take their defaults.
            out.append(Document(text=text, **{k: v for k, v in data.items() if k in _DOC_FIELDS}))
        return sorted(out, key=lambda d: (d.municipality, d.title))

    def put_document(self, doc: Document, passages: Sequence[Passage],
                     progress: Callable[[int], None] | None = None, batch: int = 64) -> bool:
        """Replace a document and its passages (delete first, so a re-ingest never duplicates).

        Where the passages are the ones stored (same ids, same indexed text: only the document's
        metadata changed, e.g. its municipality was read anew) their vectors are kept and only
        metadata is rewritten. ``progress`` gets the size of each embedded batch. Returns
        whether anything was embedded.
        """
        stored = {p.id: p.index_text for p in self._passages_of(doc.id)}
        embedded = not passages or stored != {p.id: p.index_text for p in passages}
        if not embedded:
            self.vectors._collection.update(
                ids=[p.id for p in passages], metadatas=[self._passage_meta(p) for p in passages])
        else:
            self.delete_document(doc.id)
            for i in range(0, len(passages), batch):
                chunk = passages[i:i + batch]
                self.vectors.add_texts(texts=[p.index_text for p in chunk],
                                       metadatas=[self._passage_meta(p) for p in chunk],
                                       ids=[p.id for p in chunk])
                if progress:
                    progress(len(chunk))
        self._docs.upsert(
            ids=[doc.id], documents=[doc.text], embeddings=[[0.0, 0.0]],
            metadatas=[{"json": json.dumps(doc.metadata(), ensure_ascii=False),
                        "source": doc.source, "hash": doc.content_hash,
                        "source_hash": doc.source_hash}],
        )
        return embedded

    def delete_document(self, doc_id: str) -> None:
        self.vectors._collection.delete(where={"doc_id": doc_id})
        self._facts.delete(where={"doc_id": doc_id})
        self._docs.delete(ids=[doc_id])

    # facts ---------------------------------------------------------------------
    def put_facts(self, doc_id: str, facts: Sequence[Fact]) -> None:
        """Replace one document's facts; metadata fields make them filterable in Chroma."""
        self._facts.delete(where={"doc_id": doc_id})
        if not facts:
            return
        self._facts.upsert(
            ids=[f.id for f in facts], documents=[f.quote for f in facts],
            embeddings=[[0.0, 0.0]] * len(facts),
            metadatas=[{"doc_id": f.doc_id, "municipality": f.municipality, "kind": f.kind,
                        "actor": f.actor, "action": f.action, "goal_kind": f.goal_kind,
                        "when": f.when, "extractor": EXTRACTOR_VERSION,
                        "json": json.dumps(f.to_dict(), ensure_ascii=False)} for f in facts],
        )

    def facts(self, **where: str) -> list[Fact]:
        """Facts filtered by any of municipality, kind, actor, action, goal_kind, when."""
        clauses = [{k: v} for k, v in where.items() if v]
        flt: Any = None if not clauses else clauses[0] if len(clauses) == 1 else {
            "$and": clauses}
        got = self._facts.get(where=flt, include=["metadatas"])
        out = [Fact.from_dict(json.loads(str(m["json"]))) for m in got["metadatas"] or []]
        return sorted(out, key=lambda f: (f.municipality, f.doc_id, f.start, f.end))

    def current_fact_documents(self) -> set[str]:
        """Documents whose facts come from this extractor version."""
        got = self._facts.get(where={"extractor": EXTRACTOR_VERSION}, include=["metadatas"])
        return {str(m["doc_id"]) for m in got["metadatas"] or []}

    # words ---------------------------------------------------------------------
    def ensure_words(self, words: Mapping[str, str], batch: int = 256) -> int:
        """Embed the vocabulary words (word -> language) not stored yet, each once, ever;
        returns how many were embedded."""
        wanted = sorted(words)
        have: set[str] = set()
        for i in range(0, len(wanted), 5000):
            have.update(self._words.get(ids=wanted[i:i + 5000], include=[])["ids"])
        missing = [w for w in wanted if w not in have]
        for i in range(0, len(missing), batch):
            chunk = missing[i:i + batch]
            # the query form on both sides: a word is matched to a word, not to a passage
            vectors = [self.embeddings.embed_query(w) for w in chunk]
            self._words.upsert(ids=chunk, embeddings=vectors,
                               metadatas=[{"lang": words[w]} for w in chunk])
        return len(missing)

    def word_vectors(self) -> tuple[list[str], list[list[float]], list[str]]:
        """Every stored word, its vector and its language."""
        got = self._words.get(include=["embeddings", "metadatas"])
        vectors = got["embeddings"]
        languages = [str((m or {}).get("lang", "sv")) for m in got["metadatas"] or []]
        return (list(got["ids"]),
                [] if vectors is None else [list(map(float, v)) for v in vectors], languages)

    # passages ------------------------------------------------------------------
    @staticmethod
    def _passage_meta(p: Passage) -> dict[str, Any]:
        meta = {f: getattr(p, f) for f in _PASSAGE_FIELDS}
        meta["text"] = p.text
        return meta

    @staticmethod
    def _to_passage(pid: str, meta: Any) -> Passage:
        return Passage(id=pid, text=str(meta["text"]),
                       **{f: meta[f] for f in _PASSAGE_FIELDS})

    def _passages_of(self, doc_id: str) -> list[Passage]:
        got = self.vectors._collection.get(where={"doc_id": doc_id}, include=["metadatas"])
        metas = got["metadatas"] or []
        return [self._to_passage(i, m) for i, m in zip(got["ids"], metas, strict=True)]

    def passages(self) -> list[Passage]:
        got = self.vectors._collection.get(include=["metadatas"])
        metas = got["metadatas"] or []
        return [self._to_passage(i, m) for i, m in zip(got["ids"], metas, strict=True)]

    def dense_search(
        self, query_vector: list[float], municipalities: set[str] | None, k: int
    ) -> list[tuple[str, float]]:
        """Passage ids with cosine similarity (1 - distance)."""
        where: dict[str, Any] | None = None
        if municipalities:
            names = sorted(municipalities)
            where = {"municipality": names[0]} if len(names) == 1 else {
                "municipality": {"$in": names}}
        res = self.vectors._collection.query(
            query_embeddings=[query_vector],  # type: ignore[arg-type]
            n_results=k, where=where, include=["distances"],
        )
        ids = res["ids"][0] if res["ids"] else []
        distances = res.get("distances") or [[]]
        dists = distances[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]
