"""Keys and refusals over real HTTP: who may call, and how a bad request is answered (never 500)."""

from __future__ import annotations

import logging

import httpx
import pytest
from api_harness import KEY, OTHER_KEY, RunningApi, error

pytestmark = pytest.mark.integration

SECURED = [("POST", "/v1/ask", {"text": "Vem beslutar om vänorter i Älmhult?"}),
           ("POST", "/v1/who", {"topic": "vänortsavtal", "municipality": "Älmhult"}),
           ("POST", "/v1/goals", {"municipality": "Eksjö"}),
           ("POST", "/v1/obligations", {"municipality": "Eksjö"}),
           ("POST", "/v1/briefing", {"municipality": "Eksjö"}),
           ("GET", "/v1/municipalities", None),
           ("GET", "/v1/settings/municipality", None),
           ("PUT", "/v1/settings/municipality", {"scope": "user", "name": "Ale"}),
           ("POST", "/v1/feedback", {"ref": "abc", "user": "U1", "verdict": "up"}),
           ("GET", "/v1/exchanges/abc", None),
           ("GET", "/v1/register/form", None),
           ("GET", "/v1/register/writers/teams:UCOORD", None),
           ("POST", "/v1/register/drafts", {"text": "utbyte med Time kommun"}),
           ("POST", "/v1/register/activities", {"actor": "teams:UCOORD", "fields": {}}),
           ("GET", "/v1/register/activities", None),
           ("GET", "/v1/register/follow-ups", None),
           ("GET", "/v1/register/reports/2026", None)]


def test_health_answers_without_a_key(api: RunningApi) -> None:
    with api.bare() as client:
        reply = client.get("/v1/health")
    assert reply.status_code == 200
    body = reply.json()
    assert body["status"] == "ok" and body["documents"] >= 5 and body["municipalities"] >= 5


@pytest.mark.parametrize(("method", "path", "body"), SECURED,
                         ids=[f"{m} {p}" for m, p, _ in SECURED])
def test_every_v1_route_refuses_a_missing_or_wrong_key(
        api: RunningApi, method: str, path: str, body: dict[str, object] | None) -> None:
    wrong = [{}, {"Authorization": "Bearer not-the-key"}, {"X-API-Key": "not-the-key"},
             {"Authorization": f"Basic {KEY}"}, {"Authorization": "Bearer"},
             {"X-API-Key": KEY[:-1]}]
    with api.bare() as client:
        for headers in wrong:
            reply = client.request(method, path, json=body, headers=headers)
            refusal = error(reply, 401, "unauthorized")
            assert "API key" in refusal["message"], headers
            assert reply.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("headers", [
    {"Authorization": f"Bearer {KEY}"}, {"authorization": f"bearer {OTHER_KEY}"},
    {"X-API-Key": KEY}, {"x-api-key": OTHER_KEY}], ids=["bearer", "bearer-lower-second-key",
                                                         "x-api-key", "x-api-key-second-key"])
def test_bearer_and_x_api_key_are_both_accepted(api: RunningApi, headers: dict[str, str]) -> None:
    with api.bare() as client:
        reply = client.get("/v1/municipalities", headers=headers)
    assert reply.status_code == 200 and "Eksjö" in reply.json()["municipalities"]


@pytest.mark.parametrize("text", ["", "   \n  "], ids=["empty", "blank"])
def test_an_empty_question_is_a_readable_400(api: RunningApi, text: str) -> None:
    body = error(api.client.post("/v1/ask", json={"text": text}), 400, "invalid_question")
    assert "empty" in body["message"] and "tom" in body["message"]


def test_a_refusal_is_in_the_language_of_the_question(api: RunningApi) -> None:
    english = ("What does the policy say about exchanges with schools abroad? " * 60)[:3000]
    body = error(api.client.post("/v1/ask", json={"text": english}), 400, "invalid_question")
    assert body["language"] == "en" and "the limit is 2000" in body["message"]
    assert "Frågan" not in body["message"]


def test_a_50000_character_question_is_a_readable_400(api: RunningApi) -> None:
    question = ("Vad säger policyn om utbyten med skolor i andra länder? " * 1000)[:49_999] + "?"
    assert len(question) == 50_000
    body = error(api.client.post("/v1/ask", json={"text": question}), 400, "invalid_question")
    assert "50000" in body["message"] and "2000" in body["message"]


def test_a_topic_over_the_limit_is_a_readable_400(api: RunningApi) -> None:
    reply = api.client.post("/v1/who", json={"topic": "x" * 50_000, "municipality": "Eksjö"})
    assert 400 <= reply.status_code < 500 and reply.json()["message"]


