"""Local stand-ins for what Teams talks to: Entra's OpenID metadata and keys, its token
endpoint, and the Bot Connector that receives every reply.

One aiohttp server on 127.0.0.1 plays all three. The RSA key it publishes is the one
``channel_token`` signs with, so the bot's validation runs exactly as in production.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

APP_ID = "00000000-aaaa-bbbb-cccc-000000000001"
APP_SECRET = "test-client-secret"
TENANT = "11111111-2222-3333-4444-555555555555"
KEY_ID = "test-key-1"
WEBCHAT_KEY_ID = "test-key-webchat"
ISSUER = "https://api.botframework.com"


@dataclass
class Sent:
    path: str
    authorization: str
    body: dict[str, Any]

    @property
    def conversation(self) -> str:
        return self.path.split("/")[3]

    @property
    def reply_to(self) -> str | None:
        parts = self.path.split("/")
        return parts[5] if len(parts) > 5 else None


@dataclass
class StandIn:
    base_url: str = ""
    sent: list[Sent] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    throttle: int = 0  # answer this many connector calls with 429 first
    throttled: int = 0
    created: list[dict[str, Any]] = field(default_factory=list)  # POST /v3/conversations
    refuse_create: bool = False  # as Teams does when the app is not installed for the member
    key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048))

    def reset(self) -> None:
        self.sent.clear()
        self.created.clear()
        self.throttle = self.throttled = 0
        self.refuse_create = False

    def channel_token(self, service_url: str | None, *, audience: str = APP_ID,
                      issuer: str = ISSUER, expires_in: int = 600,
                      key: rsa.RSAPrivateKey | None = None, kid: str = KEY_ID) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {"iss": issuer, "aud": audience, "nbf": now - 5,
                                  "iat": now - 5, "exp": now + expires_in}
        if service_url is not None:
            claims["serviceurl"] = service_url
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": kid})

    def replies(self, conversation: str) -> list[Sent]:
        """What was sent to ``conversation``; a channel's replies to any of its reply chains."""
        if ";" in conversation:
            return [s for s in self.sent if s.conversation == conversation]
        return [s for s in self.sent if s.conversation.split(";")[0] == conversation]

    # the server -----------------------------------------------------------------------------
    def app(self) -> web.Application:
        async def metadata(_: web.Request) -> web.Response:
            return web.json_response({"issuer": ISSUER, "jwks_uri": f"{self.base_url}/keys",
                                      "id_token_signing_alg_values_supported": ["RS256"]})

        async def keys(_: web.Request) -> web.Response:
            public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
            # as the Bot Framework's: one key per set of channels it is endorsed for
            return web.json_response({"keys": [
                {**public, "kid": KEY_ID, "use": "sig", "alg": "RS256",
                 "endorsements": ["msteams"]},
                {**public, "kid": WEBCHAT_KEY_ID, "use": "sig", "alg": "RS256",
                 "endorsements": ["webchat", "directline"]}]})

        async def token(request: web.Request) -> web.Response:
            form = dict(await request.post())
            self.token_requests.append({k: str(v) for k, v in form.items()})
            if form.get("client_id") != APP_ID or form.get("client_secret") != APP_SECRET:
                return web.json_response({"error": "invalid_client"}, status=401)
            return web.json_response({"token_type": "Bearer", "expires_in": 3600,
                                      "access_token": "connector-token"})

        async def activities(request: web.Request) -> web.Response:
            if self.throttled < self.throttle:
                self.throttled += 1
                return web.json_response({"error": {"code": "throttled"}}, status=429,
                                         headers={"Retry-After": "0"})
            self.sent.append(Sent(request.path, request.headers.get("Authorization", ""),
                                  await request.json()))
            return web.json_response({"id": uuid.uuid4().hex})

        async def create(request: web.Request) -> web.Response:
            body = await request.json()
            if self.refuse_create:
                return web.json_response({"error": {"code": "Forbidden"}}, status=403)
            self.created.append(body)
            return web.json_response({"id": f"a:direct-{len(self.created)}"}, status=201)

        app = web.Application()
        app.router.add_post("/v3/conversations", create)
        app.router.add_get("/openid", metadata)
        app.router.add_get("/keys", keys)
        app.router.add_post("/token", token)
        app.router.add_post("/v3/conversations/{conversation}/activities", activities)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}",
                            activities)
        return app


class Served:
    """An aiohttp application on a free loopback port, in its own thread and event loop."""

    def __init__(self, app: web.Application) -> None:
        self._app = app
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self.port = 0
        self._runner: web.AppRunner | None = None
        threading.Thread(target=self._run, daemon=True).start()
        if not self._started.wait(30):
            raise RuntimeError("server did not start")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._runner = web.AppRunner(self._app)
            await self._runner.setup()
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            await site.start()
            server = site._server
            assert server is not None
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
            self._started.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        async def stop() -> None:
            if self._runner is not None:
                await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
