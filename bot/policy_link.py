"""The register's view of the policies: goal facts to link activities to, decisions they need.

``register`` may not import ``knowledge``; it declares two Protocols and this adapter answers
them from the extracted facts, so an activity's goal suggestions and "needs a decision by KF"
warnings come from the same facts (and quotes) as the chat answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.facts import ACTION_LABELS, GOAL_KIND_LABELS, Fact
from knowledge.service import PolicyService
from register.policy_link import DecisionRule, GoalRef

# What each kind or form of activity is called in a policy's decision rules.
_DECISION_TOPICS: dict[str, str] = {
    "network": "medlemskap i internationella nätverk och organisationer",
    "twin_town": "avtal om nya vänorter vänortsavtal",
    "eu_project": "deltagande i EU-projekt",
}
_DECIDING = ("decides", "adopts")


def _source(f: Fact) -> str:
    return f"{f.municipality}, {f.document}, avsnitt \"{f.section}\""


class FactPolicyLink:
    """Implements ``register.policy_link.GoalSource`` and ``DecisionRules``."""

    def __init__(self, service: PolicyService) -> None:
        self.service = service

    def goals_for(self, municipality: str) -> Sequence[GoalRef]:
        goals = self.service.facts(municipality, kind="goal")
        return [GoalRef(id=g.id, label=g.label or GOAL_KIND_LABELS[g.goal_kind][0],
                        text=g.object, citation=_source(g)) for g in goals]

    def required_decision(self, municipality: str, kind: str, form: str) -> DecisionRule | None:
        topic = _DECISION_TOPICS.get(kind) or _DECISION_TOPICS.get(form)
        if topic is None:
            return None
        facts = self.service.router.responsibilities(f"Vem beslutar om {topic}?", "sv",
                                                     municipality)
        deciding = [f for f in facts if f.action in _DECIDING]
        if not deciding:
            return None
        f = deciding[0]
        verb = ACTION_LABELS[f.action][0]
        return DecisionRule(body=f.actor, action=f"{verb} om {f.object[:1].lower()}{f.object[1:]}",
                            quote=f.quote, source=_source(f))
