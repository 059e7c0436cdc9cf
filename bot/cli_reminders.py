"""``policyguide reminders``: what the policies demand next, listed or sent (for cron).

    policyguide reminders -m Älmhult --due-within 30d
    policyguide reminders --send          # each reminder to its coordinator once (Slack DM)

A cron line such as ``0 7 * * 1 policyguide reminders --send`` (Mondays 07:00) is the scheduler;
two overlapping runs send nothing twice (see ``register.reminder_log``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated

import typer

from bot.cli_common import console, fail, policy_service, settings
from bot.reminders.deliver import deliver, deliver_digest
from bot.reminders.render import digest, when
from bot.reminders.schedule import swedish_today
from bot.reminders.scheduler import run_daily
from bot.reminders.service import Reminder, ReminderRules, Reminders
from bot.settings import Settings
from bot.wiring_register import build_register
from knowledge.service import InvalidQuestionError
from register.reminder_log import ReminderLog
from register.roles import AccessPolicy


def parse_days(text: str) -> int:
    """'30d', '30', '6w' → days; a ValueError says what to write instead."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", text.lower())
    if not match:
        raise ValueError(f"{text!r} is not a span such as 30d or 6w")
    return int(match[1]) * (7 if match[2] == "w" else 1)


def slack_recipients(config: Settings) -> dict[str, str]:
    return {k.casefold(): v for k, v in config.slack_coordinators.items()}


def reminders_command(
    municipality: Annotated[str | None, typer.Option("--municipality", "-m",
                                                     help="Only this municipality.")] = None,
    due_within: Annotated[str, typer.Option(help="Also what falls due within this span "
                                                 "(30d, 6w); overdue ones always.")] = "30d",
    today: Annotated[str | None, typer.Option(help="Pretend it is this date (YYYY-MM-DD).")
                     ] = None,
    lang: Annotated[str, typer.Option("--lang", help="sv or en.")] = "sv",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    send: Annotated[bool, typer.Option(help="Send each reminder once to the municipality's "
                                            "coordinator (POLICYGUIDE_SLACK_COORDINATORS, "
                                            "by Slack DM).")] = False,
    digest_: Annotated[bool, typer.Option("--digest", help="With --send: one message with "
                                          "everything open, once a week.")] = False,
    daily_at: Annotated[str | None, typer.Option(help="With --send: keep running and send "
                                                 "every day at HH:MM (the digest on "
                                                 "POLICYGUIDE_REMINDER_DIGEST_WEEKDAY).")
                        ] = None,
) -> None:
    """What the policies demand next: missing after-reports, the annual compilation, the
    policy's revision, each with the sentence that demands it."""
    if lang not in ("sv", "en"):
        fail("--lang must be sv or en.")
    try:
        days = parse_days(due_within)
        day = dt.date.fromisoformat(today) if today else swedish_today()
        at = dt.time.fromisoformat(daily_at) if daily_at else None
    except ValueError as exc:
        fail(exc)
    if (digest_ or at) and not send:
        fail("--digest and --daily-at go with --send.")
    config = settings()
    if send and config.slack_bot_token is None:
        fail("--send needs POLICYGUIDE_SLACK_BOT_TOKEN (reminders go to the coordinators by "
             "Slack DM).")
    service = policy_service()
    name = None
    if municipality:
        try:
            name = service.resolve_municipality(municipality)
        except InvalidQuestionError as exc:
            fail(exc)
        if name is None:
            fail(f"Unknown municipality {municipality!r}. Known: "
                 f"{', '.join(service.municipalities())}.")
    register = build_register(config)
    reminders = Reminders(service.briefing, service.municipalities, register.service,
                          register.reminders,
                          ReminderRules.of(config.reminder_report_days,
                                           config.reminder_annual_due),
                          access=AccessPolicy(config.coordinators))
    if send and at is not None:
        def job(run_day: dt.date) -> None:
            found_then = reminders.due(run_day, days, name)
            _send(config, found_then, register.reminders, run_day, lang, digest=False)
            # on or after the digest weekday: a missed run sends it later that week, once
            if run_day.isoweekday() >= config.reminder_digest_weekday:
                _send(config, found_then, register.reminders, run_day, lang, digest=True)

        console.print(f"Sending reminders every day at {at.isoformat('minutes')} "
                      "(Ctrl-C stops).", markup=False)
        run_daily(job, at)
        return
    found = reminders.due(day, days, name)
    if send:
        if not _send(config, found, register.reminders, day, lang, digest=digest_):
            raise typer.Exit(1)
        return
    if as_json:
        console.print_json(json.dumps([{
            "kind": r.kind, "item": r.item, "period": r.period, "municipality": r.municipality,
            "due": r.due.isoformat() if r.due else None, "overdue": r.overdue(day),
            "when": when(r, day, lang), "subject": r.subject, "missing": list(r.missing),
            "citation": r.citation.contract() if r.citation else None} for r in found],
            ensure_ascii=False))
        return
    console.print(digest(found, day, lang), markup=False, highlight=False)


def _send(config: Settings, found: list[Reminder], log: ReminderLog, day: dt.date,
          lang: str, digest: bool) -> bool:
    """Send, print what happened; False if any send failed (they are tried again next run)."""
    from slack_sdk import WebClient

    from bot.slack.render_reminders import reminder_message

    token = config.slack_bot_token.get_secret_value() if config.slack_bot_token else ""
    client = WebClient(token=token, base_url=config.slack_api_url)
    users = slack_recipients(config)

    def recipients(municipality: str) -> list[str]:
        user = users.get(municipality.casefold()) or users.get("*")
        return [f"slack:{user}"] if user else []

    def post(recipient: str, reminder: Reminder, text: str) -> None:
        message = reminder_message(reminder, text, lang)
        client.chat_postMessage(channel=recipient.removeprefix("slack:"), text=message.text,
                                blocks=message.blocks)

    def post_digest(recipient: str, text: str) -> None:
        client.chat_postMessage(channel=recipient.removeprefix("slack:"), text=text)

    if digest:
        result = deliver_digest(found, recipients, post_digest, log, day, lang)
        console.print(f"Digest: {len(result.sent)} reminders to "
                      f"{len({r for r, _ in result.sent})} coordinators, already sent this "
                      f"week {result.skipped}, failed {len(result.failed)}.", markup=False)
    else:
        result = deliver(found, recipients, post, log, day, lang)
        console.print(f"Sent {len(result.sent)}, already sent before {result.skipped}, "
                      f"failed {len(result.failed)}.", markup=False)
    for municipality in result.no_recipient:
        console.print(f"No coordinator for {municipality}: set POLICYGUIDE_SLACK_COORDINATORS.",
                      markup=False)
    for recipient, reminder, reason in result.failed:
        console.print(f"Not sent to {recipient} ({reminder.subject[:60]}): {reason}",
                      markup=False)
    return not result.failed
