"""``python -m bot.teams``: the Teams bot on POLICYGUIDE_TEAMS_HOST:PORT (default 127.0.0.1:3978).

Put it behind the organisation's reverse proxy (TLS); the Azure Bot's messaging endpoint is
``https://<public host>/api/messages``.
"""

from __future__ import annotations

import logging
import sys

from aiohttp import web
from pydantic import ValidationError

from bot.teams.server import build_server
from bot.teams.settings import TeamsSettings


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = TeamsSettings()
    except ValidationError as exc:
        print(f"Invalid Teams configuration (POLICYGUIDE_TEAMS_*):\n{exc}", file=sys.stderr)
        return 2
    web.run_app(build_server(settings), host=settings.host, port=settings.port,
                print=lambda line: logging.getLogger("policyguide.teams").info("%s", line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
