"""Rate limit per API key: a runaway sync slows down instead of slowing heardback down.

A fixed window per key (HEARDBACK_API_RATE, e.g. "1200/m"). Counts live in Django's cache
(LocMemCache by default: one count per process). Production with several web processes should
set CACHE_URL to a shared Redis (settings.py).
"""

from __future__ import annotations

import math
import time

from django.conf import settings

from heardback.api.models import ApiKey
from heardback.core.ratelimit import window_count

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def parse_rate(rate: str) -> tuple[int, int]:
    """'1200/m' → (1200, 60): requests allowed, per so many seconds (checked by settings.py)."""
    count, _, period = rate.replace(" ", "").partition("/")
    return int(count), PERIOD_SECONDS[period]


def api_key_throttle_wait(*, api_key: ApiKey) -> int:
    """Count one request of the key; 0 within its allowance, else seconds until the next window."""
    allowed, seconds = parse_rate(settings.HEARDBACK_API_RATE)
    now = time.time()
    window = int(now // seconds)
    count = window_count(f"api:requests:{api_key.prefix}", window=window, seconds=seconds)
    if count <= allowed:
        return 0
    return max(1, math.ceil((window + 1) * seconds - now))
