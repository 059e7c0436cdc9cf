"""The fields of an activity: their labels, the words that name them, and reading one from text.

Front ends that take a field as text (the CLI's ``--set purpose=…``, "syfte: …" in a chat line, a
Slack modal) read it through ``parse_field_value`` so that "3 maj 2026", "120 000 kr" and "Norge"
mean the same everywhere. Labels are what people see in reports and on screen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from register import countries, dates
from register.errors import ValidationFailed, refused_field
from register.messages import Refusal, Said, said
from register.normalize import CODE_FIELDS, CURRENCY_WORDS, code_from_words, country_code
from register.vocab import label

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "municipality": ("Kommun", "Municipality"),
    "committee": ("Nämnd/förvaltning", "Committee"),
    "kind": ("Typ", "Kind"),
    "form": ("Samverkansform", "Form of collaboration"),
    "status": ("Status", "Status"),
    "title": ("Titel", "Title"),
    "partner_organisation": ("Partnerorganisation", "Partner organisation"),
    "partner_city": ("Partnerort", "Partner city"),
    "country": ("Land", "Country"),
    "start_date": ("Startdatum", "Start date"),
    "end_date": ("Slutdatum", "End date"),
    "participants": ("Antal deltagare", "Participants"),
    "target_group": ("Målgrupp", "Target group"),
    "purpose": ("Syfte", "Purpose"),
    "activities": ("Aktiviteter", "Activities"),
    "lessons_learned": ("Lärdomar", "Lessons learned"),
    "use_of_results": ("Användning av resultat", "Use of results"),
    "funding_source": ("Finansieringskälla", "Funding source"),
    "programme": ("Program", "Programme"),
    "currency": ("Valuta", "Currency"),
    "funding_amount": ("Belopp", "Amount"),
    "cost_split": ("Kostnadsfördelning", "Cost split"),
    "goals": ("Policymål", "Policy goals"),
    "decision_body": ("Beslutande organ", "Deciding body"),
    "decision_date": ("Beslutsdatum", "Decision date"),
    "decision_ref": ("Diarienummer (Dnr)", "Reference (Dnr)"),
    "contact_person": ("Kontaktperson", "Contact person"),
}

FIELD_KEYS: dict[str, str] = {
    **{name: name for name in FIELD_LABELS},
    **{label.casefold(): name for name, pair in FIELD_LABELS.items() for label in pair},
    "nämnd": "committee", "förvaltning": "committee", "typ": "kind", "type": "kind",
    "form": "form", "titel": "title", "partner": "partner_organisation", "ort": "partner_city",
    "stad": "partner_city", "city": "partner_city", "start": "start_date", "från": "start_date",
    "slut": "end_date", "till": "end_date", "end": "end_date", "deltagare": "participants",
    "målgrupp": "target_group", "lärdomar": "lessons_learned", "lessons": "lessons_learned",
    "resultat": "use_of_results", "results": "use_of_results", "finansiering": "funding_source",
    "funding": "funding_source", "källa": "funding_source", "source": "funding_source",
    "belopp": "funding_amount", "amount": "funding_amount", "mål": "goals", "goal": "goals",
    "beslut av": "decision_body", "decided by": "decision_body", "dnr": "decision_ref",
    "kontakt": "contact_person", "contact": "contact_person",
}

_DATE_FIELDS = {"start_date", "end_date", "decision_date"}
_CODE_FIELDS = {"kind", "form", "status", "target_group"}
_AMOUNT = re.compile(
    r"^(?P<pre>kr|sek|eur|euro|€|\$|nok|dkk|usd)?\s*(?P<number>\d[\d\s\u00a0.,]*?)\s*"
    r"(?P<post>kr|kronor|sek|eur|euro|€|nok|dkk|usd|tkr|mkr|miljoner kronor)?$")
_SCALE = {"tkr": (1_000, "SEK"), "mkr": (1_000_000, "SEK"), "miljoner kronor": (1_000_000, "SEK")}


def display_value(name: str, value: Any, language: str = "sv") -> str:
    """A stored value as people read it: labels for codes, country names, lists joined."""
    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, StrEnum):
        return label(value, language)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if name == "country":
        name_of = countries.name_sv if language == "sv" else countries.name_en
        return f"{name_of(str(value))} ({value})"
    return str(value)


def describe_changes(changes: dict[str, Any], width: int = 60) -> str:
    """An audit entry's changes on one line: "status: planned → completed; …"."""
    def short(value: Any) -> str:
        text = "–" if value is None else str(value)
        return text if len(text) <= width else text[:width - 1] + "…"

    return "; ".join(f"{name}: {short(change.get('old'))} → {short(change.get('new'))}"
                     for name, change in changes.items())


