"""Structured facts (responsibilities, goals, obligations) extracted from policy text."""

from ingest.facts.extract import extract_facts

__all__ = ["extract_facts"]
