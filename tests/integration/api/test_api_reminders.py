"""Reminders over the API: what is due (with its quote), claims once, answers honoured."""

from __future__ import annotations

import pytest
from api_harness import COORDINATOR, RunningApi, error

pytestmark = pytest.mark.integration


def due(api: RunningApi, **params: object) -> list[dict[str, object]]:
    reply = api.client.get("/v1/reminders", params={"today": "2026-12-08", **params})
    assert reply.status_code == 200, reply.text
    found: list[dict[str, object]] = reply.json()["reminders"]
    return found


def test_what_is_due_cites_the_sentence_that_demands_it(api: RunningApi) -> None:
    found = due(api, municipality="älmhult", language="en")
    revision = next(r for r in found if r["kind"] == "revision")
    assert revision["overdue"] is True and revision["due"] == "2010-10-14"
    assert "overdue since 2010-10-14" in str(revision["when"])
    citation = revision["citation"]
    assert isinstance(citation, dict) and "revideras under varje ny mandatperiod" in citation[
        "quote"]
    assert str(citation["quote"]) in str(revision["text"])


def test_a_claim_is_granted_once_and_a_release_gives_it_back(api: RunningApi) -> None:
    key = {"item": "api-fact-1", "period": "2025", "recipient": "teams:oid-1"}
    assert api.client.post("/v1/reminders/claims", json=key).json() == {"claimed": True}
    assert api.client.post("/v1/reminders/claims", json=key).json() == {"claimed": False}
    assert api.client.post("/v1/reminders/releases", json=key).status_code == 204
    assert api.client.post("/v1/reminders/claims", json=key).json() == {"claimed": True}


def test_a_reminder_marked_done_is_no_longer_due(api: RunningApi) -> None:
    annual = next(r for r in due(api, municipality="Ale", within_days=0)
                  if r["kind"] == "annual")
    body = {"item": annual["item"], "period": annual["period"], "status": "done",
            "actor": "teams:ostranger"}
    error(api.client.post("/v1/reminders/answers", json=body), 403, "forbidden")
    reply = api.client.post("/v1/reminders/answers", json={**body, "actor": COORDINATOR})
    assert reply.status_code == 204
    assert all(r["item"] != annual["item"] or r["period"] != annual["period"]
               for r in due(api, municipality="Ale", within_days=0))
    stored = api.reminders.answers([str(annual["item"])])
    assert stored[(annual["item"], annual["period"])].actor == COORDINATOR


@pytest.mark.parametrize("body", [
    {"item": "x", "period": "2025", "status": "snoozed", "actor": "teams:a"},
    {"item": "x", "period": "2025", "status": "done", "actor": "teams:a", "until": "2027-01-01"},
    {"item": "x", "period": "2025", "status": "later", "actor": "teams:a"},
    {"item": "x", "period": "2025", "status": "done", "actor": "no-platform"},
])
def test_an_answer_that_makes_no_sense_is_a_422(api: RunningApi, body: dict[str, str]) -> None:
    error(api.client.post("/v1/reminders/answers", json=body), 422, "bad_request")


def test_an_unknown_municipality_is_a_400_naming_the_known_ones(api: RunningApi) -> None:
    body = error(api.client.get("/v1/reminders", params={"municipality": "Atlantis"}), 400,
                 "invalid_question")
    assert "Ale" in body["message"]


def test_reminders_need_a_key(api: RunningApi) -> None:
    with api.bare() as bare:
        error(bare.get("/v1/reminders"), 401, "unauthorized")
