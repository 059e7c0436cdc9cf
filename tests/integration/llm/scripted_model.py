"""A service's generator pointed at the scripted stand-in, for the front ends' tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from llm_standin import LlmStandIn

from knowledge.generation.chat import ModelSettings, build_chat_model
from knowledge.generation.verifier import Verifier, places_in
from knowledge.generation.writer import GeneratedAnswers
from knowledge.municipalities import load_registry
from knowledge.service import PolicyService


@contextmanager
def scripted_llm(service: PolicyService) -> Iterator[LlmStandIn]:
    """Within it, ``service`` generates (every draft passed on) with the stand-in's replies."""
    standin = LlmStandIn().start()
    model = build_chat_model(ModelSettings("openai-compatible", standin.url, "scripted", "k"))
    assert model is not None
    service.generator = GeneratedAnswers(model, Verifier(places_in(load_registry())),
                                         draft_every_s=0.0)
    try:
        yield standin
    finally:
        service.generator = None
        standin.stop()
