"""The policy's say on an activity being logged: goals it serves and decisions it needs.

One call for every front end (CLI now, the Slack modal next): it turns the values a
coordinator has given into a draft and asks the policy facts, through ``FactPolicyLink``,
which goals the activity serves and whether the policy requires a decision it lacks.
Suggestions are shown for the coordinator to accept; nothing is linked silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.policy_link import FactPolicyLink
from knowledge.service import PolicyService
from register.policy_link import DecisionWarning, GoalRef, decision_warnings, suggest_goals
from register.schemas import ActivityDraft


@dataclass(frozen=True)
class PolicyCheck:
    goals: list[GoalRef]
    warnings: list[DecisionWarning]


def goal_reference(goal: GoalRef) -> str:
    """How a linked goal is stored on the activity: its label (if any) and its text."""
    text = goal.text if len(goal.text) <= 200 else goal.text[:197] + "…"
    return text if goal.text.startswith(goal.label) else f"{goal.label}: {text}"


def check_activity(values: dict[str, Any], service: PolicyService, limit: int = 3) -> PolicyCheck:
    known = {k: v for k, v in values.items() if k in ActivityDraft.model_fields and v is not None}
    try:
        draft = ActivityDraft.model_validate(known)
    except ValueError:
        return PolicyCheck([], [])  # the register's own validation reports what is wrong
    if not draft.municipality or draft.municipality not in service.municipalities():
        return PolicyCheck([], [])
    link = FactPolicyLink(service)
    return PolicyCheck(suggest_goals(draft, link, limit), decision_warnings(draft, link))
