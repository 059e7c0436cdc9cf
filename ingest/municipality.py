"""Which municipality or region a document belongs to, and a plain sentence saying how we know.

Why this order: the title and letterhead name the owner; the body names partners as well, and a
twin-town policy may name its twin more often than itself (foreign twins are not in the
registry, but a Swedish one is). So the first lines decide first, then the body's mentions of
listed organisations, then a web address in the page, then the file or folder name (pages often
never name their municipality), and last the old guess: the most frequent "X kommun" that is
not listed (fictional or new municipalities).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.municipalities import Mention, Organisation, Registry, fold

UNKNOWN = "Okänd"
_CAP = r"[A-ZÅÄÖ][a-zåäöé]+|[A-ZÅÄÖ]{2,}"
_UNLISTED = re.compile(rf"\b((?:{_CAP})(?:[ -](?:{_CAP}))?)\s+(?:kommuns?|KOMMUNS?)\b")
_UNLISTED_REGION = re.compile(rf"\b(?:Region|REGION)\s+((?:{_CAP})(?:[ -](?:{_CAP}))?)\b")
_NOT_NAMES = frozenset("""en den det denna varje vår våra egen annan andra samma hela kommunen
    kommunens svensk svenska ny nya att för i och internationell internationella policy strategi
    vid om som med till från din er vår kontakta välkommen""".split())
_KOMMUN_LINE = re.compile(r"^(?:kommun|municipality|region)\s*:\s*(.+)$", re.IGNORECASE)
_WEB = re.compile(r"(?:https?://|www\.|@)(?:www\.)?([a-z0-9-]+)\.se\b", re.IGNORECASE)
HEAD_LINES = 12
BODY_SCAN = 200_000  # mentions are counted here: a long document names its owner early


@dataclass(frozen=True)
class Guess:
    """The organisation a document belongs to and how it was found (for the ingest report)."""

    organisation: Organisation | None  # None: nothing found
    how: str

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation else UNKNOWN


def head_of(text: str, title: str = "") -> str:
    """The title/letterhead region: the first non-empty lines (long ones cut) and the title."""
    lines = [line.strip()[:400] for line in text.splitlines() if line.strip()][:HEAD_LINES]
    return "\n".join([*lines, title] if title and title not in lines else lines)


def detect(text: str, registry: Registry, title: str = "",
           file_names: Sequence[str] = ()) -> Guess:
    """``file_names``: the file's name, then its folders' names, nearest first."""
    head = head_of(text, title)
    named = _from_names(file_names, registry)
    steps: tuple[Callable[[], Guess | None], ...] = (
        lambda: _form_line(head, registry),
        lambda: _first_named(head, registry, text, named is not None),
        lambda: _place_in_head(head, registry),
        lambda: _most_mentioned(text, registry, named.organisation if named else None),
        lambda: _web_address(text, registry), lambda: named,
        lambda: _unlisted_most_frequent(text, registry))
    for step in steps:  # in order, stopping at the first answer
        guess = step()
        if guess is not None:
            return guess
    return Guess(None, "not found in the text or the file name")


def _form_line(head: str, registry: Registry) -> Guess | None:
    for line in head.splitlines():
        m = _KOMMUN_LINE.match(line)
        if m:
            value = m.group(1).strip()
            org = registry.resolve(value, fuzzy=False) or Organisation.unlisted(value)
            return Guess(org, f"from the line '{line}'")
    return None


def _unlisted(text: str, within: str, registry: Registry) -> list[tuple[int, str, str]]:
    """Unlisted "X kommun" names in ``within``: (offset, place, as written), genitive
    stripped when the bare name occurs too ("Västerholms kommun" -> "Västerholm")."""
    taken = [(m.start, m.end) for m in registry.find_in_text(within)]
    found = []
    for m in _UNLISTED.finditer(within):
        name = m.group(1).title() if m.group(1).isupper() else m.group(1)
        if name.split()[0].lower() in _NOT_NAMES or any(s < m.end() and m.start() < e
                                                        for s, e in taken):
            continue
        if name.endswith("s") and re.search(rf"\b{re.escape(name[:-1])}\b", text, re.I):
            name = name[:-1]
        found.append((m.start(), name, m.group(0)))
    for m in _UNLISTED_REGION.finditer(within):  # "Region Västanå", a region not listed
        place = m.group(1).title() if m.group(1).isupper() else m.group(1)
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if place.endswith("s") and re.search(rf"\bRegion {re.escape(place[:-1])}\b", text, re.I):
            place = place[:-1]
        found.append((m.start(), f"Region {place}", f"Region {place}"))
    return sorted(found)


def _first_named(head: str, registry: Registry, text: str,
                 file_named: bool = False) -> Guess | None:
    """The first organisation form in the first lines; an unlisted one must recur in the text
    (a menu item like "Hållbar kommun" occurs once), and gives way to a listed organisation
    that the file or folder name names: a twin-town page that never names its owner describes
    its foreign twins as "X kommun" ("Kiikala kommun ligger …"), which the registry cannot
    know, while the file was saved under the owner's name."""
    listed = registry.find_in_text(head)
    unlisted = [u for u in _unlisted(text, head, registry) if _recurs(u[1], text)]
    if listed and (not unlisted or listed[0].start <= unlisted[0][0]):
        first = listed[0]
        return Guess(first.organisation,
                     f"from the title/letterhead '{head[first.start:first.end]}'")
    if unlisted and not file_named:
        _, name, written = unlisted[0]
        org = registry.resolve(name, fuzzy=False) or Organisation.unlisted(written)
        return Guess(org, f"from the title/letterhead '{written}' (not a listed Swedish "
                          "municipality or region)")
    return None


