"""One chat line → an activity draft, in Swedish or English.

``logga utbyte med Time kommun, Norge, 3–7 maj 2026, 25 elever, Barn- och utbildningsnämnden,
Erasmus+`` is split at commas; each piece is read as exactly one thing (a kind and partner, a
country, dates, participants with their target group, a programme, an amount, a committee, a
status, a Dnr, or ``key: value``). A piece that fits nothing is returned as not understood, and
every value the parser infers rather than reads (a form from the programme, a title from the kind
and partner) is listed in ``assumptions``: the draft is shown to the person before it is saved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from register import committees, countries, dates, spans
from register.fields import (
    FIELD_LABELS,
    display_value,
    field_for,
    parse_amount,
    parse_field_value,
)
from register.messages import Said, said
from register.schemas import ActivityDraft
from register.vocab import (
    KIND_WORDS,
    PROGRAMME_WORDS,
    STATUS_WORDS,
    TARGET_WORDS,
    Form,
    Kind,
    Status,
    TargetGroup,
)

MAX_LINE = 2_000
_VERB = re.compile(r"^\s*(logga|registrera|lägg till|log|register|record|add)\b[\s:]*", re.I)
_ENGLISH = re.compile(r"^\s*(log|register|record|add)\b", re.I)
_PREPOSITION = r"(?:med|with|i|in|till|to|från|from|hos|at|på|för|for|mot)"
_KIND = re.compile(
    r"^(?P<kind>" + "|".join(re.escape(w) for w in sorted(KIND_WORDS, key=len, reverse=True))
    + r")(?=\s|$)(?:\s+" + _PREPOSITION + r"(?=\s))?\s*(?P<rest>.*)$", re.I)
_PEOPLE = re.compile(r"^(?:ca\.?\s+|about\s+|cirka\s+)?(?P<n>\d[\d\s]*?)\s+(?P<who>.+)$", re.I)
_DNR = re.compile(r"^(?:dnr|diarienummer|ref(?:erence)?)\.?\s*:?\s*(?P<ref>\S.*)$", re.I)
_DECISION = re.compile(r"^(?:beslut(?:at)?(?:\s+(?:av|i))?|decided\s+by|decision(?:\s+by)?)"
                       r"\s+(?P<rest>.+)$", re.I)
_KEY_VALUE = re.compile(r"^(?P<key>[^:]{2,30}):\s*(?P<value>.*)$")
_MUNICIPAL = re.compile(r"^(?P<city>.+?)\s+(kommun|kommune|kunta|municipality|stad|city|"
                        r"town|gmina|pagasts|vald)$", re.I)
_COMMITTEE_WORDS = re.compile(r"nämnd|förvaltning|styrelse|fullmäktige|committee|board|council",
                              re.I)


# A piece ending in a month and day ("… on May 20"): a year after the comma completes it.
_DAY_MONTH_END = (r"(?:\b(?:" + "|".join(dates.MONTHS) + r")\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
                  r"|\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:" + "|".join(dates.MONTHS) + r"))$")
FREE_TEXT = {"title", "purpose", "activities", "lessons_learned", "use_of_results", "cost_split"}
TITLES: dict[Kind, tuple[str, str]] = {
    Kind.EXCHANGE: ("Utbyte med {partner}", "Exchange with {partner}"),
    Kind.PROJECT: ("Projekt med {partner}", "Project with {partner}"),
    Kind.STUDY_VISIT: ("Studiebesök hos {partner}", "Study visit to {partner}"),
    Kind.INCOMING_VISIT: ("Besök från {partner}", "Visit from {partner}"),
    Kind.NETWORK: ("Medlemskap i {partner}", "Membership of {partner}"),
    Kind.TWIN_TOWN: ("Vänortssamarbete med {partner}", "Twin-town activity with {partner}"),
    Kind.OTHER: ("Samarbete med {partner}", "Collaboration with {partner}"),
}


@dataclass
class ParseResult:
    """The draft, what is still required, what was not understood, and what was inferred."""

    draft: ActivityDraft
    missing: list[str]
    not_understood: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)  # in ``language``, with field labels
    language: str = "sv"
    assumed: list[str] = field(default_factory=list)  # the fields the assumptions are about

    def assume(self, name: str, value: Any, why: Said) -> None:
        """Note that ``name`` was inferred as ``value``, in the line's language."""
        labels = FIELD_LABELS[name]
        index = 1 if self.language == "en" else 0
        shown = display_value(name, value, self.language) or str(value)
        self.assumptions.append(said("assumed", label=labels[index], value=shown,
                                     why=why).text(self.language))
        self.assumed.append(name)