def field_for(key: str) -> str | None:
    """The field a Swedish or English key names ("syfte", "Purpose", "purpose")."""
    return FIELD_KEYS.get(" ".join(key.casefold().split()))


def parse_field_value(field: str, text: str) -> Any:
    """Read one field from text; raises ValueError with a message for the person."""
    value = text.strip()
    if field not in FIELD_LABELS:
        raise Refusal(said("not_a_field"))
    if not value:
        return None
    if field in _DATE_FIELDS:
        return dates.parse_date(value)
    if field in _CODE_FIELDS:
        code = code_from_words(field, value)
        if not isinstance(code, StrEnum):
            enum = CODE_FIELDS[field][0]
            allowed = ", ".join(f"{member.value} ({label(member)})" for member in enum)
            what = Said(FIELD_LABELS[field][0].lower(), field.replace("_", " "))
            raise Refusal(said("not_code", value=value[:60], what=what, allowed=allowed))
        return code
    if field == "country":
        return country_code(value)
    if field == "goals":
        return [goal.strip() for goal in value.split(";") if goal.strip()]
    if field == "participants":
        digits = value.replace(" ", "")
        if not re.fullmatch(r"-?\d+", digits):
            raise Refusal(said("not_whole", value=value[:40]))
        return int(digits)
    if field == "funding_amount":
        amount, _currency = parse_amount(value, require_currency=False)
        return amount
    return value


def parse_assignments(raw: Mapping[str, str]) -> dict[str, Any]:
    """Several fields from text (keys may be field names or Swedish/English words);
    raises ValidationFailed naming every value that does not read."""
    values: dict[str, Any] = {}
    errors = []
    for key, text in raw.items():
        name = field_for(key) or key
        try:
            values[name] = parse_field_value(name, text)
        except ValueError as exc:
            errors.append(refused_field(name, exc))
    if errors:
        raise ValidationFailed(errors, said("not_read"))
    return values


def parse_amount(text: str, *, require_currency: bool = True) -> tuple[Decimal, str | None]:
    """"120 000 kr", "SEK 50,000", "€20 000", "1,5 mkr" → (amount, ISO currency or None)."""
    found = _AMOUNT.match(" ".join(text.casefold().split()))
    if not found or (require_currency and not (found["pre"] or found["post"])):
        raise Refusal(said("not_amount", value=text[:40]))
    scale, currency = _SCALE.get(found["post"] or "", (1, None))
    marker = found["pre"] or found["post"]
    if currency is None and marker:
        currency = CURRENCY_WORDS.get(marker, marker.upper())
    return _number(found["number"], text) * scale, currency


def _number(raw: str, original: str) -> Decimal:
    digits = raw.replace(" ", "").replace("\u00a0", "")
    if "," in digits and "." in digits:  # the later mark is the decimal one
        thousands = "," if digits.rfind(",") < digits.rfind(".") else "."
        digits = digits.replace(thousands, "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):  # 20.000 or 20,000: thousands
        digits = digits.replace(",", "").replace(".", "")
    else:
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        raise Refusal(said("not_amount", value=original[:40])) from None
