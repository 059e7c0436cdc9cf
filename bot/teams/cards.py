"""Core answers and register data → Adaptive Cards (schema 1.5, what Teams renders today).

Teams refuses a card over about 28 KB, and a refused card means no answer at all, so every text
is cut here at a word, and at most ``MAX_CITATIONS`` sources are shown. A shortened quote keeps
its verbatim start and ends in a separate, italic note; a quote is never reworded.
"""

from __future__ import annotations

from typing import Any

from bot.teams.texts import text
from bot.text_cut import truncate

__all__ = ["truncate"]

Card = dict[str, Any]
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
MAX_CITATIONS = 6
MAX_QUOTE = 1500
MAX_ANSWER = 3000
MAX_LINES = 15
# the ``action`` in a card's submit data: the handlers dispatch on it
FEEDBACK, ESCALATE, OPEN_FORM, SAVE_ACTIVITY = "feedback", "escalate", "open_form", "save"
REMINDER = "reminder"
SNOOZE_DAYS = 7


def attachment(body: list[Card], actions: list[Card] | None = None) -> Card:
    content: Card = {"type": "AdaptiveCard", "version": "1.5",
                     "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                     "body": body, "msteams": {"width": "Full"}}
    if actions:
        content["actions"] = actions
    return {"contentType": ADAPTIVE, "content": content}


def block(value: str, **style: Any) -> Card:
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def submit(title: str, data: Card) -> Card:
    return {"type": "Action.Submit", "title": title, "data": data}


def citation_items(citation: Card, language: str) -> list[Card]:
    source = (f"**{citation['municipality']}** · {citation['document']} · "
              f"{text('section', language)} «{citation['section']}»")
    quote = citation["quote"]
    items: list[Card] = [block(truncate(quote, MAX_QUOTE, marker=""))]
    if len(quote) > MAX_QUOTE:
        items.append(block(text("cut", language), isSubtle=True, size="Small"))
    return [block(source, size="Small", isSubtle=True, spacing="Medium"),
            {"type": "Container", "style": "emphasis", "items": items}]


def answer_card(answer: Card, asker: str | None = None, question: str | None = None) -> Card:
    """The short answer, each source with its verbatim quote, then 👍 / 👎 / a person."""
    language, ref = answer["language"], answer["ref"]
    body: list[Card] = []
    if asker and question:
        body.append(block(f"{asker}: «{truncate(question, 300)}»", isSubtle=True, size="Small"))
    body.append(block(truncate(answer["answer"], MAX_ANSWER)))
    if answer.get("notice"):
        body.append(block(answer["notice"], isSubtle=True, size="Small"))
    citations = answer["citations"]
    for citation in citations[:MAX_CITATIONS]:
        body.extend(citation_items(citation, language))
    if len(citations) > MAX_CITATIONS:
        body.append(block(text("more_sources", language, n=len(citations) - MAX_CITATIONS),
                          isSubtle=True))
    actions = [submit(text("up", language), {"action": FEEDBACK, "verdict": "up", "ref": ref}),
               submit(text("down", language),
                      {"action": FEEDBACK, "verdict": "down", "ref": ref}),
               submit(text("human", language), {"action": ESCALATE, "ref": ref})]
    return attachment(body, actions)


def briefing_card(briefing: Card, language: str, intro: str | None = None,
                  due: list[Card] | None = None) -> Card:
    """The onboarding briefing: what is due next, then three parts of lines, each with its
    policy section."""
    body: list[Card] = []
    if intro:
        body.append(block(intro))
    body.append(block(text("briefing_title", language, m=briefing["municipality"]),
                      size="Large", weight="Bolder"))
    if due:
        body.append(block(text("due_next", language), weight="Bolder", spacing="Medium"))
        body.extend(block(f"- **{r['when']}** – {truncate(r['subject'], 300)}", spacing="None")
                    for r in due[:5])
    head = " · ".join(x for x in (briefing.get("document"), briefing.get("adopted")) if x)
    if head:
        body.append(block(head, isSubtle=True))
    for part in briefing.get("parts", []):
        body.append(block(part["title"], weight="Bolder", spacing="Medium"))
        lines = part["lines"]
        for line in lines[:MAX_LINES]:
            body.append(block(f"- {truncate(line['text'], 600)} _({text('section', language)} "
                              f"«{line['section']}»)_", spacing="None"))
        if len(lines) > MAX_LINES:
            body.append(block(text("briefing_more", language, n=len(lines) - MAX_LINES),
                              isSubtle=True))
        if not lines:
            body.append(block(text("briefing_none", language), isSubtle=True))
    return attachment(body)


def open_form_card(line: str, language: str) -> Card:
    """A message with one button: Teams opens dialogs only from a user's click."""
    return attachment([block(text("form_intro", language))],
                      [submit(text("open_form", language),
                              {"msteams": {"type": "task/fetch"}, "action": OPEN_FORM,
                               "line": truncate(line, 2000), "language": language})])


def _input(spec: Card, value: str | None, language: str) -> Card:
    label = spec["label_en"] if language == "en" else spec["label_sv"]
    common: Card = {"id": spec["name"], "label": label, "isRequired": spec["required"]}
    if value:
        common["value"] = value
    kind = spec["type"]
    if kind == "choice":
        choices = [{"title": c["label"], "value": c["value"]} for c in spec["choices"]]
        return {"type": "Input.ChoiceSet", "style": "compact", "choices": choices, **common}
    if kind == "date":
        return {"type": "Input.Date", **common}
    if kind == "number":
        if value:
            common["value"] = int(value) if value.isdigit() else None
            if common["value"] is None:
                del common["value"]
        return {"type": "Input.Number", "min": 0, **common}
    return {"type": "Input.Text", "isMultiline": kind == "long_text", "maxLength": 4000,
            **common}


def form_card(form: Card, draft: Card, language: str, values: dict[str, str] | None = None,
              errors: dict[str, str] | None = None, chosen_goals: list[int] | None = None,
              notice: str | None = None) -> Card:
    """The activity form: the parser's values (or what was typed), goals, warnings, errors."""
    values = {**draft.get("values", {}), **(values or {})}
    errors = errors or {}
    body: list[Card] = [block(text("form_title", language), size="Large", weight="Bolder")]
    if notice:
        body.append(block(notice, color="Attention", weight="Bolder"))
    for warning in draft.get("warnings", []):
        body.append(block(f"⚠️ {warning}", color="Warning"))
    if draft.get("assumptions"):
        body.append(block(text("form_assumed", language, parts="; ".join(draft["assumptions"])),
                          isSubtle=True, size="Small"))
    if draft.get("not_understood"):
        body.append(block(text("form_not_understood", language,
                               parts="; ".join(draft["not_understood"])), isSubtle=True,
                          size="Small"))
    for spec in form["fields"]:
        if spec["name"] == "goals":
            continue
        body.append(_input(spec, values.get(spec["name"]), language))
        if spec["name"] in errors:
            body.append(block(f"❗ {errors[spec['name']]}", color="Attention", size="Small",
                              spacing="None"))
    goals = draft.get("goals", [])
    if goals:
        # a multi-select answers "0,2": values are indexes, since a goal's text holds commas
        picked = [str(i) for i in chosen_goals or []]
        body.append({"type": "Input.ChoiceSet", "id": "goals", "isMultiSelect": True,
                     "style": "expanded", "label": text("form_goals", language),
                     "value": ",".join(picked),
                     "choices": [{"title": truncate(f"{g['label']}: {g['text']}", 300),
                                  "value": str(i)} for i, g in enumerate(goals)]})
    data = {"action": SAVE_ACTIVITY, "language": language, "line": draft.get("line", ""),
            "goal_refs": [g["reference"] for g in goals]}
    return attachment(body, [submit(text("form_save", language), data)])


def activities_card(activities: list[Card], language: str, scope: str) -> Card:
    if not activities:
        return attachment([block(text("list_empty", language, scope=scope))])
    body: list[Card] = [block(text("list_title", language, scope=scope), weight="Bolder")]
    for a in activities[:40]:
        body.append(block(f"- **{a['title']}** – {a['period']}, {a['country_name']}, "
                          f"{a['committee']} ({a['status_label']})", spacing="None"))
    if len(activities) > 40:
        body.append(block(f"+{len(activities) - 40}", isSubtle=True))
    return attachment(body)


def follow_ups_card(items: list[Card], language: str) -> Card:
    if not items:
        return attachment([block(text("follow_none", language))])
    body: list[Card] = [block(text("follow_title", language), weight="Bolder")]
    for item in items[:40]:
        a = item["activity"]
        missing = text("follow_missing", language, fields=", ".join(item["missing"]))
        body.append(block(f"- **{a['title']}** – {a['period']}: {missing}", spacing="None"))
    return attachment(body)


def link_card(message: str, title: str, url: str) -> Card:
    return attachment([block(message)], [{"type": "Action.OpenUrl", "title": title, "url": url}])


def reminder_card(reminder: Card, language: str, draft_url: str | None = None) -> Card:
    """One reminder: what is due and when, the sentence that demands it, done / snooze, and
    for the annual compilation a link to its draft."""
    body: list[Card] = [
        block(text("reminder_title", language, m=reminder["municipality"]), weight="Bolder"),
        block(f"**{reminder['when']}** – {truncate(reminder['subject'], 600)}")]
    if reminder.get("missing"):
        body.append(block(text("reminder_missing", language,
                               fields=", ".join(reminder["missing"])), isSubtle=True))
    if reminder.get("citation"):
        body.extend(citation_items(reminder["citation"], language))
    key = {"action": REMINDER, "item": reminder["item"], "period": reminder["period"],
           "language": language}
    actions = [submit(text("reminder_done", language), {**key, "answer": "done"}),
               submit(text("reminder_snooze", language, days=SNOOZE_DAYS),
                      {**key, "answer": "snooze"})]
    if draft_url:
        actions.append({"type": "Action.OpenUrl", "title": text("reminder_draft", language),
                        "url": draft_url})
    return attachment(body, actions)


def digest_card(reminders: list[Card], language: str, today: str) -> Card:
    """The weekly digest: every open reminder of the coordinator's municipalities, one line
    each (the day's nudges carry the quotes and the buttons)."""
    body: list[Card] = [block(text("digest_title", language, today=today), size="Large",
                              weight="Bolder")]
    for r in reminders[:30]:
        body.append(block(f"- **{r['municipality']}** · {r['when']} – "
                          f"{truncate(r['subject'], 300)}", spacing="None"))
    if len(reminders) > 30:
        body.append(block(f"+{len(reminders) - 30}", isSubtle=True))
    return attachment(body)
