"""Every sentence the register says to a person, in Swedish and English, in one table.

Errors carry a ``Said`` (both languages, values filled in) so each front end shows the one
its asker reads; ``str()`` of an error stays English for logs and scripts. A validator raises
``Refusal`` (a ValueError, so pydantic accepts it) and the field error keeps its ``Said``.
Messages name people's things in their own words, never a platform's raw ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

_SAID: Final[dict[str, tuple[str, str]]] = {
    # fields
    "required": ("måste fyllas i", "is required"),
    "not_a_field": ("är inget fält i en aktivitet", "is not a field of an activity"),
    "too_long": ("är för lång ({n} tecken; högst {limit})",
                 "is too long ({n} characters; at most {limit})"),
    "at_least": ("måste vara minst {limit} (angivet: {got})",
                 "must be at least {limit} (got {got})"),
    "at_most": ("får vara högst {limit} (angivet: {got})", "must be at most {limit} (got {got})"),
    "one_of": ("«{value}» är inte ett av: {allowed}", "{value!r} is not one of: {allowed}"),
    "not_code": ("«{value}» är ingen giltig {what}; välj en av: {allowed}",
                 "{value!r} is not a {what}; use one of: {allowed}"),
    "not_date_value": ("är inget giltigt datum (skriv 2026-05-03 eller 3 maj 2026)",
                       "is not a valid date (write 2026-05-03 or 3 May 2026)"),
    "not_whole": ("«{value}» är inget heltal", "{value!r} is not a whole number"),
    "not_amount": ("«{value}» är inget belopp (t.ex. 120 000 kr eller 20 000 EUR)",
                   "{value!r} is not an amount (e.g. 120 000 kr or 20 000 EUR)"),
    "length_between": ("måste vara {low}–{high} tecken", "must be {low} to {high} characters"),
    "longer_than": ("är längre än {n} tecken", "is longer than {n} characters"),
    "cannot_search": ("Sökningen gick inte att göra", "Cannot search"),
    "invalid": ("har ett ogiltigt värde ({detail})", "has an invalid value ({detail})"),
    "control_chars": ("innehåller styrtecken", "contains control characters"),
    "unknown_country": ("okänt land «{value}»{hint}", "unknown country {value!r}{hint}"),
    "country_hint": ("; menade du {names}?", "; did you mean {names}?"),
    "not_currency": ("«{value}» är ingen ISO 4217-valutakod (t.ex. SEK, EUR)",
                     "{value!r} is not an ISO 4217 currency code (e.g. SEK, EUR)"),
    "ends_before": ("slutar ({end}) innan den börjar ({start})",
                    "ends ({end}) before it starts ({start})"),
    "currency_needed": ("ange valutan också (t.ex. SEK, EUR)",
                        "give its currency too (e.g. SEK, EUR)"),
    "unknown_committee": ("okänd nämnd «{name}»; {hint}", "unknown committee {name!r}; {hint}"),
    "committee_hint": ("menade du {names}?", "did you mean {names}?"),
    "committees_known": ("kända nämnder: {names}", "known committees: {names}"),
    # what the one-line reader assumed or could not read
    "assumed": ("{label}: {value} ({why})", "{label}: {value} ({why})"),
    "why_before_country": ("orten som står före landet", "the place named before the country"),
    "why_programme": ("från programmet {programme}", "from the programme {programme}"),
    "why_twin": ("en vänortsaktivitet", "a twin-town activity"),
    "why_partner": ("från partnern {partner}", "from the partner {partner}"),
    "why_kind_partner": ("från typ och partner", "from the kind and partner"),
    "why_default_status": ("standardvärdet; skriv t.ex. «genomförd»",
                           "the default; say e.g. 'completed'"),
    "line_too_long": ("raden har {n} tecken; högst {limit}",
                      "the line is {n} characters; at most {limit}"),
    # dates
    "date_unreadable": ("kan inte läsa «{text}» som ett datum eller en period",
                        "cannot read {text!r} as a date or a date range"),
    "date_needs_month": ("«{text}» saknar månad", "{text!r} needs a month"),
    "date_needs_year": ("«{text}» saknar år", "{text!r} needs a year"),
    "date_needs_day": ("«{text}» saknar dag (t.ex. 3 {piece})",
                       "{text!r} needs a day (e.g. 3 {piece})"),
    "date_piece": ("kan inte läsa «{piece}» i «{text}» som ett datum",
                   "cannot read {piece!r} in {text!r} as a date"),
    "not_month": ("«{word}» i «{text}» är ingen månad", "{word!r} in {text!r} is not a month"),
    "not_valid_date": ("«{text}» är inget giltigt datum", "{text!r} is not a valid date"),
    "date_backwards": ("«{text}» slutar innan den börjar", "{text!r} ends before it starts"),
    "not_a_date": ("«{text}» är inget datum (skriv 2026-05-03 eller 3 maj 2026)",
                   "{text!r} is not a date (write 2026-05-03 or 3 May 2026)"),
    "date_is_range": ("«{text}» är en period; ange ett enda datum",
                      "{text!r} is a range; give a single date"),
    # whole activities and permissions
    "not_saved": ("Aktiviteten sparades inte", "The activity was not saved"),
    "not_read": ("Några värden kunde inte läsas", "Some values could not be read"),
    "problems": ("{headline} ({n} {noun}):", "{headline} ({n} {noun}):"),
    "may_not_write": ("Du får inte {action} aktiviteter: bara registrets samordnare kan skapa, "
                      "ändra eller ställa in dem. Alla kan läsa registret och ta fram rapporter; "
                      "be en administratör lägga till dig bland samordnarna.",
                      "You may not {action} activities: only register coordinators can create, "
                      "edit or cancel them. Anyone may read the register and run reports; ask an "
                      "administrator to add you to the coordinators setting."),
    "bad_actor": ("Avsändaren kunde inte identifieras (väntat 'platform:user_id', t.ex. "
                  "'teams:<id>'), så inget sparades.",
                  "The sender could not be identified (expected 'platform:user_id', e.g. "
                  "'teams:<id>'), so nothing was saved."),
    "reminder_not_yours": ("Bara samordnaren som fick påminnelsen, eller en av registrets "
                           "samordnare, kan svara på den.",
                           "Only the coordinator the reminder was sent to, or a register "
                           "coordinator, can answer it."),
    "deleted": ("Aktivitet {id} är raderad; en import skapar den inte igen.",
                "Activity {id} was deleted; it is not re-created by import."),
    "no_activity": ("Det finns ingen aktivitet nummer {id}.", "There is no activity {id}."),
    "changed_meanwhile": ("Någon annan ändrade aktiviteten under tiden; läs in den igen och "
                          "försök på nytt.",
                          "The activity was changed by someone else; reload it and try again."),
    "conflicts": ("Ändringen krockar med en sparad aktivitet: {detail}",
                  "The change conflicts with a stored activity: {detail}"),
}
ACTIONS = {"create": ("registrera", "create"), "edit": ("ändra", "edit"),
           "cancel": ("ställa in", "cancel"), "delete": ("radera", "delete"),
           "import": ("importera", "import")}


@dataclass(frozen=True)
class Said:
    """One sentence in both languages."""

    sv: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.sv

    def __str__(self) -> str:
        return self.en


def said(key: str, **values: Any) -> Said:
    """The sentence ``key`` with ``values`` filled in; a value may itself be a ``Said``."""
    sv, en = _SAID[key]
    return Said(sv.format(**{k: v.sv if isinstance(v, Said) else v for k, v in values.items()}),
                en.format(**{k: v.en if isinstance(v, Said) else v for k, v in values.items()}))


def keys() -> frozenset[str]:
    return frozenset(_SAID)


class Refusal(ValueError):
    """A value refused with a sentence in both languages (English as its ``str``)."""

    def __init__(self, sentence: Said) -> None:
        self.said = sentence
        super().__init__(sentence.en)
