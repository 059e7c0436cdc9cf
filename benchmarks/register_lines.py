"""Field accuracy of the one-line activity parser on labelled lines. Not a test: it prints.

Each line of the JSONL file is {"id", "lang", "line", "expected": {field: value}}; only the
fields a line states are expected ("partner" is the partner city or organisation). A field is
right when the parser's value equals the expected one (case and spacing aside); a line is
right when all its fields are. The committees are the default settings' list.

    .venv/bin/python benchmarks/register_lines.py tests/data/register_lines/blind_lines.jsonl
        [--wrong]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.settings import Settings  # noqa: E402
from register.parse import parse_command  # noqa: E402


def got_value(draft: dict[str, Any], name: str) -> str:
    if name == "partner":
        return " / ".join(str(draft[k]) for k in ("partner_city", "partner_organisation")
                          if draft.get(k))
    value = draft.get(name)
    return "" if value is None else str(value)


def right(name: str, expected: Any, draft: dict[str, Any]) -> bool:
    want = " ".join(str(expected).casefold().split())
    if name == "partner":
        return any(" ".join(str(draft.get(k) or "").casefold().split()) == want
                   for k in ("partner_city", "partner_organisation"))
    value = draft.get(name)
    if name == "funding_amount" and value is not None:
        return float(value) == float(expected)
    return " ".join(str(value).casefold().split()) == want if value is not None else False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lines", type=Path)
    parser.add_argument("--wrong", action="store_true", help="List every wrong field.")
    parser.add_argument("--half", choices=["odd", "even", "all"], default="all",
                        help="Only lines with odd or even numbers (one half to look at while "
                             "changing the parser, the other to report).")
    args = parser.parse_args()
    committees = Settings(_env_file=None).committees
    rows = [json.loads(x) for x in args.lines.read_text(encoding="utf-8").splitlines() if x]
    if args.half != "all":
        rows = [r for r in rows if int(re.sub(r"\D", "", r["id"])) % 2 == (args.half == "odd")]
    fields_right, fields_all, lines_right = 0, 0, 0
    per_field: Counter[str] = Counter()
    per_field_right: Counter[str] = Counter()
    by_lang: dict[str, list[int]] = {}
    for row in rows:
        result = parse_command(row["line"], municipality="Eksjö", known_committees=committees)
        draft = result.draft.model_dump(mode="json")
        ok = 0
        for name, expected in row["expected"].items():
            per_field[name] += 1
            if right(name, expected, draft):
                ok += 1
                per_field_right[name] += 1
            elif args.wrong:
                print(f"{row['id']} {name}: expected {expected!r}, got "
                      f"{got_value(draft, name)!r}   | {row['line']}")
        fields_right += ok
        fields_all += len(row["expected"])
        lines_right += ok == len(row["expected"])
        stats = by_lang.setdefault(row["lang"], [0, 0])
        stats[0] += ok
        stats[1] += len(row["expected"])
    print(f"{len(rows)} lines: field accuracy {fields_right}/{fields_all} = "
          f"{fields_right / max(fields_all, 1):.3f}; lines fully right {lines_right}/{len(rows)}")
    for lang, (ok, total) in sorted(by_lang.items()):
        print(f"  {lang}: {ok}/{total} = {ok / max(total, 1):.3f}")
    for name in sorted(per_field):
        print(f"  {name:16s} {per_field_right[name]:3d}/{per_field[name]:3d}")


if __name__ == "__main__":
    main()
