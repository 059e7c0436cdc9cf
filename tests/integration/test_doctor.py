"""`policyguide doctor` against real parts: on-disk Chroma, SQLite and PostgreSQL, the LLM
stand-in over HTTP; and against parts that are not there, said plainly with exit code 1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "llm"))
from llm_standin import LlmStandIn  # noqa: E402

from register.testing import throwaway_postgres  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("POLICYGUIDE_")}
    return {**clean, "POLICYGUIDE_DATA_DIR": str(tmp_path), "COLUMNS": "300",
            "POLICYGUIDE_EMBEDDING_PROVIDER": "hashing"}


@pytest.fixture
def llm() -> Iterator[LlmStandIn]:
    standin = LlmStandIn().start()
    yield standin
    standin.stop()


def doctor(env: dict[str, str], **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "doctor"], env={**env, **extra},
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def test_the_defaults_are_all_well(env: dict[str, str]) -> None:
    out = doctor(env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "✗" not in out.stdout and out.stdout.count("✓") == 6
    assert "holds no policies yet" in out.stdout and "none configured" in out.stdout


def test_postgresql_and_a_reachable_model(env: dict[str, str], llm: LlmStandIn) -> None:
    with throwaway_postgres() as url:
        out = doctor(env, POLICYGUIDE_DATABASE_URL=url,
                     POLICYGUIDE_LLM_PROVIDER="openai-compatible",
                     POLICYGUIDE_LLM_BASE_URL=llm.url, POLICYGUIDE_LLM_MODEL="scripted")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "postgresql+psycopg://" in out.stdout and "openai-compatible at" in out.stdout


def test_what_is_missing_is_named_plainly(env: dict[str, str], llm: LlmStandIn) -> None:
    out = doctor(env, POLICYGUIDE_DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none",
                 POLICYGUIDE_CHROMA_MODE="http", POLICYGUIDE_CHROMA_PORT="1",
                 POLICYGUIDE_LLM_PROVIDER="openai-compatible",
                 POLICYGUIDE_LLM_BASE_URL=llm.url, POLICYGUIDE_LLM_MODEL="no-such-model")
    assert out.returncode == 1
    assert "cannot open the Chroma server at 127.0.0.1:1" in out.stdout
    assert "cannot connect to postgresql+psycopg://nobody@127.0.0.1:1/none" in out.stdout
    assert "does not list the model 'no-such-model'" in out.stdout
    assert "3 of 6 checks failed: knowledge store, register database, LLM" in out.stderr
    assert "Traceback" not in out.stdout + out.stderr


def test_an_unreachable_model_and_bad_settings(env: dict[str, str]) -> None:
    out = doctor(env, POLICYGUIDE_LLM_PROVIDER="ollama",
                 POLICYGUIDE_LLM_BASE_URL="http://127.0.0.1:1", POLICYGUIDE_LLM_MODEL="m")
    assert out.returncode == 1 and "cannot reach http://127.0.0.1:1" in out.stdout
    invalid = doctor(env, POLICYGUIDE_LLM_PROVIDER="ollama")
    assert invalid.returncode == 2 and "POLICYGUIDE_LLM_BASE_URL" in invalid.stderr
