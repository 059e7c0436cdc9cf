"""The register from Teams: the dialog form, its refusals, lists and the annual report."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import httpx
from conftest import COORDINATOR_OID, Teams, card_of, texts_of

LINE = "Utbyte med Time kommun, Norge, 3–7 maj 2026, 12 deltagare, kultur- och fritidsnämnden"


def open_form(teams: Teams, user: str, chat: str) -> dict[str, Any]:
    """Say "aktivitet <line>", click the card's button; the dialog Teams would show."""
    invite = card_of(teams.say(f"aktivitet {LINE}", user=user, conversation=chat)[-1])
    data = invite["actions"][0]["data"]
    assert data["msteams"] == {"type": "task/fetch"}
    reply = teams.post(teams.activity("invoke", name="task/fetch", user=user, conversation=chat,
                                      value={"data": data}))
    assert reply.status_code == 200
    body: dict[str, Any] = reply.json()
    return body


def inputs(card: dict[str, Any]) -> dict[str, Any]:
    return {i["id"]: i.get("value") for i in card["body"] if i["type"].startswith("Input.")}


def submit(teams: Teams, user: str, chat: str, card: dict[str, Any],
           **changes: str) -> dict[str, Any]:
    data = {**card["actions"][0]["data"], **inputs(card), **changes}
    reply = teams.post(teams.activity("invoke", name="task/submit", user=user, conversation=chat,
                                      value={"data": data}))
    assert reply.status_code == 200
    body: dict[str, Any] = reply.json()
    return body


def titles(teams: Teams) -> list[str]:
    return [a["title"] for a in teams.core("GET", "/v1/register/activities")["activities"]]


def test_a_non_coordinator_is_refused_and_gets_no_form(teams: Teams) -> None:
    sent = teams.say(f"aktivitet {LINE}", user="aad-visitor", conversation="a:visitor")
    assert "Bara internationella samordnare" in sent[-1].body["text"]
    sneaky = teams.post(teams.activity(
        "invoke", name="task/fetch", user="aad-visitor", conversation="a:visitor",
        value={"data": {"action": "open_form", "line": LINE}}))
    assert "Bara internationella samordnare" in sneaky.json()["task"]["value"]
    forged = teams.post(teams.activity(
        "invoke", name="task/submit", user="aad-visitor", conversation="a:visitor",
        value={"data": {"action": "save", "line": LINE, "title": "Smuggel"}}))
    assert "Bara internationella samordnare" in forged.json()["task"]["value"]
    assert "Smuggel" not in titles(teams)


def test_the_form_is_prefilled_and_a_bad_date_is_shown_by_field(teams: Teams) -> None:
    chat = "a:coordinator-1"
    teams.say("kommun Eksjö", user=COORDINATOR_OID, conversation=chat)
    dialog = open_form(teams, COORDINATOR_OID, chat)["task"]
    assert dialog["type"] == "continue"
    card = dialog["value"]["card"]["content"]
    values = inputs(card)
    assert values["start_date"] == "2026-05-03" and values["end_date"] == "2026-05-07"
    assert values["country"] == "Norge" and values["participants"] == 12
    before = titles(teams)
    again = submit(teams, COORDINATOR_OID, chat, card, end_date="2026-04-01",
                   title="Kulturutbyte Time")["task"]
    assert again["type"] == "continue"
    shown = texts_of(again["value"]["card"]["content"])
    assert any(t.startswith("❗") for t in shown) and "Rätta fälten" in " ".join(shown)
    assert inputs(again["value"]["card"]["content"])["title"] == "Kulturutbyte Time"
    assert titles(teams) == before


