"""What the Slack tests share: the settings of a test bot and the handle of a running one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slack_requests import SignedSlack
from slack_standin import SlackStandIn

from bot.core import Commands
from bot.settings import Settings
from register.chat_state import ChatStateStore
from register.reminder_log import ReminderLog
from register.service import RegisterService

SECRET = "test-signing-secret"
COORDINATOR = "UCOORD"  # the international coordinator "Fråga en människa" mentions
REGISTRAR = "UREG"  # a register coordinator: may log activities


@dataclass
class RunningBot:
    slack: SignedSlack
    standin: SlackStandIn
    commands: Commands
    store: ChatStateStore
    register: RegisterService
    reminders: ReminderLog


def bot_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir, "slack_signing_secret": SECRET, "slack_bot_token": "xoxb-test",
        "slack_coordinators": {"Eksjö": COORDINATOR}, "chat_rate_limit_burst": 50,
        "chat_rate_limit_per_minute": 600, "coordinators": [f"slack:{REGISTRAR}", "cli:*"],
        **overrides}
    return Settings(_env_file=None, **values)
