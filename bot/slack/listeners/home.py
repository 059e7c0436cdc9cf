"""App Home: when a person opens the app's Home tab, show their municipality's briefing.

The municipality is their own setting (``/policy kommun <namn>`` in a direct message); without
one the tab explains how to choose it, rather than showing nothing. The view is published after
the event is acknowledged: building it reads the policy facts.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.core import ChatRequest, Commands, InvalidQuestionError
from bot.slack.guard import never_silent
from bot.slack.render_briefing import home_setup_view, home_view


def register(app: App, commands: Commands) -> None:
    def acknowledge(ack: Ack) -> None:
        ack()

    @never_silent
    def publish(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        req = ChatRequest(platform="slack", user=event["user"],
                          conversation=event.get("channel", ""), text="")
        try:
            view = home_view(commands.briefing(req))
        except InvalidQuestionError:
            view = home_setup_view(commands.municipalities())
        client.views_publish(user_id=req.user, view=view)

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish])
