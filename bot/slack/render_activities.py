"""Register results -> Slack messages: activity lists, open follow-ups, confirmations, refusals.

Lists can be long (a year of a whole municipality), so lines are packed into a few sections and
the rest is counted with a pointer to the CLI, the same rule as the briefing: Slack refuses a
message over its limits, and a refused list is worse than a shortened one. Everything a person
typed (titles, committees) is escaped: in mrkdwn "<" and "&" are control characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.slack.render import Block, SlackMessage, escape, packed_sections, section
from register import countries, fields
from register.report import period
from register.schemas import ActivityRecord
from register.service import FollowUp
from register.vocab import label

MAX_LIST_BLOCKS = 20


def activity_line(a: ActivityRecord) -> str:
    country = countries.name_sv(a.country)
    return (f"`#{a.id}` *{escape(a.title)}* · {period(a.start_date, a.end_date)} · "
            f"{escape(country)} · {escape(a.committee)} · {label(a.status)}")


def activity_list(records: Sequence[ActivityRecord], year: int | None) -> SlackMessage:
    """Every activity as one line, oldest first."""
    when = f" {year}" if year else ""
    if not records:
        return SlackMessage(text=f"Inga aktiviteter{when} i registret.")
    head = f"{len(records)} {'aktivitet' if len(records) == 1 else 'aktiviteter'}{when}"
    more = "… och {n} till: `policyguide register list" + (f" --year {year}`" if year else "`")
    return SlackMessage(text=head, blocks=[section(f"*{head}*"),
                                          *_packed_list([activity_line(a) for a in records], more)])


def follow_up_list(found: Sequence[FollowUp]) -> SlackMessage:
    """Completed activities without their after-exchange report, and what each lacks."""
    if not found:
        return SlackMessage(text="✅ Alla genomförda aktiviteter har sin återrapport.")
    head = (f"{len(found)} genomförd{'' if len(found) == 1 else 'a'} "
            f"aktivitet{'' if len(found) == 1 else 'er'} saknar återrapport")
    lines = [f"{activity_line(f.activity)}\n    saknar: "
             + ", ".join(fields.FIELD_LABELS[m][0] for m in f.missing) for f in found]
    return SlackMessage(text=head, blocks=[
        section(f"*{head}*"),
        *_packed_list(lines, "… och {n} till: `policyguide register followups`")])


def saved(record: ActivityRecord) -> SlackMessage:
    return SlackMessage(text=f"✅ Sparad som aktivitet #{record.id}: {escape(record.title)} "
                        f"({period(record.start_date, record.end_date)}). Ändra med "
                        f"`policyguide register edit {record.id}`.")


def refused(message: str) -> SlackMessage:
    """A role refusal, as the register words it (in the asker's language): who may do it and
    whom to ask."""
    return SlackMessage(text=f"🔒 {escape(message)}")


def report_comment(year: int, activities: int) -> str:
    return (f"📄 Årsrapport över internationella aktiviteter {year} ({activities} aktiviteter), "
            "som Markdown och Word.")


def _packed_list(lines: Sequence[str], more: str) -> list[Block]:
    return packed_sections(lines, MAX_LIST_BLOCKS, more)

