"""Asking, the structured facts, settings and feedback over real HTTP, with the real corpus.

Every quote the API returns must be verbatim in a bundled policy file: the same check the Slack
tests make on what the bot posts, done here on the JSON an integration receives.
"""

from __future__ import annotations

from typing import Any

import pytest
from api_harness import RunningApi, error, unquoted

pytestmark = pytest.mark.integration

SWEDISH = "Vem godkänner nya vänortsavtal i Älmhult?"
ENGLISH = "Who approves new twin town agreements in Älmhult?"
TWIN_TOWN_RULE = "Avtal med nya vänorter skall beslutas i KF och tecknas av KS."
UNANSWERED_SV = "Hur mycket kostar en parkeringsplats vid rådhuset i Eksjö?"
UNANSWERED_EN = "What is the budget for snow clearing in Eksjö?"


def ask(api: RunningApi, text: str, **context: Any) -> dict[str, Any]:
    reply = api.client.post("/v1/ask", json={"text": text, **context})
    assert reply.status_code == 200, reply.text
    body: dict[str, Any] = reply.json()
    return body


def test_a_swedish_question_is_answered_with_verbatim_citations(
        api: RunningApi, corpus_text: str) -> None:
    answer = ask(api, SWEDISH, platform="teams", user="U1", conversation="C1")
    assert not answer["abstained"] and answer["decision"] == "answer"
    assert answer["language"] == "sv" and answer["municipality"] == "Älmhult"
    assert answer["answer"].startswith("Enligt Älmhults policy")
    assert answer["citations"] and unquoted(corpus_text, answer["citations"]) == []
    assert all(c["municipality"] == "Älmhult" and c["section"] and c["document"]
               for c in answer["citations"])
    assert any(TWIN_TOWN_RULE in c["quote"] for c in answer["citations"])
    assert len(answer["ref"]) == 16 and 0 < answer["confidence"] <= 1


def test_an_english_question_is_answered_in_english_with_verbatim_citations(
        api: RunningApi, corpus_text: str) -> None:
    answer = ask(api, ENGLISH)
    assert not answer["abstained"] and answer["language"] == "en"
    assert answer["answer"].startswith("According to Älmhult's policy")
    assert "Kommunfullmäktige" in answer["answer"] and "Kommunstyrelsen" in answer["answer"]
    assert answer["citations"] and unquoted(corpus_text, answer["citations"]) == []
    assert any(TWIN_TOWN_RULE in c["quote"] for c in answer["citations"])


@pytest.mark.parametrize(("question", "language", "says"), [
    (UNANSWERED_SV, "sv", "besvarar inte frågan"),
    (UNANSWERED_EN, "en", "does not answer this")], ids=["sv", "en"])
def test_a_question_the_policies_do_not_answer_abstains_showing_the_closest_passage(
        api: RunningApi, corpus_text: str, question: str, language: str, says: str) -> None:
    answer = ask(api, question)
    assert answer["abstained"] and answer["decision"] == "abstain"
    assert answer["language"] == language and says in answer["answer"]
    # the core shows the closest passage when one shares anything with the question
    [closest] = answer["citations"]
    assert closest["municipality"] == "Eksjö" and unquoted(corpus_text, [closest]) == []
    assert closest["quote"] in answer["answer"]


def test_a_municipality_in_the_body_overrides_the_question(api: RunningApi) -> None:
    answer = ask(api, "Vem beslutar om bidrag till projekt och utbyten?", municipality="Eksjö")
    assert answer["municipality"] == "Eksjö"
    assert all(c["municipality"] == "Eksjö" for c in answer["citations"])


def test_who_names_the_deciding_bodies_with_the_verbatim_rule(
        api: RunningApi, corpus_text: str) -> None:
    reply = api.client.post("/v1/who", json={"topic": "vänortsavtal", "municipality": "Älmhult"})
    assert reply.status_code == 200, reply.text
    answer = reply.json()
    assert answer["intent"] == "who" and answer["language"] == "sv"
    assert "Kommunfullmäktige (KF)" in answer["answer"]
    assert "Kommunstyrelsen (KS)" in answer["answer"]
    assert any(TWIN_TOWN_RULE in c["quote"] for c in answer["citations"])
    assert unquoted(corpus_text, answer["citations"]) == []


