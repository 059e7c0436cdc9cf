"""Turning what people type into the register's canonical values.

Shared by validation (``schemas``), the one-line parser and the CSV import, so that "studiebesök",
"Study visit" and "study_visit", or "Norge" and "NO", mean the same everywhere. Each function
returns the canonical value or raises ValueError with a message meant for the person who typed it.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Any

import pycountry

from register import countries
from register.messages import Refusal, Said, said
from register.vocab import (
    FORM_WORDS,
    KIND_WORDS,
    LABELS,
    STATUS_WORDS,
    TARGET_WORDS,
    Form,
    Kind,
    Status,
    TargetGroup,
)

_FORBIDDEN_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CURRENCY_WORDS = {"kr": "SEK", "kronor": "SEK", "sek": "SEK", "€": "EUR", "euro": "EUR",
                  "eur": "EUR", "$": "USD", "nok": "NOK", "dkk": "DKK"}
CODE_FIELDS: dict[str, tuple[type[StrEnum], dict[str, Any]]] = {
    "kind": (Kind, KIND_WORDS), "form": (Form, FORM_WORDS), "status": (Status, STATUS_WORDS),
    "target_group": (TargetGroup, TARGET_WORDS)}


def clean_text(value: str) -> str | None:
    """NFC, trimmed, None when blank. Control characters are refused, never silently dropped:
    PostgreSQL cannot store NUL and DOCX cannot hold most of the others."""
    if _FORBIDDEN_CHARS.search(value):
        raise Refusal(said("control_chars"))
    return unicodedata.normalize("NFC", value).strip() or None


def code_from_words(field: str, value: Any) -> Any:
    """A code, a Swedish/English word or a label (``studiebesök``, "Vilande") → its code.

    Unknown text is returned unchanged so that validation reports it with the allowed values.
    """
    if not isinstance(value, str):
        return value
    enum, words = CODE_FIELDS[field]
    key = " ".join(value.casefold().split())
    labels = {text.casefold(): code for code, pair in LABELS[enum].items() for text in pair}
    values = {member.value: member for member in enum}
    return values.get(key) or words.get(key) or labels.get(key) or value


def country_code(value: str) -> str:
    """The ISO alpha-2 code of a country name (Swedish/English) or code."""
    code = countries.lookup(value)
    if code is None:
        near = countries.suggestions(value)
        names = Said(" eller ".join(near), " or ".join(near))
        hint = said("country_hint", names=names) if near else Said("", "")
        raise Refusal(said("unknown_country", value=value[:100], hint=hint))
    return code


def currency_code(value: str) -> str:
    """An ISO 4217 code from a code or a common word ("kr", "euro")."""
    code = CURRENCY_WORDS.get(value.strip().casefold(), value.strip().upper())
    if pycountry.currencies.get(alpha_3=code) is None:
        raise Refusal(said("not_currency", value=value[:20]))
    return code


def search_text(*parts: object) -> str:
    """The case-folded text free-text search runs against, the same on SQLite and PostgreSQL
    (SQLite's LIKE folds only ASCII, so "Å" would not find "å")."""
    return " ".join(unicodedata.normalize("NFC", str(p)).casefold() for p in parts if p)
