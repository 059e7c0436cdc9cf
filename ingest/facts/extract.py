"""Facts for one document: walk its blocks once and ask each extractor about every unit.

A unit is a sentence, a list item (read together with its lead-in) or a table row. Every fact
keeps the verbatim span it came from; for a list item that span runs from the lead-in to the
item, so the quote shows who the item is about.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ingest.facts import goals as G
from ingest.facts.english import english_triples
from ingest.facts.obligations import contents_of, duty, is_contents_sentence
from ingest.facts.references import only_times_the_duty, refers_to_duty, same_applies_to
from ingest.facts.responsibilities import lead_in_subject, triples
from ingest.facts.units import clauses, in_row, rows, strip_bullet
from ingest.structure import Block, Span, is_lead_in, parse_blocks
from knowledge.actors import find_actors
from knowledge.antecedents import Antecedents, Mention
from knowledge.commanded import not_commanded
from knowledge.facts import Fact, FactKind
from knowledge.models import Document


class _DocumentExtractor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.known = Antecedents(doc.municipality)
        self.named_at: dict[str, int] = {}  # actor → start of the last unit naming it in full
        self.facts: list[Fact] = []
        self.goal_sections: set[str] = set()
        self.previous_unit: list[Fact] = []  # responsibilities of the block's previous sentence
        self.previous_mentions: list[Mention] = []  # bodies the block's previous sentence named
        self.reading = self.known  # what the current unit is read with (``_reading``)

    def _fact(self, kind: FactKind, section: str, span: tuple[int, int], **fields: Any) -> Fact:
        start, end = span
        fact = Fact(id=f"{self.doc.id}:{kind[0]}{len(self.facts)}:{start}-{end}", kind=kind,
                    municipality=self.doc.municipality, doc_id=self.doc.id,
                    document=self.doc.title, section=section or self.doc.title,
                    quote=self.doc.text[start:end], start=start, end=end, **fields)
        self.facts.append(fact)
        return fact

    def run(self) -> list[Fact]:
        blocks = parse_blocks(self.doc.text)
        labelled = {b.section for b in blocks if any(G.label_of(u.text) for u in b.units)}
        for block in blocks:
            self._block(block, block.section in labelled)
        return self.facts

    # ------------------------------------------------------------------ per block
    def _block(self, block: Block, labelled_section: bool) -> None:
        kind = G.section_goal_kind(block.section)
        lead = block.lead_in
        lead_actor, lead_action = (lead_in_subject(lead.text, self.known) if lead else ([], ""))
        list_kind = G.kind_for_list(kind, lead.text if lead else "")
        first = block.units[0].text if block.units else ""
        if block.kind == "paragraph" and G.states_vision(first):
            kind = "vision"
        if kind and block.kind == "paragraph" and G.label_of(first):
            self._goal(kind, block.section, (block.start, block.end), G.label_of(first),
                       self.doc.text[block.start:block.end])
            kind = ""  # the labelled paragraph is one goal; its sentences are not more
        elif labelled_section and kind != "vision":
            kind = ""
        previous_goal: Fact | None = None
        self.previous_unit, self.previous_mentions = [], []
        for unit in block.units:
            for piece in rows(unit):
                row, start = in_row(self.doc.text, piece)
                self.reading = self._reading()
                span = (lead.start, row.end) if lead and lead_actor else (start, row.end)
                self._responsibilities(block, row, span, lead_actor, lead_action)
                is_duty = self._obligations(block, row, span, lead_actor)
                goal_kind = list_kind if block.kind == "list" else kind
                if goal_kind and not (is_duty and block.kind == "paragraph"):
                    previous_goal = self._goal_unit(goal_kind, block, row, previous_goal)
                self._remember(row)

    def _reading(self) -> Antecedents:
        """"Tekniska nämnden ansvarar för … Nämnden leder också …": right after a sentence that
        named one committee (or board), a bare "Nämnden" is that one, though the document has
        named several and would otherwise read it as the committees in general."""
        reading = self.known
        for head in ("nämnden", "styrelsen"):
            names = {m.name for m in self.previous_mentions if m.head == head}
            if len(names) == 1:
                reading = reading.copy() if reading is self.known else reading
                reading.names[head] = list(names)
        return reading

    def _remember(self, row: Span) -> None:
        mentions = find_actors(row.text, self.reading)
        self.known.remember(mentions)
        self.previous_mentions = mentions
        self.named_at.update((m.name, row.start) for m in mentions if not m.refers)

    def _responsibilities(self, block: Block, row: Span, span: tuple[int, int],
                          lead_actor: list[str], lead_action: str) -> None:
        if block.kind == "paragraph" and is_lead_in(row.text):
            return
        text = not_commanded(strip_bullet(row.text))
        found = [self._fact("responsibility", block.section, self._with_antecedent(
                     block, row, span, t.actor), actor=t.actor, action=t.action, object=t.object)
                 for t in (triples(text, self.reading, lead_actor or None, lead_action)
                           or english_triples(text, self.known.prefix))
                 if t.object or t.action in {"represents", "responsible"}]
        same = same_applies_to(text) if not found else None
        if same is not None:  # "Detsamma gäller beslut om …": the previous sentence's bodies
            obj, action = same
            found = [self._fact("responsibility", block.section, (f.start, row.end),
                                actor=f.actor, action=f.action, object=obj)
                     for f in self.previous_unit if not action or f.action == action]
        self.previous_unit = found

    def _with_antecedent(self, block: Block, row: Span, span: tuple[int, int],
                         actor: str) -> tuple[int, int]:
        """"Avdelningen beslutar även om bilder": quote from the sentence of the same paragraph
        that named the unit, so the quote itself says which unit it is."""
        if span[0] < row.start or any(m.name == actor and not m.refers
                                      for m in find_actors(row.text, self.reading)):
            return span
        named = self.named_at.get(actor, -1)
        return (named, span[1]) if block.start <= named < row.start else span

    def _obligations(self, block: Block, row: Span, span: tuple[int, int],
                     lead_actor: list[str]) -> bool:
        if is_contents_sentence(row.text):
            return self._attach_contents(row)
        found = False
        before = self._duty_before(block, row)
        for clause in clauses(row):
            text = strip_bullet(clause.text)
            mentions = find_actors(text, self.reading)
            referred = (before if before and refers_to_duty(text, before.action, bool(mentions))
                        else None)
            d = duty(text, mentions, lead_actor or None,
                     (referred.when, referred.when_text) if referred else None)
            if d is None:
                continue
            found = True
            if referred and not d.who and only_times_the_duty(text):
                self._add_timing(referred, row, d.when, d.when_text)
                continue
            self._fact("obligation", block.section, span, actor=d.who, action=d.kind,
                       object=text.rstrip("."), when=d.when, when_text=d.when_text,
                       recipient=d.recipient, contents=d.contents)
        return found

    def _duty_before(self, block: Block, row: Span) -> Fact | None:
        """The duty stated just before ``row`` in the same paragraph or list, if any."""
        return next((f for f in reversed(self.facts) if f.kind == "obligation"
                     and block.start <= f.start and 0 <= row.start - f.end < 200), None)

    def _add_timing(self, f: Fact, row: Span, when: str, when_text: str) -> None:
        """"Översynen görs under mandatperiodens andra år": the timing of the duty before."""
        texts = "; ".join(dict.fromkeys(t for t in (f.when_text, when_text) if t))
        self.facts[self.facts.index(f)] = replace(
            f, when=f.when or when, when_text=texts, end=row.end,
            quote=self.doc.text[f.start:row.end])

    def _attach_contents(self, row: Span) -> bool:
        """"Redovisningen ska visa …": the contents of the duty stated just before."""
        for i in range(len(self.facts) - 1, -1, -1):
            f = self.facts[i]
            if f.kind == "obligation" and 0 <= row.start - f.end < 200:
                self.facts[i] = replace(f, contents=f.contents + contents_of(row.text),
                                        end=row.end, quote=self.doc.text[f.start:row.end])
                return True
        return False

    def _goal_unit(self, kind: str, block: Block, row: Span,
                   previous: Fact | None) -> Fact | None:
        text = strip_bullet(row.text)
        if is_lead_in(text) or G.announces_goals(text):
            return previous
        if previous is not None and G.is_continuation(text):
            i = self.facts.index(previous)
            merged = replace(previous, end=row.end, quote=self.doc.text[previous.start:row.end],
                             object=self.doc.text[previous.start:row.end])
            self.facts[i] = merged
            return merged
        first = block.section not in self.goal_sections
        if block.kind == "list" or G.is_goal_sentence(text, first, kind,
                                                       G.is_framework(block.section)):
            return self._goal(kind, block.section, (row.start, row.end), G.label_of(row.text),
                              text)
        return previous

    def _goal(self, kind: str, section: str, span: tuple[int, int], label: str,
              text: str) -> Fact:
        self.goal_sections.add(section)
        return self._fact("goal", section, span, goal_kind=kind, label=label,
                          object=strip_bullet(text))


def extract_facts(doc: Document) -> list[Fact]:
    return _DocumentExtractor(doc).run()