def test_who_in_english_follows_the_language_asked_for(api: RunningApi) -> None:
    reply = api.client.post("/v1/who", json={
        "topic": "grants for projects and exchanges", "municipality": "Eksjö", "language": "en"})
    assert reply.status_code == 200 and reply.json()["language"] == "en"
    assert reply.json()["answer"].startswith("According to")


def test_goals_are_the_policys_own_words(api: RunningApi, corpus_text: str) -> None:
    reply = api.client.post("/v1/goals", json={"municipality": "Eksjö"})
    assert reply.status_code == 200, reply.text
    answer = reply.json()
    assert answer["intent"] == "goals" and not answer["abstained"]
    assert "Syftet med den internationella policyn" in answer["answer"]
    sections = {c["section"] for c in answer["citations"]}
    assert {"Syfte", "Övergripande mål"} <= sections
    assert unquoted(corpus_text, answer["citations"]) == []


def test_obligations_say_what_is_followed_up_and_how_often(
        api: RunningApi, corpus_text: str) -> None:
    reply = api.client.post("/v1/obligations", json={"municipality": "Eksjö", "language": "en"})
    assert reply.status_code == 200, reply.text
    answer = reply.json()
    assert answer["intent"] == "follow_up" and answer["language"] == "en"
    assert "annually" in answer["answer"]
    assert any("årligen följas upp" in c["quote"] for c in answer["citations"])
    assert unquoted(corpus_text, answer["citations"]) == []


def test_the_briefing_has_goals_roles_and_duties_with_citations(
        api: RunningApi, corpus_text: str) -> None:
    reply = api.client.post("/v1/briefing", json={"municipality": "Älmhult"})
    assert reply.status_code == 200, reply.text
    briefing = reply.json()
    assert briefing["municipality"] == "Älmhult" and briefing["document"]
    assert briefing["goals"] and briefing["responsibilities"] and briefing["obligations"]
    assert briefing["citations"] and unquoted(corpus_text, briefing["citations"]) == []
    assert any(TWIN_TOWN_RULE in c["quote"] for c in briefing["citations"])


@pytest.mark.parametrize("path", ["/v1/who", "/v1/goals", "/v1/obligations", "/v1/briefing"])
def test_structured_commands_without_a_municipality_say_how_to_set_one(
        api: RunningApi, path: str) -> None:
    body = {"topic": "vänortsavtal", "conversation": "no-setting-here"} if path == "/v1/who" \
        else {"conversation": "no-setting-here"}
    refusal = error(api.client.post(path, json=body), 400, "invalid_question")
    assert "kommun" in refusal["message"] and "Eksjö" in refusal["message"]


def test_municipalities_lists_every_policy(api: RunningApi) -> None:
    reply = api.client.get("/v1/municipalities")
    assert reply.status_code == 200
    known = reply.json()["municipalities"]
    assert {"Ale", "Eksjö", "Kungsbacka", "Lilla Edet", "Älmhult"} <= set(known)


def test_a_conversations_municipality_is_stored_and_then_applies(api: RunningApi) -> None:
    put = api.client.put("/v1/settings/municipality", json={
        "platform": "teams", "scope": "conversation", "conversation": "chat-42", "name": "eksjo"})
    assert put.status_code == 200, put.text
    assert put.json()["municipality"] == "Eksjö" and "Ale" in put.json()["known"]
    got = api.client.get("/v1/settings/municipality",
                         params={"platform": "teams", "conversation": "chat-42"})
    assert got.status_code == 200 and got.json()["municipality"] == "Eksjö"
    assert api.store.get_municipality("teams", "chat-42") == "Eksjö"
    # the structured commands and questions in that conversation now use it
    goals = api.client.post("/v1/goals", json={"platform": "teams", "conversation": "chat-42"})
    assert goals.status_code == 200 and goals.json()["municipality"] == "Eksjö"
    # settings are per platform
    other = api.client.get("/v1/settings/municipality",
                           params={"platform": "slack", "conversation": "chat-42"})
    assert other.json()["municipality"] is None


