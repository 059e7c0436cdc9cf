"""Whether a value proposed for a field (by a model) is stated in the line it was read from.

A model may fill a field the rule parser left empty, but only with what the line says: a name
must stand in the line as written, a number's digits and a date's day and year must be there,
a country must be named (in Swedish or English, or by code), a committee must be a configured
one that the line names, a code must be one of the register's. Anything else is dropped, and
the caller says so; the person still sees the draft before it is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from register import committees, countries
from register.vocab import (
    PROGRAMME_WORDS,
    STATUS_WORDS,
    TARGET_WORDS,
    Kind,
    Status,
    TargetGroup,
)

NAMES = ("partner_organisation", "partner_city", "title", "funding_source", "contact_person",
         "decision_ref")
# The form follows from the kind and the programme (the rules infer it), so a model's is not taken.
CODES: dict[str, type[StrEnum]] = {"kind": Kind, "status": Status, "target_group": TargetGroup}
_WORDS: dict[str, dict[str, Any]] = {"status": STATUS_WORDS, "target_group": TARGET_WORDS}
DATES = ("start_date", "end_date", "decision_date")
NUMBERS = ("participants", "funding_amount")
FIELDS = (*NAMES, *CODES, *DATES, *NUMBERS, "country", "committee", "decision_body",
          "programme", "currency")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def grounded(name: str, value: Any, line: str, known: Sequence[str]) -> Any | None:
    """The value to store if ``line`` states it, else None."""
    if value is None or value == "" or name not in FIELDS:
        return None
    text = str(value).strip()
    said = _key(line)
    digits = re.sub(r"[\s\u00a0.,]", "", line)
    if name in NAMES:
        return text if _key(text) in said and len(text) <= 200 else None
    if name in CODES:
        if text not in {m.value for m in CODES[name]}:
            return None
        member = CODES[name](text)
        words = _WORDS.get(name)  # a status or target group must be named in the line
        if words is not None and not any(
                v == member and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", said)
                for w, v in words.items()):
            return None
        return member
    if name in DATES:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return None
        return day if str(day.year) in line and re.search(
            rf"(?<!\d)0?{day.day}(?!\d)", line) else None
    if name in NUMBERS:
        try:
            number = Decimal(text.replace(" ", ""))
        except InvalidOperation:
            return None
        whole = str(int(number)) if number == int(number) else str(number)
        if whole not in digits:
            return None
        return int(number) if name == "participants" else number
    if name == "country":
        code = text.upper() if len(text) == 2 else countries.lookup(text)
        if code is None or not countries.is_code(code):
            return None
        names = {_key(countries.name_sv(code)), _key(countries.name_en(code))}
        return code if any(n in said for n in names) or re.search(
            rf"\b{code}\b", line) else None
    if name in ("committee", "decision_body"):
        found = committees.find(text, known)
        return found if found is not None and (_key(found) in said or _key(text) in said) \
            else None
    if name == "programme":
        programme = PROGRAMME_WORDS.get(_key(text))
        return programme.name if programme is not None and any(
            _key(w) in said for w in (programme.name, *programme.aliases)) else None
    if name == "currency":
        return text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None
    return None
