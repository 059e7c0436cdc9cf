"""Rich rendering of core results for the terminal (the CLI's equivalent of Block Kit)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.live import Live
from rich.panel import Panel
from rich.table import Table

from ingest.pipeline import IngestReport
from knowledge.decision import DecisionModel
from knowledge.evaluation import Report
from knowledge.models import Answer, Document
from knowledge.municipalities import load_registry
from knowledge.query import detect_language
from knowledge.service import PolicyService


def ask_with_draft(console: Console, service: PolicyService, question: str,
                   municipality: str | None) -> Answer:
    """``service.ask``; on a terminal, a generated answer's draft is shown live as it is
    written (marked as unchecked) and cleared before the verified answer is printed."""
    if service.generator is None or not console.is_terminal:
        return service.ask(question, municipality)
    title = ("utkast – kontrolleras mot källorna" if detect_language(question) == "sv"
             else "draft – checked against the sources")
    with Live(console=console, transient=True, refresh_per_second=4) as live:
        return service.ask(question, municipality, on_draft=lambda text: live.update(
            Panel(text, title=title, border_style="dim")))


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
    """Per document: where it went (municipality and how that was found), title, date, file;
    then every file that was refused, with the reason."""
    console.print(
        f"[bold]Ingest:[/bold] {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed; {report.passages} passages and {report.facts} facts "
        "written.")
    if report.documents:
        table = Table("", "Kommun/region", "Hur", "Titel", "Datum", "Fil", box=None)
        for line in report.documents:
            how = f"{line.how}; {line.note}" if line.note else line.how
            table.add_row(line.status, line.municipality, how, line.title, line.date or "–",
                          line.file)
        console.print(table)
    for name in report.removed:
        console.print(f"[yellow]  removed {name}: the file is gone[/yellow]")
    for path, reason in report.failed:
        console.print(f"[red]  skipped {path}: {reason}[/red]")


def render_municipalities(console: Console, documents: Iterable[Document],
                          each: bool = False) -> None:
    """Canonical name, official name and number of documents of each organisation."""
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        groups[doc.municipality].append(doc)
    registry = load_registry()
    table = Table("Kommun/region", "Officiellt namn", "Dokument")
    for name in sorted(groups):
        docs = groups[name]
        listed = registry.resolve(name, fuzzy=False)
        official = next((d.official_name for d in docs if d.official_name), None) or (
            listed.official if listed else "–")
        table.add_row(name, official, str(len(docs)))
        if each:
            for d in sorted(docs, key=lambda d: d.title):
                table.add_row("", f"[dim]{d.title} ({d.date or 'odaterad'})[/dim]",
                              f"[dim]{Path(d.source).name}[/dim]")
    console.print(table)


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
    splits = [(split, ", ".join(report.get(f"{split}_sources") or []), report.get(split) or {})
              for split in ("train", "holdout")]
    splits += [("left out", source, m) for source, m in (report.get("left_out") or {}).items()]
    for split, sources, m in splits:
        table.add_row(split, sources, *(str(m.get(k, "–")) for k in (
            "rows", "out_of_scope", "auc", "oos_abstained", "false_abstention",
            "unsure_share")))
    console.print(table)
