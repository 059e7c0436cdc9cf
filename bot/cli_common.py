"""What every `policyguide` sub-command shares: the consoles, validated settings, the service."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console

from bot.settings import Settings
from bot.wiring import build_service
from knowledge.service import PolicyService

console = Console(width=200 if not sys.stdout.isatty() else None)
err = Console(stderr=True)


def settings() -> Settings:
    """The validated settings, or a clear message and exit code 2."""
    try:
        return Settings()
    except ValidationError as exc:
        err.print(f"[red]Invalid configuration:[/red]\n{exc}")
        raise typer.Exit(2) from exc


def policy_service(status: str = "Loading the policy index…") -> PolicyService:
    config = settings()
    with console.status(status):
        return build_service(config)


def fail(message: object) -> NoReturn:
    """Print the message and end the command with exit code 2."""
    err.print(f"[red]{message}[/red]")
    raise typer.Exit(2)
