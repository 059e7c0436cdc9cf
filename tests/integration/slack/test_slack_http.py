"""The Slack bot over real HTTP: signed requests in, calls to the Web API stand-in out."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from slack_harness import COORDINATOR, RunningBot
from slack_requests import direct_message, mention
from slack_standin import Call

from bot.slack.render import ESCALATE, FEEDBACK_DOWN, FEEDBACK_UP, SHARE
from knowledge.models import Answer
from knowledge.service import PolicyService

pytestmark = pytest.mark.integration
NETWORK_Q = "Vem beslutar om medlemskap i nätverk?"


def quotes(call: Call) -> list[str]:
    """The verbatim quote text of every quote block (markers such as "[…]" are styled)."""
    return [el["text"] for b in call.blocks() if b["type"] == "rich_text"
            for q in b["elements"] for el in q["elements"] if "style" not in el]


def sources(call: Call) -> list[str]:
    return [b["elements"][0]["text"] for b in call.blocks() if b["type"] == "context"]


def button(call: Call, action_id: str) -> dict[str, Any]:
    return next(e for b in call.blocks() if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == action_id)


def answered(bot: RunningBot, event: dict[str, Any]) -> Call:
    """Deliver an event; return the chat.update that replaced its "thinking" placeholder."""
    since = bot.standin.mark()
    assert bot.slack.event(event).status == 200
    thread = event.get("thread_ts") or event["ts"]
    placeholder = bot.standin.wait_for(
        "chat.postMessage", lambda c: c.body.get("thread_ts") == thread and "🔎" in c.body["text"],
        since=since)
    return bot.standin.wait_for("chat.update", lambda c: c.body["ts"] == placeholder.reply["ts"],
                                since=since)


def privately_answered(bot: RunningBot, text: str, **kw: Any) -> Call:
    """Run ``/policy text``; return what the bot sent to the command's response_url."""
    since = bot.standin.mark()
    reply = bot.slack.command(text, **kw)
    assert reply.status == 200
    return bot.standin.wait_for("response_url", since=since)


def as_posted(update: Call, event: dict[str, Any]) -> dict[str, Any]:
    """The answer message as Slack hands it back in a block_actions payload."""
    return {"type": "message", "ts": update.body["ts"],
            "thread_ts": event.get("thread_ts") or event["ts"]}


def test_mention_is_answered_in_its_thread_with_verbatim_quotes(
        bot: RunningBot, service: PolicyService) -> None:
    event = mention("Vem beslutar om medlemskap i nätverk i Eksjö?")
    update = answered(bot, event)
    assert update.body["channel"] == "C1" and "Kommunstyrelsen" in update.body["text"]
    eksjo = next(d for d in service.documents.values() if d.municipality == "Eksjö")
    found = quotes(update)
    assert found and all(q in eksjo.text for q in found)
    assert any("*Eksjö*" in s and "Ansvar och organisation" in s for s in sources(update))
    assert button(update, FEEDBACK_UP)["value"] and button(update, ESCALATE)


def test_direct_message_is_answered_in_a_thread_in_the_question_language(bot: RunningBot) -> None:
    event = direct_message("Who decides on grants for projects and exchanges in Eksjö?")
    update = answered(bot, event)
    assert update.body["channel"] == "D1"
    assert update.body["text"].startswith("According to") and "Helpful" in str(update.blocks())
    assert any("bidrag till projekt och utbyten" in q for q in quotes(update))


def test_slash_command_answers_privately_and_the_share_button_posts_it(bot: RunningBot) -> None:
    since = bot.standin.mark()
    ack = bot.slack.command("Vem skriver under avtal med nya vänorter i Älmhult?")
    assert ack.status == 200 and "🔎" in ack.body  # the placeholder comes with the ack
    private = bot.standin.wait_for("response_url", since=since)
    assert private.body["response_type"] == "ephemeral"
    assert any("tecknas av KS" in q for q in quotes(private))
    share = button(private, SHARE)
    shared_mark = bot.standin.mark()
    assert bot.slack.action(SHARE, share["value"], user="U2").status == 200
    post = bot.standin.wait_for("chat.postMessage", since=shared_mark)
    assert post.body["channel"] == "C1" and "<@U2>" in str(post.blocks())
    assert quotes(post) == quotes(private)
    deleted = bot.standin.wait_for("response_url", since=shared_mark)
    assert deleted.body.get("delete_original") is True


