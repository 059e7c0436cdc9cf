"""The `policyguide` command: a thin adapter over the core services."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.api.serve import serve_command
from bot.cli_common import console, err, fail, policy_service, settings
from bot.cli_facts import register as register_fact_commands
from bot.cli_feedback import feedback
from bot.cli_ingest import register as register_ingest_commands
from bot.cli_register import register_app
from bot.cli_reminders import reminders_command
from bot.cli_teams import teams_app
from bot.render_cli import ask_with_draft, render_answer, render_decision, render_eval
from bot.slack.run import slack_command
from knowledge.calibration import fit, load_rows
from knowledge.decision import DEFAULT_MODEL
from knowledge.evaluation import (
    EvalFileError,
    Evaluator,
    bm25_answerer,
    dense_answerer,
    load_items,
    service_answerer,
)
from knowledge.query import detect_language
from knowledge.service import InvalidQuestionError

app = typer.Typer(help="Cited answers from municipal international policies.",
                  no_args_is_help=True, add_completion=False)
log = logging.getLogger("policyguide")

MunicipalityOpt = Annotated[str | None, typer.Option("--municipality", "-m",
                                                     help="The asker's municipality.")]


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="The question, in Swedish or English.")]
    = None,
    municipality: MunicipalityOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer contract.")] = False,
    batch: Annotated[Path | None, typer.Option(help="A JSONL file of questions (eval format).")]
    = None,
) -> None:
    """Answer one question (or a --batch file), citing the policy verbatim."""
    service = policy_service()
    if batch is not None:
        try:
            items = load_items(batch)
        except (OSError, EvalFileError) as exc:
            fail(f"Cannot read {batch}: {exc}")
        for item in items:
            try:
                out = service.ask(item["question"], item.get("municipality")).contract()
            except InvalidQuestionError as exc:
                out = {"answer": str(exc), "abstained": True, "citations": [], "error": str(exc)}
            print(json.dumps({"id": item["id"], **out}, ensure_ascii=False), flush=True)
        return
    if question is None:
        fail("Give a question, or --batch FILE.jsonl.")
    try:
        answer = (service.ask(question, municipality) if as_json
                  else ask_with_draft(console, service, question, municipality))
    except InvalidQuestionError as exc:
        log.warning("refused question: %s", exc)
        fail(exc.text(detect_language(question)))
    if as_json:
        print(json.dumps(answer.contract(), ensure_ascii=False, indent=2))
    else:
        render_answer(console, answer)


@app.command()
def chat(municipality: MunicipalityOpt = None) -> None:
    """An interactive session that remembers your municipality (`:kommun NAME` changes it)."""
    service = policy_service()
    current = municipality
    console.print("Ställ en fråga (tom rad eller Ctrl-D avslutar). `:kommun Eksjö` byter kommun.")
    while True:
        try:
            line = console.input(f"[bold]{current or 'alla'}>[/bold] ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not line:
            break
        if line.startswith((":kommun", ":municipality")):
            name = line.split(maxsplit=1)[1] if " " in line else ""
            try:
                current = service.resolve_municipality(name)
            except InvalidQuestionError as exc:
                err.print(f"[red]{exc}[/red]")
            continue
        try:
            render_answer(console, service.ask(line, current))
        except InvalidQuestionError as exc:
            err.print(f"[red]{exc}[/red]")


@app.command("eval")
def evaluate(
    path: Annotated[Path, typer.Argument(help="Evaluation JSONL (shared/eval format).")],
    baseline: Annotated[bool, typer.Option(help="Also run the BM25 and dense baselines.")] = True,
    details: Annotated[bool, typer.Option(help="List the items answered wrongly.")] = False,
    signals_out: Annotated[Path | None, typer.Option(
        help="Write each item's decision signals (JSONL) for `policyguide calibrate`.")] = None,
) -> None:
    """Run the evaluation set as a benchmark and print its figures."""
    service = policy_service()
    try:
        items = load_items(path)
    except (OSError, EvalFileError) as exc:
        fail(f"Cannot read {path}: {exc}")
    service.ask("uppvärmning", None)  # warm the process: timings are per answer, not start-up
    evaluator = Evaluator(service.documents.values())
    reports = [evaluator.run("policyguide", items, service_answerer(service))]
    if baseline:
        reports.append(evaluator.run("bm25-baseline", items, bm25_answerer(service)))
        reports.append(evaluator.run("dense-rag-baseline", items, dense_answerer(service)))
    render_eval(console, reports)
    render_decision(console, service.decision)
    if signals_out is not None:
        signals_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                       for r in reports[0].signal_rows()), encoding="utf-8")
        console.print(f"signals written to {signals_out}")
    if details:
        for r in reports[0].results:
            if not r.correct:
                console.print(f"[red]{r.item['id']}[/red] {r.item['type']} "
                              f"{r.item.get('municipality')} | {r.item['question']}\n"
                              f"   facts {r.facts_found}/{r.facts_total} "
                              f"abstained={r.answer.abstained} p={r.answer.confidence} | "
                              f"{r.answer.text[:300]!r}")


@app.command()
def calibrate(
    train: Annotated[list[Path], typer.Option(help="Signal files (from eval --signals-out) to "
                                              "fit on; repeat the option.")],
    holdout: Annotated[list[Path] | None, typer.Option(
        help="Signal files to report on, never fitted on; repeat the option.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model.")]
    = DEFAULT_MODEL,
) -> None:
    """Fit the answer-or-abstain decision on labelled questions and report held-out figures."""
    try:
        rows, held = load_rows(train), load_rows(holdout or [])
    except (OSError, ValueError, KeyError) as exc:
        fail(f"Cannot read the signal files: {exc}")
    if len({r.answerable for r in rows}) < 2:
        fail("The training rows need both answerable and out-of-scope questions.")
    model = fit(rows, held)
    model.save(output)
    render_decision(console, model)
    console.print(f"model written to {output}")


register_ingest_commands(app)
register_fact_commands(app)
app.command()(feedback)


app.add_typer(register_app, name="register")


@app.command()
def doctor() -> None:
    """Check the settings and reach every configured service; say plainly what is wrong."""
    from bot.doctor import diagnose

    findings = diagnose(settings())
    for f in findings:
        mark = "[green]✓[/green]" if f.ok else "[red]✗[/red]"
        note = "" if f.needed or f.ok else " (optional)"
        console.print(f"{mark} [bold]{f.part}[/bold]{note}: {f.detail}")
    failed = [f for f in findings if not f.ok and f.needed]
    if failed:
        err.print(f"{len(failed)} of {len(findings)} checks failed: "
                  + ", ".join(f.part for f in failed))
        raise typer.Exit(1)


app.command("slack")(slack_command)
app.command("serve")(serve_command)
app.add_typer(teams_app, name="teams")
app.command("reminders")(reminders_command)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
