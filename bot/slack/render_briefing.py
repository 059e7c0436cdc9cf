"""Briefing -> Block Kit: goals, who decides what, follow-up duties; the Slack twin of
``bot/render_facts.py``.

A briefing can hold dozens of facts, and Slack refuses a whole message over its limits (50
blocks, 3000 characters in a section), so each part packs its lines into a few sections and,
when that room runs out, ends with "… and N more, see `policyguide onboard`" instead of failing.
Every line names the policy section it comes from, so a reader can check it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.slack.render import (
    MAX_BLOCKS,
    Block,
    SlackMessage,
    context,
    escape,
    packed_sections,
    section,
    truncate,
)
from knowledge.fact_answers import actor_name
from knowledge.facts import ACTION_LABELS, GOAL_KIND_LABELS, WHEN_LABELS, Briefing, Fact

MAX_LINE = 700  # one fact; long goal texts are cut at a word, the section says where to read on
PART_BLOCKS = 12  # sections per part: 3 parts x (title + 12 + "more") + 4 fit in 50 blocks

_WORDS = {
    "sv": {"title": "Introduktion", "section": "avsnitt",
           "more": "… och {n} till, se `policyguide onboard`",
           "none": "Policyn anger inget här.", "contents": "Innehåll",
           "note": "Varje rad kommer ordagrant ur policyn. Fråga vidare med `/policy vem <ämne>`."},
    "en": {"title": "Briefing", "section": "section",
           "more": "… and {n} more, see `policyguide onboard`",
           "none": "The policy states nothing here.", "contents": "Contents",
           "note": "Every line comes verbatim from the policy. Ask on with `/policy who <topic>`."},
}
_PARTS = {"sv": ("Mål och syfte", "Vem beslutar och gör vad", "Uppföljning och redovisning"),
          "en": ("Goals and purpose", "Who decides and does what", "Follow-up and reporting")}


def briefing_blocks(b: Briefing, language: str = "sv") -> list[Block]:
    """The whole briefing as blocks, never more than ``MAX_BLOCKS``."""
    words = _WORDS["en" if language == "en" else "sv"]
    lang = 1 if language == "en" else 0
    head = f"{words['title']}: {b.municipality}"
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": truncate(head, 150)}},
        context(" · ".join(escape(x) for x in (b.document, b.adopted) if x))]
    line_makers: tuple[Callable[[Fact], str], ...] = (
        lambda f: f"*{GOAL_KIND_LABELS[f.goal_kind][lang]}*: {escape(f.object)}",
        lambda f: (f"*{escape(actor_name(f.actor, language))}* "
                   f"{ACTION_LABELS[f.action][lang]}: {escape(f.object)}"),
        lambda f: _obligation(f, lang, language, words["contents"]))
    facts = (b.goals, b.responsibilities, b.obligations)
    for title, part, make in zip(_PARTS["en" if lang else "sv"], facts, line_makers, strict=True):
        blocks.append(section(f"*{title}*"))
        lines = [truncate(make(f), MAX_LINE) + f" _({words['section']} «{escape(f.section)}»)_"
                 for f in part]
        blocks.extend(_packed(lines, words) if lines else [context(words["none"])])
    blocks.append(context(words["note"]))
    return blocks[:MAX_BLOCKS]


def briefing_message(b: Briefing, language: str = "sv", due: Sequence[str] = ()) -> SlackMessage:
    """The briefing, after what the policy demands next (if anything is due)."""
    words = _WORDS["en" if language == "en" else "sv"]
    return SlackMessage(text=f"{words['title']}: {b.municipality}",
                        blocks=with_due(briefing_blocks(b, language), due, language))


def with_due(blocks: list[Block], due: Sequence[str], language: str = "sv") -> list[Block]:
    """The briefing's header and source line, then what is due next, then the rest."""
    return [*blocks[:2], *due_blocks(due, language), *blocks[2:]][:MAX_BLOCKS]


def due_blocks(due: Sequence[str], language: str = "sv") -> list[Block]:
    """'Härnäst enligt policyn': reminder lines, in at most three sections."""
    if not due:
        return []
    title, more = (("Next, as the policy demands", "… and {n} more, see `policyguide reminders`")
                   if language == "en" else
                   ("Härnäst enligt policyn", "… och {n} till, se `policyguide reminders`"))
    return [section(f"*{title}*"),
            *packed_sections([f"• {escape(line)}" for line in due], 3, more)]


def _obligation(f: Fact, lang: int, language: str, contents: str) -> str:
    when = WHEN_LABELS.get(f.when, WHEN_LABELS[""])[lang]
    who = f"{escape(actor_name(f.actor, language))}: " if f.actor else ""
    text = f"*{when.capitalize()}* – {who}{escape(f.object)}"
    if f.recipient:
        text += f" → {escape(f.recipient)}"
    if f.contents:
        text += f" ({contents}: {escape('; '.join(f.contents))})"
    return text


def _packed(lines: Sequence[str], words: dict[str, str]) -> list[Block]:
    """Bullet lines in as few sections as fit, at most ``PART_BLOCKS``; the rest counted."""
    return packed_sections([f"• {line}" for line in lines], PART_BLOCKS, words["more"])




def home_view(b: Briefing, due: Sequence[str] = ()) -> Block:
    """App Home: the briefing of the user's own municipality, what is due next first, with how
    to change it."""
    hint = context("Byt kommun med `/policy kommun <namn>` i ett direktmeddelande till mig.")
    return {"type": "home", "blocks": [*with_due(briefing_blocks(b), due), hint]}


def home_setup_view(municipalities: Sequence[str]) -> Block:
    """App Home before the user has chosen a municipality: how to choose one."""
    return {"type": "home", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "Välkommen till Policyguide"}},
        section("Här visas en introduktion till din kommuns internationella policy: mål, vem "
                 "som beslutar vad och vad som ska följas upp. Välj först din kommun genom att "
                 "skriva `/policy kommun <namn>` i ett direktmeddelande till mig."),
        context(f"Kommuner: {escape(', '.join(municipalities))}. Fråga sedan med "
                 "`/policy <fråga>` eller `@Policyguide` i en kanal.")]}
