"""What can go wrong in the register, as exceptions every front end can explain to a person.

Each carries its message in Swedish and English (``register.messages.Said``): a front end
shows ``exc.text(language)`` in its asker's language, ``str(exc)`` is the English one for logs
and scripts. ``ValidationFailed`` also carries one ``FieldError`` per bad field so a form can
mark each field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from register.messages import Said, said


class RegisterError(Exception):
    """Base class: a refusal or failure that is the user's to fix, with a readable message."""

    def __init__(self, message: str | Said) -> None:
        self.said = message if isinstance(message, Said) else Said(message, message)
        super().__init__(self.said.en)

    def text(self, language: str) -> str:
        """The message in ``language`` (sv or en)."""
        return self.said.text(language)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str  # English, as APIs and logs have always had it
    said: Said | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message

    def text(self, language: str, labelled: bool = True) -> str:
        """The message in ``language``, after the field's label there unless not ``labelled``."""
        from register.fields import FIELD_LABELS  # fields raises these errors itself

        message = self.said.text(language) if self.said else self.message
        if not labelled or not self.field:
            return message
        names = FIELD_LABELS.get(self.field)
        return f"{names[1 if language == 'en' else 0] if names else self.field}: {message}"


def field_error(field: str, sentence: Said) -> FieldError:
    return FieldError(field, sentence.en, sentence)


def refused_field(field: str, exc: Exception) -> FieldError:
    """The field error for a refused value; a ``Refusal`` brings both languages."""
    return FieldError(field, str(exc), getattr(exc, "said", None))


class ValidationFailed(RegisterError):
    """Every problem with the input at once, so a person can fix them in one go."""

    def __init__(self, errors: Iterable[FieldError],
                 headline: Said | None = None) -> None:
        self.errors = list(errors)
        self.headline = headline or said("not_saved")
        n = len(self.errors)
        count = Said(f"{n} {'problem' if n == 1 else 'problem'}",
                     f"{n} {'problem' if n == 1 else 'problems'}")
        lines = Said("\n".join(f"- {e.text('sv')}" for e in self.errors),
                     "\n".join(f"- {e}" for e in self.errors))
        super().__init__(Said(f"{self.headline.sv} ({count.sv}):\n{lines.sv}",
                              f"{self.headline.en} ({count.en}):\n{lines.en}"))

    @property
    def fields(self) -> set[str]:
        return {e.field for e in self.errors}


class NotFound(RegisterError):
    """No such activity (or it was deleted)."""


class PermissionDenied(RegisterError):
    """The actor may not do this; the message says why and what would allow it."""


class ConflictError(RegisterError):
    """Someone else changed the activity meanwhile; reload and try again."""
