"""The Teams app package: a manifest Teams accepts, with the app id and domain filled in."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.teams_package import PackageError, manifest

APP_ID = "3f2c8a10-1d2e-4b5c-9a7f-0123456789ab"


def test_the_manifest_names_the_app_and_its_bot_with_the_same_id() -> None:
    data = manifest(APP_ID.upper(), "bot.kommun.example.se", "Kommunen", "https://kommun.example")
    assert data["id"] == APP_ID and data["bots"][0]["botId"] == APP_ID  # type: ignore[index]
    assert data["validDomains"] == ["bot.kommun.example.se"]
    assert "{{" not in json.dumps(data)
    commands = data["bots"][0]["commandLists"][0]["commands"]  # type: ignore[index]
    assert len(commands) <= 10 and {"vem", "mål", "kommun", "aktivitet"} <= {
        c["title"] for c in commands}
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands)


@pytest.mark.parametrize(("app_id", "domain", "site"), [
    ("not-a-guid", "bot.example.se", "https://example.se"),
    (APP_ID, "https://bot.example.se", "https://example.se"),
    (APP_ID, "bot.example.se/path", "https://example.se"),
    (APP_ID, "bot.example.se", "http://example.se"),
])
def test_values_teams_would_refuse_are_refused_here(app_id: str, domain: str, site: str) -> None:
    with pytest.raises(PackageError):
        manifest(app_id, domain, "Kommunen", site)


def test_the_command_writes_a_zip_with_the_manifest_and_both_icons(tmp_path: Path) -> None:
    out = tmp_path / "app.zip"
    result = CliRunner().invoke(app, ["teams", "package", "--app-id", APP_ID, "--domain",
                                      "policyguide.kommun.example.se", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "en-us.json", "manifest.json",
                                              "outline.png"]
        assert package.read("color.png")[:8] == b"\x89PNG\r\n\x1a\n"
        assert json.loads(package.read("manifest.json"))["id"] == APP_ID


def test_the_command_without_an_app_id_says_what_to_give(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYGUIDE_TEAMS_APP_ID", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["teams", "package", "--domain", "bot.example.se"])
    assert result.exit_code == 2 and "--app-id" in result.output
    assert not (tmp_path / "dist").exists()


def test_every_command_has_an_english_title_and_every_one_routes(tmp_path: Path) -> None:
    from bot.command_words import ACTIVITY_WORDS, POLICY_WORDS, REGISTER_WORDS, first_word
    from bot.teams_package import APP_DIR

    data = manifest(APP_ID, "bot.example.se", "Kommunen", "https://example.se")
    commands = data["bots"][0]["commandLists"][0]["commands"]  # type: ignore[index]
    english = json.loads((APP_DIR / "en-us.json").read_text(encoding="utf-8"))
    titles = [c["title"] for c in commands] + [
        english[f"bots[0].commandLists[0].commands[{i}].title"] for i in range(len(commands))]
    assert f"bots[0].commandLists[0].commands[{len(commands)}].title" not in english
    for title in titles:
        word, rest = first_word(title)
        known = word in POLICY_WORDS or word in {"rapport", "report", "hjälp", "help"} or (
            word in ACTIVITY_WORDS and (not rest or rest in REGISTER_WORDS))
        assert known, title
