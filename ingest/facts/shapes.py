"""The responsibility shapes that are not "subject verb object": a passive with its agent
("Avtal … skall beslutas i KF och tecknas av KS", "… en policy som fastställts av
regionfullmäktige", "Vid besök företräds kommunen av ordföranden", "… av A och B gemensamt",
"… av A tillsammans med B"; not the body it is done "på uppdrag av" or "i samråd med"),
the body a proposal comes from ("… efter förslag från KS"), "det åligger X att …", "ansvaret
för Y ligger hos X", "X:s uppgift är att …" and "en person med ansvar att …".
"""

from __future__ import annotations

import re

from ingest.facts.chains import task_chain
from ingest.facts.objects import COMMISSION, PROPOSAL, Triple, clean_object
from ingest.facts.verbs import ANY_ACTIVE, MODAL, PASSIVE, action_of
from knowledge.antecedents import Mention

_AGENT_BEFORE = re.compile(r"(?:\b(?:av|i|hos|på|vid)\s+)$", re.I)
_RELATIVE_END = re.compile(r"(?:^|[\s,])som(?:\s+(?:har|hade|ska|skall))?\s*$", re.I)
_CLAUSE_START = re.compile(r"[,;:]\s*|\bsom\s+", re.I)
_DETERMINER = re.compile(r"^(?:en|ett|den|det|de|denna|detta|dessa)$", re.I)


def _passive_object(text: str, verb_start: int) -> str:
    """What a passive chain is about: the words before its first verb ("X skall beslutas i KF
    och tecknas av KS"), or in a relative clause the noun phrase "som" stands for ("… med stöd
    av en policy som fastställts av regionfullmäktige")."""
    clause_start = max((m.start() for m in _CLAUSE_START.finditer(text, 0, verb_start)),
                       default=0)
    first = PASSIVE.search(text, clause_start, verb_start) or PASSIVE.match(text, verb_start)
    before = text[: first.start() if first else verb_start]
    relative = _RELATIVE_END.search(before)
    if relative is None:
        return clean_object(re.sub(rf"\s+(?:{MODAL})$", "", before.strip(), flags=re.I))
    words = before[: relative.start()].split()
    for i in range(len(words) - 1, max(len(words) - 7, -1), -1):
        if _DETERMINER.match(words[i]):
            return clean_object(" ".join(words[i:]))
    return clean_object(" ".join(words[-3:]))


# "… till en rapport, som behandlas av kommunstyrelsen": where the product goes, not a decision.
_RECEIVES = re.compile(r"\bsom\s+(?:[\wåäö]+\s+){0,2}?(?:behandlas|hanteras)\s+(?:av|i)\s+$", re.I)


_FRONTED = re.compile(r"(?:vid|i|inom|under|efter|enligt|inför|på|hos|genom|utanför|mellan)\s",
                      re.I)
_MODAL_SUBJECT = re.compile(rf"\s(?:{MODAL})\s+(?P<subject>.+?)\s*$", re.I)
_AGENT = re.compile(r"\s(?:av|i|hos|på|vid)\s", re.I)
_NOT_SUBJECT = re.compile(r"\b(?:dock|alltid|normalt|vanligtvis|oftast|i\s+regel)\b", re.I)


def _inverted_subject(text: str, verb_start: int) -> str:
    """"Vid officiella besök företräds kommunen av ordföranden", "Inom skolan kan resor
    beslutas av rektor": after a fronted adverbial the finite verb comes second (V2), so what
    the passive is about stands after the clause's first verb, or after the modal; "" when it
    does not, or when the verb at ``verb_start`` is in a later clause ("…, som utses av …")."""
    verb = PASSIVE.search(text)
    if (verb is None or not _FRONTED.match(text.lstrip()) or "," in text[: verb.start()]
            or _CLAUSE_START.search(text, verb.end(), verb_start)):
        return ""
    modal = _MODAL_SUBJECT.search(text[: verb.start()])
    agent = _AGENT.search(text, verb.end())
    after = text[verb.end(): agent.start()] if agent else ""
    words = _NOT_SUBJECT.sub(" ", modal.group("subject") if modal else after)
    return clean_object(words) if 0 < len(words.split()) <= 8 else ""


