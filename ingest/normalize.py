"""Normalised document text: the single reference every offset and quote check points into.

Only whitespace is changed (runs of spaces/tabs collapsed, lines stripped, blank-line runs cut
to one), so a quote taken from this text is still verbatim in the original after the usual
whitespace collapsing, and never alters a character a reader would see.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from knowledge.text import collapse_ws

__all__ = ["collapse_ws", "content_hash", "file_hash", "normalise_text"]

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise_text(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\ufeff", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes: the audit link from a stored document to its original."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
