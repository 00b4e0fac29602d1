from __future__ import annotations

from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "heardback.integrations"
    label = "integrations"
    verbose_name = "Integrations"

    def ready(self) -> None:
        from heardback.core import periodic
        from heardback.integrations.services import import_runs_fail_abandoned

        periodic.register("integrations.abandoned_imports", import_runs_fail_abandoned, every=300)
