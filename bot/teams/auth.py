"""Validating the JWT on every incoming activity: the gate in front of ``/api/messages``.

The Bot Framework signs each request with a key published through its OpenID metadata. We
check the signature with that key (RS256 only), the issuer, the audience (our app id), expiry
with five minutes of leeway, and that the token's ``serviceurl`` claim names the same connector
the activity asks us to reply to, so a token for one conversation service cannot be replayed
against another. The SDK's own validator hard-codes Microsoft's key URLs; this one reads them
from the metadata URL in settings, which is what lets tests run it against a local stand-in.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import httpx
import jwt

log = logging.getLogger("policyguide.teams.auth")


class InvalidToken(Exception):
    """The request is not from the channel: the reason is logged, never sent back."""


class TokenValidator:
    def __init__(self, metadata_url: str, audience: str, issuers: list[str],
                 refresh_s: float = 24 * 3600) -> None:
        self._metadata_url = metadata_url
        self._audience = audience
        self._issuers = issuers
        self._refresh_s = refresh_s
        self._jwks: jwt.PyJWKClient | None = None
        self._fetched = 0.0
        self._lock = asyncio.Lock()

    async def _keys(self) -> jwt.PyJWKClient:
        async with self._lock:
            if self._jwks is None or time.monotonic() - self._fetched > self._refresh_s:
                async with httpx.AsyncClient(timeout=10) as client:
                    reply = await client.get(self._metadata_url)
                    reply.raise_for_status()
                    jwks_uri = reply.json()["jwks_uri"]
                self._jwks = jwt.PyJWKClient(jwks_uri, cache_keys=True, lifespan=3600)
                self._fetched = time.monotonic()
            return self._jwks

    async def validate(self, authorization: str | None, service_url: str | None) -> dict[str, Any]:
        """The token's claims, or ``InvalidToken``."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise InvalidToken("no bearer token")
        try:
            keys = await self._keys()
            key = await asyncio.to_thread(keys.get_signing_key_from_jwt, token.strip())
            claims: dict[str, Any] = jwt.decode(
                token.strip(), key.key, algorithms=["RS256"], audience=self._audience,
                issuer=self._issuers, leeway=300,
                options={"require": ["exp", "iss", "aud"]})
        except (jwt.PyJWTError, httpx.HTTPError, KeyError, ValueError) as exc:
            raise InvalidToken(f"{type(exc).__name__}: {exc}") from exc
        claimed = claims.get("serviceurl") or claims.get("serviceUrl")
        if claimed and service_url and claimed.rstrip("/") != service_url.rstrip("/"):
            raise InvalidToken("serviceurl claim does not match the activity's serviceUrl")
        return claims
