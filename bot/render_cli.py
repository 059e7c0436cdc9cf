"""Rich rendering of core results for the terminal (the CLI's equivalent of Block Kit)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from ingest.pipeline import IngestReport
from knowledge.decision import DecisionModel
from knowledge.evaluation import Report
from knowledge.models import Answer


def render_answer(console: Console, answer: Answer) -> None:
    style = "yellow" if answer.abstained else "green"
    title = "Inget svar i policyn" if answer.abstained and answer.language == "sv" else (
        "Not answered by the policy" if answer.abstained else "Svar" if answer.language == "sv"
        else "Answer")
    console.print(Panel(answer.text, title=title, border_style=style))
    if answer.citations:
        table = Table("#", "Kommun", "Dokument", "Avsnitt", "Citat", show_lines=True)
        for i, c in enumerate(answer.citations, start=1):
            quote = c.quote if len(c.quote) <= 300 else c.quote[:297] + "…"
            table.add_row(str(i), c.municipality, c.document, c.section, quote)
        console.print(table)


def render_ingest(console: Console, report: IngestReport) -> None:
    console.print(
        f"[bold]Ingest:[/bold] {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed; {report.passages} passages and {report.facts} facts "
        "written.")
    for path, reason in report.failed:
        console.print(f"[red]  skipped {path}: {reason}[/red]")


def render_eval(console: Console, reports: list[Report]) -> None:
    names = list(reports[0].metrics())
    table = Table("system", *names)
    for report in reports:
        m = report.metrics()
        table.add_row(report.name, *(f"{m[n]:.3f}" if n not in ("items", "invented_quotes")
                                     and not n.endswith("_ms") else f"{m[n]:.0f}"
                                     for n in names))
    console.print(table)
    types = Table("system", *reports[0].by_type(), title="correct by question type")
    for report in reports:
        types.add_row(report.name, *(f"{v:.2f}" for v in report.by_type().values()))
    console.print(types)


def render_decision(console: Console, model: DecisionModel) -> None:
    """The answer-or-abstain model's figures where it was fitted and on held-out questions."""
    report = model.report
    table = Table("split", "sources", "rows", "out_of_scope", "auc", "oos_abstained",
                  "false_abstention", "unsure_share",
                  title=f"answer decision: abstain below p={model.abstain_below:.2f}, "
                        f"sure above p={model.sure_above:.2f}")
    for split in ("train", "holdout"):
        m = report.get(split) or {}
        sources = ", ".join(report.get(f"{split}_sources") or [])
        table.add_row(split, sources, *(str(m.get(k, "–")) for k in (
            "rows", "out_of_scope", "auc", "oos_abstained", "false_abstention",
            "unsure_share")))
    console.print(table)
