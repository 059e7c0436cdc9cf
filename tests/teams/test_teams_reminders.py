"""Reminders in Teams personal chat: proactive, once per coordinator, answered by button."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from typing import Any

import httpx
from conftest import COORDINATOR_OID, REPO, Teams, card_of, texts_of
from harness import API_KEY, bot_settings
from standins import APP_ID, APP_SECRET, TENANT

from bot.teams.core_client import CoreClient
from bot.teams.reminders import Sent, send_digest, send_reminders
from bot.teams.server import build_adapter, report_links

TODAY = "2026-12-08"


def send(teams: Teams, coordinator: str = COORDINATOR_OID, municipality: str = "Eksjö",
         **kwargs: Any) -> Sent:
    """Send as the cron job does; each test names its own coordinator, since claims are kept
    in the session's one core database."""
    settings = bot_settings(teams.core_api, teams.standin).model_copy(
        update={"coordinators": {municipality: f"Karin Samordnare|{coordinator}"}})
    kwargs["municipality"] = municipality

    async def run() -> Sent:
        core = CoreClient(teams.core_api, API_KEY)
        try:
            return await send_reminders(settings, core, build_adapter(settings), today=TODAY,
                                        links=report_links(settings), **kwargs)
        finally:
            await core.close()

    return asyncio.run(run())


def direct_cards(teams: Teams) -> list[dict[str, Any]]:
    return [card_of(s) for s in teams.standin.sent if s.conversation.startswith("a:direct-")]


def due(teams: Teams) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = teams.core("GET", "/v1/reminders", params={
        "municipality": "Eksjö", "today": TODAY, "within_days": 30})["reminders"]
    return found


def test_each_reminder_reaches_the_coordinator_once_with_its_quote(teams: Teams) -> None:
    expected = len(due(teams))
    result = send(teams, municipality="Eksjö")
    assert result.sent == expected >= 2 and not result.failed
    assert {m["id"] for c in teams.standin.created for m in c["members"]} == {COORDINATOR_OID}
    teams.standin.created.clear()
    shown = [" ".join(texts_of(c)) for c in direct_cards(teams)]
    assert any("utvärderas en gång per mandatperiod" in t for t in shown)
    assert all("Eksjö" in t for t in shown)
    again = send(teams, municipality="Eksjö")
    assert (again.sent, again.skipped) == (0, expected)
    assert len(direct_cards(teams)) == expected and not teams.standin.created
    other = send(teams, coordinator="aad-deputy", municipality="Eksjö")
    assert other.sent == expected  # once per recipient
    assert len(direct_cards(teams)) == 2 * expected


def test_done_and_snooze_from_the_card_are_stored(teams: Teams) -> None:
    send(teams, coordinator="aad-coord-answers", municipality="Eksjö")
    cards = direct_cards(teams)
    done = next(a["data"] for a in cards[0]["actions"] if a["data"]["answer"] == "done")
    snooze = next(a["data"] for a in cards[1]["actions"] if a["data"]["answer"] == "snooze")
    chat = "a:direct-1"
    teams.post(teams.activity(value=done, user=COORDINATOR_OID, conversation=chat))
    assert "Markerad som klar" in teams.standin.replies(chat)[-1].body["text"]
    teams.post(teams.activity(value=snooze, user=COORDINATOR_OID, conversation=chat))
    assert "påminner igen efter" in teams.standin.replies(chat)[-1].body["text"]
    left = {(r["item"], r["period"]) for r in due(teams)}
    assert (done["item"], done["period"]) not in left
    assert (snooze["item"], snooze["period"]) not in left


def test_a_failed_send_is_reported_and_sent_next_time(teams: Teams) -> None:
    teams.standin.refuse_create = True
    settings = bot_settings(teams.core_api, teams.standin)
    assert settings.coordinator("Lilla Edet") is None

    failing = send(teams, coordinator="aad-coord-fails", municipality="Älmhult")
    assert failing.sent == 0 and failing.failed
    teams.standin.refuse_create = False
    retry = send(teams, coordinator="aad-coord-fails", municipality="Älmhult")
    assert retry.sent == len(failing.failed) and retry.skipped == 0


