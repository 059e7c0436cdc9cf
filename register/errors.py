"""What can go wrong in the register, as exceptions every front end can explain to a person.

Each carries a message meant to be shown as it is: chat bots and the CLI print ``str(exc)``;
``ValidationFailed`` also carries one ``FieldError`` per bad field so a form can mark each field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class RegisterError(Exception):
    """Base class: a refusal or failure that is the user's to fix, with a readable message."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ValidationFailed(RegisterError):
    """Every problem with the input at once, so a person can fix them in one go."""

    def __init__(self, errors: Iterable[FieldError],
                 headline: str = "The activity was not saved") -> None:
        self.errors = list(errors)
        lines = "\n".join(f"- {e}" for e in self.errors)
        super().__init__(f"{headline} ({len(self.errors)} problem"
                         f"{'s' if len(self.errors) != 1 else ''}):\n{lines}")

    @property
    def fields(self) -> set[str]:
        return {e.field for e in self.errors}


class NotFound(RegisterError):
    """No such activity (or it was deleted)."""


class PermissionDenied(RegisterError):
    """The actor may not do this; the message says why and what would allow it."""


class ConflictError(RegisterError):
    """Someone else changed the activity meanwhile; reload and try again."""
