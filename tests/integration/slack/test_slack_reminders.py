"""A reminder DM's buttons, over real HTTP: done and snooze are stored and the DM says so."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from slack_harness import RunningBot

from bot.reminders.service import Reminder
from bot.slack.render_reminders import DONE, SNOOZE, button_value, reminder_message

pytestmark = pytest.mark.integration
REMINDER = Reminder("annual", "ale-fact-7", "2025", "Ale", dt.date(2026, 3, 31),
                    "Varje nämnd är ansvarig att årligen redovisa", None)


def posted(language: str = "sv") -> dict[str, object]:
    message = reminder_message(REMINDER, "⏰ Ale – Årlig sammanställning", language)
    return {"type": "message", "ts": "1700000000.000001", "text": message.text,
            "blocks": message.blocks}


def test_done_is_stored_and_the_buttons_give_way_to_who_did_it(bot: RunningBot) -> None:
    reply = bot.slack.action(DONE, button_value(REMINDER), user="UALM", channel="DALM",
                             message=posted())
    assert reply.status == 200
    answer = bot.reminders.answers([REMINDER.item])[(REMINDER.item, REMINDER.period)]
    assert (answer.status, answer.actor) == ("done", "slack:UALM")
    update = bot.standin.wait_for("chat.update")
    blocks = json.loads(update.body["blocks"]) if isinstance(update.body["blocks"], str) \
        else update.body["blocks"]
    assert all(b["type"] != "actions" for b in blocks)
    assert "Markerad som klar av <@UALM>" in json.dumps(blocks, ensure_ascii=False)


def test_snooze_is_stored_for_a_week(bot: RunningBot) -> None:
    bot.slack.action(SNOOZE, button_value(REMINDER, "en"), user="UALM", channel="DALM",
                     message=posted("en"))
    answer = bot.reminders.answers([REMINDER.item])[(REMINDER.item, REMINDER.period)]
    assert answer.status == "snoozed"
    assert answer.until == dt.date.today() + dt.timedelta(days=7)
    update = bot.standin.wait_for("chat.update")
    assert "Reminding again after" in json.dumps(update.body, ensure_ascii=False)


def test_a_tampered_button_is_refused_with_an_error_id(bot: RunningBot) -> None:
    bot.slack.action(DONE, "not json", user="UALM", channel="DALM", message=posted())
    said = bot.standin.wait_for("response_url")
    assert "Fel-id" in said.body["text"]
    assert bot.reminders.answers([REMINDER.item]) == {}