def test_feedback_is_stored_with_question_answer_and_citations(bot: RunningBot) -> None:
    event = mention("Vem beslutar om medlemskap i nätverk i Eksjö?")
    update = answered(bot, event)
    since = bot.standin.mark()
    ref = button(update, FEEDBACK_DOWN)["value"]
    bot.slack.action(FEEDBACK_DOWN, ref, user="U9", message=as_posted(update, event))
    thanks = bot.standin.wait_for("chat.postEphemeral", since=since)
    assert thanks.body["user"] == "U9" and "Tack" in thanks.body["text"]
    [entry] = bot.store.list_feedback()
    assert (entry.verdict, entry.user, entry.channel, entry.municipality) == (
        "down", "U9", "C1", "Eksjö")
    assert "nätverk" in entry.question and "Kommunstyrelsen" in entry.answer
    assert [c["quote"] for c in entry.citations] == quotes(update)
    assert thanks.body["thread_ts"] == event["ts"]


def test_ask_a_person_mentions_the_coordinator_in_the_thread(bot: RunningBot) -> None:
    event = mention("Vem beslutar om medlemskap i nätverk i Eksjö?")
    update = answered(bot, event)
    since = bot.standin.mark()
    bot.slack.action(ESCALATE, button(update, ESCALATE)["value"],
                     message=as_posted(update, event))
    post = bot.standin.wait_for("chat.postMessage", since=since)
    assert post.body["thread_ts"] == event["ts"]
    assert f"<@{COORDINATOR}>" in post.body["text"] and "<@U1>" in post.body["text"]
    assert "nätverk" in post.body["text"]


def test_ask_a_person_without_a_coordinator_says_so(bot: RunningBot) -> None:
    event = mention("Vem skriver under avtal med nya vänorter i Älmhult?")
    update = answered(bot, event)
    since = bot.standin.mark()
    bot.slack.action(ESCALATE, button(update, ESCALATE)["value"],
                     message=as_posted(update, event))
    note = bot.standin.wait_for("chat.postEphemeral", since=since)
    assert "Älmhult" in note.body["text"] and "POLICYGUIDE_SLACK_COORDINATORS" in note.body["text"]


def test_channel_municipality_is_used_by_later_questions(bot: RunningBot) -> None:
    set_reply = privately_answered(bot, "kommun eksjo", channel="C7")
    assert "Eksjö" in set_reply.body["text"]
    update = answered(bot, mention(NETWORK_Q, channel="C7"))
    assert {s.split("*")[1] for s in sources(update) if s.startswith("*")} == {"Eksjö"}
    other = answered(bot, mention("Vem skriver under avtal med nya vänorter i Älmhult?",
                                  channel="C7"))
    assert any("tecknas av KS" in q for q in quotes(other))  # naming another still works


def test_a_users_own_setting_from_a_direct_message_applies_in_channels(bot: RunningBot) -> None:
    privately_answered(bot, "kommun Eksjö", channel="D5", user="U5")
    update = answered(bot, mention(NETWORK_Q, channel="C8", user="U5"))
    assert "Kommunstyrelsen" in update.body["text"] and "Eksjö" in update.body["text"]


def test_unknown_municipality_is_refused_with_a_hint(bot: RunningBot) -> None:
    reply = privately_answered(bot, "kommun Eksjo stad kommun x")
    assert "Okänd kommun" in reply.body["text"]  # a Swedish command, answered in Swedish
    assert bot.store.get_municipality("slack", "C1") is None


def test_follow_up_in_a_thread_keeps_municipality_and_context(bot: RunningBot) -> None:
    first = mention("Vem beslutar om medlemskap i nätverk i Eksjö?", channel="C3")
    answered(bot, first)
    same = answered(bot, mention("Vem beslutar om bidrag till projekt och utbyten?",
                                 channel="C3", thread_ts=first["ts"]))
    assert any("bidrag till projekt och utbyten" in q for q in quotes(same))
    assert "Eksjö" in same.body["text"]
    start = mention("Vem skriver under avtal med nya vänorter?", channel="C4")
    answered(bot, start)
    follow = answered(bot, mention("Och i Älmhult?", channel="C4", thread_ts=start["ts"]))
    assert any("tecknas av KS" in q for q in quotes(follow))


