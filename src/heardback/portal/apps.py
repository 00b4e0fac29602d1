from __future__ import annotations

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "heardback.portal"
    label = "portal"
    verbose_name = "Candidate portal"
