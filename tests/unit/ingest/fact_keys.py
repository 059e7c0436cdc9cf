"""Fact keys and precision/recall as tests/unit/ingest/test_facts.py computes them.

The layout tests compare extracted facts with hand-written lists in that same key format
(see the "_about" of tests/data/facts/expected.json), so figures are comparable.
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.facts import Fact


def key(f: Fact) -> str:
    if f.kind == "responsibility":
        return f"R | {f.actor} | {f.action} | {f.object[:45]}"
    if f.kind == "goal":
        return f"G | {f.goal_kind} | {f.label} | {f.object[:45]}"
    return f"O | {f.action} | {f.when} | {f.actor} | {f.object[:45]}"


def precision_recall(facts: Iterable[Fact], expected: Iterable[str]) -> tuple[float, float]:
    got, want = {key(f) for f in facts}, set(expected)
    hit = got & want
    return (len(hit) / len(got) if got else 0.0), (len(hit) / len(want) if want else 1.0)
