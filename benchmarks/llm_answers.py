"""Generated answers beside extractive ones on an evaluation set: correct, unsupported claims
before and after the verifier, fallback rate, latency. Not a test: it prints figures.

The model is whatever POLICYGUIDE_LLM_* configures (see the README; a llama.cpp server on
loopback serves a small local model); the store is the configured one. Each question is
answered twice by the same service: extractive (no model), then generated. "Unsupported
before" counts the engine's answers whose model rewrite the verifier refused; "worse after"
counts shown rewrites that the evaluation's own scoring finds less correct than the extractive
answer (an independent check of what the verifier let through).

    POLICYGUIDE_LLM_PROVIDER=openai-compatible POLICYGUIDE_LLM_BASE_URL=http://127.0.0.1:8765/v1 \\
    POLICYGUIDE_LLM_MODEL=model.gguf .venv/bin/python benchmarks/llm_answers.py \\
        ../shared/eval/dev.jsonl [--limit N] [--out items.jsonl]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.settings import Settings  # noqa: E402
from bot.wiring import build_service  # noqa: E402
from knowledge.evaluation import Evaluator, ItemResult, load_items, service_answerer  # noqa: E402
from knowledge.generation.chat import ChatModel  # noqa: E402


class Recording:
    """The configured model, keeping what it wrote for the per-item listing."""

    def __init__(self, model: ChatModel) -> None:
        self.model = model
        self.name = model.name
        self.last = ""

    def stream(self, system: str, user: str) -> Iterator[str]:
        self.last = ""
        for piece in self.model.stream(system, user):
            self.last += piece
            yield piece


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("eval_file", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    settings = Settings()
    if settings.llm_provider == "none":
        sys.exit("Set POLICYGUIDE_LLM_PROVIDER, _BASE_URL and _MODEL first (see the README).")
    service = build_service(settings)
    generator = service.generator
    assert generator is not None
    recording = Recording(generator.model)
    generator.model = recording
    items = load_items(args.eval_file)[: args.limit or None]
    evaluator = Evaluator(service.documents.values())
    service.generator = None
    extractive = evaluator.run("extractive", items, service_answerer(service))
    service.generator = generator
    rows: list[dict[str, object]] = []
    generated: list[ItemResult] = []
    ask = service_answerer(service)
    for item, before in zip(items, extractive.results, strict=True):
        recording.last = ""
        started = time.perf_counter()
        answer = ask(item)
        result = evaluator.score(item, answer, time.perf_counter() - started)
        generated.append(result)
        rows.append({"id": item["id"], "type": item.get("type"), "question": item["question"],
                     "engine_answered": not before.answer.abstained, "mode": answer.mode,
                     "model_text": recording.last, "rejected_because": answer.fallback_reason,
                     "correct_extractive": before.correct, "correct_shown": result.correct,
                     "seconds": round(result.seconds, 2)})
    report(extractive.results, generated, rows, recording.name)
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                            encoding="utf-8")
        print(f"per-item results written to {args.out}")


def report(extractive: list[ItemResult], generated: list[ItemResult],
           rows: list[dict[str, object]], model: str) -> None:
    n = len(rows)
    asked = [r for r in rows if r["engine_answered"]]
    shown = [r for r in asked if r["mode"] == "generated"]
    errors = [r for r in asked if r["mode"] != "generated"
              and any(w in str(r["rejected_because"]) for w in ("failed", "broke off",
                                                                 "token limit"))]
    refused = [r for r in asked if r["mode"] != "generated" and r not in errors]
    worse = [r for r in shown if r["correct_extractive"] and not r["correct_shown"]]
    better = [r for r in shown if r["correct_shown"] and not r["correct_extractive"]]
    print(f"model: {model}; {n} questions, the engine answered {len(asked)}, abstained on "
          f"{n - len(asked)} (the model is not asked then)")
    for name, results in (("extractive", extractive), ("generated+verified", generated)):
        times = [x.seconds for x in results]
        print(f"  {name:20s} correct {sum(x.correct for x in results) / max(n, 1):.3f}  "
              f"invented quotes {sum(x.invented for x in results)}  "
              f"latency median {statistics.median(times) * 1000:.0f} ms, "
              f"p95 {percentile(times, 0.95) * 1000:.0f} ms")
    share = max(len(asked), 1)
    print(f"  model rewrites refused by the verifier (unsupported before): {len(refused)}/"
          f"{len(asked)} = {len(refused) / share:.2f}")
    print(f"  model errors (cut off, token limit, failure): {len(errors)}/{len(asked)}")
    print(f"  fallback rate: {(len(refused) + len(errors)) / share:.2f}; generated shown: "
          f"{len(shown)}/{len(asked)}")
    print(f"  shown rewrites less correct than the extractive answer (worse after): "
          f"{len(worse)}; more correct: {len(better)}")


if __name__ == "__main__":
    main()
