"""`policyguide register …`: the register of international activities from the terminal.

Each command parses its arguments, calls ``RegisterService`` and renders the result with Rich;
the rules (validation, roles, audit) live in ``register/``. Everything a user typed is rendered
as plain ``Text``, never as Rich markup. The actor is ``cli:<login>`` (``--user`` overrides it).
"""

from __future__ import annotations

import getpass
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from bot.cli_common import console, err, policy_service, settings
from bot.register_policy import check_activity, goal_reference
from bot.render_register import activities_table, followups_table, history_table, values_table
from bot.wiring import build_line_reader
from bot.wiring_register import build_register
from register import committees, fields
from register import report as annual
from register.csv_io import read_csv, write_csv
from register.errors import RegisterError
from register.report_docx import write_docx
from register.sample import sample_activities
from register.schemas import REQUIRED
from register.service import RegisterService

register_app = typer.Typer(help="The register of international activities (log, list, report).",
                           no_args_is_help=True, add_completion=False)

User = Annotated[str | None, typer.Option("--user", help="Your login (default: the OS login).")]
Sets = Annotated[list[str] | None, typer.Option("--set", help="FIELD=VALUE, repeatable.")]
Opt = Annotated[str | None, typer.Option()]


def _service() -> RegisterService:
    try:
        return build_register(settings()).service
    except ValueError as exc:  # a bad coordinators entry
        err.print(Text(f"Invalid configuration: {exc}", style="red"))
        raise typer.Exit(2) from exc


def _actor(user: str | None) -> str:
    return f"cli:{user or getpass.getuser()}"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(Text(message, style="red"))
    return typer.Exit(code)


@contextmanager
def _refusals() -> Iterator[None]:
    """A refusal from the register (validation, role, not found) becomes its message, exit 2."""
    try:
        yield
    except RegisterError as exc:
        raise _fail(str(exc)) from exc


def _assignments(options: dict[str, str | None], sets: list[str] | None) -> dict[str, Any]:
    """Options and --set FIELD=VALUE → field values, read as a person writes them."""
    raw = {k: v for k, v in options.items() if v is not None}
    for item in sets or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise _fail(f"--set takes FIELD=VALUE, not {item!r}")
        raw[key] = value
    with _refusals():
        return fields.parse_assignments(raw)


@register_app.command()
def log(
    text: Annotated[str | None, typer.Argument(help="One line, e.g. 'logga utbyte med Time "
                                               "kommun, Norge, 3–7 maj 2026, 25 elever, …'")]
    = None,
    municipality: Annotated[str | None, typer.Option("--municipality", "-m")] = None,
    committee: Opt = None, kind: Opt = None, form: Opt = None, title: Opt = None,
    partner: Opt = None, country: Opt = None, start: Opt = None, end: Opt = None,
    participants: Opt = None, sets: Sets = None, user: User = None,
    yes: Annotated[bool, typer.Option("--yes", "-y")] = False,
    policy: Annotated[bool, typer.Option(help="Suggest policy goals and check required "
                                              "decisions (loads the policy index).")] = True,
) -> None:
    """Log an activity from one line of text and/or options (any other field with --set)."""
    service = _service()
    municipality = municipality or settings().default_municipality
    values = _from_text(text, municipality, service.committees, yes)
    values.update(_assignments({
        "committee": committee, "kind": kind, "form": form, "title": title, "partner": partner,
        "country": country, "start": start, "end": end, "participants": participants}, sets))
    for name in [n for n in REQUIRED if not values.get(n)]:
        if yes:
            raise _fail(f"Missing required field: {name} ({fields.FIELD_LABELS[name][1]}).")
        values[name] = _prompt(name, service.committees)
    if policy:
        _policy_check(values, accept=not yes)
    console.print(values_table(values))
    if not yes and not typer.confirm("Save this activity?", default=True):
        raise typer.Exit(1)
    with _refusals():
        record = service.create(_actor(user), values, channel="cli")
    console.print(Text(f"Saved activity #{record.id}: {record.title}", style="green"))


def _policy_check(values: dict[str, Any], accept: bool) -> None:
    """Show the goals the activity serves and any decision the policy requires; link the goals
    only when the coordinator accepts them."""
    check = check_activity(values, policy_service("Checking the policy…"))
    for warning in check.warnings:
        console.print(Text(f"⚠ {warning.message}", style="yellow"))
    if not check.goals:
        return
    console.print("Policy goals this activity may serve:")
    for i, goal in enumerate(check.goals, start=1):
        console.print(Text(f"  {i}. {goal_reference(goal)}  ({goal.citation})"))
    if accept and typer.confirm("Link these goals to the activity?", default=True):
        values["goals"] = [*values.get("goals", []), *map(goal_reference, check.goals)]


def _from_text(text: str | None, municipality: str | None, known: list[str],
               strict: bool) -> dict[str, Any]:
    """The one-line text as field values; what was assumed or not understood is shown."""
    values: dict[str, Any] = {"municipality": municipality} if municipality else {}
    if not text:
        return values
    parsed = build_line_reader(settings()).read(text, municipality=municipality,
                                                 known_committees=known)
    en = parsed.language == "en"  # what the reader says back is in the line's language
    for note in parsed.assumptions:
        console.print(Text(f"{'assumed' if en else 'antaget'} {note}", style="yellow"))
    for piece in parsed.not_understood:
        err.print(Text(f"{'not understood' if en else 'förstods inte'}: {piece}", style="red"))
    if parsed.not_understood and strict:
        raise _fail("Parts of the line were not understood; fix them or drop --yes.")
    return {**values, **parsed.draft.model_dump(exclude_none=True)}