def test_a_valid_form_is_stored_confirmed_and_listed(teams: Teams) -> None:
    chat = "a:coordinator-2"
    teams.say("kommun Eksjö", user=COORDINATOR_OID, conversation=chat)
    card = open_form(teams, COORDINATOR_OID, chat)["task"]["value"]["card"]["content"]
    done = submit(teams, COORDINATOR_OID, chat, card, title="Kulturutbyte med Time 2026",
                  form="municipal_partnership", status="completed")["task"]
    assert done["type"] == "message", texts_of(done)
    assert "Sparad i registret" in done["value"]
    assert "Sparad i registret" in teams.standin.replies(chat)[-1].body["text"]
    stored = [a for a in teams.core("GET", "/v1/register/activities", params={"year": 2026})[
        "activities"] if a["title"] == "Kulturutbyte med Time 2026"]
    assert len(stored) == 1 and stored[0]["country"] == "NO"
    listed = card_of(teams.say("aktivitet lista 2026", user=COORDINATOR_OID,
                               conversation=chat)[-1])
    assert any("Kulturutbyte med Time 2026" in t for t in texts_of(listed))
    follow = card_of(teams.say("aktivitet uppföljning", user=COORDINATOR_OID,
                               conversation=chat)[-1])
    waiting = " ".join(texts_of(follow))
    assert "Kulturutbyte med Time 2026" in waiting and "saknas" in waiting


def test_the_annual_report_is_a_signed_link_in_personal_chat_only(teams: Teams) -> None:
    channel = teams.say("rapport 2026", conversation="19:c@thread.tacv2",
                        conversation_type="channel")
    assert "personlig chatt" in channel[-1].body["text"]
    assert "fyra siffror" in teams.say("rapport tjugo", conversation="a:r")[-1].body["text"]
    refused = teams.say("rapport 2026", user="aad-visitor", conversation="a:r1")
    assert "Bara internationella samordnare" in refused[-1].body["text"]
    card = card_of(teams.say("rapport 2026", user=COORDINATOR_OID, conversation="a:r2")[-1])
    url = card["actions"][0]["url"]
    assert url.startswith("http://bot.test/files/")
    path = urlparse(url).path
    got = httpx.get(f"{teams.bot_url}{path}")
    assert got.status_code == 200 and got.content[:2] == b"PK"
    assert "attachment" in got.headers["content-disposition"]
    tampered = httpx.get(f"{teams.bot_url}{path[:-3]}xyz")
    assert tampered.status_code == 403
    assert httpx.get(f"{teams.bot_url}/files/abc.%C3%A4").status_code == 403


def test_an_unknown_dialog_is_not_silently_accepted(teams: Teams) -> None:
    reply = teams.post(teams.activity("invoke", name="composeExtension/query",
                                      value={"data": {}}))
    assert reply.status_code == 501


def test_ticked_goals_are_stored_whole(teams: Teams) -> None:
    chat = "a:coordinator-goals"
    teams.say("kommun Eksjö", user=COORDINATOR_OID, conversation=chat)
    card = open_form(teams, COORDINATOR_OID, chat)["task"]["value"]["card"]["content"]
    goals = next(i for i in card["body"] if i.get("id") == "goals")
    refs = card["actions"][0]["data"]["goal_refs"]
    assert len(goals["choices"]) == len(refs) >= 2
    done = submit(teams, COORDINATOR_OID, chat, card, title="Målutbyte med Time",
                  form="municipal_partnership", goals="0,1")["task"]
    assert done["type"] == "message", done
    stored = next(a for a in teams.core("GET", "/v1/register/activities")["activities"]
                  if a["title"] == "Målutbyte med Time")
    assert stored["goals"] == refs[:2]


def test_a_sender_without_an_entra_id_cannot_write_even_with_a_coordinators_id(
        teams: Teams) -> None:
    activity = teams.activity("invoke", name="task/fetch", user=COORDINATOR_OID,
                              conversation="a:spoof",
                              value={"data": {"action": "open_form", "line": LINE}})
    del activity["from"]["aadObjectId"]
    activity["from"]["id"] = COORDINATOR_OID
    reply = teams.post(activity)
    assert "Bara internationella samordnare" in reply.json()["task"]["value"]
