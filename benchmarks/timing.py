"""The median wall time of a call over a few runs, for the benchmarks that time calls in one process."""

from __future__ import annotations

import statistics
import time


def timed(fn, runs: int) -> float:
    """Seconds `fn()` takes, the median of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
