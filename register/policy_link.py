"""Linking activities to the municipality's policy, without importing the policy knowledge.

The goals a policy sets and the decisions it requires live in ``knowledge/``, which the register
must not import; the bot layer implements these two Protocols over it and passes them in. The
ranking here is deliberately simple and deterministic (shared word stems), so a coordinator can
see why a goal was suggested; the bot may swap in embeddings behind the same call.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import snowballstemmer

from register import committees
from register.schemas import ActivityDraft, ActivityRecord
from register.vocab import label

_STOPWORDS = set("""
och att det som en ett i på av för med till är om de den har inte vi man kan ska så eller
samt vid från under där all alla andra även genom mot mellan nya både hos sin sina sitt vara
the and of to in for with on a an is are be by as at from that this our their its or it
kommun kommunen kommunens municipality municipal activity activities verksamhet
""".split())
_STEMMERS = (snowballstemmer.stemmer("swedish"), snowballstemmer.stemmer("english"))


@dataclass(frozen=True)
class GoalRef:
    """A goal in a municipality's policy, with where it is written."""

    id: str
    label: str
    text: str
    citation: str


@dataclass(frozen=True)
class DecisionRule:
    """What the policy says must be decided, by whom, quoted from its source."""

    body: str
    action: str
    quote: str
    source: str


class GoalSource(Protocol):
    def goals_for(self, municipality: str) -> Sequence[GoalRef]: ...


class DecisionRules(Protocol):
    def required_decision(self, municipality: str, kind: str, form: str) -> DecisionRule | None:
        """The decision the policy requires for this kind and form (register codes, e.g.
        ``twin_town``), or None when it requires none."""
        ...


@dataclass(frozen=True)
class DecisionWarning:
    message: str
    rule: DecisionRule


def stems(text: str) -> set[str]:
    """Content-word stems of a Swedish or English text: Snowball stems in both languages, plus
    the first seven letters of long words, which catches the inflections Snowball leaves
    ("internationellt" / "internationella")."""
    words = [w for w in re.findall(r"[a-zåäöéü]{3,}", text.casefold()) if w not in _STOPWORDS]
    found = {w[:7] for w in words if len(w) > 7}
    for stemmer in _STEMMERS:
        found.update(stemmer.stemWords(words))
    return found


def suggest_goals(draft: ActivityDraft | ActivityRecord, goal_source: GoalSource,
                  limit: int = 3) -> list[GoalRef]:
    """The goals sharing most word stems with the activity, best first; none if none share any.

    Scores are the overlap divided by the square root of the goal's length, so a long goal does
    not win merely by having many words; ties keep the policy's own order.
    """
    if not draft.municipality:
        return []
    wanted = stems(" ".join(str(part) for part in (
        draft.title, draft.purpose, draft.activities, draft.programme,
        label(draft.kind), label(draft.kind, "en"), label(draft.target_group),
        label(draft.target_group, "en")) if part))
    scored = []
    for position, goal in enumerate(goal_source.goals_for(draft.municipality)):
        words = stems(f"{goal.label} {goal.text}")
        overlap = len(wanted & words)
        if overlap:
            scored.append((-overlap / math.sqrt(len(words)), position, goal))
    return [goal for _score, _position, goal in sorted(scored)[:max(0, limit)]]


def decision_warnings(activity: ActivityDraft | ActivityRecord,
                      rules: DecisionRules) -> list[DecisionWarning]:
    """Flag an activity that lacks the decision its municipality's policy requires."""
    if not (activity.municipality and activity.kind and activity.form):
        return []
    rule = rules.required_decision(activity.municipality, activity.kind.value,
                                   activity.form.value)
    if rule is None:
        return []
    source = f"«{rule.quote}» ({rule.source})"
    if not activity.decision_body or not activity.decision_date:
        return [DecisionWarning(
            f"The policy requires that {rule.body} {rule.action}; no decision is recorded "
            f"(deciding body and date). {source}", rule)]
    if not _same_body(activity.decision_body, rule.body):
        return [DecisionWarning(
            f"The decision is recorded as taken by {activity.decision_body}, but the policy "
            f"says {rule.body} {rule.action}. {source}", rule)]
    return []


def _same_body(recorded: str, required: str) -> bool:
    return committees.canonical(recorded).casefold() == committees.canonical(required).casefold()
