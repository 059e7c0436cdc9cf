"""Who does what: (actor, action, object) triples from one sentence or list item.

Policies state responsibility in a handful of shapes, all handled here by the same verb table:
active ("Kommunstyrelsen beslutar om medlemskap…", "…leder och samordnar…"), passive with an
agent ("Avtal … skall beslutas i KF och tecknas av KS"), a list under a lead-in ("Nämnderna
ansvarar för att" + bullets), a cleft ("är det rektor som avgör…"), "det åligger X att…",
"ansvaret för X ligger hos Y", and a table row ("Kommunstyrelsen | Beslutar om…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.facts.verbs import ACTIVE, ANY_ACTIVE, INFINITIVE, MODAL, PASSIVE, action_of
from knowledge.actors import find_actors
from knowledge.antecedents import Antecedents, Mention


@dataclass(frozen=True)
class Triple:
    actor: str
    action: str
    object: str


_APPOSITION = re.compile(r",[^,.]{3,100},")
_BETWEEN = re.compile(rf"\s*(?:(?:{MODAL})\s+)?(?:(?:även|vidare|också|själv|själva)\s+)?",
                      re.I)
_CO_SUBJECT = re.compile(r"\s+(?:och|samt)\s+", re.I)
_SPLIT = re.compile(rf"(?:,\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+)(?=(?:{ANY_ACTIVE.pattern}))",
                    re.I)
_COMPLEMENT_BEFORE = re.compile(r"(?:^|\s)(?:av|i|hos|på|vid|till|från|med)\s*$", re.I)
_AGENT_BEFORE = re.compile(r"(?:\b(?:av|i|hos|på|vid)\s+)$", re.I)
_OBJECT_LEAD = re.compile(
    r"^(?:om\s+|för\s+|över\s+|att\s+|även\s+)+|^(?:beslut|frågan)\s+om\s+", re.I)


def clean_object(text: str) -> str:
    text = text.strip().rstrip(".;:,").strip()
    previous = None
    while previous != text:
        previous = text
        text = _OBJECT_LEAD.sub("", text).strip()
    return text


_MODAL_BEFORE = re.compile(rf"\b(?:{MODAL})\s+$", re.I)


def _delayed_infinitive(text: str, pos: int) -> re.Match[str] | None:
    """"Varje nämnd ska senast den 1 mars varje år rapportera …": after a modal, the verb may
    come after a time adverbial; look a short way ahead, never past a comma."""
    if not _MODAL_BEFORE.search(text[:pos]):
        return None
    window = text[pos: pos + 60].split(",")[0]
    found = INFINITIVE.search(window)
    return INFINITIVE.match(text, pos + found.start()) if found else None


def _verb_chain(text: str, pos: int) -> list[tuple[str, str]]:
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
    for m in _SPLIT.finditer(text, cursor):
        nxt = ACTIVE.match(text, m.end())
        if not nxt:
            continue
        pieces.append((action, text[cursor:m.start()]))
        action, cursor = action_of(nxt), nxt.end()
    pieces.append((action, text[cursor:]))
    if re.match(r"är\s.*(representant|remissinstans)", first.group(0), re.I) and len(pieces) == 1:
        # "är kommunens främste representant i …": the role is the object
        role = re.sub(r"^är\s+(?:vidare\s+|även\s+|också\s+)?", "", first.group(0), flags=re.I)
        pieces = [(action, f"{role} {pieces[0][1].strip()}")]
    out: list[tuple[str, str]] = []
    for i, (act, obj) in enumerate(pieces):
        obj = clean_object(obj)
        if not obj:
            obj = next((clean_object(o) for _, o in pieces[i + 1:] if clean_object(o)), "")
        if act == "responsible" and re.match(r"(en\s+)?(årlig\s+)?(rapport|redovisning)", obj):
            act = "reports"
        out.append((act, obj))
    return out


def _after_subject(text: str, mention: Mention, mentions: list[Mention]) -> tuple[int, list[str]]:
    """Position after the subject (appositions and co-ordinated subjects included)."""
    actors = [mention.name]
    pos = mention.end
    while True:
        app = _APPOSITION.match(text, pos)
        if app:
            pos = app.end()
        co = _CO_SUBJECT.match(text, pos)
        nxt = next((m for m in mentions if co and m.start == co.end()), None)
        if co and nxt is not None:
            actors.append(nxt.name)
            pos = nxt.end
            continue
        return pos, actors


_INVERTED = re.compile(rf"(?:{ANY_ACTIVE.pattern})\s+$", re.I)
_CONDITION_TAIL = re.compile(r"[\s,]*(?:räcker\s+det\s+med\s+att|är\s+det|att|så|då)\s*$", re.I)


def _verb_starts(text: str, mention: Mention, pos: int) -> list[int]:
    """Where a verb may begin after a subject: "X ska även V", or in a relative clause when the
    subject is introduced ("är det rektor som avgör", "finns en samordnare som … hjälper")."""
    before = text[: mention.start].rstrip().lower()
    starts = [pos]
    if before.endswith("det") or re.search(r"finns\s+(en|ett)$", before):
        starts = [pos + m.end() for m in re.finditer(r"\bsom\s+", text[pos:], re.I)]
    out = []
    for start in starts:
        between = _BETWEEN.match(text, start)
        out.append(between.end() if between else start)
    return out


def active_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    out: list[Triple] = []
    for mention in mentions:
        pos, actors = _after_subject(text, mention, mentions)
        head = text[: mention.start]
        if mention.genitive or _COMPLEMENT_BEFORE.search(head):
            continue  # an agent, a complement or an owner ("nämndens"), not a subject
        inverted = None if any(m.end <= mention.start for m in mentions) else _INVERTED.search(head)
        if inverted:  # "Varje år redovisar näringslivskontoret en sammanfattning"
            chain = _verb_chain(text[: inverted.end()].rstrip() + " " + text[pos:].lstrip(),
                                inverted.start())
        else:
            chain = next((c for s in _verb_starts(text, mention, pos)
                          if (c := _verb_chain(text, s))), [])
        for action, obj in chain:
            if not obj:
                obj = clean_object(_CONDITION_TAIL.sub("", head))  # "När X, räcker det med att"
            out.extend(Triple(a, action, obj) for a in actors)
    return out


def passive_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    """"X skall beslutas i KF och tecknas av KS": the object is what precedes the verb."""
    out: list[Triple] = []
    first_verb = PASSIVE.search(text)
    if not first_verb:
        return out
    obj = clean_object(re.sub(rf"\s+(?:{MODAL})$", "", text[: first_verb.start()].strip(),
                              flags=re.I))
    for mention in mentions:
        head = text[: mention.start]
        if mention.genitive or not _AGENT_BEFORE.search(head):
            continue
        verbs = [m for m in PASSIVE.finditer(head) if len(head) - m.end() < 60]
        if not verbs:
            continue
        out.append(Triple(mention.name, action_of(verbs[-1]), obj))
    return out


def special_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    out: list[Triple] = []
    for mention in mentions:
        head, tail = text[: mention.start], text[mention.end:]
        if mention.text.lower().endswith("ansvar") and re.match(r"\s+(att|för)\s", tail):
            out.append(Triple(mention.name, "responsible", clean_object(tail)))
        if re.search(r"\båligger\s+$", head, re.I) and tail.lstrip().startswith("att "):
            out.append(Triple(mention.name, "responsible", clean_object(tail)))
        owner = re.search(r"\bansvaret\s+för\s+(.+?)\s+ligger\s+hos\s+$", head, re.I)
        if owner:
            out.append(Triple(mention.name, "responsible", clean_object(owner.group(1))))
    return out


def triples(text: str, known: Antecedents, lead_actor: list[str] | None = None,
            lead_action: str = "") -> list[Triple]:
    """All responsibilities a sentence states; a list item inherits its lead-in's actor."""
    text = re.sub(r"\s*\|\s*(\w)", lambda m: " " + m.group(1).lower(), text)  # table row
    mentions = find_actors(text, known)
    found = active_triples(text, mentions) + passive_triples(text, mentions)
    found += special_triples(text, mentions)
    if not found and lead_actor:
        verb = INFINITIVE.search(" ".join(text.split()[:4]))
        action = action_of(verb) if verb else lead_action or "responsible"
        found = [Triple(a, action, clean_object(text)) for a in lead_actor]
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for t in found:
        key = (t.actor, t.action, t.object)
        if key not in seen and t.object is not None:
            seen.add(key)
            unique.append(t)
    return unique


def lead_in_subject(text: str, known: Antecedents) -> tuple[list[str], str]:
    """The actor(s) and action a list lead-in announces ("Kommunstyrelsen ansvarar för att")."""
    mentions = find_actors(text, known)
    for mention in mentions:
        pos, actors = _after_subject(text, mention, mentions)
        rest = text[pos:].strip().lower()
        if re.match(rf"(?:{MODAL})\s*:?$", rest):
            return actors, ""
        between = _BETWEEN.match(text, pos)
        verb = ACTIVE.match(text, between.end() if between else pos)
        if verb and len(text) - verb.end() < 12:
            return actors, action_of(verb)
    return [], ""
