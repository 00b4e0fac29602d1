from __future__ import annotations

from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "heardback.integrations"
    label = "integrations"
    verbose_name = "Integrations"
