from __future__ import annotations

import time

from django.apps import AppConfig


class SeekerConfig(AppConfig):
    name = "heardback.seeker"
    label = "seeker"

    def ready(self) -> None:
        from heardback.core import periodic
        from heardback.seeker.tasks import SWEEP_EVERY, PeriodicSweep

        periodic.register(
            "seeker.sweep", PeriodicSweep(started=time.monotonic()), every=SWEEP_EVERY
        )
