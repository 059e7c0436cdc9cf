"""Validating the JWT on every incoming activity: the gate in front of ``/api/messages``.

The Bot Framework signs each request with a key published through its OpenID metadata; each
key lists the channels it is *endorsed* for. We check the signature with that key (RS256 only),
that the key is endorsed for the activity's channel (so a token minted for Web Chat, where the
client picks its own user id, cannot speak for a Teams user), the issuer, the audience (our app
id), expiry with five minutes of leeway, and that the token's ``serviceurl`` claim names the
connector the activity asks us to reply to. The SDK's own validator hard-codes Microsoft's key
URLs; this one reads them from the metadata URL in settings, which lets tests run it, unchanged,
against a local stand-in.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import httpx
import jwt

log = logging.getLogger("policyguide.teams.auth")
KEYS_TTL_S = 24 * 3600
UNKNOWN_KEY_RETRY_S = 300  # a key rolled over since the last fetch: refetch, but not per request


class InvalidToken(Exception):
    """The request is not from the channel: the reason is logged, never sent back."""


class TokenValidator:
    def __init__(self, metadata_url: str, audience: str, issuers: list[str]) -> None:
        self._metadata_url = metadata_url
        self._audience = audience
        self._issuers = issuers
        self._keys: dict[str, tuple[jwt.PyJWK, frozenset[str] | None]] = {}
        self._fetched = float("-inf")
        self._lock = asyncio.Lock()

    async def _fetch(self) -> None:
        async with httpx.AsyncClient(timeout=10) as client:
            metadata = await client.get(self._metadata_url)
            metadata.raise_for_status()
            found = await client.get(metadata.json()["jwks_uri"])
            found.raise_for_status()
        keys: dict[str, tuple[jwt.PyJWK, frozenset[str] | None]] = {}
        for data in found.json().get("keys", []):
            if data.get("kty") != "RSA" or not data.get("kid"):
                continue
            endorsed = data.get("endorsements")
            keys[data["kid"]] = (jwt.PyJWK(data, algorithm="RS256"),
                                 frozenset(endorsed) if isinstance(endorsed, list) else None)
        self._keys, self._fetched = keys, time.monotonic()

    async def _key(self, kid: str) -> tuple[jwt.PyJWK, frozenset[str] | None]:
        async with self._lock:
            age = time.monotonic() - self._fetched
            if age > KEYS_TTL_S or (kid not in self._keys and age > UNKNOWN_KEY_RETRY_S):
                await self._fetch()
            if kid not in self._keys:
                raise InvalidToken(f"unknown signing key {kid!r}")
            return self._keys[kid]

    async def validate(self, authorization: str | None, service_url: str | None,
                       channel_id: str | None) -> dict[str, Any]:
        """The token's claims, or ``InvalidToken``."""
        scheme, _, token = (authorization or "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise InvalidToken("no bearer token")
        try:
            header = jwt.get_unverified_header(token)
            key, endorsed = await self._key(str(header.get("kid", "")))
            claims: dict[str, Any] = jwt.decode(
                token, key.key, algorithms=["RS256"], audience=self._audience,
                issuer=self._issuers, leeway=300,
                options={"require": ["exp", "iss", "aud"]})
        except (jwt.PyJWTError, httpx.HTTPError, KeyError, ValueError) as exc:
            raise InvalidToken(f"{type(exc).__name__}: {exc}") from exc
        if endorsed is not None and (channel_id or "") not in endorsed:
            raise InvalidToken(f"the signing key is not endorsed for channel {channel_id!r}")
        claimed = claims.get("serviceurl") or claims.get("serviceUrl")
        if not claimed or not service_url or claimed.rstrip("/") != service_url.rstrip("/"):
            raise InvalidToken("the serviceurl claim does not match the activity's serviceUrl")
        return claims
