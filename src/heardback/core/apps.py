from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks


class CoreConfig(AppConfig):
    name = "heardback.core"
    label = "core"

    def ready(self) -> None:
        checks.register(cache_shared_check, checks.Tags.security)


def cache_shared_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Say at start-up when the rate limits count per process (several processes: N× the limit)."""
    backend = str(settings.CACHES["default"]["BACKEND"])
    if settings.DEBUG or not backend.endswith("LocMemCache"):
        return []
    return [
        checks.Warning(
            "CACHE_URL=locmem:// counts sign-in, portal and API requests per process: with "
            "several web processes each allows the full rate.",
            hint="Leave CACHE_URL unset (the database, shared) or set redis://.",
            id="heardback.W001",
        )
    ]
