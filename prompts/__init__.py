"""Prompt templates for the optional LLM paths, kept as files so reviewers read them as text.

Each template is ``<name>.<language>.txt``; its first lines are a header (``# variables: a, b``)
that declares what it needs. Loading checks that the declared variables and the ``{fields}``
used in the body agree, so a typo fails at start, not on the first question; each template's
version is the hash of its file, which an answer records beside its text.
"""

from prompts.library import Prompt, PromptError, load_prompt, prompt_names

__all__ = ["Prompt", "PromptError", "load_prompt", "prompt_names"]
