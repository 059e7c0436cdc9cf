"""Idempotent ingest: unchanged files are skipped, changed ones replaced, removed ones dropped.

A file that cannot be read (scanned or encrypted PDF, too large, too many passages) is reported
by name with the reason, and the rest of the batch still lands. Files are read first and
embedded after, so a long ingest can show passages per second and the time left. A document
keeps the id it was first stored under (found by its source path), so ids from older versions
(the file stem) keep working and re-ingesting a tree never duplicates it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.assign import AssignmentError, assigned, folder_assignment, is_assignment_file
from ingest.facts import extract_facts
from ingest.loaders import UnreadableFileError, iter_policy_files
from ingest.passages import build_passages
from ingest.reading import MB, document_id, document_key, read_document
from knowledge.crosslingual import vocabulary
from knowledge.models import Document, Passage
from knowledge.municipalities import load_registry
from knowledge.store import KnowledgeStore

__all__ = ["DocumentLine", "IngestOptions", "IngestReport", "document_id", "ingest_paths",
           "read_document", "refresh_facts"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    municipality: str | None = None  # given with --municipality: every file of this run
    max_file_bytes: int = 20 * MB
    max_passages: int = 5000


@dataclass(frozen=True)
class DocumentLine:
    """What the report says about one document: where it went and how that was decided."""

    file: str
    status: str  # added | updated | unchanged
    municipality: str
    how: str
    title: str
    date: str | None
    note: str = ""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    documents: list[DocumentLine] = field(default_factory=list)
    passages: int = 0
    facts: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass
class _Pending:
    doc: Document
    passages: list[Passage]
    line: DocumentLine


def _roots(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(file, ingest root) for every policy file under ``paths``."""
    out = []
    for root in paths:
        for path in iter_policy_files([root]):
            if not is_assignment_file(path):
                out.append((path, root if root.is_dir() else path.parent))
    return out


def ingest_paths(store: KnowledgeStore, paths: Iterable[Path],
                 progress: Callable[[str], None] | None = None,
                 options: IngestOptions | None = None,
                 on_passages: Callable[[int, int], None] | None = None) -> IngestReport:
    """Ingest files and folders. ``progress`` gets each file name as it is read,
    ``on_passages`` (done, total) as passages are embedded. Raises AssignmentError for an
    empty --municipality before anything is read."""
    options = options or IngestOptions()
    paths = [Path(p) for p in paths]
    existing = {d.id: d for d in store.documents()}
    # Detection depends on the file alone (not on what else is stored), so a re-ingest of the
    # same tree gives the same result whatever order or company the files come in.
    registry = load_registry()
    given = (assigned(options.municipality, registry, "given with --municipality")
             if options.municipality is not None else None)
    report, pending = IngestReport(), []
    by_source = {d.source: d for d in existing.values()}
    seen: set[str] = set()
    sources: set[str] = set()
    for path, root in _roots(paths):
        if progress:
            progress(path.name)
        try:
            guess = given or folder_assignment(path, root, registry)
            doc = read_document(path, root=root, registry=registry, municipality=guess,
                                max_bytes=options.max_file_bytes)
        except (UnreadableFileError, AssignmentError) as exc:
            reason = exc.reason if isinstance(exc, UnreadableFileError) else str(exc)
            log.warning("ingest: skipped %s: %s", path, reason)
            report.failed.append((str(path), reason))
            continue
        if doc.source in sources:
            continue  # the same file reached twice (a folder and a file in it)
        sources.add(doc.source)
        old = by_source.get(doc.source)
        doc = dataclasses.replace(doc, id=old.id if old else _free_id(path, root, doc, existing,
                                                                      seen))
        seen.add(doc.id)
        line = DocumentLine(document_key(path, root), "unchanged", doc.municipality,
                            doc.municipality_source, doc.title, doc.date)
        if old is not None and old == doc:
            report.unchanged.append(path.name)
            report.documents.append(line)
            continue
        passages = build_passages(doc)
        if len(passages) > options.max_passages:
            report.failed.append((str(path), _too_many(len(passages), options.max_passages)))
            continue
        status = "updated" if old is not None else "added"
        note = "text unchanged; metadata read anew" if old and old.content_hash == (
            doc.content_hash) else ""
        pending.append(_Pending(doc, passages, dataclasses.replace(line, status=status,
                                                                   note=note)))
    _write(store, pending, report, on_passages)
    _drop_removed(store, paths, existing, seen, report)
    return report


def _free_id(path: Path, root: Path, doc: Document, existing: dict[str, Document],
             seen: set[str]) -> str:
    """The key's id, or, if another file already has it, the id with a hash of the path."""
    wanted = document_id(path, root)
    if wanted not in seen and wanted not in existing:
        return wanted
    return f"{wanted}-{hashlib.sha1(doc.source.encode()).hexdigest()[:8]}"


def _too_many(count: int, limit: int) -> str:
    return (f"the document has {count:,} passages; the limit is {limit:,} per document "
            "(POLICYGUIDE_MAX_PASSAGES). Is it one policy? Split it, or raise the limit.")


def _write(store: KnowledgeStore, pending: list[_Pending], report: IngestReport,
           on_passages: Callable[[int, int], None] | None) -> None:
    total, done = sum(len(p.passages) for p in pending), 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if on_passages:
            on_passages(done, total)

    for item in pending:
        store.put_document(item.doc, item.passages, progress=step)
        store.ensure_words(vocabulary([item.doc.text]))
        facts = extract_facts(item.doc)
        store.put_facts(item.doc.id, facts)
        report.passages += len(item.passages)
        report.facts += len(facts)
        name = Path(item.doc.source).name
        (report.updated if item.line.status == "updated" else report.added).append(name)
        report.documents.append(item.line)
    if on_passages:
        on_passages(total, total)


def _drop_removed(store: KnowledgeStore, paths: list[Path], existing: dict[str, Document],
                  seen: set[str], report: IngestReport) -> None:
    folders = [p.resolve() for p in paths if p.is_dir()]
    for doc_id, doc in existing.items():
        src = Path(doc.source)
        inside = any(src.is_relative_to(folder) for folder in folders)
        if doc_id not in seen and inside and not src.exists():
            store.delete_document(doc_id)
            report.removed.append(src.name)


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
