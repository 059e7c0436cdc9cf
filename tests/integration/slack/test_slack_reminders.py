"""A reminder DM's buttons, over real HTTP: done and snooze are stored and the DM says so."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from slack_harness import RunningBot

from bot.reminders.schedule import swedish_today
from bot.reminders.service import Reminder
from bot.slack.render_reminders import DONE, SNOOZE, button_value, reminder_message

pytestmark = pytest.mark.integration
REMINDER = Reminder("annual", "ale-fact-7", "2025", "Ale", dt.date(2026, 3, 31),
                    "Varje nämnd är ansvarig att årligen redovisa", None)


def posted(language: str = "sv") -> dict[str, object]:
    message = reminder_message(REMINDER, "⏰ Ale – Årlig sammanställning", language)
    return {"type": "message", "ts": "1700000000.000001", "text": message.text,
            "blocks": message.blocks}


def sent_to(bot: RunningBot, user: str) -> None:
    """As ``policyguide reminders --send`` records it."""
    bot.reminders.claim(REMINDER.item, f"{REMINDER.period}/due", f"slack:{user}")


def test_done_is_stored_and_the_buttons_give_way_to_who_did_it(bot: RunningBot) -> None:
    sent_to(bot, "UALM")
    reply = bot.slack.action(DONE, button_value(REMINDER), user="UALM", channel="DALM",
                             message=posted())
    assert reply.status == 200
    update = bot.standin.wait_for("chat.update")  # the listener runs after the ack
    answer = bot.reminders.answers([REMINDER.item])[(REMINDER.item, REMINDER.period)]
    assert (answer.status, answer.actor) == ("done", "slack:UALM")
    blocks = json.loads(update.body["blocks"]) if isinstance(update.body["blocks"], str) \
        else update.body["blocks"]
    assert all(b["type"] != "actions" for b in blocks)
    assert "Markerad som klar av <@UALM>" in json.dumps(blocks, ensure_ascii=False)


def test_snooze_is_stored_for_a_week(bot: RunningBot) -> None:
    sent_to(bot, "UALM")
    bot.slack.action(SNOOZE, button_value(REMINDER, "en"), user="UALM", channel="DALM",
                     message=posted("en"))
    update = bot.standin.wait_for("chat.update")
    answer = bot.reminders.answers([REMINDER.item])[(REMINDER.item, REMINDER.period)]
    assert answer.status == "snoozed"
    assert answer.until == swedish_today() + dt.timedelta(days=7)
    assert bot.reminders.sent(REMINDER.item, REMINDER.period, any_stage=True) == []
    assert "Reminding again after" in json.dumps(update.body, ensure_ascii=False)


def test_a_tampered_button_is_refused_with_an_error_id(bot: RunningBot) -> None:
    bot.slack.action(DONE, "not json", user="UALM", channel="DALM", message=posted())
    said = bot.standin.wait_for("response_url")
    assert "Fel-id" in said.body["text"]
    assert bot.reminders.answers([REMINDER.item]) == {}


def test_someone_it_was_not_sent_to_cannot_answer_it(bot: RunningBot) -> None:
    sent_to(bot, "UALM")
    bot.slack.action(DONE, button_value(REMINDER), user="UOTHER", channel="DOTHER",
                     message=posted())
    said = bot.standin.wait_for("response_url")
    assert "Bara den som fick påminnelsen" in said.body["text"]
    assert bot.reminders.answers([REMINDER.item]) == {}
