"""Sending to Teams politely: a throttled send (429) waits as told and tries again.

The Bot Connector answers 429 with a Retry-After when a conversation gets too many messages;
the SDK raises it as ``aiohttp.ClientResponseError``. We wait what it asks (at most
``MAX_WAIT_S``), try up to ``ATTEMPTS`` times, and only then give up with the error logged.
"""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

import aiohttp
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import TurnContext

log = logging.getLogger("policyguide.teams")
ATTEMPTS = 4
MAX_WAIT_S = 10.0
RETRIED = (429, 502, 503, 504)


def _wait_s(error: aiohttp.ClientResponseError, attempt: int) -> float:
    header = error.headers.get("Retry-After") if error.headers else None
    try:
        told = float(header) if header is not None else None
    except ValueError:
        told = None
    backoff = told if told is not None else 0.5 * 2 ** attempt + random.uniform(0, 0.25)
    return min(max(backoff, 0.0), MAX_WAIT_S)


async def send(context: TurnContext, activity: Activity | str) -> Any:
    for attempt in range(ATTEMPTS):
        try:
            return await context.send_activity(activity)
        except aiohttp.ClientResponseError as exc:
            if exc.status not in RETRIED or attempt == ATTEMPTS - 1:
                raise
            wait = _wait_s(exc, attempt)
            log.info("connector answered %d; retrying in %.1f s", exc.status, wait)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")