def _recurs(name: str, text: str) -> bool:
    found = re.finditer(rf"\b{re.escape(name)}", text, re.IGNORECASE)
    return next(found, None) is not None and next(found, None) is not None


def _place_in_head(head: str, registry: Registry) -> Guess | None:
    """A bare place name in the first lines ("Vänorter till Härnösand", a letterhead
    "Vetlanda"), but not one opening a sentence, where it may be a common word ("Vara med")."""
    forms = {(m.start, m.end) for m in registry.find_in_text(head)}
    for m in registry.find_in_text(head, places=True):
        if (m.start, m.end) in forms:
            continue
        line_start = head.rfind("\n", 0, m.start) + 1
        line_end = head.find("\n", m.end)
        line = head[line_start:len(head) if line_end < 0 else line_end].strip()
        word = head[m.start:m.end]
        before = head[line_start:m.start].strip(" •-*#")
        opens_sentence = not before or before[-1] in ".!?:"
        genitive = word.endswith("s") and not m.organisation.name.endswith("s")
        if line.strip(" •-*#") == word or not opens_sentence or genitive:
            return Guess(m.organisation, f"from the place name '{word}' in the "
                                         f"title/letterhead '{line}'")
    return None


def _most_mentioned(text: str, registry: Registry,
                    named: Organisation | None) -> Guess | None:
    """The listed organisation named most often; a tie goes to the one the file name names,
    then to the first named (a minute that cites another municipality as an example)."""
    mentions: list[Mention] = registry.find_in_text(text[:BODY_SCAN])
    if not mentions:
        return None
    counts = Counter(m.organisation.name for m in mentions)
    first = {}
    for m in reversed(mentions):
        first[m.organisation.name] = m
    best = max(counts, key=lambda n: (counts[n], named is not None and n == named.name,
                                      -first[n].start))
    m = first[best]
    many = f", {counts[best]} mentions" if counts[best] > 1 else ""
    return Guess(m.organisation, f"from the text '{text[m.start:m.end]}'{many}")


def _web_address(text: str, registry: Registry) -> Guess | None:
    found = Counter(org.name for org, _ in _web_orgs(text, registry))
    if not found:
        return None
    best = found.most_common(1)[0][0]
    org, label = next(x for x in _web_orgs(text, registry) if x[0].name == best)
    return Guess(org, f"from the web address '{label}.se' in the text")


def _web_orgs(text: str, registry: Registry) -> list[tuple[Organisation, str]]:
    out = []
    for m in _WEB.finditer(text, 0, BODY_SCAN):
        label = m.group(1).lower()
        org = registry.resolve_compact(label)
        if org is not None:
            out.append((org, label))
    return out


def from_file_name(name: str, registry: Registry) -> tuple[Organisation, list[str]] | None:
    """The organisation a file or folder name starts or ends with ("vetlanda-vanorter.txt"),
    and the words that name it."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    words = [w for w in re.split(r"[\W_]+", stem) if w and not w.isdigit()]
    for n in range(min(5, len(words)), 0, -1):
        for part in (words[:n], words[-n:]):
            org = registry.resolve(" ".join(part), fuzzy=False) or (
                registry.resolve_compact(fold("".join(part), accents=False)))
            if org is not None:
                return org, part
    return None


def _from_names(names: Sequence[str], registry: Registry) -> Guess | None:
    for i, name in enumerate(names):
        hit = from_file_name(name, registry)
        if hit is not None:
            what = "file name" if i == 0 else "folder name"
            return Guess(hit[0], f"taken from the {what} '{name}'")
    return None


def _unlisted_most_frequent(text: str, registry: Registry) -> Guess | None:
    found = _unlisted(text, text[:BODY_SCAN], registry)
    if not found:
        return None
    counts = Counter(name for _, name, _ in found)
    name = counts.most_common(1)[0][0]
    written = next(w for _, n, w in found if n == name)
    org = registry.resolve(name, fuzzy=False) or Organisation.unlisted(written)
    return Guess(org, f"guessed from the most frequent '{written}' in the text (not a listed "
                      "Swedish municipality or region)")
