"""Who does what: (actor, action, object) triples from one sentence or list item.

Policies state responsibility in a handful of shapes, all read with the same verb table:
active ("Kommunstyrelsen beslutar om medlemskap…", "…leder och samordnar…"), inverted after a
fronted phrase ("Varje år redovisar kontoret…", "Inom skolan fattar rektor beslut om…"), a
cleft ("är det rektor som avgör…", "det är nätverket som planerar…"), a unit introduced and
acting at once ("skapades ett råd som leder…"), a list under a lead-in ("Nämnderna ansvarar
för att" + bullets) and a table row ("Kommunstyrelsen | Beslutar om…").
The passive and the other fixed shapes live in ``ingest.facts.shapes``.
"""

from __future__ import annotations

import re

from ingest.facts.objects import Triple, clean_object, drop_adverbs
from ingest.facts.shapes import passive_triples, special_triples
from ingest.facts.verbs import (
    ACTIVE,
    ANY_ACTIVE,
    COORDINATED,
    INFINITIVE,
    MODAL,
    action_of,
)
from knowledge.actors import find_actors
from knowledge.antecedents import Antecedents, Mention

_APPOSITION = re.compile(r",[^,.]{3,100},")
_BETWEEN = re.compile(rf"\s*(?:(?:{MODAL})\s+)?(?:(?:även|vidare|också|själv|själva)\s+)?",
                      re.I)
_CO_SUBJECT = re.compile(r"\s+(?:och|samt)\s+", re.I)
# "Kommunfullmäktige i Halmstad", "EU-nätverket i Malmö stad": where, not who.
_PLACE = re.compile(r"\s+(?:i|inom)\s+(?:[A-ZÅÄÖ][\wåäö-]*(?:\s+(?:kommun|stad|län))?|"
                    r"kommunen|staden|regionen)(?=[\s,])")
_SPLIT = re.compile(rf"(?:,\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+)"
                    rf"(?=(?:{ANY_ACTIVE.pattern}|{COORDINATED.pattern}))", re.I)
_COMPLEMENT_BEFORE = re.compile(r"(?:^|\s)(?:av|i|hos|på|vid|till|från|med)\s*$", re.I)


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
        nxt = ACTIVE.match(text, m.end()) or COORDINATED.match(text, m.end())
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
        place = _PLACE.match(text, pos)
        if place:
            pos = place.end()
        co = _CO_SUBJECT.match(text, pos)
        nxt = next((m for m in mentions if co and m.start == co.end()), None)
        if co and nxt is not None:
            actors.append(nxt.name)
            pos = nxt.end
            continue
        return pos, actors


_CLEFT = re.compile(r"(?:^|\s)(?:är\s+det|det\s+är(?:\s+(?!att\b)[a-zåäö]+){0,2}|det)$")
_RELATIVE = re.compile(r"(?:\s+(?:i|inom|på|för|med)\s+[^,.]{1,40}?)?\s+som\s+", re.I)
_V2_VERB = re.compile(r"\S\s+([a-zåäö]+)\s+$")  # after a fronted phrase: "Inom skolan fattar "
_RELATIVE_SUBJECT = re.compile(r"\bsom\s+$", re.I)
_INVERTED = re.compile(rf"(?:{ANY_ACTIVE.pattern})\s+$", re.I)
# The main clause's start after a fronted "När …" clause: the verb comes before its subject
# (V2), so "… räcker det med att", "… krävs det att", "… är det" end the condition.
_CONDITION_TAIL = re.compile(r"[\s,]*(?:\b[a-zåäö]+\s+det(?:\s+(?:med|för|till))?(?:\s+att)?|"
                             r"\batt|\bså|\bdå)\s*$", re.I)


def _verb_starts(text: str, mention: Mention, pos: int) -> list[int]:
    """Where a verb may begin after a subject: "X ska även V", or in a relative clause when the
    subject is introduced ("är det rektor som avgör", "det är därefter nätverket som planerar",
    "finns en samordnare som … hjälper", "skapades ett råd som leder")."""
    before = text[: mention.start].rstrip().lower()
    starts = [pos]
    if _CLEFT.search(before) or re.search(r"finns\s+(en|ett)$", before):
        starts = [pos + m.end() for m in re.finditer(r"\bsom\s+", text[pos:], re.I)]
    elif re.match(r"(?:en|ett)\s", mention.text, re.I):
        starts += [pos + m.end() for m in [_RELATIVE.match(text[pos:])] if m]
    out = []
    for start in starts:
        between = _BETWEEN.match(text, start)
        out.append(between.end() if between else start)
    return out


def _split_inversion(text: str, head: str, pos: int) -> list[tuple[str, str]]:
    """V2 word order splits a verb phrase around its subject: "Inom skolan fattar rektor beslut
    om …", "har nämnden ansvar för …", "tar kansliet fram …". Read the finite verb before the
    subject together with what follows it."""
    verb = _V2_VERB.search(head)
    return _verb_chain(f"{verb.group(1)} {text[pos:].lstrip()}", 0) if verb else []


def active_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    out: list[Triple] = []
    for mention in mentions:
        pos, actors = _after_subject(text, mention, mentions)
        head = text[: mention.start]
        if mention.genitive or _COMPLEMENT_BEFORE.search(head):
            continue  # an agent, a complement or an owner ("nämndens"), not a subject
        first = not any(m.end <= mention.start for m in mentions)
        inverted = _INVERTED.search(head) if first else None
        if inverted:  # "Varje år redovisar näringslivskontoret en sammanfattning"
            chain = _verb_chain(text[: inverted.end()].rstrip() + " " + text[pos:].lstrip(),
                                inverted.start())
        else:
            chain = next((c for s in _verb_starts(text, mention, pos)
                          if (c := _verb_chain(text, s))), [])
        if not chain and first:
            chain = _split_inversion(text, head, pos)
        for action, obj in chain:
            if not obj and _RELATIVE_SUBJECT.search(head):
                continue  # "de mål som fullmäktige har beslutat": the body describes the noun
            if not obj:
                obj = clean_object(_CONDITION_TAIL.sub("", head))  # "När X, räcker det med att"
            out.extend(Triple(a, action, obj) for a in actors)
    return out


def triples(text: str, known: Antecedents, lead_actor: list[str] | None = None,
            lead_action: str = "") -> list[Triple]:
    """All responsibilities a sentence states; a list item inherits its lead-in's actor."""
    text = re.sub(r"\s*\|\s*(\w)", lambda m: " " + m.group(1).lower(), text)  # table row
    text = drop_adverbs(text)
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
