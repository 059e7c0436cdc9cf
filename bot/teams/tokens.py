"""The bot's own token for replying: OAuth client credentials against Microsoft Entra.

The SDK's MSAL-based provider insists on Microsoft's https authorities; this one POSTs the
standard client-credentials form to the endpoint in settings (Entra in production, a stand-in
in tests), caches the token until five minutes before it expires, and hands it to the SDK
through the two small protocols it asks for (``AccessTokenProviderBase`` and ``Connections``).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from microsoft_agents.hosting.core import AgentAuthConfiguration

from bot.teams.settings import TOKEN_SCOPE


class TokenError(Exception):
    """Entra refused the app's credentials (wrong secret, expired secret, wrong tenant)."""


class ClientCredentials:
    """``AccessTokenProviderBase`` for one app registration."""

    def __init__(self, token_url: str, client_id: str, client_secret: str, tenant_id: str) -> None:
        self._url = token_url
        self._form = {"grant_type": "client_credentials", "client_id": client_id,
                      "client_secret": client_secret}
        self._config = AgentAuthConfiguration(client_id=client_id, tenant_id=tenant_id,
                                               client_secret=client_secret)
        self._cache: dict[str, tuple[str, float]] = {}
        self._lock = asyncio.Lock()

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return self._config

    async def get_access_token(self, resource_url: str, scopes: list[str],
                               force_refresh: bool = False) -> str:
        scope = " ".join(scopes) if scopes else TOKEN_SCOPE
        async with self._lock:
            cached = self._cache.get(scope)
            if cached and not force_refresh and cached[1] > time.monotonic():
                return cached[0]
            async with httpx.AsyncClient(timeout=15) as client:
                reply = await client.post(self._url, data={**self._form, "scope": scope})
            if reply.status_code != 200:
                raise TokenError(f"token endpoint answered {reply.status_code}")
            body = reply.json()
            token = str(body["access_token"])
            lifetime = float(body.get("expires_in", 3600))
            self._cache[scope] = (token, time.monotonic() + max(lifetime - 300, 30))
            return token

    def get_token_credential(self) -> Any:
        raise NotImplementedError("Policyguide's Teams bot uses client-credential tokens only")

    async def acquire_token_on_behalf_of(self, scopes: list[str], user_assertion: str) -> str:
        raise NotImplementedError("on-behalf-of tokens are not used")

    async def get_agentic_application_token(self, *args: Any, **kwargs: Any) -> str | None:
        raise NotImplementedError("agentic identities are not used")

    async def get_agentic_instance_token(self, *args: Any, **kwargs: Any) -> tuple[str, str]:
        raise NotImplementedError("agentic identities are not used")

    async def get_agentic_user_token(self, *args: Any, **kwargs: Any) -> str | None:
        raise NotImplementedError("agentic identities are not used")


class OneConnection:
    """``Connections`` with a single app registration: every reply uses it."""

    def __init__(self, provider: ClientCredentials) -> None:
        self._provider = provider

    def get_connection(self, connection_name: str) -> ClientCredentials:
        return self._provider

    def get_default_connection(self) -> ClientCredentials:
        return self._provider

    def get_token_provider(self, claims_identity: Any, service_url: str) -> ClientCredentials:
        return self._provider

    def get_token_provider_from_activity(self, claims_identity: Any,
                                         activity: Any) -> ClientCredentials:
        return self._provider

    def get_default_connection_configuration(self) -> AgentAuthConfiguration:
        return self._provider.configuration
