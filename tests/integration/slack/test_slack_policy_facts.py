"""/policy vem, mål, uppföljning, introduktion and the App Home tab, over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from slack_harness import RunningBot
from slack_requests import home_opened
from slack_standin import Call

from bot.slack.render import MAX_BLOCKS

pytestmark = pytest.mark.integration
VANORT_QUOTE = "Avtal med nya vänorter skall beslutas i KF och tecknas av KS."


def slash(bot: RunningBot, text: str, **kw: Any) -> Call:
    since = bot.standin.mark()
    assert bot.slack.command(text, **kw).status == 200
    return bot.standin.wait_for("response_url", since=since)


def all_text(call: Call) -> str:
    return str(call.blocks()) + str(call.body.get("text", ""))


def test_who_in_an_almhult_channel_names_kf_and_ks_with_the_verbatim_quote(
        bot: RunningBot) -> None:
    slash(bot, "kommun Älmhult", channel="C21")
    reply = slash(bot, "vem vänortsavtal", channel="C21")
    assert reply.body["response_type"] == "ephemeral"
    assert "Kommunfullmäktige (KF)" in reply.body["text"]
    assert "Kommunstyrelsen (KS)" in reply.body["text"]
    quotes = [el["text"] for b in reply.blocks() if b["type"] == "rich_text"
              for q in b["elements"] for el in q["elements"]]
    assert VANORT_QUOTE in quotes


def test_structured_commands_without_a_municipality_say_how_to_set_one(bot: RunningBot) -> None:
    for text in ("vem vänortsavtal", "introduktion", "goals"):
        reply = slash(bot, text, channel="C22")
        assert "/policy kommun" in reply.body["text"], text


def test_goals_and_follow_up_answer_from_the_policy_facts(bot: RunningBot) -> None:
    slash(bot, "kommun Eksjö", channel="C23")
    goals = slash(bot, "mål", channel="C23")
    assert "Syftet med den internationella policyn" in all_text(goals)
    english = slash(bot, "follow-up", channel="C23")
    assert english.body["text"].startswith("According to")
    duties = slash(bot, "uppföljning", channel="C23")
    assert duties.body["text"].startswith("Enligt") and len(duties.blocks()) > 2


def test_introduktion_posts_the_briefing_in_three_parts_with_sections(bot: RunningBot) -> None:
    slash(bot, "kommun Älmhult", channel="C24")
    reply = slash(bot, "introduktion", channel="C24")
    blocks = reply.blocks()
    assert blocks[0] == {"type": "header",
                         "text": {"type": "plain_text", "text": "Introduktion: Älmhult"}}
    text = all_text(reply)
    for title in ("Mål och syfte", "Vem beslutar och gör vad", "Uppföljning och redovisning"):
        assert f"*{title}*" in text
    assert "avsnitt «Vänorter»" in text and "Årligen" in text
    assert len(blocks) <= MAX_BLOCKS


def test_app_home_shows_the_briefing_of_the_users_own_municipality(bot: RunningBot) -> None:
    slash(bot, "kommun Eksjö", channel="D30", user="U30")
    since = bot.standin.mark()
    assert bot.slack.event(home_opened("U30")).status == 200
    published = bot.standin.wait_for("views.publish", since=since)
    assert published.body["user_id"] == "U30"
    view = published.body["view"]
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    assert "Introduktion: Eksjö" in str(view)
    assert "Syftet med den internationella policyn" in str(view)


def test_app_home_without_a_municipality_explains_how_to_choose_one(bot: RunningBot) -> None:
    since = bot.standin.mark()
    bot.slack.event(home_opened("U31"))
    view = bot.standin.wait_for("views.publish", since=since).body["view"]
    assert "/policy kommun" in str(view) and "Eksjö" in str(view)


def test_app_home_starts_with_what_the_policy_demands_next(bot: RunningBot) -> None:
    slash(bot, "kommun Älmhult", channel="D32", user="U32")
    since = bot.standin.mark()
    bot.slack.event(home_opened("U32"))
    view = str(bot.standin.wait_for("views.publish", since=since).body["view"])
    assert "Härnäst enligt policyn" in view
    assert "försenad sedan 2010-10-14" in view  # adopted 2003, revised every mandate period
    assert view.index("Introduktion: Älmhult") < view.index("Härnäst") < view.index(
        "Mål och syfte")


def test_the_briefing_starts_with_what_is_due_next(bot: RunningBot) -> None:
    slash(bot, "kommun Älmhult", channel="C33")
    reply = slash(bot, "introduktion", channel="C33")
    text = all_text(reply)
    assert "Härnäst enligt policyn" in text and "försenad sedan 2010-10-14" in text
    assert reply.blocks()[0]["type"] == "header"
    assert text.index("Härnäst") < text.index("Mål och syfte")
    assert len(reply.blocks()) <= MAX_BLOCKS
    english = all_text(slash(bot, "onboarding", channel="C33"))
    assert "Next, as the policy demands" in english and "overdue since 2010-10-14" in english
