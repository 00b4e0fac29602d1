from __future__ import annotations

from django.apps import AppConfig


class ClosureConfig(AppConfig):
    name = "heardback.closure"
    label = "closure"

    def ready(self) -> None:
        from heardback.closure.services import closure_sweep
        from heardback.core import periodic

        # Every five minutes is plenty for deadlines counted in hours and days; each worker
        # runs it, and a sweep that finds nothing new to do writes nothing.
        periodic.register("closure.sweep", closure_sweep, every=300)
