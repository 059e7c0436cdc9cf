"""Asking in Teams: personal chat and channel @mentions, commands, feedback, a person."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from conftest import BOT_ID, COORDINATOR_OID, REPO, Teams, card_of, texts_of

CORPUS = [p.read_text(encoding="utf-8") for p in (REPO / "knowledge" / "corpus").glob("*.txt")]


def quotes(card: dict[str, Any]) -> list[str]:
    """The quote blocks: the first TextBlock of each emphasis container."""
    return [item["items"][0]["text"] for item in card["body"]
            if item.get("type") == "Container" and item.get("style") == "emphasis"]


def actions(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["title"]: a["data"] for a in card.get("actions", [])}


def test_a_personal_question_gets_a_card_with_verbatim_quotes(teams: Teams) -> None:
    sent = teams.say("Vem beslutar om medlemskap i internationella nätverk i Eksjö?")
    assert len(sent) == 1
    assert "text" not in sent[0].body and sent[0].body["summary"]  # the card alone is shown
    card = card_of(sent[0])
    found = quotes(card)
    assert found, texts_of(card)
    assert all(any(q in doc for doc in CORPUS) for q in found)
    assert any("Eksjö" in t and "avsnitt" in t for t in texts_of(card))
    assert set(actions(card)) == {"👍 Bra svar", "👎 Inte bra", "🙋 Fråga en människa"}


def test_an_english_question_is_answered_in_english(teams: Teams) -> None:
    sent = teams.say("Who decides on grants for exchanges in Eksjö?", locale="en-US")
    card = card_of(sent[0])
    assert {"👍 Helpful", "🙋 Ask a person"} <= set(actions(card))
    assert any("section" in t for t in texts_of(card))


def test_a_channel_mention_is_answered_in_its_reply_chain(teams: Teams) -> None:
    activity = teams.activity(
        text="<at>Policyguide</at> Vem skriver under nya vänortsavtal i Älmhult?",
        conversation="19:kanal@thread.tacv2;messageid=1700000000", conversation_type="channel",
        entities=[{"type": "mention", "text": "<at>Policyguide</at>",
                   "mentioned": {"id": BOT_ID, "name": "Policyguide"}}])
    assert teams.post(activity).status_code == 202
    sent = teams.standin.replies("19:kanal@thread.tacv2;messageid=1700000000")
    assert len(sent) == 1 and sent[0].reply_to == activity["id"]
    card = card_of(sent[0])
    assert "Anna Andersson: «Vem skriver under nya vänortsavtal i Älmhult?»" in texts_of(card)


def test_the_municipality_is_kept_per_channel_and_per_user(teams: Teams) -> None:
    channel = "19:eksjo-kanal@thread.tacv2"
    reply = teams.say("kommun Eksjö", conversation=channel, conversation_type="channel")
    assert "Eksjö" in reply[-1].body["text"] and "konversation" in reply[-1].body["text"]
    stored = teams.core("GET", "/v1/settings/municipality",
                        params={"platform": "teams", "conversation": channel})
    assert stored["municipality"] == "Eksjö"
    mine = teams.say("kommun Kungsbacka", user="aad-user-7")
    assert "dina frågor" in mine[-1].body["text"]
    assert teams.core("GET", "/v1/settings/municipality",
                      params={"platform": "teams", "user": "aad-user-7",
                              "conversation": "a:another-chat"})["municipality"] == "Kungsbacka"
    unknown = teams.say("kommun Atlantis", conversation=channel, conversation_type="channel")
    assert "Atlantis" in unknown[-1].body["text"] and "Eksjö" in unknown[-1].body["text"]


def test_who_goals_follow_up_and_briefing_use_the_conversations_municipality(
        teams: Teams) -> None:
    chat = "a:almhult-chat"
    teams.say("kommun Älmhult", conversation=chat)
    who = card_of(teams.say("vem vänortsavtal", conversation=chat)[-1])
    assert "Kommunfullmäktige" in " ".join(texts_of(who))
    goals = card_of(teams.say("mål", conversation=chat)[-1])
    assert quotes(goals)
    follow = card_of(teams.say("follow-up", conversation=chat, locale="en-US")[-1])
    assert "👍 Helpful" in actions(follow)
    briefing = card_of(teams.say("introduktion", conversation=chat)[-1])
    shown = texts_of(briefing)
    assert "Introduktion: Älmhult" in shown and "Vem beslutar och gör vad" in shown
    due = shown.index("Härnäst enligt policyn")  # what the policy demands next, first
    assert due < shown.index("Vem beslutar och gör vad")
    assert any("försenad sedan 2010-10-14" in line for line in shown[due:due + 6])


def test_empty_and_huge_messages_get_a_clear_answer(teams: Teams) -> None:
    empty = teams.say("   ")
    assert "Skriv en fråga" in empty[-1].body["text"]
    huge = teams.say("Vem beslutar? " * 3600)
    assert "för långt" in huge[-1].body["text"] and "50399" in huge[-1].body["text"]
    english = teams.say("Who decides? " * 4000, locale="en-US")
    assert "too long" in english[-1].body["text"]


def test_help_lists_the_commands_in_both_languages(teams: Teams) -> None:
    assert "**vem**" in teams.say("hjälp")[-1].body["text"]
    assert "**who**" in teams.say("help", locale="en-US")[-1].body["text"]


def feedback_rows(data_dir: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(data_dir / "register.db") as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        table = next(t for t in tables if "feedback" in t)
        return list(db.execute(f"select * from {table}"))


def test_feedback_is_stored_and_thanked(teams: Teams, core_data: Path) -> None:
    chat = "a:feedback-chat"
    answer = card_of(teams.say("Vad är syftet med Kungsbackas internationella strategi?",
                               conversation=chat)[-1])
    before = len(feedback_rows(core_data))
    up = actions(answer)["👍 Bra svar"]
    reply = teams.post(teams.activity(value=up, conversation=chat))
    assert reply.status_code == 202
    assert "Tack" in teams.standin.replies(chat)[-1].body["text"]
    assert len(feedback_rows(core_data)) == before + 1


def test_ask_a_person_mentions_the_coordinator(teams: Teams) -> None:
    chat = "19:eksjo-help@thread.tacv2"
    teams.say("kommun Eksjö", conversation=chat, conversation_type="channel")
    answer = card_of(teams.say("Hur ofta ska policyn revideras?", conversation=chat,
                               conversation_type="channel")[-1])
    teams.post(teams.activity(value=actions(answer)["🙋 Fråga en människa"], conversation=chat,
                              conversation_type="channel"))
    escalation = teams.standin.replies(chat)[-1].body
    assert "<at>Karin Samordnare</at>" in escalation["text"]
    assert "Hur ofta ska policyn revideras?" in escalation["text"]
    assert {e["type"] for e in escalation["entities"]} == {"mention"}
    mentioned = {e["mentioned"]["id"] for e in escalation["entities"]}
    assert COORDINATOR_OID in mentioned


def test_an_expired_answer_reference_says_so(teams: Teams) -> None:
    teams.post(teams.activity(value={"action": "feedback", "verdict": "up",
                                     "ref": "0123456789abcdef"}, conversation="a:old"))
    assert "för gammalt" in teams.standin.replies("a:old")[-1].body["text"]


def test_many_questions_from_one_person_are_slowed_down_politely(teams: Teams) -> None:
    chat = "a:flood"
    for _ in range(30):
        sent = teams.say("Vilka mål har Ale?", conversation=chat, user="aad-flooder")
        if "⏳" in (sent[-1].body.get("text") or ""):
            break
    assert "Försök igen om" in sent[-1].body["text"]
    other = teams.say("Vilka mål har Ale?", conversation="a:calm", user="aad-calm")
    assert card_of(other[-1])


def test_a_throttled_connector_is_retried(teams: Teams) -> None:
    teams.standin.throttle = 2
    sent = teams.say("Vilka mål har Lilla Edet?", conversation="a:throttled")
    assert teams.standin.throttled == 2 and len(sent) == 1


def test_installing_the_app_welcomes_once(teams: Teams) -> None:
    chat = "a:new-install"
    members = [{"id": BOT_ID, "name": "Policyguide"}]
    newcomer = {"conversation": chat, "user": "aad-newcomer"}
    teams.post(teams.activity("conversationUpdate", membersAdded=members, **newcomer))
    teams.post(teams.activity("installationUpdate", action="add", **newcomer))
    sent = teams.standin.replies(chat)
    assert len(sent) == 1 and "Policyguide" in sent[0].body["text"]
    assert "kommun NAMN" in sent[0].body["text"]


def test_a_channel_with_a_municipality_gets_the_briefing_on_install(teams: Teams) -> None:
    team = "19:team-general@thread.tacv2"
    teams.say("kommun Lilla Edet", conversation=team, conversation_type="channel")
    teams.post(teams.activity("conversationUpdate", conversation=team,
                              conversation_type="channel",
                              membersAdded=[{"id": BOT_ID, "name": "Policyguide"}]))
    card = card_of(teams.standin.replies(team)[-1])
    assert "Introduktion: Lilla Edet" in texts_of(card)


def test_ask_a_person_from_personal_chat_messages_the_coordinator_directly(teams: Teams) -> None:
    chat = "a:personal-help"
    teams.say("kommun Eksjö", conversation=chat, user="aad-asker-9", sender="Pelle Persson")
    answer = card_of(teams.say("Vem beslutar om bidrag till utbyten?", conversation=chat,
                               user="aad-asker-9", sender="Pelle Persson")[-1])
    click = teams.activity(value=actions(answer)["🙋 Fråga en människa"], conversation=chat,
                           user="aad-asker-9", sender="Pelle Persson")
    teams.post(click)
    assert [m["id"] for m in teams.standin.created[0]["members"]] == [COORDINATOR_OID]
    direct = teams.standin.replies("a:direct-1")
    assert len(direct) == 1 and "Pelle Persson" in direct[0].body["text"]
    assert "Vem beslutar om bidrag till utbyten?" in direct[0].body["text"]
    assert "Karin Samordnare" in teams.standin.replies(chat)[-1].body["text"]
    teams.post({**click, "id": "again"})
    assert len(teams.standin.created) == 1
    assert "redan" in teams.standin.replies(chat)[-1].body["text"]


def test_a_coordinator_who_cannot_be_reached_is_named_to_the_asker(teams: Teams) -> None:
    chat = "a:personal-help-2"
    teams.standin.refuse_create = True
    teams.say("kommun Eksjö", conversation=chat, user="aad-asker-10")
    answer = card_of(teams.say("Vilka mål har policyn?", conversation=chat,
                               user="aad-asker-10")[-1])
    teams.post(teams.activity(value=actions(answer)["🙋 Fråga en människa"], conversation=chat,
                              user="aad-asker-10"))
    told = teams.standin.replies(chat)[-1].body["text"]
    assert "nådde inte Karin Samordnare" in told


def test_an_unknown_button_is_answered(teams: Teams) -> None:
    teams.post(teams.activity(value={"action": "open_form", "line": "x"}, conversation="a:btn"))
    assert "hjälp" in teams.standin.replies("a:btn")[-1].body["text"]


def test_a_follow_up_in_a_channel_reply_chain_is_asked_with_its_question(teams: Teams) -> None:
    root = "19:trad@thread.tacv2;messageid=1711111111"
    teams.say("Vem skriver under avtal med nya vänorter?", conversation=root,
              conversation_type="channel")
    follow = card_of(teams.say("Och i Älmhult?", conversation=root,
                               conversation_type="channel")[-1])
    assert any("tecknas av KS" in q for q in quotes(follow))
