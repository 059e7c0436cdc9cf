"""``policyguide serve`` refuses to start without an API key, before any model or store loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from bot.api.auth import ApiKeys, Unauthorized
from bot.api.serve import build_api
from bot.cli import app
from bot.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def nothing_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No .env and no POLICYGUIDE_ variables from the caller; building the parts fails loudly."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("POLICYGUIDE_")]:
        monkeypatch.delenv(name)

    def must_not_build(*_: object, **__: object) -> None:
        raise AssertionError("the parts were built before the keys were checked")

    monkeypatch.setattr("bot.wiring_chat.build_chat", must_not_build)
    monkeypatch.setattr("bot.wiring.build_service", must_not_build)


@pytest.mark.parametrize("keys", [None, "", "[]", '["", "  "]'],
                         ids=["unset", "empty", "empty-list", "blank-keys"])
def test_serve_refuses_to_start_without_an_api_key(
        nothing_loads: None, monkeypatch: pytest.MonkeyPatch, keys: str | None) -> None:
    if keys is not None:
        monkeypatch.setenv("POLICYGUIDE_API_KEYS", keys)
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "api_keys" in result.output.lower() or "API_KEYS" in result.output
    assert "Traceback" not in result.output


def test_build_api_refuses_an_empty_key_list(nothing_loads: None, tmp_path: Path) -> None:
    for keys in ([], [SecretStr("")]):
        with pytest.raises(ValueError, match="POLICYGUIDE_API_KEYS"):
            build_api(Settings(_env_file=None, data_dir=tmp_path, api_keys=keys))


def test_configured_keys_are_matched_without_stray_spaces() -> None:
    keys = ApiKeys([SecretStr(" key-from-a-file\n"), SecretStr("")])
    keys.check("key-from-a-file")
    for wrong in ("", None, " key-from-a-file\n", "key-from-a-fil"):
        with pytest.raises(Unauthorized):
            keys.check(wrong)
