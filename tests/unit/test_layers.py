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