def _prompt(name: str, known_committees: list[str]) -> Any:
    """Ask for a missing required field until it reads (or the user gives up)."""
    while True:
        try:
            answer = typer.prompt(" / ".join(fields.FIELD_LABELS[name]))
        except typer.Abort as exc:
            raise _fail(f"Missing required field: {name}.") from exc
        try:
            if name == "committee":
                return committees.resolve(answer, known_committees)
            return fields.parse_field_value(name, answer)
        except ValueError as exc:
            err.print(Text(str(exc), style="red"))


@register_app.command()
def edit(activity_id: int, sets: Sets = None, user: User = None) -> None:
    """Change fields: `edit 12 --set status=genomförd --set lessons_learned="…"`."""
    with _refusals():
        record = _service().update(_actor(user), activity_id, _assignments({}, sets))
    console.print(Text(f"Activity #{record.id} is at version {record.version}.", style="green"))


@register_app.command()
def cancel(activity_id: int, reason: Opt = None, user: User = None) -> None:
    """Mark an activity as cancelled (it stays in the register and its history)."""
    with _refusals():
        record = _service().cancel(_actor(user), activity_id, reason)
    console.print(Text(f"Activity #{record.id} is cancelled.", style="green"))


@register_app.command()
def show(activity_id: int) -> None:
    """One activity with every field and its change history."""
    service = _service()
    with _refusals():
        record, history = service.get(activity_id), service.history(activity_id)
    console.print(values_table(record.model_dump(), title=f"Activity #{record.id}"))
    console.print(history_table(history))


@register_app.command("list")
def list_activities(
    year: Annotated[int | None, typer.Option()] = None, committee: Opt = None,
    country: Opt = None, kind: Opt = None, status: Opt = None, text: Opt = None,
    municipality: Opt = None, limit: Annotated[int, typer.Option()] = 200,
) -> None:
    """List activities (every filter optional; names in Swedish or English)."""
    with _refusals():
        records = _service().search(year=year, committee=committee, country=country, kind=kind,
                                    status=status, text=text, municipality=municipality,
                                    limit=limit)
    console.print(activities_table(records))


@register_app.command()
def followups(year: Annotated[int | None, typer.Option()] = None, committee: Opt = None) -> None:
    """Completed exchanges whose after-exchange report is not filled in."""
    with _refusals():
        found = _service().missing_follow_up(year=year, committee=committee)
    console.print(followups_table(found) if found else "No open follow-ups.")


@register_app.command()
def report(
    year: Annotated[int, typer.Option(help="The year reported on.")],
    committee: Opt = None, municipality: Opt = None,
    fmt: Annotated[str, typer.Option("--format", help="md, csv or docx.")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """The annual report per committee (Markdown, CSV or DOCX)."""
    if fmt not in ("md", "csv", "docx"):
        raise _fail(f"--format must be md, csv or docx, not {fmt!r}")
    with _refusals():
        built = annual.build_report(_service(), year, committee=committee,
                                    municipality=municipality)
    if fmt == "docx":
        path = write_docx(built, output or Path(f"register-report-{year}.docx"))
        console.print(Text(f"Wrote {path}", style="green"))
        return
    _emit(annual.render_markdown(built) if fmt == "md" else annual.render_csv(built), output)


@register_app.command("export")
def export_csv(output: Annotated[Path | None, typer.Option("--output", "-o")] = None) -> None:
    """Every activity as CSV (re-importable: rows are keyed by external_id)."""
    buffer = io.StringIO()
    write_csv(_service().search(), buffer)
    _emit(buffer.getvalue(), output)


@register_app.command("import")
def import_csv(path: Path, user: User = None) -> None:
    """Create or update activities from a CSV file; each bad row is reported, none half-saved."""
    try:
        with _refusals(), path.open(encoding="utf-8-sig", newline="") as source:
            result = read_csv(_service(), _actor(user), source)
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"Cannot read {path}: {exc}") from exc
    console.print(f"created {result.created}, updated {result.updated}, "
                  f"unchanged {result.unchanged}, errors {len(result.errors)}")
    for warning in result.warnings:
        console.print(Text(warning, style="yellow"))
    for line, message in result.errors:
        err.print(Text(f"line {line}: {message}", style="red"))
    if result.errors:
        raise typer.Exit(1)


@register_app.command("demo-data")
def demo_data(count: Annotated[int, typer.Option()] = 36,
              year: Annotated[int, typer.Option()] = 2026,
              municipality: Annotated[str, typer.Option("--municipality", "-m")] = "Eksjö",
              user: User = None) -> None:
    """Fill the register with realistic sample activities, to try reports and searches."""
    service = _service()
    with _refusals():
        for data in sample_activities(count, year=year, municipality=municipality):
            service.create(_actor(user), data, channel="demo-data")
    console.print(Text(f"Logged {count} sample activities for {municipality} {year}."))


def _emit(content: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(content)
        return
    output.write_text(content, encoding="utf-8")
    console.print(Text(f"Wrote {output}", style="green"))
