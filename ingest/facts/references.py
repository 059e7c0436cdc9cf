"""Sentences that state a fact only by pointing back at the sentence before.

"Detsamma gäller beslut om att säga upp avtalet" repeats the previous sentence's bodies and
verbs with a new object (only its decision, when the new object is named as a "beslut").
"Kontoret ansvarar för översynen" and "Översynen görs under mandatperiodens andra år" speak of
the duty just stated by its definite noun: they share its timing, and a sentence that adds only
a timing belongs to that duty rather than being one of its own.
"""

from __future__ import annotations

import re

from ingest.facts.objects import clean_object
from ingest.facts.verbs import MODAL, NOMINALS
from knowledge.rhythms import duty_in_policy

_SAME = re.compile(r"^(?:detsamma|det\s+samma|samma\s+sak)\s+gäller\s+(?:(?:även|också|för)\s+)*"
                   r"(?P<rest>\S.*?)\.?$", re.I)
_DUTY_NOUN = re.compile(r"\b(?:översynen|revideringen|uppföljningen|utvärderingen|"
                        r"redovisningen|rapporten|sammanställningen)\b", re.I)


def same_applies_to(text: str) -> tuple[str, str] | None:
    """(new object, the action its noun names or "") for "Detsamma gäller …", else None."""
    m = _SAME.match(text.strip())
    if m is None:
        return None
    rest = m.group("rest")
    noun = rest.split()[0].lower()
    action = next((a for stem, a in NOMINALS.items() if noun.startswith(stem)), "")
    return clean_object(rest), action


def refers_to_duty(text: str, kind: str, names_a_body: bool) -> bool:
    """The sentence is about a duty of ``kind``, named by its definite noun: as its subject
    ("Översynen görs …") or beside a body that takes it on ("Kontoret ansvarar för översynen").
    Only circumstances ("Vid revideringen ska vänorterna höras") are not the duty itself."""
    m = _DUTY_NOUN.search(text)
    if m is None or not (names_a_body or only_times_the_duty(text)):
        return False
    return duty_in_policy(m.group(0)) == kind == duty_kind(text)


def only_times_the_duty(text: str) -> bool:
    """"Översynen görs under …": the duty noun is the subject, so the sentence adds to it."""
    return bool(_DUTY_NOUN.match(text.strip()))


_NOUN_VERB = re.compile(rf"\s*(?:{MODAL}\s+)?(\S+)", re.I)


def duty_kind(text: str) -> str:
    """The kind of duty a sentence states. "Utvärderingen leds av nämnden och redovisas för
    styrelsen" is about the evaluation its subject names, what is then done with it included;
    unless the noun's own verb names a duty ("Sammanställningen publiceras …")."""
    m = _DUTY_NOUN.match(text.strip())
    verb = _NOUN_VERB.match(text.strip(), m.end()) if m else None
    if m is None or verb is None or duty_in_policy(verb.group(1)):
        return duty_in_policy(text)
    return duty_in_policy(m.group(0))
