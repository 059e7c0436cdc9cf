"""Prompt templates for the optional LLM answer mode, loaded from files (not yet used)."""