def parse_command(text: str, *, municipality: str | None,
                  known_committees: Sequence[str]) -> ParseResult:
    """Read a one-line command; never raises for bad input, it reports it instead."""
    language = line_language(text)
    if len(text) > MAX_LINE:
        too_long = said("line_too_long", n=f"{len(text):,}", limit=f"{MAX_LINE:,}")
        return ParseResult(ActivityDraft(municipality=municipality),
                           ActivityDraft(municipality=municipality).missing(),
                           [too_long.text(language)], language=language)
    values: dict[str, Any] = {"municipality": municipality} if municipality else {}
    result = ParseResult(ActivityDraft(), [], language=language)
    pieces = _pieces(_VERB.sub("", text, count=1))
    open_text: str | None = None  # a free-text field runs on across commas until the next key
    for index, piece in enumerate(pieces):
        key = _KEY_VALUE.match(piece)
        if open_text and not (key and field_for(key["key"])):
            values[open_text] = f"{values[open_text]}, {piece}"
            continue
        problem = _read_piece(piece, values, known_committees, language, result)
        open_text = field_for(key["key"]) if key and problem is None else None
        open_text = open_text if open_text in FREE_TEXT else None
        if problem is None:
            continue
        after = pieces[index + 1] if index + 1 < len(pieces) else ""
        if problem == "" and "partner_city" not in values and countries.lookup(after):
            values["partner_city"] = piece
            result.assume("partner_city", piece, said("why_before_country"))
        else:
            result.not_understood.append(f"{piece} ({problem})" if problem else piece)
    _infer(values, result)
    result.draft = ActivityDraft.model_validate(values)
    result.missing = result.draft.missing()
    return result


def _pieces(text: str) -> list[str]:
    raw = [p.strip() for p in re.split(r",(?=\s)|,$", text) if p.strip()]
    pieces: list[str] = []
    for piece in raw:  # "May 3-7, 2026": the year after a comma belongs to the date
        year = re.match(r"(\d{4})\b\s*(.*)$", piece)
        if pieces and year and re.search(_DAY_MONTH_END, pieces[-1], re.I):
            pieces[-1] = f"{pieces[-1]} {year[1]}"
            if year[2]:
                pieces.append(year[2])
        else:
            pieces.append(piece)
    return pieces


def _read_piece(piece: str, values: dict[str, Any], known: Sequence[str], language: str,
                result: ParseResult) -> str | None:
    """Store what the piece says; return None if read, else why not ("" for no idea)."""
    low = " ".join(piece.casefold().split())
    try:
        if (kv := _KEY_VALUE.match(piece)) and (name := field_for(kv["key"])):
            values[name] = parse_field_value(name, kv["value"])
        elif not _DNR.match(piece) and _read_spans(piece, values, known, language, result):
            pass
        elif kind := _KIND.match(low):
            values["kind"] = KIND_WORDS[" ".join(kind["kind"].split())]
            rest = piece[len(piece) - len(kind["rest"]):].strip() if kind["rest"] else ""
            if rest:
                values["partner_organisation"] = rest
        elif dnr := _DNR.match(piece):
            values["decision_ref"] = dnr["ref"].strip()
        elif decision := _DECISION.match(piece):
            _read_decision(decision["rest"], values, known)
        elif dates.looks_like_date(piece):
            found = dates.parse_range(piece)
            assert found is not None
            values["start_date"], values["end_date"] = found.start, found.end
        elif code := countries.lookup(piece):
            values["country"] = code
        elif low in PROGRAMME_WORDS:
            values["programme"] = PROGRAMME_WORDS[low].name
        elif low in STATUS_WORDS:
            values["status"] = STATUS_WORDS[low]
        elif low in TARGET_WORDS:
            values["target_group"] = TARGET_WORDS[low]
        elif (people := _PEOPLE.match(low)) and people["who"] in TARGET_WORDS:
            values["participants"] = int(people["n"].replace(" ", ""))
            values["target_group"] = TARGET_WORDS[people["who"]]
        elif name := committees.find(piece, known):
            values["committee"] = name
        elif _COMMITTEE_WORDS.search(piece):
            raise committees.UnknownCommitteeError(piece, known)
        else:
            amount, currency = parse_amount(piece)
            values["funding_amount"], values["currency"] = amount, currency
    except ValueError as exc:
        if str(exc).endswith("(e.g. 120 000 kr or 20 000 EUR)"):
            return ""  # no amount either: a piece nothing reads
        sentence = getattr(exc, "said", None)
        return sentence.text(language) if isinstance(sentence, Said) else str(exc)
    return None


