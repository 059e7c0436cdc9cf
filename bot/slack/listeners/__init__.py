"""Bolt listeners, one module per kind of interaction, each with ``register(app, commands)``."""

from __future__ import annotations

from slack_bolt import App

from bot.core import Commands
from bot.slack.listeners import actions, policy_command, questions


def register_all(app: App, commands: Commands) -> None:
    for module in (questions, policy_command, actions):
        module.register(app, commands)
