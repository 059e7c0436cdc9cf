"""The reminders that are due: after-reports, the annual compilation, the policy's revision.

Each reminder cites the policy sentence that demands it (the obligation fact's verbatim quote),
so a coordinator sees why, not only what. Rhythms come from the facts, never from a list of
municipalities: a policy that says "årligen" gets a yearly compilation reminder, one that says
"varje mandatperiod" or "minst vart fjärde år" gets a revision reminder, and one that demands a
report "after each exchange" gets one per completed activity still missing its report. A
revision rhythm without an adoption date is listed as "cannot tell when it is due".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from bot.reminders.schedule import (
    REVISIONS,
    SWEDEN,
    Due,
    adoption_date,
    annual_due,
    parse_month_day,
    revision_due,
)
from knowledge.facts import Briefing, Fact
from knowledge.models import Citation
from register.errors import PermissionDenied
from register.messages import said
from register.reminder_log import Answer, ReminderLog
from register.roles import AccessPolicy
from register.service import FOLLOW_UP_KINDS, FollowUp, RegisterService

DEFAULT_ANNUAL = (3, 31)
OPEN_STATUSES = ("planned", "ongoing")


@dataclass(frozen=True)
class Reminder:
    kind: str  # "after_report", "annual", "revision", "revision_unknown"
    item: str  # stable across runs: the fact id, or "activity:<id>"
    period: str
    municipality: str
    due: dt.date | None
    subject: str  # the obligation, or the activity's title
    citation: Citation | None
    missing: tuple[str, ...] = ()  # after-report fields still empty

    def overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.due < today


@dataclass(frozen=True)
class ReminderRules:
    report_days: int
    annual: dict[str, tuple[int, int]]  # municipality (or "*") → due month, day

    def annual_for(self, municipality: str) -> tuple[int, int]:
        folded = {k.casefold(): v for k, v in self.annual.items()}
        return folded.get(municipality.casefold()) or folded.get("*") or DEFAULT_ANNUAL

    @classmethod
    def of(cls, report_days: int, annual: dict[str, str]) -> ReminderRules:
        return cls(report_days, {k: parse_month_day(v) for k, v in annual.items()})


class Reminders:
    """Computes reminders; sending them is the caller's (CLI, scheduler, bots)."""

    def __init__(self, briefing: Callable[[str], Briefing], municipalities: Callable[[], list[str]],
                 register: RegisterService, log: ReminderLog, rules: ReminderRules,
                 resolve: Callable[[str], str | None] | None = None,
                 access: AccessPolicy | None = None) -> None:
        self._access = access or AccessPolicy([])
        self._briefing = briefing
        self._municipalities = municipalities
        self._resolve = resolve
        self._register = register
        self._log = log
        self._rules = rules

    def answer(self, actor: str, item: str, period: str, status: str,
               until: dt.date | None = None) -> None:
        """Mark done or snooze, for whoever it was sent to or a register coordinator;
        ``PermissionDenied`` (a message for the person) for anyone else."""
        if not may_answer(self._log, self._access, actor, item, period):
            raise PermissionDenied(said("reminder_not_yours"))
        self._log.answer(item, period, status, actor, until=until)

    def resolve(self, name: str) -> str | None:
        """The municipality's name as the store spells it (raises or returns None if unknown,
        as the policy service does)."""
        return self._resolve(name) if self._resolve else name

    def due(self, today: dt.date, within_days: int = 30,
            municipality: str | None = None) -> list[Reminder]:
        """Overdue and due within ``within_days``, minus those marked done or snoozed past
        ``today``; unknown due dates last."""
        horizon = today + dt.timedelta(days=within_days)
        found: list[Reminder] = []
        for name in [municipality] if municipality else self._municipalities():
            briefing = self._briefing(name)
            found.extend(self._from_policy(briefing, today))
            found.extend(self._after_reports(briefing, today))
        answers = self._log.answers(sorted({r.item for r in found}))
        kept = [r for r in found if (r.due is None or r.due <= horizon)
                and not _answered(answers.get((r.item, r.period)), today)]
        return sorted(kept, key=lambda r: (r.due is None, r.due or today, r.municipality,
                                           r.subject))

    def _from_policy(self, briefing: Briefing, today: dt.date) -> list[Reminder]:
        adopted = adoption_date(briefing.adopted)
        found: list[Reminder] = []
        for fact in briefing.obligations:
            if fact.when == "annually":
                month_day = self._rules.annual_for(briefing.municipality)
                found.extend(self._reminder("annual", fact, due)
                             for due in annual_due(today, month_day, adopted))
            elif fact.when in REVISIONS:
                last = self._last_revision(fact, adopted)
                if last is None:
                    found.append(Reminder("revision_unknown", item_key(fact), "unknown",
                                          fact.municipality, None, fact.object,
                                          fact.citation()))
                else:
                    found.append(self._reminder("revision", fact, revision_due(fact.when, last)))
        return found

    def _last_revision(self, fact: Fact, adopted: dt.date | None) -> dt.date | None:
        """The adoption, or the latest day (in Sweden) a coordinator marked it done."""
        key = item_key(fact)
        done = [a.at.astimezone(SWEDEN).date() for (item, _), a in
                self._log.answers([key]).items() if item == key and a.status == "done"]
        dates = [d for d in (adopted, *done) if d is not None]
        return max(dates) if dates else None

    def _reminder(self, kind: str, fact: Fact, due: Due) -> Reminder:
        return Reminder(kind, item_key(fact), due.period, fact.municipality, due.due,
                        fact.object, fact.citation())

    def _after_reports(self, briefing: Briefing, today: dt.date) -> list[Reminder]:
        """Only where the policy demands a report after each exchange (the reminder quotes
        that), and only once the N days have passed: not as soon as it is completed."""
        demanded = [f for f in briefing.obligations if f.when == "after_each"]
        if not demanded:
            return []
        rule = demanded[0].citation()
        found = [self._after_report(f, rule) for f in
                 self._register.missing_follow_up(municipality=briefing.municipality)]
        found.extend(self._after_report(f, rule) for f in self._not_closed(briefing))
        return [r for r in found if r.due is not None and r.due <= today]

    def _not_closed(self, briefing: Briefing) -> list[FollowUp]:
        """Exchanges, visits and projects still planned or ongoing after they ended: their
        status is to be set, and their report written ("status" leads what is missing)."""
        found = []
        for status in OPEN_STATUSES:
            for activity in self._register.search(municipality=briefing.municipality,
                                                  status=status):
                if activity.kind in FOLLOW_UP_KINDS:
                    found.append(FollowUp(activity,
                                          ["status", *activity.missing_report_fields()]))
        return found

    def _after_report(self, follow_up: FollowUp, rule: Citation) -> Reminder:
        activity = follow_up.activity
        ended = activity.end_date or activity.start_date
        return Reminder("after_report", f"activity:{activity.id}", "report",
                        activity.municipality,
                        ended + dt.timedelta(days=self._rules.report_days), activity.title,
                        rule, tuple(follow_up.missing))


def item_key(fact: Fact) -> str:
    """A reminder's identity: the municipality, the rhythm and the demanding sentence, so a
    re-ingest that moves the sentence (or renumbers the facts) keeps its answers and sends."""
    sentence = " ".join(fact.quote.split()).casefold()
    digest = hashlib.sha1(sentence.encode(), usedforsecurity=False).hexdigest()[:12]
    return f"{fact.municipality}:{fact.when}:{digest}"[-200:]


def may_answer(log: ReminderLog, access: AccessPolicy, actor: str, item: str,
               period: str) -> bool:
    """Whoever the reminder was sent to, or a register coordinator, may mark it done or
    snooze it; nobody else."""
    return actor in log.sent(item, period, any_stage=True) or access.may_write(actor)


def _answered(answer: Answer | None, today: dt.date) -> bool:
    if answer is None:
        return False
    return answer.status == "done" or (answer.until is not None and answer.until > today)
