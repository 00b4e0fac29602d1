from __future__ import annotations

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "heardback.portal"
    label = "portal"
    verbose_name = "Candidate portal"

    def ready(self) -> None:
        from heardback.outbox import links
        from heardback.portal.services.links import candidate_link_addresses

        # The outbox fills candidates' links as it sends; the links and their secret are ours.
        links.register(candidate_link_addresses)