def test_a_users_own_municipality_applies_where_the_conversation_has_none(
        api: RunningApi) -> None:
    put = api.client.put("/v1/settings/municipality", json={
        "platform": "teams", "scope": "user", "user": "U77", "name": "Lilla Edet"})
    assert put.status_code == 200 and put.json()["municipality"] == "Lilla Edet"
    elsewhere = api.client.get("/v1/settings/municipality", params={
        "platform": "teams", "user": "U77", "conversation": "any-chat"})
    assert elsewhere.json()["municipality"] == "Lilla Edet"
    api.client.put("/v1/settings/municipality", json={
        "platform": "teams", "scope": "conversation", "conversation": "ale-chat", "name": "Ale"})
    there = api.client.get("/v1/settings/municipality", params={
        "platform": "teams", "user": "U77", "conversation": "ale-chat"})
    assert there.json()["municipality"] == "Ale"  # the conversation's setting comes first


def test_an_unknown_municipality_is_a_400_listing_the_known_ones(api: RunningApi) -> None:
    reply = api.client.put("/v1/settings/municipality", json={
        "platform": "teams", "scope": "conversation", "conversation": "chat-43",
        "name": "Atlantis"})
    refusal = error(reply, 400, "invalid_question")
    for name in ("Ale", "Eksjö", "Kungsbacka", "Älmhult"):
        assert name in refusal["message"]
    assert api.store.get_municipality("teams", "chat-43") is None


def test_feedback_on_an_answer_is_stored_with_its_question_and_citations(
        api: RunningApi) -> None:
    answer = ask(api, SWEDISH, platform="teams", user="U5", conversation="C5")
    reply = api.client.post("/v1/feedback", json={"ref": answer["ref"], "user": "U5",
                                                  "verdict": "down"})
    assert reply.status_code == 200, reply.text
    entry_id = reply.json()["id"]
    again = api.client.post("/v1/feedback", json={"ref": answer["ref"], "user": "U5",
                                                  "verdict": "down"})
    assert again.json()["id"] == entry_id  # a repeated click is one entry
    stored = [e for e in api.store.list_feedback(1000) if e.id == entry_id]
    assert len(stored) == 1
    [entry] = stored
    assert (entry.platform, entry.user, entry.channel, entry.verdict, entry.municipality) == (
        "teams", "U5", "C5", "down", "Älmhult")
    assert entry.question == SWEDISH and entry.answer == answer["answer"]
    assert [c["quote"] for c in entry.citations] == [c["quote"] for c in answer["citations"]]


def test_feedback_on_an_unknown_ref_is_expired(api: RunningApi) -> None:
    before = len(api.store.list_feedback(1000))
    reply = api.client.post("/v1/feedback", json={"ref": "0123456789abcdef", "user": "U5",
                                                  "verdict": "up"})
    assert "fråga igen" in error(reply, 404, "expired")["message"]  # Swedish unless asked
    assert len(api.store.list_feedback(1000)) == before


def test_an_exchange_gives_the_question_behind_an_answer(api: RunningApi) -> None:
    answer = ask(api, ENGLISH, platform="teams", user="U6", conversation="C6")
    reply = api.client.get(f"/v1/exchanges/{answer['ref']}")
    assert reply.status_code == 200, reply.text
    assert reply.json() == {"ref": answer["ref"], "question": ENGLISH, "municipality": "Älmhult",
                            "language": "en", "platform": "teams", "user": "U6"}
    error(api.client.get("/v1/exchanges/ffffffffffffffff"), 404, "expired")


def test_a_structured_answer_can_be_given_feedback_too(api: RunningApi) -> None:
    reply = api.client.post("/v1/who", json={"topic": "vänortsavtal", "municipality": "Älmhult",
                                             "user": "U8"})
    ref = reply.json()["ref"]
    feedback = api.client.post("/v1/feedback", json={"ref": ref, "user": "U8", "verdict": "up"})
    assert feedback.status_code == 200
    assert api.commands.exchange(ref) is not None