def _agent_triple(text: str, mention: Mention) -> Triple | None:
    head = text[: mention.start]
    agent = _AGENT_BEFORE.search(head)
    if (mention.genitive or agent is None or _RECEIVES.search(head) or PROPOSAL.search(head)
            or COMMISSION.search(head)):  # "leds av X på uppdrag av Y": Y commissions it
        return None
    verbs = [m for m in PASSIVE.finditer(head) if len(head) - m.end() < 60]
    if not verbs:
        return None
    obj = _inverted_subject(text, verbs[-1].start()) or _passive_object(text, verbs[-1].start())
    return Triple(mention.name, action_of(verbs[-1]), obj)


# "… av A och B", "… av A tillsammans med B": B does it too (not "i samråd med B").
_CO_AGENT = re.compile(r"\s+(?:och|samt|(?:tillsammans|gemensamt)\s+med|jämte)\s+", re.I)
# "… på kontoret och gruppen svarar för …": a body with a verb of its own starts a new clause.
_OWN_VERB = re.compile(rf"\s+(?:{MODAL}|{ANY_ACTIVE.pattern})", re.I)


def passive_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    """"X skall beslutas i KF och tecknas av KS": the object is what precedes the verb; "…
    undertecknas av A och B gemensamt": every co-ordinated agent does it."""
    out: list[Triple] = []
    last: tuple[Mention, Triple] | None = None
    for mention in mentions:
        if (last is not None and _CO_AGENT.fullmatch(text, last[0].end, mention.start)
                and not mention.genitive and not _OWN_VERB.match(text, mention.end)):
            triple: Triple | None = Triple(mention.name, last[1].action, last[1].object)
        else:
            triple = _agent_triple(text, mention)
        last = (mention, triple) if triple is not None else None
        out += [triple] if triple is not None else []
    return out


def proposal_triples(text: str, mentions: list[Mention], decided: list[Triple]) -> list[Triple]:
    """"… fattas av KF efter förslag från KS", "KF antar X på förslag av KS": the body the
    proposal comes from prepares what the sentence decides (or, with no decider, what the
    words before the proposal name)."""
    out: list[Triple] = []
    for mention in mentions:
        marker = PROPOSAL.search(text[: mention.start])
        if marker is None or mention.genitive:
            continue
        obj = next((t.object for t in decided if t.action in ("decides", "adopts")), "")
        out.append(Triple(mention.name, "prepares", obj or _passive_object(text, marker.start())))
    return out


_TASK = re.compile(r"\s+(?:[\wåäö]+\s+)?(?:arbets)?(?:uppgift|uppdrag|ansvar|roll)(?:en|et)?\s+"
                   r"är\s+att\s", re.I)


def special_triples(text: str, mentions: list[Mention]) -> list[Triple]:
    out: list[Triple] = []
    for mention in mentions:
        head, tail = text[: mention.start], text[mention.end:]
        if mention.text.lower().endswith("ansvar") and re.match(r"\s+(att|för)\s", tail):
            out.append(Triple(mention.name, "responsible", clean_object(tail)))
        if re.search(r"\båligger\s+$", head, re.I) and tail.lstrip().startswith("att "):
            out += [Triple(mention.name, a, o) for a, o in task_chain(tail)]
        task = _TASK.match(tail) if mention.genitive else None
        if task:  # "Kommitténs främsta uppgift är att …"
            out.append(Triple(mention.name, "responsible", clean_object(tail[task.end():])))
        owner = re.search(r"\bansvaret\s+för\s+(.+?)\s+ligger\s+hos\s+$", head, re.I)
        if owner:
            out.append(Triple(mention.name, "responsible", clean_object(owner.group(1))))
    return out
