"""Signed, expiring links to the annual report, served by the bot itself.

Teams offers no ephemeral message, and a report names people and budgets, so it is sent in
personal chat only, as a link that carries its own permission: the year, the municipality and an
expiry, signed with HMAC-SHA256. Nothing is stored; a changed or expired link is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time


class BadLink(Exception):
    """Tampered with, or expired."""


class ReportLinks:
    def __init__(self, secret: bytes, ttl_s: int) -> None:
        self._secret = secret
        self.ttl_s = ttl_s

    def _sign(self, payload: bytes) -> str:
        mac = hmac.new(self._secret, payload, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def token(self, year: int, municipality: str | None, now: float | None = None) -> str:
        body = {"y": year, "m": municipality, "e": int((now or time.time()) + self.ttl_s)}
        payload = base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
        return f"{payload}.{self._sign(payload.encode())}"

    def read(self, token: str, now: float | None = None) -> tuple[int, str | None]:
        payload, _, signature = token.partition(".")
        if not signature or not hmac.compare_digest(signature.encode(),
                                                    self._sign(payload.encode()).encode()):
            raise BadLink("signature")
        try:
            body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            year, municipality, expires = int(body["y"]), body["m"], int(body["e"])
        except (ValueError, KeyError, TypeError) as exc:
            raise BadLink("payload") from exc
        if expires < (now or time.time()):
            raise BadLink("expired")
        return year, municipality
