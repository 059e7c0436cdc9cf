"""Goal suggestions and decision checks, over small fake policy sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from register.policy_link import (
    DecisionRule,
    GoalRef,
    decision_warnings,
    suggest_goals,
)
from register.schemas import ActivityDraft
from register.vocab import Form, Kind

GOALS = [
    GoalRef("g1", "Barn och unga", "Barn och unga ska få möjlighet till internationella utbyten "
            "och språkträning.", "Internationell policy, avsnitt 3.1"),
    GoalRef("g2", "Näringsliv", "Kommunen ska stärka företagens internationella kontakter.",
            "Internationell policy, avsnitt 3.2"),
    GoalRef("g3", "Kompetens", "Medarbetare ska utveckla sin kompetens genom studiebesök och "
            "erfarenhetsutbyte med andra länder.", "Internationell policy, avsnitt 3.3"),
]
TWIN_RULE = DecisionRule("Kommunfullmäktige", "beslutar om nya vänorter",
                         "Kommunfullmäktige beslutar om vänortsavtal.",
                         "Internationell policy, avsnitt 4")


class FakeGoals:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def goals_for(self, municipality: str) -> Sequence[GoalRef]:
        self.asked.append(municipality)
        return GOALS if municipality == "Eksjö" else []


class FakeRules:
    def required_decision(self, municipality: str, kind: str, form: str) -> DecisionRule | None:
        return TWIN_RULE if (municipality, form) == ("Eksjö", "twin_town") else None


def test_goals_are_ranked_by_shared_words() -> None:
    draft = ActivityDraft(municipality="Eksjö", kind=Kind.EXCHANGE, title="Elevutbyte",
                          purpose="Språkträning för unga i ett internationellt utbyte; "
                          "lärarna utvecklar sin kompetens")
    source = FakeGoals()
    assert [g.id for g in suggest_goals(draft, source)] == ["g1", "g3", "g2"]
    assert source.asked == ["Eksjö"]
    assert [g.id for g in suggest_goals(draft, source, limit=1)] == ["g1"]
    visit = ActivityDraft(municipality="Eksjö", kind=Kind.STUDY_VISIT,
                          purpose="Medarbetarnas kompetens")
    assert suggest_goals(visit, source)[0].id == "g3"


def test_no_overlap_or_no_municipality_suggests_nothing() -> None:
    assert suggest_goals(ActivityDraft(municipality="Eksjö", title="Xyzzy"), FakeGoals()) == []
    assert suggest_goals(ActivityDraft(title="utbyte"), FakeGoals()) == []
    assert suggest_goals(ActivityDraft(municipality="Ale", title="utbyte"), FakeGoals()) == []


def test_missing_or_wrong_decision_is_flagged_with_the_policy_quote() -> None:
    twin = ActivityDraft(municipality="Eksjö", kind=Kind.TWIN_TOWN, form=Form.TWIN_TOWN)
    [warning] = decision_warnings(twin, FakeRules())
    assert "Kommunfullmäktige beslutar om nya vänorter; no decision is recorded" in \
        warning.message and "«Kommunfullmäktige beslutar om vänortsavtal.»" in warning.message
    by_ks = twin.model_copy(update={"decision_body": "KS", "decision_date": dt.date(2026, 1, 1)})
    assert "recorded as taken by KS" in decision_warnings(by_ks, FakeRules())[0].message
    by_kf = twin.model_copy(update={"decision_body": "KF", "decision_date": dt.date(2026, 1, 1)})
    assert decision_warnings(by_kf, FakeRules()) == []
    exchange = ActivityDraft(municipality="Eksjö", kind=Kind.EXCHANGE, form=Form.EU_PROJECT)
    assert decision_warnings(exchange, FakeRules()) == []
    assert decision_warnings(ActivityDraft(municipality="Eksjö"), FakeRules()) == []
