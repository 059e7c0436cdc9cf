"""Slack bot latency: request -> ack and request -> posted answer, over real HTTP (a benchmark).

Not a test: it prints figures. The bot runs as in production HTTP mode (waitress + Bolt, real
PolicyService over the bundled corpus, the register's SQLite chat state) with its WebClient
pointed at the local Slack stand-in used by the integration tests. Requests are signed slash
commands and @mentions, alternating, with questions from the evaluation set; each is timed from
sending until its HTTP response (the ack Slack waits for, limit 3 s) and until the answer
reached the stand-in (response_url for /policy, chat.update of the placeholder for mentions).

    .venv/bin/python benchmarks/slack_latency.py [--requests 200] [--concurrency 1 8]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks"), str(REPO / "tests" / "integration" / "slack")]

from latency_questions import questions  # noqa: E402
from slack_requests import SignedSlack, event_body, mention  # noqa: E402
from slack_sdk import WebClient  # noqa: E402
from slack_standin import SlackStandIn  # noqa: E402

from bot.settings import BUNDLED_CORPUS, Settings  # noqa: E402
from bot.slack.app import build_app  # noqa: E402
from bot.slack.serve import EVENTS_PATH, HttpServer  # noqa: E402
from bot.wiring import build_service  # noqa: E402
from bot.wiring_chat import build_chat_state, build_commands  # noqa: E402

SECRET = "benchmark-secret"


def one_request(n: int, item: dict[str, str], slack: SignedSlack,
                standin: SlackStandIn) -> tuple[float, float]:
    """(seconds to ack, seconds to the posted answer) for request ``n``."""
    channel = f"C-{item['municipality']}"
    started = time.perf_counter()
    if n % 2 == 0:
        url = standin.response_url(f"bench{n}")
        reply = slack.command(item["question"], channel=channel, user=f"U{n % 20}",
                              response_url=url)
        done = standin.wait_for("response_url", lambda c: c.path.endswith(f"/bench{n}"), 60)
    else:
        event = mention(item["question"], channel=channel, user=f"U{n % 20}")
        reply = slack.post(json.dumps(event_body(event)).encode(), "application/json")
        placeholder = standin.wait_for(
            "chat.postMessage", lambda c: c.body.get("thread_ts") == event["ts"], 60)
        done = standin.wait_for("chat.update", lambda c: c.body["ts"] == placeholder.reply["ts"],
                                60)
    if reply.status != 200:
        raise RuntimeError(f"request {n} got HTTP {reply.status}")
    return reply.seconds, done.at - started


def run(count: int, concurrency: int, slack: SignedSlack, standin: SlackStandIn,
        items: list[dict[str, str]]) -> None:
    standin.reset()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda n: one_request(n, items[n % len(items)], slack, standin),
                                range(count)))
    wall = time.perf_counter() - started
    for name, values in (("ack", [r[0] for r in results]), ("answer", [r[1] for r in results])):
        ms = sorted(v * 1000 for v in values)
        p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
        print(f"  request -> {name:<6} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms"
              f"   max {ms[-1]:7.1f} ms")
    slow = sum(r[0] > 3.0 for r in results)
    print(f"  {count} requests in {wall:.1f} s ({count / wall:.1f}/s); acks over 3 s: {slow}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data, SlackStandIn() as standin:
        settings = Settings(_env_file=None, data_dir=Path(data), corpus_paths=[BUNDLED_CORPUS],
                            slack_signing_secret=SECRET, slack_bot_token="xoxb-bench",
                            chat_rate_limit_burst=1000, chat_rate_limit_per_minute=10_000)
        print("building the index and the bot …", flush=True)
        service = build_service(settings)
        commands = build_commands(settings, service=service, state=build_chat_state(settings))
        items = questions()
        for name in {i["municipality"] for i in items}:
            commands.set_municipality("slack", f"C-{name}", name)
        app = build_app(commands, settings,
                        client=WebClient(token="xoxb-bench", base_url=standin.api_url))
        server = HttpServer(app, "127.0.0.1", 0)
        threading.Thread(target=server.run, daemon=True).start()
        slack = SignedSlack(f"http://127.0.0.1:{server.port}{EVENTS_PATH}", SECRET,
                            standin.response_url(""))
        service.ask("uppvärmning", None)  # warm the models: figures are per request
        print(f"{len(items)} distinct questions, slash commands and mentions alternating")
        try:
            for concurrency in args.concurrency:
                print(f"{args.requests} requests, {concurrency} at a time:")
                run(args.requests, concurrency, slack, standin, items)
        finally:
            server.close()


if __name__ == "__main__":
    main()
