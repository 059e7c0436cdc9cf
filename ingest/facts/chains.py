"""Reading a verb phrase: "V1 O1, V2 O2 och V3 O3" as (action, object) pairs.

Every sentence shape in ``ingest.facts.responsibilities`` ends here once it has found where
the verbs begin, so a coordination, a delayed infinitive ("ska senast i mars rapportera") or
a decision on two matters ("beslutar om A och om B") reads the same in all of them; the tasks
of "det åligger X att A och att B" are read by the same verb table. A verb the table has no
action for ends the object before it ("bereder ärendet och inhämtar synpunkter") and states
nothing itself.
"""

from __future__ import annotations

import re

from ingest.facts.objects import clean_object
from ingest.facts.verbs import (
    ACTIVE,
    ANY_ACTIVE,
    COORDINATED,
    INFINITIVE,
    MODAL,
    action_of,
    handed_over,
    other_finite,
    refine,
)

_SPLIT = re.compile(rf"(?:,\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+)"
                    rf"(?=(?:{ANY_ACTIVE.pattern}|{COORDINATED.pattern}))", re.I)
# "bereder ärendet och inhämtar synpunkter": a verb the table has no action for still ends
# the object before it, unless the "och" may join the verbs of a clause inside the object
# ("ser till att nämnderna informerar och utbildar …", "föreningar som anordnar läger och …").
_AND = re.compile(r"\s+(?:och|samt)\s+", re.I)
_INNER_CLAUSE = re.compile(r"\b(?:att|som|där|när|då|vilka|vilket|vilken|eftersom|innan|medan)\b",
                           re.I)
# "beslutar om medlemskap och om ansökningar": "om" said again starts a second matter.
_MATTERS = re.compile(r"\s+(?:och|samt)\s+(?=om\s)", re.I)

_MODAL_BEFORE = re.compile(rf"\b(?:{MODAL})\s+$", re.I)
# "lämnar en redovisning av sitt arbete": what the report is about follows its noun.
_MATTER = re.compile(r"\s+(?:av|om|över|kring)\s", re.I)
# ", som är regionens kontaktperson": a clause describing the object is no part of it.
_DESCRIBING = re.compile(r",\s*som\s")


def _delayed_infinitive(text: str, pos: int) -> re.Match[str] | None:
    """"Varje nämnd ska senast den 1 mars varje år rapportera …": after a modal, the verb may
    come after a time adverbial; look a short way ahead, never past a comma."""
    if not _MODAL_BEFORE.search(text[:pos]):
        return None
    window = text[pos: pos + 60].split(",")[0]
    found = INFINITIVE.search(window)
    return INFINITIVE.match(text, pos + found.start()) if found else None


def _other_verbs(action: str, raw: str) -> list[tuple[str, str]]:
    """Split one verb's words at "och V …" where V is a finite verb with no action: the words
    before are the object, and V's phrase ("", words) states nothing, though a verb with no
    object of its own shares it ("leder och genomför projekten")."""
    for m in _AND.finditer(raw):
        verb = other_finite(raw, m.end())
        if verb and not _INNER_CLAUSE.search(raw, 0, m.start()):
            return [(action, raw[: m.start()]), ("", raw[verb.end():])]
    return [(action, raw)]


def verb_chain(text: str, pos: int) -> list[tuple[str, str]]:
    """(action, object) for "V1 O1, V2 O2 och V3 O3"; a verb with no object shares the next."""
    first = ACTIVE.match(text, pos) or _delayed_infinitive(text, pos)
    if not first:
        return []
    pieces: list[tuple[str, str]] = []
    action, cursor = action_of(first), first.end()
    if first.group(0).lower().endswith(" att"):  # "har uppdraget att bevaka …"
        task = INFINITIVE.match(text, cursor + 1)
        if task:
            action, cursor = action_of(task), task.end()
    elif action == "responsible" and not clean_object(text[cursor:]):
        # "Kommunchefen har det verkställande övergripande ansvaret."
        return [(action, re.sub(r"^(har|är)\s+(det\s+)?", "", first.group(0), flags=re.I))]
    product = handed_over(first)
    if product is not None and not _MATTER.match(text, cursor):
        cursor = product  # "lämna en reserapport till styrelsen": the report is the object
    for m in _SPLIT.finditer(text, cursor):
        nxt = ACTIVE.match(text, m.end()) or COORDINATED.match(text, m.end())
        if not nxt:
            continue
        pieces.append((action, text[cursor:m.start()]))
        action, cursor = action_of(nxt), nxt.end()
    pieces.append((action, text[cursor:]))
    pieces = [p for act, raw in pieces for p in _other_verbs(act, raw)]
    if re.match(r"är\s.*(representant|remissinstans)", first.group(0), re.I) and len(pieces) == 1:
        # "är kommunens främste representant i …": the role is the object
        role = re.sub(r"^är\s+(?:vidare\s+|även\s+|också\s+)?", "", first.group(0), flags=re.I)
        pieces = [(action, f"{role} {pieces[0][1].strip()}")]
    out: list[tuple[str, str]] = []
    for i, (act, raw) in enumerate(pieces):
        if not act:
            continue  # a verb phrase with no action of its own
        raw = _DESCRIBING.split(raw, maxsplit=1)[0]
        obj = clean_object(raw)
        if not obj:
            obj = next((clean_object(o) for _, o in pieces[i + 1:] if clean_object(o)), "")
        # "ser till att rapporten görs tillgänglig": a state to ensure, not the noun's action
        act = act if re.match(r"\s*att\s", raw) else refine(act, obj)
        matters = _MATTERS.split(obj) if act == "decides" else [obj]
        out.extend((act, clean_object(m)) for m in matters)
    return out


_NEXT_TASK = re.compile(rf"\s+(?:och|samt)\s+att\s+(?={INFINITIVE.pattern})", re.I)


def task_chain(text: str) -> list[tuple[str, str]]:
    """"(Det åligger X) att samordna A och att se till att B": each infinitive is a task and
    its verb names the action, as an active verb would. A duty that opens with no verb of its
    own in the table ("att genomföra utvärderingen och att redovisa …") or with a general one
    ("att se till att A och att B") stays one responsibility, as written."""
    body = re.sub(r"^\s*att\s+", "", text, flags=re.I)
    first = INFINITIVE.match(body)
    if first is None or action_of(first) == "responsible":
        return [("responsible", clean_object(body))]
    out: list[tuple[str, str]] = []
    cursor, verb = first.end(), first
    for nxt in [*_NEXT_TASK.finditer(body), None]:
        raw = body[cursor: nxt.start() if nxt else len(body)]
        act = action_of(verb)
        out.append((act if re.match(r"\s*att\s", raw) else refine(act, clean_object(raw)),
                    clean_object(raw)))
        if nxt is not None:
            verb = INFINITIVE.match(body, nxt.end()) or verb
            cursor = verb.end()
    return out
