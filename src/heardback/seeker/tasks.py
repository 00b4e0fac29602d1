"""The companion's periodic sweep, as the worker runs it."""

from __future__ import annotations

import time

# Reminders are counted in hours and days: every five minutes is plenty.
SWEEP_EVERY = 300.0


class PeriodicSweep:
    """`seeker_sweep()`, skipped until the worker has run for a while (as the closure sweep):
    a worker that just started has email to deliver first, and its start-up imports nothing of
    the companion's."""

    def __init__(self, *, started: float, settle: float = SWEEP_EVERY / 2) -> None:
        self.started = started
        self.settle = settle

    def __call__(self) -> None:
        if time.monotonic() - self.started < self.settle:
            return
        from heardback.seeker.services import seeker_sweep

        seeker_sweep()
