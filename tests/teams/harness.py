"""What the Teams tests and the Teams benchmark share: the core API process, the test bot's
settings, and a client that posts activities as the Teams channel does."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from standins import APP_ID, APP_SECRET, TENANT, Sent, StandIn

from bot.teams.settings import TeamsSettings

REPO = Path(__file__).resolve().parents[2]
CORE = Path(os.environ.get("POLICYGUIDE_CORE_BIN", REPO / ".venv" / "bin" / "policyguide"))
API_KEY = "teams-test-key"
COORDINATOR_OID = "aad-coordinator-1"  # may log activities; the one "Fråga en människa" names
BOT_ID = "28:policyguide-bot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_core(data: Path, **env: str) -> tuple[str, subprocess.Popen[bytes]]:
    """``policyguide serve`` from the core's virtualenv, ready to answer; (url, process)."""
    port = free_port()
    environment = {**os.environ, "POLICYGUIDE_DATA_DIR": str(data),
                   "POLICYGUIDE_API_KEYS": json.dumps([API_KEY]),
                   "POLICYGUIDE_COORDINATORS": json.dumps([f"teams:{COORDINATOR_OID}"]), **env}
    log = (data / "core.log").open("w")
    process = subprocess.Popen([str(CORE), "serve", "--port", str(port)], env=environment,
                               cwd=data, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the core API exited: {(data / 'core.log').read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/v1/health", timeout=2).status_code == 200:
                return url, process
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the core API did not start in 600 s")
        time.sleep(0.5)


def bot_settings(core_api: str, standin: StandIn) -> TeamsSettings:
    return TeamsSettings(
        _env_file=None, app_id=APP_ID, app_password=APP_SECRET, tenant_id=TENANT,
        api_url=core_api, api_key=API_KEY, openid_metadata_url=f"{standin.base_url}/openid",
        token_url=f"{standin.base_url}/token", service_hosts=["127.0.0.1"],
        check_service_hosts=False, public_url="http://bot.test", service_url=standin.base_url,
        coordinators={"Eksjö": f"Karin Samordnare|{COORDINATOR_OID}"})


class Teams:
    """Posts activities as the Teams channel does: signed, with serviceUrl at the stand-in."""

    def __init__(self, bot_url: str, standin: StandIn, core_api: str) -> None:
        self.bot_url, self.standin, self.core_api = bot_url, standin, core_api
        self.http = httpx.Client(timeout=60)

    def activity(self, kind: str = "message", *, text: str | None = None,
                 user: str = "aad-user-1", sender: str = "Anna Andersson",
                 conversation: str | None = None, conversation_type: str = "personal",
                 locale: str = "sv-SE", **extra: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": kind, "id": uuid.uuid4().hex, "channelId": "msteams",
            "serviceUrl": self.standin.base_url, "locale": locale,
            "from": {"id": f"29:{user}", "aadObjectId": user, "name": sender},
            "recipient": {"id": BOT_ID, "name": "Policyguide"},
            "conversation": {"id": conversation or f"a:{uuid.uuid4().hex}",
                             "conversationType": conversation_type, "tenantId": TENANT},
            **extra}
        if text is not None:
            body["text"] = text
        return body

    def post(self, activity: dict[str, Any], token: str | None = "valid") -> httpx.Response:
        headers = {}
        if token == "valid":
            token = self.standin.channel_token(activity["serviceUrl"])
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.http.post(f"{self.bot_url}/api/messages", json=activity, headers=headers)

    def say(self, text: str, **kwargs: Any) -> list[Sent]:
        """Send a message; the replies the connector received for its conversation."""
        activity = self.activity(text=text, **kwargs)
        reply = self.post(activity)
        assert reply.status_code in (200, 202), reply.text
        return self.standin.replies(activity["conversation"]["id"].split(";")[0])

    def core(self, method: str, path: str, **kwargs: Any) -> Any:
        reply = self.http.request(method, f"{self.core_api}{path}",
                                  headers={"Authorization": f"Bearer {API_KEY}"}, **kwargs)
        reply.raise_for_status()
        return reply.json()
