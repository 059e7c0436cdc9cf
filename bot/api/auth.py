"""API-key authentication for the core HTTP API.

Keys come from settings (``POLICYGUIDE_API_KEYS``), one per integration. A request presents one
as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``; each is compared in constant time,
so timing says nothing about how much of a guess was right.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence

from fastapi import Request
from pydantic import SecretStr


class Unauthorized(Exception):
    """No key, or a key that is not configured."""


class ApiKeys:
    def __init__(self, keys: Sequence[SecretStr]) -> None:
        # stripped: HTTP strips header values, so a key's stray spaces could never match, and a
        # blank key must not count as configured
        self._keys = [k.get_secret_value().strip().encode() for k in keys
                      if k.get_secret_value().strip()]
        if not self._keys:
            raise ValueError("no API key is configured: set POLICYGUIDE_API_KEYS, e.g. "
                             "POLICYGUIDE_API_KEYS='[\"a-long-random-key\"]'")

    def check(self, presented: str | None) -> None:
        candidate = (presented or "").encode()
        # every key is compared, found or not: the time taken does not depend on which matched
        matched = [hmac.compare_digest(candidate, key) for key in self._keys]
        if not candidate or not any(matched):
            raise Unauthorized

    def __call__(self, request: Request) -> None:
        """The FastAPI dependency."""
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else request.headers.get("x-api-key")
        self.check(key)
