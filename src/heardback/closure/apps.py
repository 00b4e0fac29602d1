from __future__ import annotations

import time

from django.apps import AppConfig


class ClosureConfig(AppConfig):
    name = "heardback.closure"
    label = "closure"

    def ready(self) -> None:
        from heardback.closure.settings_views import settings_panel
        from heardback.closure.tasks import SWEEP_EVERY, PeriodicSweep
        from heardback.core import panels, periodic

        # Every five minutes is plenty for deadlines counted in hours and days; each worker
        # runs it, and a sweep that finds nothing new to do writes nothing.
        periodic.register(
            "closure.sweep", PeriodicSweep(started=time.monotonic()), every=SWEEP_EVERY
        )
        # The general settings page (accounts) shows the closure policy without importing it.
        panels.register("accounts.settings", "closure.policy", settings_panel)
