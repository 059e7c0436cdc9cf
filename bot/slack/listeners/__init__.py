"""Bolt listeners, one module per kind of interaction, each with ``register(app, …)``.

The register's listeners (``/aktivitet``, its modal and the message shortcut) are added only when
an ``ActivityDesk`` is given, so the question bot also runs without a register.
"""

from __future__ import annotations

from slack_bolt import App

from bot.activity_desk import ActivityDesk
from bot.core import Commands
from bot.reminders.service import Reminders
from bot.slack.listeners import (
    actions,
    activity_command,
    activity_modal,
    home,
    policy_command,
    questions,
    reminders,
)


def register_all(app: App, commands: Commands, desk: ActivityDesk | None = None,
                 due: Reminders | None = None) -> None:
    for module in (questions, actions):
        module.register(app, commands)
    policy_command.register(app, commands, due)
    home.register(app, commands, due)
    if desk is not None:
        activity_command.register(app, commands, desk)
        activity_modal.register(app, commands, desk)
    if due is not None:
        reminders.register(app, due)
