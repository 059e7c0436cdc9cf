"""The layer rule: knowledge/, register/ and prompts/ never import bot/ or ingest/."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = {"knowledge": {"bot", "ingest"}, "register": {"bot", "ingest", "knowledge"},
             "prompts": {"bot", "ingest"}, "ingest": {"bot"}}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_lower_layers_do_not_import_upper_layers() -> None:
    violations = []
    for package, banned in FORBIDDEN.items():
        for path in (REPO / package).rglob("*.py"):
            bad = imported_packages(path) & banned
            if bad:
                violations.append(f"{path.relative_to(REPO)} imports {sorted(bad)}")
    assert violations == []


def test_no_slack_or_teams_in_the_core() -> None:
    for package in ("knowledge", "register", "ingest"):
        for path in (REPO / package).rglob("*.py"):
            assert not {"slack_bolt", "slack_sdk", "microsoft_agents"} & imported_packages(path)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_teams_adapter_reaches_the_core_only_over_http() -> None:
    """bot/teams runs on Python 3.12 without torch: of this project it may import only itself
    and the standard-library command words."""
    allowed_own = ("bot.teams", "bot.command_words", "bot.text_cut",
                   "bot.reminders.scheduler")
    for path in (REPO / "bot" / "teams").rglob("*.py"):
        own = {m for m in imported_modules(path)
               if m.split(".")[0] in {"bot", "knowledge", "register", "ingest", "prompts"}}
        assert all(m.startswith(allowed_own) for m in own), (path, own)
    stdlib = {"__future__", "re", "typing", "contextlib", "datetime", "dataclasses", "zoneinfo",
              "logging", "threading", "collections"}
    for shared in ("command_words.py", "text_cut.py", "reminders/schedule.py"):
        assert imported_packages(REPO / "bot" / shared) <= stdlib, shared
    assert imported_modules(REPO / "bot" / "reminders" / "scheduler.py") <= {
        "__future__", "datetime", "logging", "threading", "collections.abc",
        "bot.reminders.schedule"}
