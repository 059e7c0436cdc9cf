"""Clicks on a reminder DM: "Klar" marks it done, "Påminn om 7 dagar" snoozes it.

The answer is stored in the reminder log (the same database every scheduler reads), so the
next run of ``policyguide reminders`` honours it; the DM is then updated to say who did what.
Only whom the reminder was sent to, or a register coordinator, may answer it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.reminders.schedule import swedish_today as today
from bot.reminders.service import Reminders
from bot.slack.guard import correlation_id
from bot.slack.render_reminders import DONE, SNOOZE, SNOOZE_DAYS, answered_blocks
from register.errors import PermissionDenied

log = logging.getLogger("policyguide.slack")


def register(app: App, reminders: Reminders) -> None:
    def answer(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        user = (body.get("user") or {}).get("id", "")
        message = body.get("message") or {}
        language = "sv"

        def tell(sv: str, en: str) -> None:
            respond(text=en if language == "en" else sv, response_type="ephemeral",
                    replace_original=False)

        try:
            action = body["actions"][0]
            value = json.loads(action.get("value") or "{}")
            language = "en" if value.get("l") == "en" else "sv"
            done = action["action_id"] == DONE
            until = None if done else today() + dt.timedelta(days=SNOOZE_DAYS)
            reminders.answer(f"slack:{user}", str(value["i"]), str(value["p"]),
                             "done" if done else "snoozed", until=until)
            client.chat_update(channel=body["channel"]["id"], ts=message.get("ts", ""),
                               text=message.get("text", ""),
                               blocks=answered_blocks(message.get("blocks", []), language, user,
                                                      done, until.isoformat() if until else None))
        except PermissionDenied:
            tell("🔒 Bara den som fick påminnelsen, eller en samordnare för registret, kan "
                 "svara på den.", "🔒 Only the person the reminder was sent to, or a register "
                 "coordinator, can answer it.")
        except Exception as exc:  # a tampered button, the database, Slack: never silent
            cid = correlation_id()
            log.warning("reminder answer failed: %r [correlation_id=%s]", exc, cid)
            tell(f"Det gick inte att spara svaret; försök igen. Fel-id: {cid}",
                 f"The answer could not be saved; try again. Error id: {cid}")

    app.action(DONE)(answer)
    app.action(SNOOZE)(answer)
