"""Answer, say "not sure", or abstain: one calibrated decision from the measured signals.

A logistic model over ``knowledge.signals.FEATURES`` gives the probability that the question is
answerable from the passage found; two thresholds turn it into an action. Weights, feature
scaling and thresholds are fitted on labelled questions (``policyguide calibrate``) and shipped
in ``knowledge/data/decision.json`` together with the figures measured on the questions they
were fitted on and on held-out ones, so every eval can show both. No constant here is tuned by
hand; an operator can refit on their own labelled questions.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from knowledge.signals import FEATURES, Signals

DEFAULT_MODEL = Path(__file__).resolve().parent / "data" / "decision.json"
Action = Literal["answer", "unsure", "abstain"]


@dataclass(frozen=True)
class Verdict:
    action: Action
    probability: float
    # The signals that pulled hardest towards abstaining, strongest first (feature names).
    against: tuple[str, ...] = ()


@dataclass
class DecisionModel:
    weights: dict[str, float]
    bias: float
    means: dict[str, float]
    scales: dict[str, float]
    abstain_below: float
    sure_above: float
    report: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> DecisionModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        missing = [f for f in FEATURES if f not in data["weights"]]
        if missing:
            raise ValueError(f"{path} lacks weights for {missing}; run `policyguide calibrate`")
        return cls(weights=data["weights"], bias=data["bias"], means=data["means"],
                   scales=data["scales"], abstain_below=data["abstain_below"],
                   sure_above=data["sure_above"], report=data.get("report", {}))

    def save(self, path: Path) -> None:
        data = {"features": list(FEATURES), "weights": self.weights, "bias": self.bias,
                "means": self.means, "scales": self.scales, "abstain_below": self.abstain_below,
                "sure_above": self.sure_above, "report": self.report}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def contributions(self, signals: Signals) -> dict[str, float]:
        values = dict(zip(FEATURES, signals.vector(), strict=True))
        return {f: self.weights[f] * (values[f] - self.means[f]) / (self.scales[f] or 1.0)
                for f in FEATURES}

    def probability(self, signals: Signals) -> float:
        z = self.bias + sum(self.contributions(signals).values())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, signals: Signals) -> Verdict:
        p = self.probability(signals)
        action: Action = ("abstain" if p < self.abstain_below
                          else "unsure" if p < self.sure_above else "answer")
        pulls = sorted(((c, f) for f, c in self.contributions(signals).items() if c < 0))
        return Verdict(action, p, tuple(f for _, f in pulls[:3]))
