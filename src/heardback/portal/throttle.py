"""Rate limit on portal lookups: a guesser gets a few dozen tries a minute, not millions.

Counts live in Django's cache (LocMemCache by default: one count per process). Production
with several web processes should set CACHE_URL to a shared Redis (settings.py).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest

from heardback.core.ratelimit import window_count

WINDOW_SECONDS = 60


def client_ip(request: HttpRequest) -> str:
    """The client's address as the web server saw it (behind a proxy, set it from the proxy)."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def portal_lookup_allowed(request: HttpRequest) -> bool:
    """Count one lookup for the client's IP; False once it passes the minute's allowance."""
    window = int(time.time() // WINDOW_SECONDS)
    count = window_count(
        f"portal:lookups:{client_ip(request)}", window=window, seconds=WINDOW_SECONDS
    )
    return count <= settings.PORTAL_LOOKUPS_PER_MINUTE
