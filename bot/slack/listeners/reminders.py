"""Clicks on a reminder DM: "Klar" marks it done, "Påminn om 7 dagar" snoozes it.

The answer is stored in the reminder log (the same database every scheduler reads), so the
next run of ``policyguide reminders`` honours it; the DM is then updated to say who did what.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.slack.guard import correlation_id
from bot.slack.render_reminders import DONE, SNOOZE, SNOOZE_DAYS, answered_blocks
from register.reminder_log import ReminderLog

log = logging.getLogger("policyguide.slack")


def register(app: App, reminders: ReminderLog) -> None:
    def answer(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        action = body["actions"][0]
        user = body["user"]["id"]
        message = body.get("message") or {}
        language = "sv"
        try:
            value = json.loads(action.get("value") or "{}")
            language = "en" if value.get("l") == "en" else "sv"
            done = action["action_id"] == DONE
            until = None if done else dt.date.today() + dt.timedelta(days=SNOOZE_DAYS)
            reminders.answer(str(value["i"]), str(value["p"]), "done" if done else "snoozed",
                             f"slack:{user}", until=until)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            cid = correlation_id()
            log.warning("reminder answer not stored: %s [correlation_id=%s]", exc, cid)
            respond(text=("Det gick inte att spara svaret; försök igen. Fel-id: " if language
                          == "sv" else "The answer could not be saved; try again. Error id: ")
                    + cid, response_type="ephemeral", replace_original=False)
            return
        client.chat_update(channel=body["channel"]["id"], ts=message.get("ts", ""),
                           text=message.get("text", ""),
                           blocks=answered_blocks(message.get("blocks", []), language, user,
                                                  done, until.isoformat() if until else None))

    app.action(DONE)(answer)
    app.action(SNOOZE)(answer)
