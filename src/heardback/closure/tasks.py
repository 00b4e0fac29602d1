"""The closure sweep as the worker runs it: every five minutes, not at the worker's first tick."""

from __future__ import annotations

import time

SWEEP_EVERY = 300.0


class PeriodicSweep:
    """`closure_sweep()`, skipped until the worker has run for a while.

    A worker that just started has email to deliver first, and after a deploy every worker
    starts at once; deadlines are counted in hours and days, so the clocks can wait one period.
    """

    def __init__(self, *, started: float, settle: float = SWEEP_EVERY / 2) -> None:
        self.started = started
        self.settle = settle

    def __call__(self) -> None:
        if time.monotonic() - self.started < self.settle:
            return
        from heardback.closure import services

        services.closure_sweep()
