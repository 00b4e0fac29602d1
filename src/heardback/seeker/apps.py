from __future__ import annotations

from django.apps import AppConfig

# Reminders are counted in hours and days: every five minutes is plenty.
SWEEP_EVERY = 300.0


class SeekerConfig(AppConfig):
    name = "heardback.seeker"
    label = "seeker"

    def ready(self) -> None:
        from heardback.core import periodic
        from heardback.seeker.services import seeker_sweep

        periodic.register("seeker.sweep", seeker_sweep, every=SWEEP_EVERY)
