"""A local stand-in for Slack's Web API (and Socket Mode websocket), recording every call.

Modelled on bolt-python's own ``tests/mock_web_api_server``: a plain ``http.server`` thread on
127.0.0.1 that answers the methods the bot uses like Slack does and keeps each request's method,
headers and parsed body, so a test asserts on what Slack would have received. ``wait_for``
blocks on a condition variable until a matching call arrives (no blind sleeps).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

BOT_USER, BOT_ID, TEAM = "UBOT", "BBOT", "T0POLICY"


@dataclass(frozen=True)
class Call:
    method: str  # "chat.postMessage", "response_url", "upload", …
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    reply: dict[str, Any] = field(default_factory=dict)  # what the stand-in answered
    at: float = 0.0  # time.perf_counter() when it arrived (for the latency benchmark)
    raw: bytes = b""  # the bytes of a file upload (method "upload"), kept as they came

    def blocks(self) -> list[dict[str, Any]]:
        raw = self.body.get("blocks") or []
        return json.loads(raw) if isinstance(raw, str) else list(raw)


class SlackStandIn:
    """``api_url`` goes to ``WebClient(base_url=…)``; ``response_url(x)`` into payloads."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.errors: dict[str, str] = {}  # method -> Slack error code to answer with, once
        self.socket_url = ""
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._files = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self.api_url = self.url + "api/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SlackStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def response_url(self, name: str) -> str:
        return f"{self.url}response/{name}"

    def reset(self) -> None:
        with self._changed:
            self.calls.clear()
            self.errors.clear()

    def calls_to(self, method: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def mark(self) -> int:
        """A position in the record: ``wait_for(…, since=mark)`` looks only at later calls."""
        with self._changed:
            return len(self.calls)

    def wait_for(self, method: str, where: Callable[[Call], bool] = lambda c: True,
                 timeout: float = 20.0, since: int = 0) -> Call:
        """The first call to ``method`` satisfying ``where``, waiting up to ``timeout`` s."""
        def found() -> Call | None:
            return next((c for c in self.calls[since:] if c.method == method and where(c)), None)

        with self._changed:
            if not self._changed.wait_for(lambda: found() is not None, timeout):
                seen = [(c.method, c.body.get("text", "")[:80]) for c in self.calls]
                raise AssertionError(f"no matching {method} within {timeout} s; calls: {seen}")
            call = found()
            assert call is not None
            return call

    def record(self, call: Call) -> dict[str, Any]:
        with self._changed:
            error = self.errors.pop(call.method, None)
            reply = {"ok": False, "error": error} if error else self._answer(call)
            self.calls.append(replace(call, reply=reply))
            self._changed.notify_all()
        return reply

    def _answer(self, call: Call) -> dict[str, Any]:
        ts = f"1700000000.{next(self._ts):06d}"
        body, method = call.body, call.method
        file_id = f"F{next(self._files)}" if method == "files.getUploadURLExternal" else ""
        replies: dict[str, dict[str, Any]] = {
            "auth.test": {"url": "https://policyguide-test.slack.com/", "team": "Policyguide",
                          "user": "policyguide", "team_id": TEAM, "user_id": BOT_USER,
                          "bot_id": BOT_ID, "is_enterprise_install": False},
            "chat.postMessage": {"channel": body.get("channel"), "ts": ts,
                                 "message": {"text": body.get("text"), "ts": ts}},
            "chat.update": {"channel": body.get("channel"), "ts": body.get("ts")},
            "chat.postEphemeral": {"message_ts": ts},
            "views.open": {"view": {"id": "V1"}}, "views.publish": {"view": {"id": "V2"}},
            "files.getUploadURLExternal": {"upload_url": f"{self.url}upload/{file_id}",
                                           "file_id": file_id},
            "files.completeUploadExternal": {"files": json.loads(body.get("files") or "[]")},
            "users.info": {"user": {"id": body.get("user"), "name": "someone",
                                    "tz": "Europe/Stockholm", "locale": "sv-SE",
                                    "real_name": "Någon Person"}},
            "conversations.replies": {"messages": [], "has_more": False},
            "apps.connections.open": {"url": self.socket_url},
        }
        return {"ok": True, **replies.get(method, {})}


def _handler(standin: SlackStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            self._handle(b"")

        def do_POST(self) -> None:
            self._handle(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _handle(self, raw: bytes) -> None:
            parts = urlsplit(self.path)
            body: dict[str, Any] = dict(parse_qsl(parts.query))
            if parts.path.startswith("/api/"):
                method = parts.path.removeprefix("/api/")
            else:
                method = "response_url" if parts.path.startswith("/response/") else "upload"
            kind = self.headers.get("Content-Type") or ""
            if method == "upload":
                pass  # file bytes: kept raw, never parsed
            elif "json" in kind and raw:
                body.update(json.loads(raw))
            elif "form" in kind:
                body.update(parse_qsl(raw.decode()))
            call = Call(method, self.path, dict(self.headers.items()), body,
                        at=time.perf_counter(), raw=raw if method == "upload" else b"")
            reply = standin.record(call)
            out = json.dumps(reply).encode() if method != "upload" else b"OK"
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

    return Handler


class SocketModeStandIn:
    """Slack's Socket Mode end: sends ``hello`` then queued envelopes, records what comes back."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self._outbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self._changed = threading.Condition()
        self._server: Server = serve(self._session, "127.0.0.1", 0)
        self.url = f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SocketModeStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()

    def send(self, envelope: dict[str, Any]) -> None:
        self._outbox.put(envelope)

    def wait_for_ack(self, envelope_id: str, timeout: float = 20.0) -> dict[str, Any]:
        def ack() -> dict[str, Any] | None:
            return next((m for m in self.received if m.get("envelope_id") == envelope_id), None)

        with self._changed:
            if not self._changed.wait_for(lambda: ack() is not None, timeout):
                raise AssertionError(f"no ack for {envelope_id} within {timeout} s")
            found = ack()
            assert found is not None
            return found

    def _session(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1,
                                    "connection_info": {"app_id": "A0POLICY"}}))
        try:
            for message in self._messages(connection):
                with self._changed:
                    self.received.append(json.loads(message))
                    self._changed.notify_all()
        except ConnectionClosed:
            return

    def _messages(self, connection: ServerConnection) -> Iterator[str | bytes]:
        while True:
            with contextlib.suppress(queue.Empty):
                connection.send(json.dumps(self._outbox.get_nowait()))
            try:
                yield connection.recv(timeout=0.02)
            except TimeoutError:
                continue
