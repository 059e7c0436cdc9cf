"""``policyguide reminders --send``: each reminder to the coordinator by Slack DM, once."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "slack"))
from slack_standin import SlackStandIn  # noqa: E402

from bot.cli import app  # noqa: E402
from knowledge.service import PolicyService  # noqa: E402


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn() as fake:
        yield fake


@pytest.fixture
def send(service: PolicyService, standin: SlackStandIn, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr("bot.cli_reminders.policy_service", lambda *a, **k: service)
    for key, value in {"DATA_DIR": str(tmp_path), "SLACK_BOT_TOKEN": "xoxb-test",
                       "SLACK_API_URL": standin.api_url,
                       "SLACK_COORDINATORS": json.dumps({"Älmhult": "UALM"})}.items():
        monkeypatch.setenv(f"POLICYGUIDE_{key}", value)
    return CliRunner()


def run(runner: CliRunner, *extra: str) -> tuple[int, str]:
    out = runner.invoke(app, ["reminders", "-m", "Älmhult", "--today", "2026-12-08", "--send",
                              *extra])
    return out.exit_code, out.output


def test_each_reminder_is_sent_once_to_the_coordinator(send: CliRunner,
                                                       standin: SlackStandIn) -> None:
    code, output = run(send)
    dms = standin.calls_to("chat.postMessage")
    assert code == 0 and len(dms) >= 2, output
    assert {c.body["channel"] for c in dms} == {"UALM"}
    assert any("revideras under varje ny mandatperiod" in c.body["text"] for c in dms)
    assert f"Sent {len(dms)}," in output
    code, output = run(send)
    assert code == 0 and len(standin.calls_to("chat.postMessage")) == len(dms)
    assert f"already sent before {len(dms)}" in output


def test_a_failed_send_is_reported_and_tried_again_next_run(send: CliRunner,
                                                            standin: SlackStandIn) -> None:
    standin.errors["chat.postMessage"] = "channel_not_found"
    code, output = run(send)
    assert code == 1 and "channel_not_found" in output
    first = len(standin.calls_to("chat.postMessage"))
    code, output = run(send)
    assert code == 0 and "failed 0" in output
    assert len([c for c in standin.calls_to("chat.postMessage")]) > first


def test_a_municipality_without_a_coordinator_is_named(
        send: CliRunner, standin: SlackStandIn) -> None:
    out = send.invoke(app, ["reminders", "-m", "Ale", "--today", "2026-12-08", "--send"])
    assert out.exit_code == 0 and "No coordinator for Ale" in out.output
    assert standin.calls_to("chat.postMessage") == []


def test_sending_without_a_slack_token_is_refused(send: CliRunner,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYGUIDE_SLACK_BOT_TOKEN")
    code, output = run(send)
    assert code == 2 and "POLICYGUIDE_SLACK_BOT_TOKEN" in output


def test_the_weekly_digest_is_one_message_once_a_week(send: CliRunner,
                                                      standin: SlackStandIn) -> None:
    code, output = run(send, "--digest")
    digests = standin.calls_to("chat.postMessage")
    assert code == 0 and len(digests) == 1, output
    text = digests[0].body["text"]
    assert text.startswith("Det policyerna kräver härnäst (2026-12-08)")
    assert text.count("Älmhult –") >= 2
    assert "Utkast: policyguide register report --year 2025 -m \"Älmhult\"" in text
    code, output = run(send, "--digest")
    assert "already sent this week 1" in output and len(standin.calls_to("chat.postMessage")) == 1
    later = send.invoke(app, ["reminders", "-m", "Älmhult", "--today", "2026-12-15", "--send",
                              "--digest"])
    assert later.exit_code == 0 and len(standin.calls_to("chat.postMessage")) == 2


def test_scheduling_options_need_send(send: CliRunner) -> None:
    for extra in (["--digest"], ["--daily-at", "07:30"]):
        out = send.invoke(app, ["reminders", *extra])
        assert out.exit_code == 2 and "--send" in out.output
    bad = send.invoke(app, ["reminders", "--send", "--daily-at", "25:99"])
    assert bad.exit_code == 2
