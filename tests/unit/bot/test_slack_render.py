"""Block Kit rendering: structure, Slack's limits, and quotes kept verbatim or marked as cut."""

from __future__ import annotations

from typing import Any

from bot.slack import texts
from bot.slack.render import (
    ESCALATE,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    MAX_BLOCKS,
    MAX_SECTION,
    SHARE,
    answer_message,
    escape,
    truncate,
)
from knowledge.models import Answer, Citation

QUOTE = "Kommunstyrelsen beslutar om medlemskap i internationella nätverk och organisationer."


def cite(quote: str = QUOTE, n: int = 0) -> Citation:
    return Citation("Eksjö", "Internationell policy för Eksjö kommun", f"Ansvar {n}", quote)


def texts_in(block: dict[str, Any]) -> list[str]:
    if block["type"] == "rich_text":
        return [e["text"] for q in block["elements"] for e in q["elements"]]
    if block["type"] == "section":
        return [block["text"]["text"]]
    if block["type"] == "context":
        return [e["text"] for e in block["elements"]]
    return []


def test_answer_then_source_and_quote_then_buttons() -> None:
    message = answer_message(Answer("Kommunstyrelsen beslutar.", [cite()]), "ref1")
    kinds = [b["type"] for b in message.blocks or []]
    assert kinds == ["section", "context", "rich_text", "actions"]
    blocks = message.blocks or []
    assert texts_in(blocks[2]) == [QUOTE]
    assert "*Eksjö*" in texts_in(blocks[1])[0] and "Ansvar 0" in texts_in(blocks[1])[0]
    ids = [e["action_id"] for e in blocks[-1]["elements"]]
    assert ids == [FEEDBACK_UP, FEEDBACK_DOWN, ESCALATE]
    assert {e["value"] for e in blocks[-1]["elements"]} == {"ref1"}


def test_shareable_answer_has_a_share_button_and_english_labels_for_english() -> None:
    message = answer_message(Answer("The board decides.", [cite()], language="en"), "r",
                             shareable=True)
    buttons = (message.blocks or [])[-1]["elements"]
    assert buttons[0]["action_id"] == SHARE and buttons[0]["text"]["text"] == "Share in channel"
    assert "Ask a person" in buttons[-1]["text"]["text"]


def test_limits_hold_for_a_huge_answer_with_many_citations() -> None:
    many = [cite(QUOTE * 80, n) for n in range(40)]
    message = answer_message(Answer("ord " * 5000, many, notice="note"), "r")
    blocks = message.blocks or []
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(t) <= MAX_SECTION for b in blocks for t in texts_in(b))
    assert len(message.text) <= MAX_SECTION
    assert "fler källor" in str(blocks[-2])


def test_a_long_quote_is_cut_at_a_word_and_visibly_marked() -> None:
    long_quote = " ".join(["Kommunstyrelsen beslutar om nätverk."] * 200)
    quote_block = (answer_message(Answer("a", [cite(long_quote)]), "r").blocks or [])[2]
    first, marker, note = quote_block["elements"][0]["elements"]
    assert long_quote.startswith(first["text"]) and long_quote[len(first["text"])] == " "
    assert "style" not in first
    assert marker["text"].strip() == "[…]" and marker["style"] == {"italic": True}
    assert "förkortat" in note["text"]


def test_user_and_policy_text_cannot_inject_mrkdwn_controls() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    message = answer_message(Answer("<!here> svar", [cite()]), "r", asker="U1",
                             question="<!channel> hej")
    assert "<!" not in str(message.blocks)


def test_truncate_keeps_short_text_and_cuts_long_text_at_a_word() -> None:
    assert truncate("kort", 10) == "kort"
    assert truncate("ett två tre fyra", 10) == "ett två…"


def test_refusals_say_what_to_do() -> None:
    assert "om 12 sekunder" in texts.rate_limited(12, "sv").text
    assert "in 12 seconds" in texts.rate_limited(12, "en").text
    assert "`abc`" in texts.failure("abc", "sv").text
