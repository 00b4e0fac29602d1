from __future__ import annotations

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "heardback.partners"
    label = "partners"

    def ready(self) -> None:
        from heardback.core import panels
        from heardback.feedback import inputs
        from heardback.partners import selectors, services, web
        from heardback.portal.services import erasure

        panels.register("portal.page", "partners", web.portal_panel)
        if services.candidate_erase_partner_data not in erasure.ERASERS:
            erasure.ERASERS.append(services.candidate_erase_partner_data)
        inputs.HAS_PARTNERS.append(selectors.has_partners)
