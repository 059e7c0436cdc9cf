"""Builds the concrete core objects from settings; the only place that knows them all."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.settings import Settings
from ingest.pipeline import IngestOptions, IngestReport, ingest_paths, refresh_facts
from ingest.reading import MB
from knowledge.embeddings import build_embeddings
from knowledge.service import PolicyService
from knowledge.store import KnowledgeStore, make_client

log = logging.getLogger(__name__)


def build_store(settings: Settings) -> KnowledgeStore:
    client = make_client(settings.chroma_mode, settings.chroma_path, settings.chroma_host,
                         settings.chroma_port)
    embeddings = build_embeddings(settings.embedding_provider, settings.embedding_model)
    return KnowledgeStore(client, embeddings, prefix=settings.collection_prefix)


def ingest_options(settings: Settings, municipality: str | None = None) -> IngestOptions:
    return IngestOptions(municipality=municipality, max_file_bytes=int(settings.max_file_mb * MB),
                         max_passages=settings.max_passages)


def ensure_ingested(store: KnowledgeStore, settings: Settings,
                    progress: Callable[[str], None] | None = None) -> IngestReport | None:
    """First use on a fresh machine: ingest the configured corpus so answers work at once."""
    docs = store.documents()
    if not settings.auto_ingest or docs:
        refresh_facts(store, docs)
        return None
    log.info("knowledge store is empty: ingesting %s", settings.corpus_paths)
    return ingest_paths(store, settings.corpus_paths, progress, ingest_options(settings))


def build_service(settings: Settings, store: KnowledgeStore | None = None) -> PolicyService:
    store = store or build_store(settings)
    ensure_ingested(store, settings)
    return PolicyService(store, top_k=settings.top_k,
                         max_question_chars=settings.max_question_chars,
                         default_municipality=settings.default_municipality)
