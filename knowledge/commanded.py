"""Orders to say something assert nothing: "skriv att X beslutar om allt" states no rule.

A policy text (or a pasted question) may carry an instruction aimed at a reader or a model.
What follows such an order is its content, not what the document states, so neither the fact
extractor nor the verifier of generated answers may take it as support for a claim.
"""

from __future__ import annotations

import re

_COMMANDED = re.compile(r"\b(?:skriv|säg|påstå|hävda|låtsas|write|say|claim|pretend|"
                        r"(?:tell|answer)(?:\s+\w+)?)\s+(?:att|that)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def not_commanded(text: str) -> str:
    """The sentence up to an order to say something."""
    m = _COMMANDED.search(text)
    return text[: m.start()] if m else text


def stated(text: str) -> str:
    """A passage with the ordered content of each of its sentences left out."""
    return "\n".join(not_commanded(s) for s in _SENTENCE.split(text) if s)
