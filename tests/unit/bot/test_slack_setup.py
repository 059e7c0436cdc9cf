"""Starting the Slack bot: settings checked per mode, manifest and listeners in agreement."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.core import Commands, InMemoryChatState
from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.listeners.policy_command import SUBCOMMANDS, ask_privately, route
from bot.slack.render_modal import SHORTCUT
from bot.slack.run import SlackConfigError, check_slack_settings

MANIFEST = Path(__file__).resolve().parents[3] / "bot" / "slack" / "manifest.yml"


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)


@pytest.mark.parametrize("mode, values, missing", [
    ("socket", {"slack_bot_token": "xoxb-1"}, "POLICYGUIDE_SLACK_APP_TOKEN"),
    ("socket", {"slack_app_token": "xapp-1"}, "POLICYGUIDE_SLACK_BOT_TOKEN"),
    ("http", {"slack_bot_token": "xoxb-1", "slack_app_token": "xapp-1"},
     "POLICYGUIDE_SLACK_SIGNING_SECRET"),
    ("http", {"slack_bot_token": "xapp-wrong", "slack_signing_secret": "s"},
     "POLICYGUIDE_SLACK_BOT_TOKEN should start with 'xoxb-'"),
])
def test_each_mode_names_the_missing_variable(mode: str, values: dict[str, str],
                                              missing: str) -> None:
    with pytest.raises(SlackConfigError, match=missing):
        check_slack_settings(settings(**values), mode)


def test_complete_settings_pass() -> None:
    check_slack_settings(settings(slack_bot_token="xoxb-1", slack_app_token="xapp-1"), "socket")
    check_slack_settings(settings(slack_bot_token="xoxb-1", slack_signing_secret="s"), "http")


def test_settings_read_coordinators_and_secrets_from_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYGUIDE_SLACK_COORDINATORS", '{"Eksjö": "U012"}')
    monkeypatch.setenv("POLICYGUIDE_SLACK_BOT_TOKEN", "xoxb-secret")
    loaded = settings()
    assert loaded.slack_coordinators == {"Eksjö": "U012"}
    assert "xoxb-secret" not in repr(loaded)


def test_cli_refuses_to_start_without_tokens(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    for name in ("BOT_TOKEN", "APP_TOKEN", "SIGNING_SECRET"):
        monkeypatch.delenv(f"POLICYGUIDE_SLACK_{name}", raising=False)
    result = CliRunner().invoke(cli, ["slack", "--mode", "http"])
    assert result.exit_code == 2
    assert "POLICYGUIDE_SLACK_BOT_TOKEN" in result.output
    assert "POLICYGUIDE_SLACK_SIGNING_SECRET" in result.output


def test_the_app_builds_offline_without_calling_slack() -> None:
    app = build_app(Commands(object(), InMemoryChatState()),  # type: ignore[arg-type]
                    settings(slack_bot_token="xoxb-not-checked", slack_signing_secret="s"))
    assert app.client.token == "xoxb-not-checked"  # auth.test waits for the first request


def test_manifest_declares_what_the_app_listens_to() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands == {"/policy", "/aktivitet"}
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_home_opened", "app_mention", "message.im"}
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert [s["callback_id"] for s in manifest["features"]["shortcuts"]] == [SHORTCUT]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "files:write"} <= scopes


def test_router_sends_known_words_to_their_subcommand_and_the_rest_to_a_question() -> None:
    assert route("kommun Eksjö") == (SUBCOMMANDS["kommun"], "Eksjö")
    assert route("Kommun  ") == (SUBCOMMANDS["kommun"], "")
    assert route("Kommunstyrelsen beslutar vad?") == (ask_privately,
                                                      "Kommunstyrelsen beslutar vad?")
    assert route("vem vänortsavtal") == (SUBCOMMANDS["vem"], "vänortsavtal")
    assert route("Who twin towns") == (SUBCOMMANDS["vem"], "twin towns")
    assert route("Vem beslutar om nätverk?") == (ask_privately, "Vem beslutar om nätverk?")
    assert route("Vem beslutar? Eksjö")[0] is ask_privately
    assert route("introduktion") == (SUBCOMMANDS["onboarding"], "")
