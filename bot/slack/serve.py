"""The two ways to connect to Slack, as small reusable pieces for run.py, tests and benchmarks.

- HTTP mode: Slack POSTs signed requests to ``/slack/events``; waitress (a production WSGI
  server, pure Python) serves Bolt's WSGI adapter, plus ``/healthz`` for a load balancer.
- Socket Mode: the bot opens a websocket to Slack, so no public URL or inbound port is needed,
  which suits a municipality's intranet.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress.server import create_server

log = logging.getLogger("policyguide.slack")
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def wsgi_app(app: App) -> WsgiApp:
    """Bolt at ``/slack/events`` (signature verified by Bolt) and a health check."""
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok"]
        return bolt(environ, start_response)

    return application


class HttpServer:
    """Waitress serving the app; ``run`` blocks, ``close`` (from any thread) stops it cleanly.

    Closing sockets under a running select() fails with EBADF, so ``close`` asks the server's
    own loop (through waitress's trigger) to close them; the loop ends when none are left.
    """

    def __init__(self, app: App, host: str, port: int, threads: int = 8) -> None:
        self._server: Any = create_server(wsgi_app(app), host=host, port=port, threads=threads,
                                          ident="policyguide")
        self._running, self._finished = threading.Event(), threading.Event()

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    def run(self) -> None:
        self._running.set()
        try:
            self._server.run()
        finally:
            self._finished.set()

    def close(self) -> None:
        if self._running.is_set() and not self._finished.is_set():
            try:
                self._server.trigger.pull_trigger(self._close_sockets)
            except OSError:  # EBADF: the loop already closed its trigger and is ending
                log.debug("the server loop was already closing")
            self._finished.wait(10)
        else:
            self._close_sockets()
        self._server.task_dispatcher.shutdown()

    def _close_sockets(self) -> None:
        for channel in list(self._server._map.values()):
            channel.close()


def serve_http(app: App, host: str, port: int) -> None:
    server = HttpServer(app, host, port)
    log.info("Policyguide Slack bot (HTTP mode) listening on http://%s:%d%s", host,
                server.port, EVENTS_PATH)
    try:
        server.run()
    finally:
        server.close()


def socket_handler(app: App, app_token: str) -> SocketModeHandler:
    """The Socket Mode connection; it asks ``app.client`` (apps.connections.open) for a URL."""
    return SocketModeHandler(app, app_token=app_token)


def serve_socket(app: App, app_token: str) -> None:
    log.info("Policyguide Slack bot connecting to Slack in Socket Mode")
    socket_handler(app, app_token).start()  # type: ignore[no-untyped-call]
