"""Who does what: (actor, action, object) triples from one sentence or list item.

Policies state responsibility in a handful of shapes, all read with the same verb table:
active ("Kommunstyrelsen beslutar om medlemskap…", "…leder och samordnar…"), inverted after a
fronted phrase ("Varje år redovisar kontoret…", "Inom skolan fattar rektor beslut om…",
"Om medlemskap beslutar styrelsen"), a clause describing a named body (", som svarar för…"), a
cleft ("är det rektor som avgör…", "det är nätverket som planerar…"), a unit introduced and
acting at once ("skapades ett råd som leder…"), a list under a lead-in ("Nämnderna ansvarar
för att" + bullets) and a table row ("Kommunstyrelsen | Beslutar om…").
The passive and the other fixed shapes live in ``ingest.facts.shapes``.
"""

from __future__ import annotations

import re

from ingest.facts.chains import verb_chain
from ingest.facts.objects import COMMISSION, Triple, clean_object, drop_adverbs
from ingest.facts.shapes import passive_triples, proposal_triples, special_triples
from ingest.facts.verbs import ACTIVE, ANY_ACTIVE, INFINITIVE, MODAL, action_of
from knowledge.actors import find_actors
from knowledge.antecedents import Antecedents, Mention

_APPOSITION = re.compile(r",[^,.]{3,100},")
_BETWEEN = re.compile(rf"\s*(?:(?:{MODAL})\s+)?(?:(?:även|vidare|också|själv|själva)\s+)?",
                      re.I)
# "A och B beslutar", "A tillsammans med B ansvarar", "A, tillsammans med B, leder"
_CO_SUBJECT = re.compile(r"\s+(?:och|samt)\s+|(?P<with>,?\s+(?:tillsammans|gemensamt)\s+med\s+)",
                         re.I)
# "Kommunfullmäktige i Halmstad", "EU-nätverket i Malmö stad": where, not who.
_PLACE = re.compile(r"\s+(?:i|inom)\s+(?:[A-ZÅÄÖ][\wåäö-]*(?:\s+(?:kommun|stad|län))?|"
                    r"kommunen|staden|regionen)(?=[\s,])")
_COMPLEMENT_BEFORE = re.compile(r"(?:^|\s)(?:av|i|hos|på|vid|till|från|med)\s*$", re.I)




def _after_subject(text: str, mention: Mention, mentions: list[Mention]) -> tuple[int, list[str]]:
    """Position after the subject (appositions and co-ordinated subjects included)."""
    actors = [mention.name]
    pos = mention.end
    while True:
        co = _CO_SUBJECT.match(text, pos)
        if co is None or not co.group("with"):
            app = _APPOSITION.match(text, pos)
            pos = app.end() if app else pos
            place = _PLACE.match(text, pos)
            pos = place.end() if place else pos
            co = _CO_SUBJECT.match(text, pos)
        nxt = next((m for m in mentions if co and m.start == co.end()), None)
        if co and nxt is not None:
            actors.append(nxt.name)
            pos = nxt.end
            if (co.group("with") or "").startswith(",") and text.startswith(",", pos):
                pos += 1  # the partner set off by commas: ", tillsammans med B,"
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
    if re.search(r"(?:^|\s)är$", before) and re.match(r"det\s", mention.text, re.I):
        before += " det"  # "Inom vården är det socialnämnden som …": "det" is the cleft's
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
    return verb_chain(f"{verb.group(1)} {text[pos:].lstrip()}", 0) if verb else []


_FRONTED_MATTER = re.compile(r"\s*om\s+(?P<matter>[^,]+?)\s*$", re.I)


def _fronted_matter(text: str, head: str, verb_at: int, pos: int) -> list[tuple[str, str]]:
    """"Om medlemskap i nätverk beslutar kommunstyrelsen": the matter of a decision put first
    (V2), when nothing after the subject is the verb's object ("Om kommunen deltar, beslutar
    nämnden om deltagandet" is a condition)."""
    matter = _FRONTED_MATTER.fullmatch(head, 0, verb_at)
    verb = ACTIVE.match(head, verb_at)
    if matter is None or verb is None or action_of(verb) != "decides":
        return []
    return [] if clean_object(text[pos:].split(",")[0]) else [
        ("decides", clean_object(matter.group("matter")))]


