"""Values named anywhere in a piece of a one-line command, for lines written as sentences.

"Studieresa till Lapinjärvi 3–5 maj 2026 med 6 deltagare från barn- och utbildningsnämnden"
holds a kind, a partner, dates, participants and a committee in one piece. Each reader finds
its kind of value wherever it stands (a date by the longest run of words that parses as one,
an amount by its currency, a programme, participants by their count and group, a committee or
an abbreviation by its configured name, a status, a country by name, a decision by its verb),
takes it out, and leaves a boundary mark; the partner is then the name that follows the kind
and its preposition ("till Lapinjärvi", "with Tartu universitet") or, for "X besöker oss",
the name before it. What is left over is returned, so nothing read is lost silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from register import committees, countries, dates
from register.fields import parse_amount
from register.messages import Said
from register.vocab import KIND_WORDS, PROGRAMME_WORDS, STATUS_WORDS, TARGET_WORDS, Kind

CUT = " ¦ "  # where a value was taken out; no name runs across it
_WORD_END = r"(?![\wåäöÅÄÖ+])"
_WORD_START = r"(?<![\wåäöÅÄÖ])"
# Said of the partner rather than before it: "Tartu besöker oss", "Vilnius visits us".
_VISITS_US = re.compile(rf"{_WORD_START}(besöker oss|besöker kommunen|visits us|visiting us|"
                        rf"is visiting us){_WORD_END}", re.I)
_MORE_KINDS: dict[str, Kind] = {
    "vänortsavtal": Kind.TWIN_TOWN, "nytt vänortsavtal": Kind.TWIN_TOWN,
    "twin-town agreement": Kind.TWIN_TOWN, "twin town agreement": Kind.TWIN_TOWN,
    "twinning agreement": Kind.TWIN_TOWN, "delegation från": Kind.INCOMING_VISIT,
    "delegation from": Kind.INCOMING_VISIT, "besök från": Kind.INCOMING_VISIT,
    "delegation": Kind.INCOMING_VISIT,
    "gå med i nätverket": Kind.NETWORK, "gå med i": Kind.NETWORK, "nätverket": Kind.NETWORK,
    "medlemskap i nätverket": Kind.NETWORK, "join the network": Kind.NETWORK,
    "joining the network": Kind.NETWORK, "study trip": Kind.STUDY_VISIT,
}
_KINDS = {**KIND_WORDS, **_MORE_KINDS}
_PREPOSITIONS = {"till", "med", "i", "hos", "från", "på", "with", "to", "from", "in", "at",
                 "of", "the", "av", "for", "för"}
# Words that end a partner's name: what follows is another value or a linking word.
_STOP = {"och", "med", "från", "inom", "under", "i", "på", "för", "som", "den", "pga", "är",
         "and", "with", "from", "in", "on", "for", "starting", "funded", "by",
         "finansierat", "finansierad", "finansierade", "bekostat", "via", "visiting",
         "besöker", "visits", "within", "about", "ca", "cirka", "inställt", "inställd",
         "genom", "through", "där", "where", "who"}
_FUNDING_WORDS = re.compile(rf"{_WORD_START}(finansierat av|finansierad av|finansierade av|"
                            rf"med stöd (?:från|av)|bidrag från|stöd från|funded by|funding from|"
                            rf"grant from|inom ramen för|within|under|inom|budget|bidrag|grant|"
                            rf"på|av|från|with|from|med|by|och|and|starting|start|den|on|"
                            rf"is|är|värd|host)?{_WORD_END}", re.I)
_AMOUNT = re.compile(
    rf"{_WORD_START}(?:(?P<pre>sek|eur|euro|€|kr|nok|dkk|usd)\s*)?"
    r"(?P<number>(?<![\d])\d{1,3}(?:[ \u00a0.,]\d{3})+(?![\d])|\d+)"
    rf"(?:\s*(?P<post>miljoner kronor|kronor|kr|sek|tkr|mkr|euro|eur|€|nok|dkk|usd){_WORD_END})?",
    re.I)
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:\s+|/)(\d{4})(?![\d/])")
_DECIDED_BY = re.compile(rf"{_WORD_START}(?:beslut(?:at|ad|ades)?|decided|approved|decision)"
                         r"(?:\s+(?:i|av|by|in))?\s+", re.I)
_DECIDED_AFTER = re.compile(rf"{_WORD_START}(?:beslutade|beslöt|decided|approved)\s+"
                            r"(?:den\s+|on\s+)?", re.I)
_SWEDISH_MONTHS = ("januari februari mars april maj juni juli augusti september oktober "
                   "november december").split()


@dataclass
class Spans:
    """What a piece names, and the words left once every value is taken out."""

    values: dict[str, Any] = field(default_factory=dict)
    left: str = ""
    partner_before_visit: bool = False
    date_problem: Said | None = None  # "'4 mars' saknar år": a date that could not be read


def read(piece: str, known: Sequence[str], language: str = "sv") -> Spans:
    text = f" {piece.replace('(', CUT).replace(')', CUT)} "
    if language == "sv":  # "12/6 2026" is day/month in Swedish
        text = _SLASH_DATE.sub(lambda m: f"{m[1]} {_month_name(m[2])} {m[3]}"
                               if 1 <= int(m[2]) <= 12 else m[0], text)
    found = Spans()
    for reader in _READERS:
        text = reader(text, found, known)
    text = _partner(text, found)
    found.left = " ".join(w for w in _FUNDING_WORDS.sub(" ", text.replace("¦", " ")).split()
                          if w.strip(".,;:!?-–"))
    return found


def _month_name(number: str) -> str:
    return _SWEDISH_MONTHS[int(number) - 1]


def _cut(text: str, start: int, end: int) -> str:
    return text[:start] + CUT + text[end:]


def _decision(text: str, found: Spans, known: Sequence[str]) -> str:
    """"beslutat i KF 2026-02-12", "decided by Kommunfullmäktige on 2026-04-16",
    "kommunstyrelsen beslutade 12 februari 2026"."""
    if (m := _DECIDED_BY.search(text)) and (body := _body_at(text, m.end(), known)):
        name, end = body
        found.values["decision_body"] = name
        text = text[:m.start()] + CUT + text[end:]
        date = _date_at(text, m.start() + len(CUT))
        if date is not None:
            found.values["decision_date"], stop = date
            text = _cut(text, m.start(), stop)
        return text
    for m in _DECIDED_AFTER.finditer(text):
        before = _body_before(text, m.start(), known)
        date = _date_at(text, m.end())
        if before is not None and date is not None:
            (name, start), (when, stop) = before, date
            found.values["decision_body"], found.values["decision_date"] = name, when
            return _cut(text, start, stop)
    return text


def _body_at(text: str, at: int, known: Sequence[str]) -> tuple[str, int] | None:
    words = list(re.finditer(r"\S+", text[at:]))
    for n in range(min(6, len(words)), 0, -1):
        phrase = text[at: at + words[n - 1].end()].rstrip(".,;:")
        name = committees.find(phrase, known)
        if name is not None and (len(phrase) > 3 or phrase.isupper()):
            return name, at + words[n - 1].end()
    return None


def _body_before(text: str, at: int, known: Sequence[str]) -> tuple[str, int] | None:
    words = list(re.finditer(r"\S+", text[:at]))
    for n in range(min(6, len(words)), 0, -1):
        start = words[-n].start()
        phrase = text[start:at].strip().rstrip(".,;:")
        name = committees.find(phrase, known)
        if name is not None and (len(phrase) > 3 or phrase.isupper()):
            return name, start
    return None


def _date_at(text: str, at: int) -> tuple[Any, int] | None:
    """A single date starting at ``at`` (after "den"/"on"), and where it ends."""
    words = list(re.finditer(r"[^\s¦]+", text[at:]))
    for n in range(min(5, len(words)), 0, -1):
        end = at + words[n - 1].end()
        candidate = text[at:end].strip().rstrip(".,;:")
        if "¦" in candidate or not dates.looks_like_date(candidate):
            continue
        try:
            return dates.parse_date(candidate), end
        except ValueError:
            continue
    return None


def _dates(text: str, found: Spans, _known: Sequence[str]) -> str:
    """The longest run of words that parses as a date or a date range."""
    words = list(re.finditer(r"[^\s¦]+", text))
    best: tuple[int, int, Any] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + 9), i, -1):
            if best is not None and words[j - 1].end() - words[i].start() <= best[1] - best[0]:
                break
            candidate = text[words[i].start(): words[j - 1].end()].strip(" .,;:")
            if "¦" in candidate or not dates.looks_like_date(candidate) \
                    or not re.search(r"\d", candidate):
                continue
            try:
                span = dates.parse_range(candidate)
            except ValueError as exc:
                found.date_problem = getattr(exc, "said", None)  # the shortest run's, last
                continue
            if span is not None:
                best = (words[i].start(), words[j - 1].end(), span)
                break
    if best is None or "start_date" in found.values:
        return text
    found.date_problem = None
    start, end, span = best
    found.values["start_date"], found.values["end_date"] = span.start, span.end
    return _cut(text, start, end)


def _amount(text: str, found: Spans, _known: Sequence[str]) -> str:
    for m in _AMOUNT.finditer(text):
        if not (m["pre"] or m["post"]):
            continue
        try:
            amount, currency = parse_amount(m.group().strip())
        except ValueError:
            continue
        found.values["funding_amount"], found.values["currency"] = amount, currency
        return _cut(text, m.start(), m.end())
    return text


def _words_reader(table: dict[str, Any], name: str) -> Callable[[str, Spans, Sequence[str]], str]:
    pattern = re.compile(_WORD_START + "(" + "|".join(
        re.escape(w) for w in sorted(table, key=len, reverse=True)) + ")" + _WORD_END, re.I)

    def reader(text: str, found: Spans, _known: Sequence[str]) -> str:
        m = pattern.search(text)
        if m is None or name in found.values:
            return text
        value = table[" ".join(m.group(1).casefold().split())]
        found.values[name] = value.name if name == "programme" else value
        return _cut(text, m.start(), m.end())

    return reader


_PEOPLE = re.compile(rf"(?<![\d]){_WORD_START}(?:ca\.?\s+|cirka\s+|about\s+|around\s+)?"
                     r"(\d+)\s+(" + "|".join(re.escape(w) for w in sorted(
                         TARGET_WORDS, key=len, reverse=True)) + ")" + _WORD_END, re.I)


def _people(text: str, found: Spans, _known: Sequence[str]) -> str:
    m = _PEOPLE.search(text)
    if m is None:
        return text
    found.values["participants"] = int(m[1])
    found.values["target_group"] = TARGET_WORDS[m[2].casefold()]
    return _cut(text, m.start(), m.end())


def _committee(text: str, found: Spans, known: Sequence[str]) -> str:
    names = sorted({*known, *committees.ALIASES}, key=len, reverse=True)
    for name in names:
        if len(name) <= 3:  # an abbreviation counts only in capitals ("KS", not "ks")
            m = re.search(rf"{_WORD_START}{re.escape(name.upper())}{_WORD_END}", text)
        else:
            m = re.search(rf"{_WORD_START}{re.escape(name)}{_WORD_END}", text, re.I)
        if m is not None and (resolved := committees.find(name, known)) is not None:
            found.values["committee"] = resolved
            return _cut(text, m.start(), m.end())
    return text


def _country(text: str, found: Spans, _known: Sequence[str]) -> str:
    words = list(re.finditer(r"[A-ZÅÄÖ][\wåäöÅÄÖ-]+", text))
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            start, end = words[i].start(), words[i + n - 1].end()
            phrase = text[start:end]
            if n > 1 and not re.fullmatch(r"[\wåäöÅÄÖ-]+(?: [\wåäöÅÄÖ-]+)*", phrase):
                continue
            if len(phrase) > 3 and (code := countries.lookup(phrase)):
                found.values.setdefault("country", code)
                return _cut(text, start, end)
    return text


_KIND_WORDS = re.compile(_WORD_START + "(" + "|".join(
    re.escape(w) for w in sorted(_KINDS, key=len, reverse=True)) + ")" + _WORD_END, re.I)


def _kind(text: str, found: Spans, _known: Sequence[str]) -> str:
    pattern = _KIND_WORDS
    visit = _VISITS_US.search(text)
    if visit is not None:
        found.values["kind"] = Kind.INCOMING_VISIT
        m = pattern.search(text)  # "Delegation from Riga visiting us": the name is after it
        if m is not None and m.end() < visit.start():
            return text[:m.start()] + " ¤ " + _cut(text[m.end():], visit.start() - m.end(),
                                                    visit.end() - m.end())
        found.partner_before_visit = True
        return _cut(text, visit.start(), visit.end())
    m = pattern.search(text)
    if m is None:
        return text
    found.values["kind"] = _KINDS[" ".join(m.group(1).casefold().split())]
    return text[:m.start()] + " ¤ " + text[m.end():]  # where the partner's name may follow


def _partner(text: str, found: Spans) -> str:
    """The name after the kind and its preposition, or before "besöker oss"."""
    if found.partner_before_visit:
        before = text[: text.find(CUT.strip())] if CUT.strip() in text else text
        name = _name(before.split()[-4:] if before.split() else [], from_end=True)
        if name:
            found.values["partner"] = name
            return text.replace(name, " ", 1)
        return text
    if "¤" not in text:
        return text
    head, _, tail = text.partition("¤")
    words = tail.split()
    while words and words[0].casefold() in _PREPOSITIONS:
        words.pop(0)
    name = _name(words)
    if name:
        found.values["partner"] = name
        rest = " ".join(words)
        tail = rest[rest.find(name) + len(name):]
    return head + " " + tail


def _name(words: list[str], from_end: bool = False) -> str:
    """A name: words up to a boundary or a linking word, starting with a capital letter."""
    if from_end:
        words = list(reversed(words))
    taken: list[str] = []
    for word in words:
        bare = word.strip(".,;:!?")
        if word == "¦" or not bare or bare.casefold() in _STOP or bare[0].isdigit():
            break
        taken.append(bare)
        if bare != word:  # a comma or full stop ends it
            break
    if from_end:
        taken.reverse()
    while taken and not taken[0][:1].isupper():
        taken.pop(0)
    return " ".join(taken)


_READERS = [_decision, _amount, _dates, _words_reader(PROGRAMME_WORDS, "programme"), _people,
            _committee, _words_reader(STATUS_WORDS, "status"), _country, _kind]
