"""The register as a chat offers it: draft from a line, save, list, follow-ups, the annual report.

Nothing here knows Slack: the listeners turn payloads into these calls and render the results,
so a Teams adapter can use the same desk (it belongs beside ``bot/core.py`` once a second front
end needs it). The rules stay in ``register/``: roles and validation in ``RegisterService``, the
reading of a line in ``LineReader`` (the rule parser, and a model where configured), the
policy's say in ``Commands.check_activity``. Asking for the writer's role first lets a chat
refuse before it shows a form that could not be saved.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core import Commands
from bot.line_reading import LineReader
from bot.register_policy import goal_reference
from register import report as annual
from register.policy_link import GoalRef
from register.report_docx import write_docx
from register.roles import AccessPolicy, Action
from register.schemas import ActivityRecord
from register.service import FollowUp, RegisterService

FORM_FIELDS = ("municipality", "title", "committee", "kind", "form", "status",
               "partner_organisation", "partner_city", "country", "start_date", "end_date",
               "participants", "target_group", "programme", "funding_source", "purpose",
               "decision_body", "decision_ref", "contact_person")
"""The fields a chat's activity form shows, in order (the rest are edited from the CLI)."""


@dataclass(frozen=True)
class ActivityDraftForm:
    """What a form for a new activity starts from: the parsed values and the policy's remarks."""

    values: dict[str, Any]
    missing: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    goals: list[GoalRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def goal_references(self) -> list[str]:
        """How each suggested goal is stored on the activity if the coordinator ticks it."""
        return [goal_reference(g) for g in self.goals]


@dataclass(frozen=True)
class ReportFiles:
    """The annual report as Markdown text and as the bytes of a DOCX file."""

    year: int
    name: str  # the file name without extension
    markdown: str
    docx: bytes
    activities: int


class ActivityDesk:
    """Register operations for chat front ends; actors are ``platform:user_id``."""

    def __init__(self, register: RegisterService, commands: Commands,
                 coordinators: Sequence[str], default_municipality: str | None = None,
                 reader: LineReader | None = None) -> None:
        self.register, self.commands = register, commands
        self.reader = reader or LineReader()  # the rule parser, plus a model if configured
        self._access = AccessPolicy(coordinators)  # the same setting RegisterService checks
        self.default_municipality = default_municipality

    @property
    def committees(self) -> list[str]:
        return self.register.committees

    def require_writer(self, actor: str) -> None:
        """Raise PermissionDenied (a message for the person) unless ``actor`` may log."""
        self._access.require(actor, Action.CREATE)

    def draft(self, text: str, municipality: str | None) -> ActivityDraftForm:
        """A line such as "utbyte med Time kommun, Norge, 3–7 maj 2026" as a form's start."""
        municipality = municipality or self.default_municipality
        if not text.strip():
            return ActivityDraftForm({"municipality": municipality} if municipality else {})
        parsed = self.reader.read(text, municipality=municipality,
                                  known_committees=self.committees)
        values = parsed.draft.model_dump(exclude_none=True, exclude_defaults=False)
        check = self.commands.check_activity(values)
        return ActivityDraftForm(values, parsed.missing, parsed.assumptions,
                                 parsed.not_understood, check.goals,
                                 [w.message for w in check.warnings])

    def save(self, actor: str, values: dict[str, Any], channel: str) -> ActivityRecord:
        """Validate and store; raises ValidationFailed (one FieldError per field) or
        PermissionDenied."""
        return self.register.create(actor, values, channel=channel)

    def activities(self, year: int | None, municipality: str | None) -> list[ActivityRecord]:
        return self.register.search(year=year, municipality=municipality, limit=500)

    def follow_ups(self, municipality: str | None) -> list[FollowUp]:
        return self.register.missing_follow_up(municipality=municipality)

    def report(self, year: int, municipality: str | None) -> ReportFiles:
        """The annual report in both formats (the DOCX goes through a temporary file)."""
        built = annual.build_report(self.register, year, municipality=municipality)
        name = f"internationella-aktiviteter-{year}" + (f"-{municipality}" if municipality else "")
        with tempfile.TemporaryDirectory(prefix="policyguide-report-") as folder:
            docx = write_docx(built, Path(folder) / f"{name}.docx").read_bytes()
        return ReportFiles(year, name, annual.render_markdown(built), docx,
                           len(built.total.activities))
