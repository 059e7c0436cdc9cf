"""/aktivitet, its modal and the message shortcut over real HTTP, with the register on SQLite.

What is stored is checked through ``RegisterService.search`` on the same database file the bot
writes, and what Slack would have received through the stand-in's record.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import pytest
from slack_harness import REGISTRAR, RunningBot
from slack_requests import filled_state
from slack_standin import Call

from bot.slack.render_modal import CALLBACK, SHORTCUT

pytestmark = pytest.mark.integration
LINE = ("logga utbyte med Time kommun, Norge, 3–7 maj 2026, 25 elever, "
        "Barn- och utbildningsnämnden, Erasmus+")


def in_channel(bot: RunningBot, channel: str, municipality: str) -> None:
    since = bot.standin.mark()
    bot.slack.command(f"kommun {municipality}", channel=channel)
    bot.standin.wait_for("response_url", since=since)


def opened(bot: RunningBot, text: str, *, channel: str = "C40") -> tuple[Call, float]:
    """Run ``/aktivitet text`` as the registrar; the views.open call and seconds it took."""
    since = bot.standin.mark()
    sent = time.perf_counter()
    reply = bot.slack.command(text, command="/aktivitet", user=REGISTRAR, channel=channel)
    assert reply.status == 200
    call = bot.standin.wait_for("views.open", since=since)
    return call, call.at - sent


def initial(view: dict[str, Any], block_id: str) -> Any:
    element = next(b["element"] for b in view["blocks"] if b.get("block_id") == block_id)
    chosen = element.get("initial_option") or {}
    return (chosen.get("value") or element.get("initial_date")
            or element.get("initial_value"))


def test_a_line_opens_a_modal_within_3_s_prefilled_with_the_parsed_fields(
        bot: RunningBot) -> None:
    in_channel(bot, "C40", "Eksjö")
    call, seconds = opened(bot, LINE)
    assert seconds < 3.0
    assert call.body["trigger_id"].startswith("trigger.")
    view = call.body["view"]
    assert view["callback_id"] == CALLBACK
    expected = {"municipality": "Eksjö", "title": "Utbyte med Time kommun",
                "committee": "Barn- och utbildningsnämnden", "kind": "exchange",
                "form": "eu_project", "country": "Norge", "start_date": "2026-05-03",
                "end_date": "2026-05-07", "participants": "25", "target_group": "pupils",
                "programme": "Erasmus+"}
    assert {name: initial(view, name) for name in expected} == expected
    notes = str([b for b in view["blocks"] if b["type"] == "context"])
    assert "Antaget" in notes and "Erasmus+" in notes
    goals = next(b for b in view["blocks"] if b.get("block_id") == "goals")
    assert goals["element"]["type"] == "checkboxes" and goals["element"]["options"]
    assert "initial_options" not in goals["element"]  # nothing linked unless ticked


def test_an_empty_command_opens_an_empty_modal(bot: RunningBot) -> None:
    call, _ = opened(bot, "", channel="C41")
    view = call.body["view"]
    assert initial(view, "title") is None and initial(view, "start_date") is None


def test_a_submission_stores_the_activity_and_confirms_with_its_id(bot: RunningBot) -> None:
    in_channel(bot, "C42", "Eksjö")
    view = opened(bot, LINE, channel="C42")[0].body["view"]
    since = bot.standin.mark()
    reply = bot.slack.submit_view(view, filled_state(view, {"goals": ["0"]}), user=REGISTRAR)
    assert reply.status == 200 and reply.body == ""  # the modal closes
    [stored] = bot.register.search(municipality="Eksjö", year=2026)
    assert (stored.title, stored.country, stored.participants) == (
        "Utbyte med Time kommun", "NO", 25)
    assert stored.end_date == dt.date(2026, 5, 7) and stored.logged_by == f"slack:{REGISTRAR}"
    assert stored.channel == "slack:C42" and len(stored.goals) == 1
    assert stored.goals[0] in json.loads(view["private_metadata"])["goals"]
    confirmation = bot.standin.wait_for("chat.postEphemeral", since=since)
    assert confirmation.body["user"] == REGISTRAR and confirmation.body["channel"] == "C42"
    assert f"#{stored.id}" in confirmation.body["text"]


def test_an_end_before_the_start_is_shown_under_the_field_and_nothing_is_stored(
        bot: RunningBot) -> None:
    in_channel(bot, "C43", "Eksjö")
    view = opened(bot, LINE, channel="C43")[0].body["view"]
    reply = bot.slack.submit_view(view, filled_state(view, {"end_date": "2026-05-01"}),
                                  user=REGISTRAR)
    answer = json.loads(reply.body)
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"end_date"} and "innan den börjar" in answer["errors"][
        "end_date"]  # the form is Swedish, and so are its errors
    assert bot.register.search() == []


def test_missing_required_fields_are_each_marked(bot: RunningBot) -> None:
    view = opened(bot, "", channel="C44")[0].body["view"]
    reply = bot.slack.submit_view(view, filled_state(view, {"participants": "många"}),
                                  user=REGISTRAR)
    errors = json.loads(reply.body)["errors"]
    assert "participants" in errors and "inget heltal" in errors["participants"]
    full = bot.slack.submit_view(view, filled_state(view), user=REGISTRAR)
    assert {"municipality", "title", "committee", "kind", "country", "start_date"} <= set(
        json.loads(full.body)["errors"])
    assert bot.register.search() == []


def test_a_non_coordinator_is_refused_politely_and_nothing_opens_or_is_stored(
        bot: RunningBot) -> None:
    in_channel(bot, "C45", "Eksjö")
    since = bot.standin.mark()
    assert bot.slack.command(LINE, command="/aktivitet", user="U1", channel="C45").status == 200
    refusal = bot.standin.wait_for("response_url", since=since)
    assert "🔒" in refusal.body["text"] and "bara registrets samordnare" in refusal.body["text"]
    assert "U1" not in refusal.body["text"] and "slack:" not in refusal.body["text"]
    assert refusal.body["response_type"] == "ephemeral"
    assert not bot.standin.calls_to("views.open")
    view = opened(bot, LINE, channel="C45")[0].body["view"]  # a modal a registrar opened
    forged = bot.slack.submit_view(view, filled_state(view), user="U1")
    assert json.loads(forged.body)["response_action"] == "errors"
    assert bot.register.search() == []


def test_the_message_shortcut_opens_a_modal_prefilled_from_the_message(
        bot: RunningBot) -> None:
    in_channel(bot, "C46", "Eksjö")
    since = bot.standin.mark()
    text = "Studiebesök hos Aarhus kommun, Danmark, 10 juni 2026, 8 lärare"
    assert bot.slack.message_shortcut(SHORTCUT, text, user=REGISTRAR,
                                      channel="C46").status == 200
    view = bot.standin.wait_for("views.open", since=since).body["view"]
    assert initial(view, "kind") == "study_visit" and initial(view, "country") == "Danmark"
    assert initial(view, "start_date") == "2026-06-10" and initial(view, "municipality") == "Eksjö"
    assert json.loads(view["private_metadata"])["channel"] == "C46"


def test_a_decision_the_policy_requires_is_warned_about_in_the_modal(bot: RunningBot) -> None:
    in_channel(bot, "C47", "Älmhult")
    view = opened(bot, "twinning med Gdańsk stad, Polen, 1 sept 2026", channel="C47")[0]
    warnings = [b["elements"][0]["text"] for b in view.body["view"]["blocks"]
                if b["type"] == "context" and b["elements"][0]["text"].startswith("⚠️")]
    assert warnings and "Kommunfullmäktige" in warnings[0] and "Vänorter" in warnings[0]
    notes = str(view.body["view"]["blocks"])
    assert "Fyll i: Nämnd/förvaltning" in notes
