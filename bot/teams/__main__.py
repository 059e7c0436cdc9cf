"""``python -m bot.teams``: the Teams bot on POLICYGUIDE_TEAMS_HOST:PORT (default 127.0.0.1:3978);
``python -m bot.teams remind [--municipality M] [--within 30] [--today YYYY-MM-DD] [--digest]``
sends the due reminders to each municipality's coordinator in personal chat, once (for cron;
``--digest``: the weekly digest, once a week).

Put the bot behind the organisation's reverse proxy (TLS); the Azure Bot's messaging endpoint
is ``https://<public host>/api/messages``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import sys
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from bot.reminders.scheduler import run_daily
from bot.teams.core_client import CoreClient, CoreError
from bot.teams.reminders import send_digest, send_reminders
from bot.teams.server import build_adapter, build_server, report_links
from bot.teams.settings import TeamsSettings


def remind(settings: TeamsSettings, args: argparse.Namespace) -> int:
    if args.daily_at:
        return remind_daily(settings, args)
    return remind_once(settings, args, digest=args.digest)


def remind_daily(settings: TeamsSettings, args: argparse.Namespace) -> int:
    """The long-running scheduler: nudges every day at the time given, the digest on or after
    the digest weekday (claimed per ISO week, so once a week)."""
    try:
        at = dt.time.fromisoformat(args.daily_at)
    except ValueError:
        print(f"--daily-at must be HH:MM, not {args.daily_at!r}", file=sys.stderr)
        return 2

    def job(day: dt.date) -> None:
        run = argparse.Namespace(**{**vars(args), "today": day.isoformat()})
        remind_once(settings, run, digest=False)
        if day.isoweekday() >= args.digest_weekday:
            remind_once(settings, run, digest=True)

    print(f"Sending reminders every day at {at.isoformat('minutes')} (Ctrl-C stops).")
    run_daily(job, at)
    return 0


def remind_once(settings: TeamsSettings, args: argparse.Namespace, digest: bool) -> int:
    async def run() -> int:
        core = CoreClient(settings.api_url, settings.api_key.get_secret_value(),
                          settings.api_timeout_s)
        try:
            common: dict[str, Any] = {"municipality": args.municipality,
                                      "within_days": args.within, "today": args.today,
                                      "language": args.lang}
            if digest:
                result = await send_digest(settings, core, build_adapter(settings), **common)
            else:
                result = await send_reminders(settings, core, build_adapter(settings),
                                              links=report_links(settings), **common)
        except CoreError as exc:
            print(f"The core API refused: {exc.message}", file=sys.stderr)
            return 2
        finally:
            await core.close()
        print(f"Sent {result.sent}, already sent before {result.skipped}, "
              f"failed {len(result.failed)}.")
        for name in result.no_coordinator:
            print(f"No coordinator for {name}: set POLICYGUIDE_TEAMS_COORDINATORS.")
        for failure in result.failed:
            print(f"Not sent: {failure}")
        return 1 if result.failed else 0

    return asyncio.run(run())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.teams", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    reminders = commands.add_parser("remind", help="send the due reminders (once each)")
    reminders.add_argument("--municipality", "-m")
    reminders.add_argument("--within", type=int, default=30, help="days ahead (default 30)")
    reminders.add_argument("--today", help="pretend it is this date (YYYY-MM-DD)")
    reminders.add_argument("--lang", choices=["sv", "en"], default="sv")
    reminders.add_argument("--digest", action="store_true",
                           help="one card per coordinator with everything open, once a week")
    reminders.add_argument("--daily-at", help="keep running: send every day at HH:MM "
                                              "(Swedish time), the digest weekly")
    reminders.add_argument("--digest-weekday", type=int, default=1, choices=range(1, 8),
                           help="ISO weekday of the digest with --daily-at (1 = Monday)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = TeamsSettings()
    except ValidationError as exc:
        print(f"Invalid Teams configuration (POLICYGUIDE_TEAMS_*):\n{exc}", file=sys.stderr)
        return 2
    if args.command == "remind":
        return remind(settings, args)
    web.run_app(build_server(settings), host=settings.host, port=settings.port,
                print=lambda line: logging.getLogger("policyguide.teams").info("%s", line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
