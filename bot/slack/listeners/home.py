"""App Home: when a person opens the app's Home tab, show their municipality's briefing.

The municipality is their own setting (``/policy kommun <namn>`` in a direct message); without
one the tab explains how to choose it, rather than showing nothing. What the policy demands
next (reminders overdue or due within 60 days) comes first, when the register is there. The
view is published after the event is acknowledged: building it reads the policy facts.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.core import ChatRequest, Commands, InvalidQuestionError
from bot.reminders.render import when
from bot.reminders.schedule import swedish_today
from bot.reminders.service import Reminders
from bot.slack.guard import never_silent
from bot.slack.render_briefing import home_setup_view, home_view

DUE_DAYS = 60


def due_next(reminders: Reminders | None, municipality: str,
             language: str = "sv") -> list[str]:
    """One line per reminder that is overdue or due within ``DUE_DAYS``."""
    if reminders is None:
        return []
    today = swedish_today()
    return [f"{when(r, today, language)}: {r.subject}"
            for r in reminders.due(today, DUE_DAYS, municipality)]


def register(app: App, commands: Commands, reminders: Reminders | None = None) -> None:
    def acknowledge(ack: Ack) -> None:
        ack()

    @never_silent
    def publish(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        req = ChatRequest(platform="slack", user=event["user"],
                          conversation=event.get("channel", ""), text="")
        try:
            briefing = commands.briefing(req)
            view = home_view(briefing, due_next(reminders, briefing.municipality))
        except InvalidQuestionError:
            view = home_setup_view(commands.municipalities())
        client.views_publish(user_id=req.user, view=view)

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish])
