"""The answer-or-abstain model: probabilities from weights, fitted on labelled rows, shipped
with its held-out figures."""

from __future__ import annotations

import json
import random
from dataclasses import fields
from pathlib import Path

from knowledge.calibration import fit, load_rows
from knowledge.decision import DEFAULT_MODEL, DecisionModel
from knowledge.signals import FEATURES, Signals


def _signals(**values: float) -> Signals:
    base = {f.name: 0.0 for f in fields(Signals)}
    base.update(values)
    return Signals(**base)


def _rows(path: Path, n: int, seed: int) -> Path:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        answerable = i % 4 != 0
        s = _signals(dense=0.86 if answerable else 0.80, coverage=rng.uniform(0.5, 1.0)
                     if answerable else rng.uniform(0.0, 0.5), type_missing=0.0 if answerable
                     else float(rng.random() < 0.5))
        lines.append(json.dumps({"id": f"q{i}", "type": "fact" if answerable else
                                 "out_of_scope", "signals": s.to_dict()}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fit_separates_and_reports_holdout(tmp_path: Path) -> None:
    model = fit(load_rows([_rows(tmp_path / "train.jsonl", 80, 1)]),
                load_rows([_rows(tmp_path / "held.jsonl", 40, 2)]))
    assert model.report["holdout"]["auc"] > 0.9
    good = model.decide(_signals(dense=0.87, coverage=0.9))
    bad = model.decide(_signals(dense=0.79, coverage=0.1, type_missing=1.0))
    assert good.action != "abstain" and bad.action == "abstain"
    assert "type_missing" in bad.against or "coverage" in bad.against
    model.save(tmp_path / "m.json")
    again = DecisionModel.load(tmp_path / "m.json")
    assert again.probability(_signals(dense=0.85)) == model.probability(_signals(dense=0.85))


def test_shipped_model_has_every_feature_and_its_figures() -> None:
    model = DecisionModel.load(DEFAULT_MODEL)
    assert set(model.weights) == set(FEATURES)
    assert 0 < model.abstain_below <= model.sure_above < 1
    assert model.report.get("holdout", {}).get("rows", 0) > 0
