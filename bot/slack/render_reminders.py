"""A reminder as a Slack DM: the text with its quote, and "Klar" / "Påminn om en vecka"."""

from __future__ import annotations

import json

from bot.reminders.service import Reminder
from bot.slack.render import Block, SlackMessage, escape, truncate

DONE, SNOOZE = "reminder_done", "reminder_snooze"
SNOOZE_DAYS = 7
_WORDS = {"sv": ("✅ Klar", f"⏰ Påminn om {SNOOZE_DAYS} dagar", "Markerad som klar av",
                 "Påminner igen efter", "av"),
          "en": ("✅ Done", f"⏰ Remind me in {SNOOZE_DAYS} days", "Marked done by",
                 "Reminding again after", "by")}


def button_value(reminder: Reminder, language: str = "sv") -> str:
    """What a click hands back: the reminder's item and period, and the DM's language."""
    return json.dumps({"i": reminder.item, "p": reminder.period, "l": language},
                      ensure_ascii=False)


def reminder_message(reminder: Reminder, text: str, language: str) -> SlackMessage:
    words = _WORDS["en" if language == "en" else "sv"]
    value = button_value(reminder, "en" if language == "en" else "sv")
    blocks: list[Block] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": escape(truncate(text, 2900))}},
        {"type": "actions", "block_id": "reminder", "elements": [
            {"type": "button", "action_id": DONE, "style": "primary", "value": value,
             "text": {"type": "plain_text", "text": words[0]}},
            {"type": "button", "action_id": SNOOZE, "value": value,
             "text": {"type": "plain_text", "text": words[1]}}]}]
    return SlackMessage(text=truncate(text, 2900), blocks=blocks)


def answered_blocks(original: list[Block], language: str, user: str, done: bool,
                    until: str | None) -> list[Block]:
    """The DM after a click: the reminder itself, the buttons replaced by who did what."""
    words = _WORDS["en" if language == "en" else "sv"]
    note = (f"{words[2]} <@{user}>" if done else f"{words[3]} {until} ({words[4]} <@{user}>)")
    kept = [b for b in original if b.get("type") != "actions"]
    return [*kept, {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}]
