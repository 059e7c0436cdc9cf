"""Load, check and render the prompt files in this folder; never fetched over the network."""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = ("sv", "en")
_HEADER = re.compile(r"^#\s*variables:\s*(?P<names>.*)$")


class PromptError(ValueError):
    """A prompt file is missing, malformed, or rendered without what it declares."""


@dataclass(frozen=True)
class Prompt:
    name: str
    language: str
    variables: tuple[str, ...]
    system: str
    user: str
    version: str  # the first 12 hex digits of the file's SHA-256

    def render(self, **values: str) -> tuple[str, str]:
        """(system message, user message) with every declared variable filled in."""
        missing = [v for v in self.variables if v not in values]
        extra = [k for k in values if k not in self.variables]
        if missing or extra:
            raise PromptError(f"prompt {self.name}.{self.language}: missing {missing}, "
                              f"undeclared {extra}")
        return self.system.format(**values), self.user.format(**values)


def prompt_names() -> list[str]:
    """Every template name that exists in all languages."""
    names = {p.name.split(".")[0] for p in HERE.glob("*.*.txt")}
    return sorted(n for n in names if all((HERE / f"{n}.{lang}.txt").exists()
                                          for lang in LANGUAGES))


@cache
def load_prompt(name: str, language: str) -> Prompt:
    """The template ``name`` in ``language`` (sv or en), checked against its header."""
    if language not in LANGUAGES:
        raise PromptError(f"no prompt language {language!r}; use one of {LANGUAGES}")
    path = HERE / f"{name}.{language}.txt"
    if not re.fullmatch(r"[a-z_]+", name) or not path.is_file():
        raise PromptError(f"no prompt file {path.name} in {HERE}")
    return parse_prompt(name, language, path.read_text(encoding="utf-8"))


def parse_prompt(name: str, language: str, raw: str) -> Prompt:
    """A template from its file's text: header, then a system and a user part."""
    path = Path(f"{name}.{language}.txt")
    lines = raw.splitlines()
    header = _HEADER.match(lines[0]) if lines else None
    if header is None:
        raise PromptError(f"{path.name}: the first line must be '# variables: a, b'")
    declared = tuple(v.strip() for v in header["names"].split(",") if v.strip())
    body = "\n".join(lines[1:]).strip("\n")
    if "\n=== user ===\n" not in body or not body.startswith("=== system ===\n"):
        raise PromptError(f"{path.name}: needs an '=== system ===' and an '=== user ===' part")
    system, user = body.removeprefix("=== system ===\n").split("\n=== user ===\n", 1)
    used = {f for part in (system, user) for _, f, _, _ in string.Formatter().parse(part) if f}
    if used != set(declared):
        raise PromptError(f"{path.name}: declares {sorted(declared)} but uses {sorted(used)}")
    version = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]
    return Prompt(name, language, declared, system.strip(), user.strip(), version)
