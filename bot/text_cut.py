"""Cutting text to a chat platform's limit at a word, shared by every front end.

Standard library only: the Teams adapter (its own Python 3.12 process) uses it as Slack does.
"""

from __future__ import annotations


def truncate(text: str, limit: int, marker: str = "…") -> str:
    """``text`` cut at a word boundary so that it, with ``marker``, fits ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(marker)]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + marker
