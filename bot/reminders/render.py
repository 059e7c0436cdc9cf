"""Reminders as plain text, in Swedish or English: one block per reminder, quote included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.reminders.service import Reminder
from register.fields import FIELD_LABELS

_KIND = {"after_report": ("Rapport efter aktiviteten saknas", "After-report missing"),
         "annual": ("Årlig sammanställning", "Annual compilation"),
         "revision": ("Uppföljning/revidering av policyn", "Policy follow-up/revision"),
         "revision_unknown": ("Uppföljning/revidering av policyn", "Policy follow-up/revision")}


def when(reminder: Reminder, today: dt.date, language: str) -> str:
    en = language == "en"
    if reminder.due is None:
        return ("cannot tell when it is due: the policy states no adoption date" if en else
                "kan inte avgöra när: policyn anger inget antagandedatum")
    if reminder.overdue(today):
        days = (today - reminder.due).days
        return (f"overdue since {reminder.due.isoformat()} ({days} days)" if en else
                f"försenad sedan {reminder.due.isoformat()} ({days} dagar)")
    return f"due {reminder.due.isoformat()}" if en else f"senast {reminder.due.isoformat()}"


def period_label(reminder: Reminder, language: str) -> str:
    en = language == "en"
    if reminder.kind == "annual":
        return f"year {reminder.period}" if en else f"år {reminder.period}"
    if reminder.kind == "revision" and "–" in reminder.period:
        return f"mandate period {reminder.period}" if en else f"mandatperioden {reminder.period}"
    return ""


def render(reminder: Reminder, today: dt.date, language: str) -> str:
    en = language == "en"
    kind = _KIND[reminder.kind][1 if en else 0]
    period = period_label(reminder, language)
    head = (f"{'⏰' if reminder.overdue(today) else '📅'} {reminder.municipality} – {kind}"
            f"{f' ({period})' if period else ''}: {when(reminder, today, language)}")
    lines = [head, f"   {reminder.subject}"]
    if reminder.missing:
        names = [FIELD_LABELS.get(m, (m, m))[1 if en else 0] for m in reminder.missing]
        lines.append(f"   {'Missing' if en else 'Saknas'}: {', '.join(names)}")
    if reminder.kind == "annual":
        year, where = reminder.period, reminder.municipality
        lines.append(f"   {'Draft' if en else 'Utkast'}: policyguide register report --year {year} "
                     f"-m \"{where}\" ({'in Slack' if en else 'i Slack'} /aktivitet rapport "
                     f"{year}, {'in Teams' if en else 'i Teams'} «rapport {year}»)")
    if reminder.citation is not None:
        c = reminder.citation
        section = "section" if en else "avsnitt"
        lines.append(f"   «{c.quote}» ({c.document}, {section} «{c.section}»)")
    return "\n".join(lines)


def digest(reminders: Sequence[Reminder], today: dt.date, language: str) -> str:
    if not reminders:
        return ("Nothing is due: no open reminders." if language == "en" else
                "Inget är på tur: inga öppna påminnelser.")
    title = "What the policies demand next" if language == "en" else "Det policyerna kräver härnäst"
    return "\n\n".join([f"{title} ({today.isoformat()})",
                        *(render(r, today, language) for r in reminders)])
