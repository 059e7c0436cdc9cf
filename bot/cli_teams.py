"""``policyguide teams …``: what an administrator needs to put the bot into Teams."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli_common import console, err, settings
from bot.teams_package import PackageError, write_package

teams_app = typer.Typer(help="The Microsoft Teams app: its package for upload.",
                        no_args_is_help=True)


@teams_app.command("package")
def package(
    app_id: Annotated[str | None, typer.Option(
        help="The Azure Bot's Microsoft App ID (default POLICYGUIDE_TEAMS_APP_ID).")] = None,
    domain: Annotated[str | None, typer.Option(
        help="The bot's public host, e.g. policyguide.kommun.se "
             "(default POLICYGUIDE_TEAMS_BOT_DOMAIN).")] = None,
    out: Annotated[Path, typer.Option(help="Where to write the zip.")] = Path(
        "dist/policyguide-teams.zip"),
) -> None:
    """Write the Teams app package (manifest.json + icons) to upload in Teams."""
    config = settings()
    chosen_id = app_id or config.teams_app_id
    chosen_domain = domain or config.teams_bot_domain
    if not chosen_id or not chosen_domain:
        err.print("[red]Give the app id and the bot's domain[/red]: --app-id and --domain, or "
                  "POLICYGUIDE_TEAMS_APP_ID and POLICYGUIDE_TEAMS_BOT_DOMAIN.")
        raise typer.Exit(2)
    try:
        path = write_package(out, chosen_id, chosen_domain, config.teams_developer,
                             config.teams_website)
    except PackageError as exc:
        err.print(f"[red]Not packaged:[/red] {exc}")
        raise typer.Exit(2) from exc
    console.print(f"Teams app package written to [bold]{path}[/bold]. Upload it in Teams "
                  "(Apps → Manage your apps → Upload an app) or in the Teams admin centre.")
