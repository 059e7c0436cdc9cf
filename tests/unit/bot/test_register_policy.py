"""The policy's say on a logged activity comes from the same facts as the chat answers."""

from __future__ import annotations

from bot.register_policy import check_activity, goal_reference
from knowledge.service import PolicyService


def test_new_twin_town_without_a_decision_is_flagged_with_the_quote(
        service: PolicyService) -> None:
    check = check_activity({"municipality": "Älmhult", "kind": "twin_town",
                            "form": "twin_town", "title": "Vänort med Time kommun"}, service)
    assert len(check.warnings) == 1
    warning = check.warnings[0]
    assert warning.rule.body == "Kommunfullmäktige"
    assert "tecknas av KS" in warning.rule.quote and "Vänorter" in warning.rule.source


def test_recorded_decision_by_the_right_body_is_not_flagged(service: PolicyService) -> None:
    check = check_activity({"municipality": "Eksjö", "kind": "network", "form": "other",
                            "title": "Medlemskap i europeiskt nätverk",
                            "decision_body": "Kommunstyrelsen",
                            "decision_date": "2026-02-01"}, service)
    assert check.warnings == []
    unrecorded = check_activity({"municipality": "Eksjö", "kind": "network", "form": "other",
                                 "title": "Medlemskap"}, service)
    assert unrecorded.warnings and unrecorded.warnings[0].rule.body == "Kommunstyrelsen"


def test_goals_are_suggested_from_the_municipalitys_goal_facts(service: PolicyService) -> None:
    check = check_activity({"municipality": "Eksjö", "kind": "exchange", "form": "other",
                            "title": "Ungdomsutbyte inom idrott och kultur",
                            "target_group": "youth"}, service)
    refs = [goal_reference(g) for g in check.goals]
    assert refs and any("Ungdom" in r or "Kultur och fritid" in r for r in refs)
    assert all("Eksjö" in g.citation for g in check.goals)


def test_unknown_municipality_or_bad_values_give_no_advice(service: PolicyService) -> None:
    assert check_activity({"municipality": "Atlantis", "kind": "network"}, service).goals == []
    assert check_activity({"municipality": "Eksjö", "kind": "no-such-kind"},
                          service).warnings == []
