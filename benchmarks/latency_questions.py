"""The questions the chat latency benchmarks send: dev.jsonl's items with a municipality, or two
fixed ones where the shared eval set is not beside the checkout. Standard library only, so the
Teams benchmark (its own Python 3.12 virtualenv) reads them as the Slack one does."""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"
FALLBACK = [{"question": "Vem beslutar om medlemskap i nätverk?", "municipality": "Eksjö"},
            {"question": "Who signs twin town agreements?", "municipality": "Älmhult"}]


def questions() -> list[dict[str, str]]:
    if not EVAL.exists():
        return FALLBACK
    items = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line]
    return [i for i in items if i.get("municipality")] or FALLBACK