def _read_spans(piece: str, values: dict[str, Any], known: Sequence[str], language: str,
                result: ParseResult) -> bool:
    """A piece that names several values, or one inside other words ("Studieresa till
    Lapinjärvi 3–5 maj 2026 med 6 deltagare"): each value is taken where it stands. False
    when nothing in it is a value, so the piece is read the old way (and can still be the
    partner named before a country)."""
    found = spans.read(piece, known, language)
    if not found.values:
        return False
    partner = found.values.pop("partner", None)
    for name, value in found.values.items():
        if name == "target_group" and value == TargetGroup.OTHER and "target_group" in values:
            continue
        values[name] = value
    if partner and "partner_organisation" not in values:
        values["partner_organisation"] = partner
    if found.left:
        if found.date_problem:
            result.not_understood.append(f"{found.left} ({found.date_problem.text(language)})")
        elif _COMMITTEE_WORDS.search(found.left) and "committee" not in values:
            error = committees.UnknownCommitteeError(found.left, known)
            result.not_understood.append(f"{found.left} ({error.said.text(language)})")
        else:
            result.not_understood.append(found.left)
    return True


def _read_decision(rest: str, values: dict[str, Any], known: Sequence[str]) -> None:
    """"KF 2026-02-12", "kommunfullmäktige 12 februari 2026": a body, then its date."""
    words = rest.split()
    for cut in range(1, len(words)):
        body, when = " ".join(words[:cut]), " ".join(words[cut:])
        if dates.looks_like_date(when):
            values["decision_body"] = committees.find(body, known) or body
            values["decision_date"] = dates.parse_date(when)
            return
    values["decision_body"] = committees.find(rest, known) or rest


_EN_MARKS = set("with from to and the for visit visits exchange project pupils students staff "
                "funded people participants agreement town membership network on by in of "
                "teachers young politicians residents study trip incoming".split())
_SV_MARKS = set("med från till och för besök besöker utbyte projekt elever personal deltagare "
                "finansierat vänort vänortsavtal nätverk lärare ungdomar politiker i på av den "
                "studieresa studiebesök nytt gå".split())


def line_language(text: str) -> str:
    """The line's language, so what the reader says back is in the asker's language."""
    if _ENGLISH.match(text):
        return "en"
    words = re.findall(r"[a-zåäö]+", text.casefold())
    english = sum(w in _EN_MARKS for w in words)
    return "en" if english > sum(w in _SV_MARKS for w in words) else "sv"


def completed(values: dict[str, Any], language: str) -> ParseResult:
    """A draft from ``values`` (read by the rules or by a model) with the fields that follow
    from others filled in, its assumptions saying what was inferred."""
    result = ParseResult(ActivityDraft(), [], language=language)
    filled = dict(values)
    _infer(filled, result)
    result.draft = ActivityDraft.model_validate(filled)
    result.missing = result.draft.missing()
    return result


def _infer(values: dict[str, Any], result: ParseResult) -> None:
    """Fill fields that follow from others, saying so in ``assumptions``."""
    programme = PROGRAMME_WORDS.get(str(values.get("programme", "")).casefold())
    if programme and "funding_source" not in values:
        values["funding_source"] = programme.source
        result.assume("funding_source", programme.source,
                      said("why_programme", programme=programme.name))
    if "form" not in values:
        if values.get("kind") == Kind.TWIN_TOWN:
            values["form"] = Form.TWIN_TOWN
            result.assume("form", Form.TWIN_TOWN, said("why_twin"))
        elif programme:
            values["form"] = programme.form
            result.assume("form", programme.form, said("why_programme", programme=programme.name))
    partner = values.get("partner_organisation")
    if partner and "partner_city" not in values and (town := _MUNICIPAL.match(partner)):
        values["partner_city"] = town["city"]
        result.assume("partner_city", town["city"], said("why_partner", partner=partner))
    partner = partner or values.get("partner_city")
    if "title" not in values and values.get("kind") and partner:
        sv, en = TITLES[values["kind"]]
        values["title"] = (en if result.language == "en" else sv).format(partner=partner)
        result.assume("title", values["title"], said("why_kind_partner"))
    if "status" not in values:
        values["status"] = Status.PLANNED
        result.assume("status", Status.PLANNED, said("why_default_status"))