def test_a_question_over_the_body_limit_is_a_422_naming_the_field(api: RunningApi) -> None:
    body = error(api.client.post("/v1/ask", json={"text": "a" * 100_001}), 422, "bad_request")
    assert [f["field"] for f in body["fields"]] == ["text"]


@pytest.mark.parametrize("path", ["/v1/ask", "/v1/feedback", "/v1/register/activities",
                                  "/v1/register/drafts"])
def test_malformed_json_is_a_422_bad_request(api: RunningApi, path: str) -> None:
    reply = api.client.post(path, content=b'{"text": "Vem beslutar', headers={
        "Content-Type": "application/json"})
    body = error(reply, 422, "bad_request")
    assert body["message"].startswith("The request body does not match the API")
    assert body["fields"] and "JSON" in body["message"]


def test_a_body_of_the_wrong_shape_names_each_field(api: RunningApi) -> None:
    reply = api.client.post("/v1/feedback", json={"ref": "has space", "verdict": "maybe"})
    body = error(reply, 422, "bad_request")
    assert {f["field"] for f in body["fields"]} == {"ref", "user", "verdict"}


def test_an_unknown_route_is_a_404_and_docs_are_served(api: RunningApi) -> None:
    assert api.client.get("/v1/nothing-here").status_code == 404
    with api.bare() as client:
        schema = client.get("/openapi.json")
    assert schema.status_code == 200 and "/v1/ask" in schema.json()["paths"]


def test_the_server_speaks_real_http(api: RunningApi) -> None:
    """Not an in-process transport: a fresh connection to the socket gets an HTTP/1.1 reply."""
    with httpx.Client(base_url=api.url, http2=False) as client:
        reply = client.get("/v1/health")
    assert reply.http_version == "HTTP/1.1" and reply.headers["server"] == "uvicorn"


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/v1/ask", {"text": "Vem beslutar om vänorter i Älmhult?", "conversation": "c" * 201},
     "conversation"),
    ("/v1/ask", {"text": "Vem beslutar om vänorter i Älmhult?", "conversation": "c" * 150,
                 "thread": "t" * 60}, "thread"),
    ("/v1/goals", {"municipality": "Eksjö", "conversation": "c" * 120, "thread": "t" * 90},
     "thread"),
], ids=["long-conversation", "long-thread-ask", "long-thread-goals"])
def test_ids_too_long_to_store_are_a_422_naming_the_field(
        api: RunningApi, path: str, body: dict[str, str], field: str) -> None:
    """The chat state keeps conversation and thread ids up to 200 characters: a longer one is
    refused up front, not answered and then failed while remembering the thread."""
    refusal = error(api.client.post(path, json=body), 422, "bad_request")
    assert [f["field"] for f in refusal["fields"]] == [field]


def test_a_thread_that_fits_is_remembered_for_follow_ups(api: RunningApi) -> None:
    context = {"platform": "teams", "conversation": "c" * 120, "thread": "t" * 70}
    first = api.client.post("/v1/ask", json={"text": "Vem beslutar om vänorter i Älmhult?",
                                             **context})
    assert first.status_code == 200, first.text
    assert api.store.get_municipality("teams", f"thread:{'c' * 120}:{'t' * 70}") == "Älmhult"
    feedback = api.client.post("/v1/feedback", json={"ref": first.json()["ref"], "user": "U1",
                                                     "verdict": "up"})
    assert feedback.status_code == 200


@pytest.mark.parametrize(("body", "field"), [
    ({"scope": "conversation", "conversation": "c" * 201, "name": "Ale"}, "conversation"),
    ({"scope": "user", "user": "u" * 199, "name": "Ale"}, "user")], ids=["conversation", "user"])
def test_a_setting_too_long_to_store_is_a_422(
        api: RunningApi, body: dict[str, str], field: str) -> None:
    reply = api.client.put("/v1/settings/municipality", json=body)
    assert [f["field"] for f in error(reply, 422, "bad_request")["fields"]] == [field]


def test_an_unexpected_failure_is_a_500_with_an_error_id_and_the_server_keeps_serving(
        api: RunningApi, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(ref: str) -> None:
        raise RuntimeError(f"store unavailable for {ref}")

    monkeypatch.setattr(api.commands, "exchange", broken)
    with caplog.at_level(logging.ERROR, logger="policyguide.api"):
        reply = api.client.get("/v1/exchanges/0123456789abcdef")
    body = error(reply, 500, "internal")
    assert body["error_id"] in body["message"] and "store unavailable" not in reply.text
    assert reply.headers["connection"] == "close"  # uvicorn drops the connection after it
    assert any(body["error_id"] in r.getMessage() for r in caplog.records)
    monkeypatch.undo()
    assert api.client.get("/v1/municipalities").status_code == 200  # same client, new socket
