"""One chat line to an activity draft: the rule parser, and a model where one is configured.

The rule parser reads first. When it leaves required fields empty or parts not understood
and an LLM is configured, the model reads the line too (structured output: one JSON object
against the register's fields, prompt ``register_fields``); each value it proposes for a
field the rules left empty is kept only if the line states it (``register.grounding``), and
is listed among the assumptions as read by the model. ``RegisterService`` still validates
everything on save, and the person sees the draft first.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Sequence
from typing import Any

from knowledge.generation.chat import ChatModel, ModelError
from prompts import load_prompt
from register.fields import FIELD_LABELS
from register.grounding import FIELDS, grounded
from register.parse import ParseResult, completed, parse_command

log = logging.getLogger(__name__)
_JSON = re.compile(r"\{.*\}", re.S)


class LineReader:
    def __init__(self, model: ChatModel | None = None) -> None:
        self.model = model
        if model is not None:
            for language in ("sv", "en"):
                load_prompt("register_fields", language)

    def read(self, text: str, *, municipality: str | None,
             known_committees: Sequence[str]) -> ParseResult:
        parsed = parse_command(text, municipality=municipality, known_committees=known_committees)
        if self.model is None or not (parsed.missing or parsed.not_understood):
            return parsed
        proposed = self._ask(text, parsed.language, known_committees)
        if not proposed:
            return parsed
        values = parsed.draft.model_dump(exclude_none=True)
        # what the rules only assumed (a partner from its place before the country, the
        # default status, a title made up from kind and partner) the model's reading replaces
        assumed = set(parsed.assumed)
        for name in assumed & {"title", "form", "funding_source"}:
            values.pop(name, None)
        added, dropped = [], []
        for name, value in proposed.items():
            if name not in FIELDS or (values.get(name) not in (None, "", [])
                                      and name not in assumed):
                continue
            kept = grounded(name, value, text, known_committees)
            if kept is None:
                dropped.append(f"{name}: {str(value)[:60]}")
                continue
            values[name] = kept
            added.append(name)
        if dropped:
            log.info("the model's values not stated in the line were dropped: %s",
                     "; ".join(dropped))
        if not added:
            return parsed
        inferred = completed(values, parsed.language)
        label = 1 if parsed.language == "en" else 0
        notes = [f"{FIELD_LABELS[n][label]}: {values[n]} "
                 f"({'read by the model' if label else 'tolkat av språkmodellen'})"
                 for n in added]
        kept = [(a, n) for a, n in zip(parsed.assumptions, parsed.assumed, strict=True)
                if n not in added]
        later = [(a, n) for a, n in zip(inferred.assumptions, inferred.assumed, strict=True)
                 if (a, n) not in kept]
        return ParseResult(inferred.draft, inferred.missing, parsed.not_understood,
                           [a for a, _ in kept] + notes + [a for a, _ in later],
                           parsed.language, [n for _, n in kept] + added + [n for _, n in later])

    def _ask(self, text: str, language: str, known: Sequence[str]) -> dict[str, Any]:
        assert self.model is not None
        prompt = load_prompt("register_fields", language)
        label = 1 if language == "en" else 0
        system, user = prompt.render(
            line=text, today=dt.date.today().isoformat(), committees=", ".join(known),
            fields="\n".join(f"{name}: {FIELD_LABELS[name][label]}" for name in FIELDS
                             if name in FIELD_LABELS))
        try:
            reply = "".join(self.model.stream(system, user))
        except ModelError as exc:
            log.warning("the model could not read the line (%s); the rule parser's draft stands",
                        exc)
            return {}
        found = _JSON.search(reply)
        try:
            data = json.loads(found.group()) if found else None
        except json.JSONDecodeError:
            data = None
        if not isinstance(data, dict):
            log.warning("the model's reading of a line was not a JSON object: %.200r", reply)
            return {}
        return data
