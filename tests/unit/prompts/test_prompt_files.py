"""Every prompt file loads, declares what it uses, and renders with sample data."""

from __future__ import annotations

import pytest

from prompts import PromptError, load_prompt, prompt_names
from prompts.library import parse_prompt


def test_every_prompt_exists_in_both_languages() -> None:
    assert "answer" in prompt_names()


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", prompt_names())
def test_each_prompt_renders_with_sample_data(name: str, language: str) -> None:
    prompt = load_prompt(name, language)
    values = {v: f"<{v} with {{braces}} kept>" for v in prompt.variables}
    system, user = prompt.render(**values)
    assert system and user
    for variable in prompt.variables:
        assert f"<{variable} with {{braces}} kept>" in system + user
    assert len(prompt.version) == 12


def test_the_two_languages_are_different_texts() -> None:
    assert load_prompt("answer", "sv").system != load_prompt("answer", "en").system
    assert "svenska" in load_prompt("answer", "sv").system
    assert "English" in load_prompt("answer", "en").system


def test_rendering_without_a_declared_variable_is_refused() -> None:
    prompt = load_prompt("answer", "sv")
    with pytest.raises(PromptError, match="missing"):
        prompt.render(question="Vem?")


def test_a_header_that_does_not_match_the_body_is_refused() -> None:
    raw = "# variables: topic\n=== system ===\nHej {topic}\n=== user ===\n{place}\n"
    with pytest.raises(PromptError, match="declares"):
        parse_prompt("demo", "sv", raw)


def test_a_file_without_parts_or_header_is_refused() -> None:
    with pytest.raises(PromptError, match="first line"):
        parse_prompt("demo", "sv", "=== system ===\nx\n=== user ===\ny")
    with pytest.raises(PromptError, match="system"):
        parse_prompt("demo", "sv", "# variables: a\n{a}")


def test_unknown_names_and_languages_are_refused() -> None:
    with pytest.raises(PromptError):
        load_prompt("no_such_prompt", "sv")
    with pytest.raises(PromptError):
        load_prompt("answer", "de")
    with pytest.raises(PromptError):
        load_prompt("../answer", "sv")


def test_the_version_changes_with_the_text() -> None:
    a = parse_prompt("demo", "sv", "# variables: a\n=== system ===\nS\n=== user ===\n{a}")
    b = parse_prompt("demo", "sv", "# variables: a\n=== system ===\nS.\n=== user ===\n{a}")
    assert a.version != b.version
