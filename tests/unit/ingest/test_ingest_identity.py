"""Which document is which, and whose: ids from the path under the ingest root, municipalities
given by the user, per-folder assignment, limits and unreadable files, on a real Chroma store."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from ingest.assign import AssignmentError
from ingest.pipeline import DocumentLine, IngestOptions, ingest_paths
from knowledge.embeddings import HashingEmbeddings
from knowledge.store import KnowledgeStore, make_client

POLICY = """Internationell policy

Antagen av kommunfullmäktige 2021-04-12, § 30

Kommunstyrelsen beslutar om nya vänortsavtal. Varje nämnd ansvarar för sina egna utbyten.
"""


class CountingEmbeddings(HashingEmbeddings):
    """Counts the passages embedded, to tell a metadata-only update from a re-embedding."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return super().embed_documents(texts)


@pytest.fixture
def embeddings() -> CountingEmbeddings:
    return CountingEmbeddings()


@pytest.fixture
def store(tmp_path: Path, embeddings: CountingEmbeddings) -> KnowledgeStore:
    return KnowledgeStore(make_client("persistent", tmp_path / "chroma"), embeddings)


def _write(path: Path, text: str = POLICY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _by_file(lines: list[DocumentLine]) -> dict[str, DocumentLine]:
    return {line.file: line for line in lines}


def test_same_file_name_in_two_folders_both_land(store: KnowledgeStore, tmp_path: Path) -> None:
    root = tmp_path / "policies"
    _write(root / "falun" / "internationell-policy.txt")
    _write(root / "eksjo" / "internationell-policy.txt")
    report = ingest_paths(store, [root])
    assert report.added == ["internationell-policy.txt"] * 2 and report.updated == []
    lines = _by_file(report.documents)
    assert set(lines) == {"policies/eksjo/internationell-policy.txt",
                          "policies/falun/internationell-policy.txt"}
    docs = store.documents()
    assert {d.municipality for d in docs} == {"Eksjö", "Falun"}
    assert len({d.id for d in docs}) == 2
    again = ingest_paths(store, [root])
    assert again.unchanged == ["internationell-policy.txt"] * 2 and not again.changed


def test_same_file_name_ingested_in_separate_runs(store: KnowledgeStore, tmp_path: Path) -> None:
    first = _write(tmp_path / "a" / "falun" / "internationell-policy.txt")
    second = _write(tmp_path / "b" / "falun" / "internationell-policy.txt",
                    POLICY.replace("2021-04-12", "2022-01-10"))
    assert ingest_paths(store, [first.parent]).added == ["internationell-policy.txt"]
    report = ingest_paths(store, [second.parent])
    assert report.added == ["internationell-policy.txt"] and report.updated == []
    assert sorted(d.date or "" for d in store.documents()) == ["2021-04-12", "2022-01-10"]


def test_a_file_or_its_folder_is_the_same_document(store: KnowledgeStore, tmp_path: Path) -> None:
    path = _write(tmp_path / "vetlanda" / "policy.txt")
    ingest_paths(store, [path.parent])
    report = ingest_paths(store, [path])
    assert report.unchanged == ["policy.txt"] and len(store.documents()) == 1


def test_an_old_stem_id_is_kept_and_only_metadata_rewritten(
        store: KnowledgeStore, tmp_path: Path, embeddings: CountingEmbeddings) -> None:
    path = _write(tmp_path / "falun" / "falun-policy.txt")
    ingest_paths(store, [path.parent])
    (doc,) = store.documents()
    legacy = dataclasses.replace(doc, id="falun-policy", municipality="Falu",
                                 municipality_source="", official_name=None)
    passages = [dataclasses.replace(p, id=p.id.replace(doc.id, "falun-policy"),
                                    doc_id="falun-policy", municipality="Falu")
                for p in store.passages()]
    store.delete_document(doc.id)
    store.put_document(legacy, passages)  # as an older version stored it: stem id, genitive
    embedded = embeddings.embedded
    report = ingest_paths(store, [path.parent])
    assert report.updated == ["falun-policy.txt"]
    assert report.documents[0].note == "text unchanged; metadata read anew"
    (after,) = store.documents()
    assert after.id == "falun-policy" and after.municipality == "Falun"
    assert {p.municipality for p in store.passages()} == {"Falun"}
    assert embeddings.embedded == embedded, "vectors of unchanged passages are kept"


def test_municipality_given_for_the_run(store: KnowledgeStore, tmp_path: Path) -> None:
    path = _write(tmp_path / "in" / "policy.txt")
    report = ingest_paths(store, [path], options=IngestOptions(municipality="Göteborgs Stad"))
    (line,) = report.documents
    assert line.municipality == "Göteborg" and "given with --municipality" in line.how
    assert "read as Göteborg" in line.how
    (doc,) = store.documents()
    assert doc.official_name == "Göteborgs Stad"


def test_an_unknown_given_name_is_a_new_organisation(store: KnowledgeStore,
                                                    tmp_path: Path) -> None:
    path = _write(tmp_path / "in" / "policy.txt")
    report = ingest_paths(store, [path], options=IngestOptions(municipality="Västerholms kommun"))
    (line,) = report.documents
    assert line.municipality == "Västerholm"
    assert "not a listed Swedish municipality" in line.how and "new organisation" in line.how


def test_an_empty_given_name_is_refused(store: KnowledgeStore, tmp_path: Path) -> None:
    path = _write(tmp_path / "in" / "policy.txt")
    with pytest.raises(AssignmentError, match="empty"):
        ingest_paths(store, [path], options=IngestOptions(municipality="  "))
    assert store.documents() == []


def test_municipality_file_per_folder(store: KnowledgeStore, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    _write(root / "region" / "municipality.txt", "# the region's own documents\nRegion Skåne\n")
    _write(root / "region" / "strategi" / "kina.txt")
    _write(root / "other" / "policy.txt", POLICY + "\nLessebo kommun ansvarar.\n")
    report = ingest_paths(store, [root])
    lines = _by_file(report.documents)
    assert set(lines) == {"batch/region/strategi/kina.txt", "batch/other/policy.txt"}
    kina = lines["batch/region/strategi/kina.txt"]
    assert kina.municipality == "Region Skåne"
    assert "municipality.txt" in kina.how
    assert lines["batch/other/policy.txt"].municipality == "Lessebo"


def test_folder_name_is_a_last_resort(store: KnowledgeStore, tmp_path: Path) -> None:
    root = tmp_path / "kommuner"
    _write(root / "hylte" / "riktlinjer.txt")
    (line,) = ingest_paths(store, [root]).documents
    assert line.municipality == "Hylte" and "folder name 'hylte'" in line.how


def _pdf(text: str | None) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if text:
        page.drawString(72, 720, text)
    else:
        page.rect(72, 600, 200, 100, fill=1)  # a "scan": marks, no text layer
    page.save()
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_unreadable_and_oversized_files_are_reported_and_the_rest_lands(
        store: KnowledgeStore, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    _write(root / "eksjo-policy.txt")
    (root / "skannad.pdf").write_bytes(_pdf(None))
    (root / "last.pdf").write_bytes(_encrypted(_pdf("Internationell policy for Ale kommun")))
    _write(root / "stor.txt", POLICY + "Mening om samarbete. " * 2000)
    _write(root / "lang.txt", POLICY + "\n\n".join(f"Punkt {i} om vänorter." for i in range(60)))
    options = IngestOptions(max_file_bytes=20_000, max_passages=50)
    report = ingest_paths(store, [root], options=options)
    failed = {Path(name).name: reason for name, reason in report.failed}
    assert "no text layer" in failed["skannad.pdf"]
    assert "encrypted" in failed["last.pdf"]
    assert "POLICYGUIDE_MAX_FILE_MB" in failed["stor.txt"] and "MB" in failed["stor.txt"]
    assert "POLICYGUIDE_MAX_PASSAGES" in failed["lang.txt"]
    assert report.added == ["eksjo-policy.txt"]


def test_embedding_progress_counts_passages(store: KnowledgeStore, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    _write(root / "ale.txt", POLICY + "\nAle kommun.\n")
    _write(root / "eksjo.txt", POLICY + "\nEksjö kommun.\n")
    calls: list[tuple[int, int]] = []
    report = ingest_paths(store, [root], on_passages=lambda done, total: calls.append(
        (done, total)))
    assert calls[-1] == (report.passages, report.passages)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_reingest_of_listed_and_unlisted_municipalities_is_unchanged(
        store: KnowledgeStore, tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[3]
    root = tmp_path / "all"
    for folder in ("knowledge/corpus", "tests/data/fictional", "tests/data/blind"):
        for path in (repo / folder).iterdir():
            if path.suffix in (".txt", ".md"):
                _write(root / path.parent.name / path.name, path.read_text(encoding="utf-8"))
    first = ingest_paths(store, [root])
    assert {line.municipality for line in first.documents} == {
        "Ale", "Älmhult", "Eksjö", "Kungsbacka", "Lilla Edet", "Fjällsta", "Norrvika",
        "Sjöbacka", "Västerholm"}
    again = ingest_paths(store, [root])
    assert not again.changed and len(again.unchanged) == len(first.added)
