"""/v1/ask/stream: server-sent drafts while a configured LLM writes, then the verified final."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_harness import RunningApi, unquoted

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm"))
from llm_standin import LlmStandIn  # noqa: E402
from scripted_model import scripted_llm  # noqa: E402

from knowledge.service import PolicyService  # noqa: E402

pytestmark = pytest.mark.integration
QUESTION = "Vem godkänner nya vänortsavtal i Älmhult?"
GOOD = "Avtal med nya vänorter beslutas i KF och tecknas av KS [1]."


@pytest.fixture
def llm(service: PolicyService) -> Iterator[LlmStandIn]:
    with scripted_llm(service) as standin:
        yield standin


def events(api: RunningApi, text: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    with api.client.stream("POST", "/v1/ask/stream", json={"text": text}) as reply:
        assert reply.status_code == 200
        assert reply.headers["content-type"].startswith("text/event-stream")
        name = ""
        for line in reply.iter_lines():
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                out.append((name, json.loads(line.removeprefix("data: "))))
    return out


def test_without_a_model_only_the_answer_comes(api: RunningApi) -> None:
    [(name, answer)] = events(api, QUESTION)
    plain = api.client.post("/v1/ask", json={"text": QUESTION}).json()
    assert name == "answer" and answer["mode"] == "extractive"
    assert answer["answer"] == plain["answer"] and answer["citations"] == plain["citations"]


def test_drafts_stream_then_the_verified_answer(api: RunningApi, llm: LlmStandIn,
                                                corpus_text: str) -> None:
    llm.script(GOOD)
    got = events(api, QUESTION)
    names = [n for n, _ in got]
    assert names[-1] == "answer" and set(names[:-1]) == {"draft"} and len(names) > 3
    assert all(GOOD.startswith(d["text"].rstrip()) for n, d in got if n == "draft")
    final = got[-1][1]
    assert final["mode"] == "generated" and final["answer"] == GOOD
    assert final["generated_by"].startswith("openai:scripted")
    assert final["citations"] and unquoted(corpus_text, final["citations"]) == []


def test_a_refused_draft_ends_in_the_extractive_answer(api: RunningApi,
                                                       llm: LlmStandIn) -> None:
    llm.script("Avtal med nya vänorter beslutas av kultur- och fritidsnämnden [1].")
    got = events(api, QUESTION)
    final = got[-1][1]
    assert got[-1][0] == "answer" and final["mode"] == "extractive"
    assert "kultur" not in final["answer"].lower() and "KF" in final["answer"]


def test_a_refusal_is_a_plain_error_response(api: RunningApi) -> None:
    reply = api.client.post("/v1/ask/stream", json={"text": "   "})
    assert reply.status_code in (400, 422)
    assert reply.headers["content-type"].startswith("application/json")
    assert reply.json()["message"]
