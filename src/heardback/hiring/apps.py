from django.apps import AppConfig


class HiringConfig(AppConfig):
    name = "heardback.hiring"
    label = "hiring"

    def ready(self) -> None:
        from heardback.accounts.services import ORGANIZATION_SETUP
        from heardback.hiring.reason_services import rejection_reasons_create_defaults

        if rejection_reasons_create_defaults not in ORGANIZATION_SETUP:
            ORGANIZATION_SETUP.append(rejection_reasons_create_defaults)
