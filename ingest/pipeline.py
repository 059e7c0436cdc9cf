"""Idempotent ingest: unchanged files are skipped, changed ones replaced, removed ones dropped.

A file that cannot be read is reported by name and skipped; the rest of the batch still lands.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.facts import extract_facts
from ingest.loaders import DEFAULT_MAX_BYTES, UnreadableFileError, iter_policy_files, load_file
from ingest.metadata import detect_metadata
from ingest.normalize import content_hash, file_hash, normalise_text
from ingest.passages import build_passages
from knowledge.models import Document
from knowledge.store import KnowledgeStore

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    passages: int = 0
    facts: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def document_id(path: Path) -> str:
    ascii_stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-") or "document"


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The document at ``path``; raises :class:`UnreadableFileError` with a reason to show."""
    text = normalise_text(load_file(path, max_bytes=max_bytes))
    meta = detect_metadata(text, fallback_name=path.stem)
    doc = Document(
        id=document_id(path), municipality=meta.municipality, title=meta.title, kind=meta.kind,
        source=str(path.resolve()), content_hash=content_hash(text), text=text, date=meta.date,
        adopted_by=meta.adopted_by, dnr=meta.dnr, source_hash=file_hash(path),
    )
    return doc


def ingest_paths(
    store: KnowledgeStore,
    paths: Iterable[Path],
    progress: Callable[[str], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    paths = [Path(p) for p in paths]
    report = IngestReport()
    existing = {d.id: d for d in store.documents()}
    seen: set[str] = set()
    files = list(iter_policy_files(paths))
    for path in files:
        if progress:
            progress(path.name)
        try:
            doc = read_document(path, max_bytes)
        except UnreadableFileError as exc:
            log.warning("ingest: skipped %s: %s", path, exc.reason)
            report.failed.append((str(path), exc.reason))
            continue
        if doc.id in seen:
            log.warning("ingest: skipped %s: duplicate document id %s", path, doc.id)
            report.failed.append((str(path), f"same document id {doc.id!r} as another file in "
                                 "this batch; rename one of them"))
            continue
        seen.add(doc.id)
        old = existing.get(doc.id)
        if old is not None and old.content_hash == doc.content_hash and old.source == doc.source:
            report.unchanged.append(path.name)
            continue
        passages = build_passages(doc)
        store.put_document(doc, passages)
        facts = extract_facts(doc)
        store.put_facts(doc.id, facts)
        report.passages += len(passages)
        report.facts += len(facts)
        (report.updated if old is not None else report.added).append(path.name)
    folders = [p.resolve() for p in paths if p.is_dir()]
    for doc_id, doc in existing.items():
        src = Path(doc.source)
        inside = any(src.is_relative_to(folder) for folder in folders)
        if doc_id not in seen and inside and not src.exists():
            store.delete_document(doc_id)
            report.removed.append(Path(doc.source).name)
    return report


def refresh_facts(store: KnowledgeStore, docs: Iterable[Document] | None = None) -> int:
    """Re-extract facts where the extractor changed since the document was ingested.

    Documents keep their full text in the store, so no source file is needed; this is what
    makes an improved extractor take effect on the next start without a re-ingest.
    """
    current = store.current_fact_documents()
    stale = [doc for doc in (store.documents() if docs is None else docs)
             if doc.id not in current]
    count = 0
    for doc in stale:
        facts = extract_facts(doc)
        store.put_facts(doc.id, facts)
        count += len(facts)
    if stale:
        log.info("re-extracted %d facts from %d documents", count, len(stale))
    return count
