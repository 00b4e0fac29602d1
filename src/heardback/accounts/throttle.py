"""Sign-in throttle: wrong passwords counted per account and per client address, shared by every
process through the cache (the database by default)."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from heardback.core.ratelimit import window_count

WINDOW_SECONDS = 15 * 60


def _keys(email: str, request: HttpRequest | None) -> list[tuple[str, int]]:
    window = int(time.time() // WINDOW_SECONDS)
    # Hashed: the cache (a database table by default) should not list who tried to sign in.
    account = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    address = str(request.META.get("REMOTE_ADDR") or "unknown") if request else "unknown"
    return [
        (f"login:account:{account}:{window}", settings.LOGIN_FAILURES_PER_ACCOUNT),
        (f"login:address:{address}:{window}", settings.LOGIN_FAILURES_PER_ADDRESS),
    ]


def login_blocked(email: str, request: HttpRequest | None) -> bool:
    """Whether this account or this address used up its wrong passwords for the window."""
    return any(int(cache.get(key) or 0) >= limit for key, limit in _keys(email, request))


def login_failed(email: str, request: HttpRequest | None) -> None:
    """Count one wrong password against the account and the address."""
    for key, _limit in _keys(email, request):
        name, _, window = key.rpartition(":")
        window_count(name, window=int(window), seconds=WINDOW_SECONDS)
