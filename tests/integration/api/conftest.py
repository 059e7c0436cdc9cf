"""The core HTTP API over real HTTP: the FastAPI app under uvicorn on 127.0.0.1, called with httpx.

One server per test module, over the session's real ``PolicyService`` and a register (SQLite)
in the module's own data directory, so register state never leaks between modules. The parts
are built exactly as ``policyguide serve`` builds them (``bot.api.serve.assemble``);
tests read what was stored through the same ``Commands``, ``ChatStateStore`` and
``RegisterService`` objects the server runs on.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from api_harness import CORPUS, KEY, RunningApi, ThreadedServer, api_settings

from bot.api.serve import assemble
from knowledge.service import PolicyService


@pytest.fixture(scope="module")
def api(service: PolicyService, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApi]:
    settings = api_settings(tmp_path_factory.mktemp("api"))
    app, parts = assemble(settings, service=service)
    with ThreadedServer(app) as running:
        url = f"http://127.0.0.1:{running.port}"
        with httpx.Client(base_url=url, timeout=60,
                          headers={"Authorization": f"Bearer {KEY}"}) as client:
            yield RunningApi(url, client, parts.commands, parts.register.chat_state,
                             parts.register.service, parts.register.reminders)


@pytest.fixture(scope="session")
def corpus_text() -> str:
    """Every bundled policy file's text, as shipped."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
