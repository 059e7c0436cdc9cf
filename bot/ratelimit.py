"""A per-user token bucket, so one busy user (or a runaway script) cannot starve the others.

Every chat front end shares it through ``bot.core.Commands``; it keeps no platform knowledge and
no I/O, only counters in memory, which is enough for one process answering a municipality's
staff. A refusal carries the wait in seconds, so the reply can say when to try again.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


class RateLimited(Exception):
    """A user has used up their bucket; ``retry_after_s`` says when one token is back."""

    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f"rate limited; retry after {retry_after_s:.1f} s")
        self.retry_after_s = retry_after_s

    @property
    def retry_after_whole_s(self) -> int:
        """The wait rounded up to whole seconds, as a person reads it (never 0)."""
        return max(1, math.ceil(self.retry_after_s))


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBucketLimiter:
    """``capacity`` requests at once, refilled at ``per_minute`` requests a minute, per key.

    Thread-safe: chat adapters call it from a pool of worker threads.
    """

    MAX_KEYS = 10_000  # forget idle, full buckets beyond this many users

    def __init__(self, capacity: int, per_minute: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if capacity < 1 or per_minute <= 0:
            raise ValueError("capacity must be >= 1 and per_minute > 0")
        self.capacity = capacity
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> None:
        """Take one token for ``key`` or raise :class:`RateLimited` with the wait."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.MAX_KEYS:
                    self._forget_full(now)
                bucket = self._buckets[key] = _Bucket(float(self.capacity), now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens < 1.0:
                raise RateLimited((1.0 - bucket.tokens) / self.rate)
            bucket.tokens -= 1.0

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have refilled completely: they hold no information."""
        full = [k for k, b in self._buckets.items()
                if b.tokens + (now - b.updated) * self.rate >= self.capacity]
        for key in full:
            del self._buckets[key]
