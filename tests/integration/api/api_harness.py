"""What the API tests share: keys, actors, the settings and the handle of a running server.

The server is uvicorn in a daemon thread on a socket bound to 127.0.0.1 port 0, so the port is
known before it starts and tests never race for one.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from bot.core import Commands
from bot.settings import Settings
from register.chat_state import ChatStateStore
from register.reminder_log import ReminderLog
from register.service import RegisterService

KEY = "test-api-key-0123456789abcdef"
OTHER_KEY = "second-integration-key-fedcba"
COORDINATOR = "teams:UCOORD"  # may log activities
OUTSIDER = "teams:UGUEST"  # may read the register only
CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"


@dataclass
class RunningApi:
    url: str
    client: httpx.Client  # sends KEY as a Bearer token
    commands: Commands
    store: ChatStateStore
    register: RegisterService
    reminders: ReminderLog

    def bare(self) -> httpx.Client:
        """A client that sends no key."""
        return httpx.Client(base_url=self.url, timeout=60)


def api_settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, api_keys=[KEY, OTHER_KEY],
                    coordinators=[COORDINATOR, "cli:*"], chat_rate_limit_burst=500,
                    chat_rate_limit_per_minute=6000)


class ThreadedServer:
    """uvicorn in a daemon thread on a socket bound here, so the port is known up front."""

    def __init__(self, app: FastAPI) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.port = int(self.socket.getsockname()[1])
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]},
                                       daemon=True)

    def __enter__(self) -> ThreadedServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the API server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


def error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The ErrorOut body of a refusal, after checking its status and code."""
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code and body["message"].strip(), body
    assert "Traceback" not in body["message"]
    return body


def unquoted(corpus_text: str, citations: list[dict[str, str]]) -> list[str]:
    """The quotes of ``citations`` that are not verbatim in the bundled corpus text."""
    return [c["quote"] for c in citations if c["quote"] not in corpus_text]
