"""An OpenAI-compatible chat server on 127.0.0.1 that returns scripted replies.

Each POST to /v1/chat/completions takes the next scripted reply (the last one repeats): its
text, streamed in pieces or returned whole, optionally cut off mid-stream, ended with a given
finish reason, or an HTTP error. Requests are kept so tests can read the prompts sent.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    text: str = ""
    finish: str = "stop"
    cut_after: int | None = None  # pieces sent before the connection is dropped
    status: int = 200
    delay_s: float = 0.0  # pause before each piece, so a stream takes a while


class LlmStandIn:
    def __init__(self) -> None:
        self.replies: list[Reply] = [Reply("")]
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # the body ends when the connection closes

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # /v1/models, as `policyguide doctor` asks
                if self.path.rstrip("/").endswith("/models"):
                    self._send_json(200, {"object": "list", "data": [
                        {"id": "scripted", "object": "model", "owned_by": "test"}]})
                else:
                    self._send_json(404, {"error": {"message": "no such route"}})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                reply = standin.take(body, {k.lower(): v for k, v in self.headers.items()})
                if reply.status != 200:
                    self._send_json(reply.status, {"error": {"message": "scripted failure"}})
                elif body.get("stream"):
                    self._stream(body, reply)
                else:
                    self._send_json(200, _completion(body, reply))

            def _send_json(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body: dict[str, Any], reply: Reply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = reply.text.split(" ")
                pieces = [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
                for i, piece in enumerate(pieces):
                    if reply.cut_after is not None and i >= reply.cut_after:
                        self.wfile.flush()
                        self.connection.close()
                        return
                    time.sleep(reply.delay_s)
                    self._event(_chunk(body, {"content": piece}, None))
                self._event(_chunk(body, {}, reply.finish))
                self.wfile.write(b"data: [DONE]\n\n")

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def script(self, *replies: Reply | str) -> None:
        with self._lock:
            self.replies = [r if isinstance(r, Reply) else Reply(r) for r in replies]
            self.requests = []

    def take(self, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append({"body": body, "headers": headers})
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def start(self) -> LlmStandIn:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _chunk(body: dict[str, Any], delta: dict[str, str], finish: str | None) -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0,
            "model": body.get("model", "scripted"),
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def _completion(body: dict[str, Any], reply: Reply) -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0,
            "model": body.get("model", "scripted"),
            "choices": [{"index": 0, "finish_reason": reply.finish,
                         "message": {"role": "assistant", "content": reply.text}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
