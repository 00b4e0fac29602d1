from __future__ import annotations

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "heardback.partners"
    label = "partners"

    def ready(self) -> None:
        from heardback.core import panels
        from heardback.feedback import inputs
        from heardback.partners import selectors, web

        panels.register("portal.page", "partners", web.portal_panel)
        inputs.HAS_PARTNERS.append(selectors.has_partners)
