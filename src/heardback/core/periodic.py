"""Periodic jobs the worker runs (outbox sweep, closure clock): a tiny registry.

Apps register their sweeps in `AppConfig.ready()`. Every sweep must be idempotent and safe
to run from several workers at once: the worker gives no exclusivity, only a cadence.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import close_old_connections

logger = logging.getLogger(__name__)


@dataclass
class PeriodicJob:
    name: str
    func: Callable[[], object]
    every: float
    next_run: float = field(default=0.0)


_registry: dict[str, PeriodicJob] = {}


def register(name: str, func: Callable[[], object], *, every: float) -> None:
    """Run `func` about every `every` seconds in each worker."""
    _registry[name] = PeriodicJob(name=name, func=func, every=every)


def registered() -> list[PeriodicJob]:
    """The registered jobs, by name."""
    return sorted(_registry.values(), key=lambda job: job.name)


def run_due(now: float | None = None) -> list[str]:
    """Run the jobs that are due; return their names. A failing job is logged, not fatal."""
    now = time.monotonic() if now is None else now
    ran = []
    for job in registered():
        if job.next_run > now:
            continue
        job.next_run = now + job.every
        close_old_connections()
        try:
            job.func()
        except Exception:
            logger.exception("periodic job %s failed", job.name)
        ran.append(job.name)
    return ran


def run_forever(stop: threading.Event, tick: float = 1.0) -> None:
    """Run due jobs until `stop` is set."""
    while not stop.is_set():
        run_due()
        stop.wait(tick)
