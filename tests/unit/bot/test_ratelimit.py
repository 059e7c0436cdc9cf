"""The token bucket: burst, refill, the wait it reports, and forgetting idle users."""

from __future__ import annotations

import pytest

from bot.ratelimit import RateLimited, TokenBucketLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refusal_with_the_time_until_the_next_token() -> None:
    clock = Clock()
    limiter = TokenBucketLimiter(capacity=3, per_minute=6, clock=clock)  # one token per 10 s
    for _ in range(3):
        limiter.acquire("u")
    with pytest.raises(RateLimited) as refused:
        limiter.acquire("u")
    assert refused.value.retry_after_s == pytest.approx(10.0)
    clock.now += 4
    with pytest.raises(RateLimited) as again:
        limiter.acquire("u")
    assert again.value.retry_after_s == pytest.approx(6.0)
    assert again.value.retry_after_whole_s == 6
    clock.now += 6
    limiter.acquire("u")


def test_refill_never_exceeds_the_capacity() -> None:
    clock = Clock()
    limiter = TokenBucketLimiter(capacity=2, per_minute=60, clock=clock)
    clock.now += 3600
    limiter.acquire("u")
    limiter.acquire("u")
    with pytest.raises(RateLimited):
        limiter.acquire("u")


def test_users_have_their_own_buckets_and_full_ones_are_forgotten() -> None:
    clock = Clock()
    limiter = TokenBucketLimiter(capacity=1, per_minute=60, clock=clock)
    limiter.MAX_KEYS = 2
    limiter.acquire("a")
    limiter.acquire("b")
    clock.now += 5  # both buckets have refilled
    limiter.acquire("c")
    assert set(limiter._buckets) == {"c"}


def test_a_refusal_rounds_up_to_at_least_one_second() -> None:
    assert RateLimited(0.01).retry_after_whole_s == 1
    assert RateLimited(2.2).retry_after_whole_s == 3


@pytest.mark.parametrize("capacity, per_minute", [(0, 1), (1, 0)])
def test_nonsense_limits_are_refused(capacity: int, per_minute: float) -> None:
    with pytest.raises(ValueError):
        TokenBucketLimiter(capacity, per_minute)
