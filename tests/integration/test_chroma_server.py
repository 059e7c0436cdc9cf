"""Policyguide against a REAL Chroma server (``chroma run``) over HTTP.

The server is started from the ``chroma`` executable installed next to the Python interpreter;
if it cannot start, the test fails with the server's stderr (it is never skipped).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from bot.settings import Settings
from bot.wiring import build_service

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "knowledge" / "corpus"
HOST = "127.0.0.1"
EXPECTED = {"Ale", "Eksjö", "Kungsbacka", "Lilla Edet", "Älmhult"}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        pytest.fail(f"chroma executable not found at {exe}")
    base = tmp_path_factory.mktemp("chroma_server")
    log_path = base / "server.log"
    port = _free_port()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [str(exe), "run", "--path", str(base / "data"), "--host", HOST, "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 60
        last_error: Exception | None = None
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chroma server exited with {proc.returncode}:\n"
                            f"{log_path.read_text(errors='replace')}")
            try:  # the client connects on construction, so build it anew each try
                chromadb.HttpClient(
                    host=HOST, port=port, settings=ChromaSettings(anonymized_telemetry=False)
                ).heartbeat()
                break
            except Exception as exc:  # connection refused until the server listens
                last_error = exc
            if time.monotonic() > deadline:
                pytest.fail(f"chroma server did not answer within 60 s ({last_error!r}):\n"
                            f"{log_path.read_text(errors='replace')}")
            time.sleep(0.2)
        yield port
    finally:
        _stop(proc)


@pytest.fixture
def settings(chroma_server: int, tmp_path: Path) -> Settings:
    return Settings(
        chroma_mode="http", chroma_host=HOST, chroma_port=chroma_server,
        embedding_provider="hashing", data_dir=tmp_path, corpus_paths=[CORPUS],
        _env_file=None,  # type: ignore[call-arg]
    )


def test_service_over_chroma_server(settings: Settings, tmp_path: Path) -> None:
    service = build_service(settings)
    assert set(service.municipalities()) == EXPECTED
    assert not (tmp_path / "chroma").exists(), "http mode must not create a local store"

    answer = service.ask("Vem beslutar om medlemskap i internationella nätverk?", "Eksjö")
    assert not answer.abstained, answer.text
    assert answer.citations
    first = answer.citations[0]
    assert "Kommunstyrelsen beslutar om medlemskap" in first.quote
    assert first.municipality == "Eksjö"

    docs = service.store.documents()
    passages = service.store.passages()
    assert len(docs) == 5
    assert passages

    # A second app instance on the same server finds the data and does not ingest again.
    again = build_service(settings)
    assert set(again.municipalities()) == EXPECTED
    docs2 = again.store.documents()
    passages2 = again.store.passages()
    assert len(docs2) == len(docs)
    assert [d.content_hash for d in docs2] == [d.content_hash for d in docs]
    assert len(passages2) == len(passages)
    assert {p.id for p in passages2} == {p.id for p in passages}

    answer2 = again.ask("Vem beslutar om medlemskap i internationella nätverk?", "Eksjö")
    assert not answer2.abstained
    assert answer2.citations[0].quote == first.quote