_DESCRIBED = re.compile(r",\s*som\s+")


def _relative_chain(text: str, mention: Mention) -> list[tuple[str, str]]:
    """"… beslutar kommunstyrelsen, som också svarar för avgifterna", "… bereds av kansliet,
    som också ansvarar för …": a clause describing a named body by what it does states a
    responsibility of that body, wherever the body stands in the sentence."""
    described = _DESCRIBED.match(text, mention.end)
    if described is None:
        return []
    between = _BETWEEN.match(text, described.end())
    return verb_chain(text, between.end() if between else described.end())


def _main_chain(text: str, mention: Mention, mentions: list[Mention],
                pos: int, row: bool) -> list[tuple[str, str]]:
    """The verb phrase the mention is the subject of, in straight or inverted order; in a
    table row ("Kontoret | Stödjer nämnder, …") the row's body is the subject, so no word
    after it is an inverted one."""
    head = text[: mention.start]
    # a body that only commissions the work ("På uppdrag av styrelsen sammanställer kansliet")
    # is part of the fronted phrase, so the subject after it is still the clause's first
    first = not row and not any(m.end <= mention.start and not COMMISSION.search(text[: m.start])
                                for m in mentions)
    inverted = _INVERTED.search(head) if first else None
    if inverted:  # "Varje år redovisar näringslivskontoret en sammanfattning"
        return (_fronted_matter(text, head, inverted.start(), pos)
                or verb_chain(text[: inverted.end()].rstrip() + " " + text[pos:].lstrip(),
                              inverted.start()))
    chain = next((c for s in _verb_starts(text, mention, pos) if (c := verb_chain(text, s))),
                 [])
    return chain or (_split_inversion(text, head, pos) if first else [])


_NO_OBJECT = re.compile(r"^(?:$|[,;:])")
_PARTNER = re.compile(r"(?:tillsammans|gemensamt)\s+med\s+", re.I)


def _partner(obj: str, mentions: list[Mention]) -> tuple[list[str], str]:
    """"X beslutar tillsammans med Y om Z": Y is a subject too, and Z the object."""
    with_ = _PARTNER.match(obj)
    rest = obj[with_.end():] if with_ else ""
    for mention in mentions if with_ else []:
        if rest.lower().startswith(mention.text.lower()) and not mention.genitive:
            return [mention.name], clean_object(rest[len(mention.text):])
    return [], obj


def active_triples(text: str, mentions: list[Mention], row: bool = False) -> list[Triple]:
    out: list[Triple] = []
    for mention in mentions:
        if mention.genitive:
            continue  # an owner ("nämndens"), not a subject
        pos, actors = _after_subject(text, mention, mentions)
        head = text[: mention.start]
        chain = _relative_chain(text, mention)
        if not _COMPLEMENT_BEFORE.search(head):  # an agent or a complement is no subject
            chain = _main_chain(text, mention, mentions, pos, row) + chain
        for action, obj in chain:
            if _NO_OBJECT.match(obj) and _RELATIVE_SUBJECT.search(head):
                continue  # "de mål som fullmäktige beslutat", "frågor som X ansvarar för, …"
            if not obj:
                obj = clean_object(_CONDITION_TAIL.sub("", head))  # "När X, räcker det med att"
            partners, obj = _partner(obj, mentions)
            out.extend(Triple(a, action, obj) for a in actors + partners)
    return out


def triples(text: str, known: Antecedents, lead_actor: list[str] | None = None,
            lead_action: str = "") -> list[Triple]:
    """All responsibilities a sentence states; a list item inherits its lead-in's actor."""
    row = " | " in text
    text = re.sub(r"\s*\|\s*(\w)", lambda m: " " + m.group(1).lower(), text)  # table row
    text = drop_adverbs(text)
    mentions = find_actors(text, known)
    found = active_triples(text, mentions, row) + passive_triples(text, mentions)
    found += special_triples(text, mentions)
    found += proposal_triples(text, mentions, found)
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
    """The actor(s) and action a list lead-in announces ("Kommunstyrelsen ansvarar för att",
    "… ansvarar därutöver för att")."""
    text = drop_adverbs(text)
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
