"""The LLM settings: off by default, checked at start, and the chosen model built from them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from bot.wiring import build_generator


def test_no_llm_by_default_keeps_answers_extractive() -> None:
    settings = Settings(_env_file=None)
    assert settings.llm_provider == "none" and build_generator(settings) is None


@pytest.mark.parametrize("provider", ["openai-compatible", "azure-openai", "ollama"])
def test_a_provider_without_url_or_model_is_refused_at_start(provider: str) -> None:
    with pytest.raises(ValidationError, match="POLICYGUIDE_LLM_BASE_URL"):
        Settings(_env_file=None, llm_provider=provider, llm_model="m")
    with pytest.raises(ValidationError, match="POLICYGUIDE_LLM_MODEL"):
        Settings(_env_file=None, llm_provider=provider, llm_base_url="http://127.0.0.1:1")
    with pytest.raises(ValidationError, match="http"):
        Settings(_env_file=None, llm_provider=provider, llm_model="m", llm_base_url="127.0.0.1")


def test_an_unknown_provider_is_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, llm_provider="gpt-anywhere")


@pytest.mark.parametrize(("provider", "name"), [("openai-compatible", "openai:m"),
                                                ("azure-openai", "azure:m"),
                                                ("ollama", "ollama:m")])
def test_each_provider_builds_its_langchain_model(provider: str, name: str) -> None:
    settings = Settings(_env_file=None, llm_provider=provider, llm_model="m",
                        llm_base_url="http://127.0.0.1:9", llm_api_key="k")
    generator = build_generator(settings)
    assert generator is not None and generator.model.name == name