def test_the_remind_command_for_cron(teams: Teams) -> None:
    env = {**os.environ, "POLICYGUIDE_TEAMS_APP_ID": APP_ID,
           "POLICYGUIDE_TEAMS_APP_PASSWORD": APP_SECRET, "POLICYGUIDE_TEAMS_TENANT_ID": TENANT,
           "POLICYGUIDE_TEAMS_API_URL": teams.core_api, "POLICYGUIDE_TEAMS_API_KEY": API_KEY,
           "POLICYGUIDE_TEAMS_TOKEN_URL": f"{teams.standin.base_url}/token",
           "POLICYGUIDE_TEAMS_SERVICE_URL": teams.standin.base_url,
           "POLICYGUIDE_TEAMS_COORDINATORS": json.dumps({"Ale": "Ali Samordnare|aad-ale-1"})}
    run = subprocess.run([sys.executable, "-m", "bot.teams", "remind", "-m", "Ale", "--today",
                          TODAY], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Sent " in run.stdout and "failed 0" in run.stdout
    assert any(m["id"] == "aad-ale-1" for c in teams.standin.created for m in c["members"])
    bad = subprocess.run([sys.executable, "-m", "bot.teams", "remind"], cwd=REPO,
                         env={k: v for k, v in env.items() if k != "POLICYGUIDE_TEAMS_APP_ID"},
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "app_id" in bad.stderr
    wrong_time = subprocess.run([sys.executable, "-m", "bot.teams", "remind", "--daily-at",
                                 "25:99"], cwd=REPO, env=env, capture_output=True, text=True,
                                timeout=60)
    assert wrong_time.returncode == 2 and "HH:MM" in wrong_time.stderr


def test_the_annual_compilation_links_its_draft(teams: Teams) -> None:
    send(teams, coordinator="aad-coord-draft", municipality="Ale")
    annual = [c for c in direct_cards(teams)
              if any(a["type"] == "Action.OpenUrl" for a in c["actions"])]
    assert annual, "no annual reminder with a draft link"
    url = next(a["url"] for a in annual[0]["actions"] if a["type"] == "Action.OpenUrl")
    assert url.startswith("http://bot.test/files/")
    got = httpx.get(teams.bot_url + url.removeprefix("http://bot.test"))
    assert got.status_code == 200 and got.content[:2] == b"PK"


def test_the_weekly_digest_is_one_card_per_coordinator_once_a_week(teams: Teams) -> None:
    settings = bot_settings(teams.core_api, teams.standin).model_copy(update={"coordinators": {
        "Ale": "Ali|aad-digest", "Älmhult": "Ali|aad-digest"}})

    async def run(day: str) -> Sent:
        core = CoreClient(teams.core_api, API_KEY)
        try:
            return await send_digest(settings, core, build_adapter(settings), today=day)
        finally:
            await core.close()

    first = asyncio.run(run(TODAY))
    assert first.sent >= 4 and len(teams.standin.created) == 1
    lines = texts_of(direct_cards(teams)[0])
    assert lines[0] == "Det policyerna kräver härnäst (2026-12-08)"
    assert any("**Ale**" in line for line in lines) and any("**Älmhult**" in line
                                                           for line in lines)
    assert asyncio.run(run("2026-12-10")).skipped == 1  # the same ISO week
    assert asyncio.run(run("2026-12-15")).sent == first.sent  # the next week


def test_someone_else_cannot_answer_a_reminder(teams: Teams) -> None:
    send(teams, coordinator="aad-coord-only", municipality="Kungsbacka")
    done = next(a["data"] for a in direct_cards(teams)[0]["actions"]
                if a.get("data", {}).get("answer") == "done")
    teams.post(teams.activity(value=done, user="aad-stranger", conversation="a:stranger"))
    assert "Bara den som fick påminnelsen" in teams.standin.replies("a:stranger")[-1].body[
        "text"]
    teams.post(teams.activity(value=done, user="aad-coord-only", conversation="a:direct-1"))
    assert "Markerad som klar" in teams.standin.replies("a:direct-1")[-1].body["text"]
