from __future__ import annotations

from django.apps import AppConfig


class RerouteConfig(AppConfig):
    name = "heardback.reroute"
    label = "reroute"

    def ready(self) -> None:
        from heardback.core import panels
        from heardback.reroute import web

        panels.register("hiring.application", "reroute", web.application_panel)
        panels.register("feedback.queue", "reroute", web.queue_panel)
        panels.register("portal.page", "reroute", web.portal_panel)
