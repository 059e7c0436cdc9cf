"""Fit the answer-or-abstain decision on labelled questions; report it on held-out ones.

Input rows come from ``policyguide eval --signals-out``: each a question's signals and whether
it is answerable (every type but ``out_of_scope``). A standardised logistic regression
(scikit-learn) gives the weights; the abstain threshold minimises the errors on the training
rows, counting an answer to an out-of-scope question twice an abstention, and the "sure"
threshold is the lowest probability above which at most 3 % of training rows are out of scope.
Figures for both splits go into the model file, so ``eval`` can always show them, together with
each training source's figures under a model fitted without it (leave one question set out).
The strong regularisation (C=0.1) and the feature set were chosen by that leave-one-out
accuracy: with a few dozen out-of-scope questions, fewer and steadier weights generalise best.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from knowledge.decision import DecisionModel
from knowledge.signals import FEATURES

# A confident answer to a question the policies do not answer misleads; an abstention only
# sends the asker elsewhere. The abstain threshold minimises errors with that weighting.
WRONG_ANSWER_COST = 2.0


@dataclass(frozen=True)
class Row:
    source: str
    item_id: str
    answerable: bool
    features: tuple[float, ...]


def load_rows(paths: Sequence[Path]) -> list[Row]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            data = json.loads(line)
            signals = data["signals"]
            if not signals:  # compare, onboarding: decided elsewhere
                continue
            rows.append(Row(path.stem, str(data["id"]), data["type"] != "out_of_scope",
                            tuple(float(signals[f]) for f in FEATURES)))
    return rows


def _matrix(rows: Sequence[Row]) -> tuple[Any, Any]:
    x = np.array([r.features for r in rows], dtype=float)
    y = np.array([1 if r.answerable else 0 for r in rows], dtype=int)
    return x, y


def split_metrics(model: DecisionModel, rows: Sequence[Row]) -> dict[str, float]:
    """AUC, the share of out-of-scope rows abstained and of answerable rows abstained."""
    if not rows:
        return {}
    x, y = _matrix(rows)
    w = np.array([model.weights[f] for f in FEATURES])
    mu = np.array([model.means[f] for f in FEATURES])
    sd = np.array([model.scales[f] or 1.0 for f in FEATURES])
    p = 1 / (1 + np.exp(-(model.bias + ((x - mu) / sd) @ w)))
    abstain = p < model.abstain_below
    oos, ans = y == 0, y == 1
    out = {"rows": float(len(rows)), "out_of_scope": float(oos.sum()),
           "oos_abstained": float(abstain[oos].mean()) if oos.any() else float("nan"),
           "false_abstention": float(abstain[ans].mean()) if ans.any() else float("nan"),
           "unsure_share": float(((p >= model.abstain_below) & (p < model.sure_above)).mean())}
    if oos.any() and ans.any():
        out["auc"] = float(roc_auc_score(y, p))
    return {k: round(v, 3) for k, v in out.items()}


def fit(train: Sequence[Row], holdout: Sequence[Row], c: float = 0.1) -> DecisionModel:
    """The model fitted on ``train``, its report holding figures on ``train``, on ``holdout``
    and, per training source, those of a model fitted without that source."""
    model = _fit(train, holdout, c)
    model.report["left_out"] = {
        source: split_metrics(_fit([r for r in train if r.source != source], [], c),
                              [r for r in train if r.source == source])
        for source in sorted({r.source for r in train})} if len({r.source for r in train}) > 1 \
        else {}
    return model


def _fit(train: Sequence[Row], holdout: Sequence[Row], c: float) -> DecisionModel:
    x, y = _matrix(train)
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
    lr.fit((x - mu) / sd, y)
    p = lr.predict_proba((x - mu) / sd)[:, 1]
    candidates = np.unique(np.round(p, 4))
    best, best_cost = 0.5, float("inf")
    for t in candidates:  # an answer to an unanswerable question costs twice an abstention
        cost = WRONG_ANSWER_COST * (p[y == 0] >= t).sum() + (p[y == 1] < t).sum()
        if cost < best_cost:
            best, best_cost = float(t), float(cost)
    sure = best
    for t in sorted(candidates):
        above = p >= t
        if t >= best and above.any() and (y[above] == 0).mean() <= 0.03:
            sure = float(t)
            break
    model = DecisionModel(
        weights={f: round(float(v), 4) for f, v in zip(FEATURES, lr.coef_[0], strict=True)},
        bias=round(float(lr.intercept_[0]), 4),
        means={f: round(float(v), 4) for f, v in zip(FEATURES, mu, strict=True)},
        scales={f: round(float(v), 4) for f, v in zip(FEATURES, sd, strict=True)},
        abstain_below=round(best, 4), sure_above=round(max(sure, best), 4))
    model.report = {
        "train_sources": sorted({r.source for r in train}),
        "holdout_sources": sorted({r.source for r in holdout}),
        "train": split_metrics(model, train), "holdout": split_metrics(model, holdout)}
    return model
