"""Fixed-window request counts in Django's cache, for the portal's and the API's rate limits.

The cache is per process by default; CACHE_URL=redis://… shares the counts (settings.py).
"""

from __future__ import annotations

from django.core.cache import cache


def window_count(name: str, *, window: int, seconds: int) -> int:
    """Count one more request for `name` in window number `window` (`seconds` long); the total."""
    key = f"{name}:{window}"
    # add + incr is atomic on the cache backends Django ships and on Redis.
    cache.add(key, 0, timeout=seconds * 2)
    try:
        return int(cache.incr(key))
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=seconds * 2)
        return 1
