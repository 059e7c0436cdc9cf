"""Answer -> Block Kit: the short answer, then every citation with its verbatim quote, then buttons.

Slack refuses a whole message over its limits (50 blocks, 3000 characters in a section), and a
refused message means no answer at all, so every text is cut here, at a word, before sending.
A quote is never changed silently: a shortened one ends in an italic "[…]" outside the quoted
text and a note says the full passage is in the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.text_cut import truncate
from knowledge.models import Answer, Citation

__all__ = ["truncate"]  # the Slack modules import it from here

Block = dict[str, Any]
MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_QUOTE = 2800
MAX_CONTEXT = 2000
# action ids: listeners and renderers agree on them here
SHARE, FEEDBACK_UP, FEEDBACK_DOWN, ESCALATE = (
    "policy_share", "policy_feedback_up", "policy_feedback_down", "policy_escalate")

_LABELS = {
    "sv": {"up": "👍 Bra svar", "down": "👎 Inte bra", "human": "🙋 Fråga en människa",
           "share": "Dela i kanalen", "section": "avsnitt", "cut": "Citatet är förkortat här; "
           "hela stycket finns i dokumentet.", "more": "fler källor visas inte",
           "asked": "frågade", "shared": "delade ett svar"},
    "en": {"up": "👍 Helpful", "down": "👎 Not helpful", "human": "🙋 Ask a person",
           "share": "Share in channel", "section": "section", "cut": "The quote is shortened "
           "here; the full passage is in the document.", "more": "more sources not shown",
           "asked": "asked", "shared": "shared an answer"},
}


@dataclass(frozen=True)
class SlackMessage:
    """What a handler posts: ``text`` is the notification/fallback, ``blocks`` the layout."""

    text: str
    blocks: list[Block] | None = None


def labels(language: str) -> dict[str, str]:
    return _LABELS["en" if language == "en" else "sv"]


def escape(text: str) -> str:
    """Slack mrkdwn treats &, < and > as control characters; user and policy text must not."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def answer_message(answer: Answer, ref: str, *, shareable: bool = False,
                   asker: str | None = None, question: str | None = None,
                   shared_by: str | None = None) -> SlackMessage:
    """The full answer; ``ref`` goes into every button so a click finds the exchange again."""
    words = labels(answer.language)
    blocks: list[Block] = []
    if shared_by and question:
        head = f"<@{shared_by}> {words['shared']}: «{escape(truncate(question, 500))}»"
        blocks.append(_context(head))
    elif asker and question:
        blocks.append(_context(f"<@{asker}> {words['asked']}: «{escape(truncate(question, 500))}»"))
    blocks.append(_section(escape(truncate(answer.text, MAX_SECTION - 200))))
    if answer.notice:
        blocks.append(_context(escape(answer.notice)))
    room = MAX_BLOCKS - len(blocks) - 2  # the buttons, and a "more sources" note
    shown = answer.citations[: room // 2]
    for citation in shown:
        blocks.extend(citation_blocks(citation, words))
    hidden = len(answer.citations) - len(shown)
    if hidden:
        blocks.append(_context(f"+{hidden} {words['more']}"))
    blocks.append(_buttons(ref, words, shareable))
    return SlackMessage(text=truncate(answer.text, MAX_SECTION), blocks=blocks)


def citation_blocks(citation: Citation, words: dict[str, str]) -> list[Block]:
    """Where the quote comes from (context line), then the quote itself as a quote block."""
    source = (f"*{escape(citation.municipality)}* · {escape(citation.document)} · "
              f"{words['section']} «{escape(citation.section)}»")
    quote = citation.quote
    elements: list[Block] = [{"type": "text", "text": truncate(quote, MAX_QUOTE, marker="")}]
    if len(quote) > MAX_QUOTE:
        elements.append({"type": "text", "text": " […] ", "style": {"italic": True}})
        elements.append({"type": "text", "text": words["cut"], "style": {"italic": True}})
    return [_context(truncate(source, MAX_CONTEXT)),
            {"type": "rich_text", "elements": [{"type": "rich_text_quote", "elements": elements}]}]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def section(text: str) -> Block:
    """A mrkdwn section cut to Slack's limit."""
    return _section(truncate(text, MAX_SECTION))


def context(text: str) -> Block:
    return _context(truncate(text or " ", MAX_CONTEXT))


def packed_sections(lines: Sequence[str], max_blocks: int, more: str) -> list[Block]:
    """Lines in as few sections as fit, at most ``max_blocks``; the rest counted in a context
    line (``more`` with ``{n}``) so nothing disappears silently."""
    texts: list[str] = []
    current, shown = "", 0
    for line in lines:
        if current and len(current) + 1 + len(line) > MAX_SECTION:
            if len(texts) + 1 == max_blocks:
                break
            texts.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
        shown += 1
    texts.append(current)
    blocks = [section(t) for t in texts]
    if shown < len(lines):
        blocks.append(context(more.format(n=len(lines) - shown)))
    return blocks


def _buttons(ref: str, words: dict[str, str], shareable: bool) -> Block:
    def button(action_id: str, label: str, style: str | None = None) -> Block:
        out: Block = {"type": "button", "action_id": action_id, "value": ref,
                      "text": {"type": "plain_text", "text": label, "emoji": True}}
        if style:
            out["style"] = style
        return out

    elements = [button(SHARE, words["share"], "primary")] if shareable else []
    elements += [button(FEEDBACK_UP, words["up"]), button(FEEDBACK_DOWN, words["down"]),
                 button(ESCALATE, words["human"])]
    return {"type": "actions", "block_id": "policy_answer_actions", "elements": elements}
