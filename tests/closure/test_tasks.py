"""The worker's periodic closure sweep."""

from __future__ import annotations

import time

import pytest

from heardback.closure import services
from heardback.closure.tasks import PeriodicSweep
from heardback.core import periodic


def test_the_sweep_is_registered_with_the_worker_every_five_minutes() -> None:
    (job,) = [job for job in periodic.registered() if job.name == "closure.sweep"]
    assert job.every == 300
    assert isinstance(job.func, PeriodicSweep)


def test_a_worker_that_just_started_delivers_email_first_and_sweeps_one_period_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sweeps: list[None] = []
    monkeypatch.setattr(services, "closure_sweep", lambda: sweeps.append(None))

    PeriodicSweep(started=time.monotonic())()
    assert sweeps == []
    PeriodicSweep(started=time.monotonic() - 300)()
    assert sweeps == [None]
