"""The briefing as plain lines in one language, for front ends that do not import the core.

The Teams adapter (and an intranet page) shows the briefing without knowing the fact model:
each part has a title and lines such as "Kommunfullmäktige beslutar: nya vänortsavtal", each
with the policy section it comes from, worded as the Slack and terminal briefings word them.
"""

from __future__ import annotations

from knowledge.fact_answers import actor_name
from knowledge.facts import ACTION_LABELS, GOAL_KIND_LABELS, WHEN_LABELS, Briefing, Fact

TITLES = {"sv": ("Mål och syfte", "Vem beslutar och gör vad", "Uppföljning och redovisning"),
          "en": ("Goals and purpose", "Who decides and does what", "Follow-up and reporting")}


def goal_line(f: Fact, lang: int) -> str:
    return f"{GOAL_KIND_LABELS[f.goal_kind][lang]}: {f.object}"


def responsibility_line(f: Fact, lang: int, language: str) -> str:
    return f"{actor_name(f.actor, language)} {ACTION_LABELS[f.action][lang]}: {f.object}"


def obligation_line(f: Fact, lang: int, language: str) -> str:
    when = WHEN_LABELS.get(f.when, WHEN_LABELS[""])[lang]
    who = f"{actor_name(f.actor, language)}: " if f.actor else ""
    text = f"{when.capitalize()} – {who}{f.object}"
    if f.recipient:
        text += f" → {f.recipient}"
    if f.contents:
        text += f" ({'Contents' if lang else 'Innehåll'}: {'; '.join(f.contents)})"
    return text


def briefing_parts(b: Briefing, language: str) -> list[dict[str, object]]:
    """[{title, lines: [{text, section}]}] for goals, responsibilities and obligations."""
    lang = 1 if language == "en" else 0
    parts: list[dict[str, object]] = []
    rows = ([(goal_line(f, lang), f.section) for f in b.goals],
            [(responsibility_line(f, lang, language), f.section) for f in b.responsibilities],
            [(obligation_line(f, lang, language), f.section) for f in b.obligations])
    for title, lines in zip(TITLES["en" if lang else "sv"], rows, strict=True):
        parts.append({"title": title,
                      "lines": [{"text": text, "section": section} for text, section in lines]})
    return parts
