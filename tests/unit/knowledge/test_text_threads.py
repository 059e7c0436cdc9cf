"""Stemming is shared by every chat thread; a Snowball stemmer is not, so each thread has one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from knowledge.text import stem


def test_stemming_from_many_threads_matches_one_thread() -> None:
    words = [f"{w}{i}" for i in range(4000) for w in ("internationella", "beslutar", "nämnderna")]
    expected = [stem(w) for w in words]
    stem.cache_clear()  # make every call reach a stemmer again
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(stem, words)) == expected