@pytest.mark.parametrize("signing", [{"secret": "not-the-secret"},
                                     {"timestamp": int(time.time()) - 10 * 60}],
                         ids=["bad-signature", "stale-timestamp"])
def test_unsigned_or_stale_requests_get_401_and_nothing_is_posted(
        bot: RunningBot, signing: dict[str, Any]) -> None:
    assert bot.slack.command(NETWORK_Q, **signing).status == 401
    assert bot.slack.event(mention(NETWORK_Q), **signing).status == 401
    assert bot.slack.command(NETWORK_Q).status == 200  # a good one still passes, and is the
    bot.standin.wait_for("response_url")  # only thing that reached Slack
    assert [c.method for c in bot.standin.calls if c.method != "auth.test"] == ["response_url"]


def test_empty_question_gets_a_friendly_message(bot: RunningBot) -> None:
    reply = privately_answered(bot, "   ")
    assert "⚠️" in reply.body["text"] and "tom" in reply.body["text"]


def test_a_50_kb_question_gets_a_friendly_message(bot: RunningBot) -> None:
    update = answered(bot, mention("Vem beslutar? " + "x" * 50_000))
    assert "⚠️" in update.body["text"] and "gränsen är 2000" in update.body["text"]
    assert "limit" not in update.body["text"]  # one language: the question's


def test_rate_limit_refusal_says_when_to_try_again(
        start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(chat_rate_limit_burst=2, chat_rate_limit_per_minute=1)
    for _ in range(2):
        assert "Kommunstyrelsen" in privately_answered(bot, NETWORK_Q + " Eksjö").body["text"]
    refused = privately_answered(bot, NETWORK_Q + " Eksjö")
    seconds = re.search(r"Försök igen om (\d+) sekunder", refused.body["text"])
    assert seconds and 1 <= int(seconds.group(1)) <= 60
    other_user = privately_answered(bot, NETWORK_Q + " Eksjö", user="U77")
    assert "Kommunstyrelsen" in other_user.body["text"]


def test_an_unexpected_error_gives_a_friendly_message_with_a_correlation_id(
        bot: RunningBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(question: str, municipality: str | None = None) -> Answer:
        raise RuntimeError("index exploded")

    monkeypatch.setattr(bot.commands.service, "answer", broken)
    with caplog.at_level(logging.ERROR, logger="policyguide.slack"):
        update = answered(bot, mention(NETWORK_Q))
    cid = re.search(r"fel-id `([0-9a-f]{10})`", update.body["text"])
    assert cid, update.body["text"]
    logged = [r for r in caplog.records if cid.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log


def test_requests_are_acknowledged_before_the_answer_is_worked_out(
        bot: RunningBot, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real_ask = bot.commands.service.answer

    def slow(question: str, municipality: str | None = None) -> Answer:
        assert release.wait(30)
        return real_ask(question, municipality)

    monkeypatch.setattr(bot.commands.service, "answer", slow)
    ack = bot.slack.command(NETWORK_Q + " Eksjö")  # returns while the core is still blocked
    assert ack.status == 200 and not bot.standin.calls_to("response_url")
    release.set()
    assert "Kommunstyrelsen" in bot.standin.wait_for("response_url").body["text"]


def test_sharing_into_a_channel_without_the_bot_explains_the_invite(bot: RunningBot) -> None:
    private = privately_answered(bot, NETWORK_Q + " Eksjö", channel="G1")
    bot.standin.errors["chat.postMessage"] = "not_in_channel"
    since = bot.standin.mark()
    bot.slack.action(SHARE, button(private, SHARE)["value"], channel="G1")
    note = bot.standin.wait_for("response_url", since=since)
    assert "/invite @Policyguide" in note.body["text"]


def test_a_message_slack_refuses_is_replaced_by_an_error_with_an_id(bot: RunningBot) -> None:
    bot.standin.errors["chat.update"] = "invalid_blocks"
    bot.slack.event(mention(NETWORK_Q + " Eksjö"))
    retry = bot.standin.wait_for("chat.update", lambda c: "fel-id" in c.body["text"])
    assert retry.reply["ok"] is True and "blocks" not in retry.body
