"""With an LLM configured, Slack shows the draft as it is written, then the verified final."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_harness import RunningBot
from slack_requests import mention
from slack_standin import Call

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm"))
from llm_standin import LlmStandIn  # noqa: E402
from scripted_model import scripted_llm  # noqa: E402

from knowledge.service import PolicyService  # noqa: E402

pytestmark = pytest.mark.integration
QUESTION = "Vem beslutar om medlemskap i nätverk i Eksjö?"
GOOD = ("Det är kommunstyrelsen som beslutar om medlemskap i internationella nätverk och "
        "organisationer [1].")


@pytest.fixture
def llm(service: PolicyService) -> Iterator[LlmStandIn]:
    with scripted_llm(service) as standin:
        yield standin


def updates_until_final(bot: RunningBot, since: int) -> tuple[list[Call], Call]:
    """The placeholder's draft updates, and the final update (the one with buttons)."""
    final = bot.standin.wait_for(
        "chat.update", lambda c: any(b["type"] == "actions" for b in c.blocks()), since=since)
    drafts = [c for c in bot.standin.calls_to("chat.update")[:]
              if c.body["ts"] == final.body["ts"] and c is not final
              and "Utkast" in str(c.blocks())]
    return drafts, final


def test_the_draft_streams_into_the_placeholder_then_the_verified_answer_replaces_it(
        bot: RunningBot, llm: LlmStandIn) -> None:
    llm.script(GOOD)
    since = bot.standin.mark()
    assert bot.slack.event(mention(QUESTION)).status == 200
    drafts, final = updates_until_final(bot, since)
    assert len(drafts) >= 2
    assert GOOD.startswith(drafts[0].body["text"].rstrip())
    assert final.body["text"] == GOOD and "Utkast" not in str(final.blocks())
    assert any("Kommunstyrelsen beslutar om medlemskap" in str(b) for b in final.blocks()
               if b["type"] == "rich_text")  # the verbatim quote under the generated text


def test_a_refused_draft_is_replaced_by_the_extractive_answer(bot: RunningBot,
                                                              llm: LlmStandIn) -> None:
    invented = "Kommunfullmäktige beslutar om medlemskap i internationella nätverk [1]."
    llm.script(invented)
    since = bot.standin.mark()
    assert bot.slack.event(mention(QUESTION)).status == 200
    drafts, final = updates_until_final(bot, since)
    assert drafts and "Kommunfullmäktige" in drafts[-1].body["text"]
    assert "Kommunfullmäktige" not in final.body["text"]
    assert "Kommunstyrelsen" in final.body["text"]
