"""Which facts a who-question finds: a definite noun that names an earlier fact's object
("Projektplanen godkänns av …; Planen undertecknas av …") shares that object's topic."""

from __future__ import annotations

from knowledge.fact_index import FactIndex
from knowledge.fact_router import FactRouter
from knowledge.facts import Fact
from knowledge.lexical import LexicalIndex
from knowledge.models import Passage

TEXT = ("Nya partnerskapsavtal godkänns av kommunfullmäktige. Kommunstyrelsen bereder frågan. "
        "Avtalet undertecknas av kommundirektören. Resor bokas av den som reser.")


def _fact(n: int, actor: str, action: str, obj: str, section: str = "Samverkan") -> Fact:
    start = TEXT.index(obj)
    return Fact(id=f"f{n}", kind="responsibility", municipality="Granvik", doc_id="granvik",
                document="Policy", section=section, quote=TEXT, start=start,
                end=start + len(obj), actor=actor, action=action, object=obj)


def _router(section_of_signing: str = "Samverkan") -> FactRouter:
    texts = [TEXT, "Nämnderna redovisar sitt arbete årligen.", "Skolor deltar i utbyten.",
             "Bidrag söks hos kulturnämnden."]
    passages = [Passage(id=str(i), doc_id="granvik", municipality="Granvik", title="Policy",
                        section="Samverkan", text=t, start=0, end=len(t), block_start=0,
                        block_end=len(t)) for i, t in enumerate(texts)]
    facts = [_fact(1, "Kommunfullmäktige", "decides", "Nya partnerskapsavtal"),
             _fact(2, "Kommunstyrelsen", "prepares", "frågan"),
             _fact(3, "Kommundirektören", "signs", "Avtalet", section_of_signing)]
    return FactRouter(FactIndex(facts, LexicalIndex(passages)))


def test_the_definite_noun_takes_the_topic_of_what_it_names() -> None:
    found = _router().responsibilities("Vem skriver under partnerskapsavtal?", "sv", "Granvik")
    # the decision chain on the agreement: who decides and, through "Avtalet", who signs
    assert [(f.actor, f.action) for f in found] == [("Kommunfullmäktige", "decides"),
                                                    ("Kommundirektören", "signs")]


def test_no_antecedent_in_another_section() -> None:
    found = _router("Resor").responsibilities("Vem skriver under partnerskapsavtal?", "sv",
                                              "Granvik")
    assert ("Kommundirektören", "signs") not in [(f.actor, f.action) for f in found]
