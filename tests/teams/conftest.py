"""The Teams bot as deployed, on loopback: the core API (``policyguide serve``, the 3.11
virtualenv, as its own process), the stand-ins, and the bot under its own aiohttp server.

The core uses the hashing embedder so that it starts in seconds; the adapter does not care how
answers are found, only that it shows them faithfully. Run with ``make test-teams``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from harness import (  # noqa: E402
    BOT_ID,
    COORDINATOR_OID,
    REPO,
    Teams,
    bot_settings,
    start_core,
)
from standins import Sent, Served, StandIn  # noqa: E402

from bot.teams.server import build_server  # noqa: E402

__all__ = ["BOT_ID", "COORDINATOR_OID", "REPO", "Teams", "card_of", "texts_of"]


@pytest.fixture(scope="session")
def core_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("core")


@pytest.fixture(scope="session")
def core_api(core_data: Path) -> Iterator[str]:
    url, process = start_core(core_data, POLICYGUIDE_EMBEDDING_PROVIDER="hashing",
                              POLICYGUIDE_CHAT_RATE_LIMIT_BURST="25",
                              POLICYGUIDE_CHAT_RATE_LIMIT_PER_MINUTE="60")
    yield url
    process.terminate()
    process.wait(30)


@pytest.fixture(scope="session")
def standin() -> Iterator[StandIn]:
    fake = StandIn()
    served = Served(fake.app())
    fake.base_url = served.url
    yield fake
    served.close()


@pytest.fixture(scope="session")
def bot_url(core_api: str, standin: StandIn) -> Iterator[str]:
    served = Served(build_server(bot_settings(core_api, standin)))
    yield served.url
    served.close()


@pytest.fixture
def teams(bot_url: str, standin: StandIn, core_api: str) -> Iterator[Teams]:
    standin.reset()
    client = Teams(bot_url, standin, core_api)
    yield client
    client.http.close()


def card_of(sent: Sent) -> dict[str, Any]:
    attachments = sent.body.get("attachments") or []
    assert attachments, f"no card in {sent.body}"
    content: dict[str, Any] = attachments[0]["content"]
    return content


def texts_of(node: Any) -> list[str]:
    """Every TextBlock text in a card, in order."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(node["text"])
        for value in node.values():
            found.extend(texts_of(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(texts_of(value))
    return found
