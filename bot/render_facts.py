"""Rich rendering of facts and of the onboarding briefing for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from knowledge.fact_answers import actor_name
from knowledge.facts import ACTION_LABELS, GOAL_KIND_LABELS, WHEN_LABELS, Briefing, Fact

_SV, _EN = 0, 1


def _where(f: Fact) -> str:
    return f"{f.section}"


def goals_table(goals: tuple[Fact, ...] | list[Fact], lang: int) -> Table:
    table = Table("Slag" if lang == _SV else "Kind", "Mål" if lang == _SV else "Goal",
                  "Avsnitt" if lang == _SV else "Section", show_lines=False, expand=True)
    for g in goals:
        table.add_row(GOAL_KIND_LABELS[g.goal_kind][lang], g.object, _where(g))
    return table


def responsibilities_table(facts: tuple[Fact, ...] | list[Fact], lang: int) -> Table:
    table = Table("Vem" if lang == _SV else "Who", "Gör" if lang == _SV else "Does",
                  "Vad" if lang == _SV else "What", "Avsnitt" if lang == _SV else "Section",
                  expand=True)
    for f in facts:
        table.add_row(actor_name(f.actor, "sv" if lang == _SV else "en"),
                      ACTION_LABELS[f.action][lang], f.object, _where(f))
    return table


def obligations_table(facts: tuple[Fact, ...] | list[Fact], lang: int) -> Table:
    table = Table("När" if lang == _SV else "When", "Vem" if lang == _SV else "Who",
                  "Vad" if lang == _SV else "What", "Avsnitt" if lang == _SV else "Section",
                  expand=True)
    for f in facts:
        what = f.object
        if f.recipient:
            what += f"\n→ {f.recipient}"
        if f.contents:
            what += "\n" + ("Innehåll: " if lang == _SV else "Contents: ") + "; ".join(f.contents)
        when = WHEN_LABELS.get(f.when, WHEN_LABELS[""])[lang]
        table.add_row(when, actor_name(f.actor, "sv" if lang == _SV else "en"), what, _where(f))
    return table


def render_briefing(console: Console, b: Briefing, language: str = "sv") -> None:
    lang = _EN if language == "en" else _SV
    titles = (("Mål och syfte", "Vem beslutar och gör vad", "Uppföljning och redovisning")
              if lang == _SV else
              ("Goals and purpose", "Who decides and does what", "Follow-up and reporting"))
    head = (f"{b.document}" + (f" — {b.adopted}" if b.adopted else ""))
    parts = [goals_table(b.goals, lang), responsibilities_table(b.responsibilities, lang),
             obligations_table(b.obligations, lang)]
    for title, part in zip(titles, parts, strict=True):
        part.title = f"[bold]{title}[/bold]"
    intro = ("Introduktion för nya tjänstepersoner och förtroendevalda" if lang == _SV
             else "Briefing for new officials")
    console.print(Panel(Group(*parts), title=f"{intro}: {b.municipality}", subtitle=head))
    note = ("Varje rad kommer ordagrant ur policyn; kör `policyguide facts export` för källtexten."
            if lang == _SV else
            "Every row comes verbatim from the policy; `policyguide facts export` gives quotes.")
    console.print(f"[dim]{note}[/dim]")
