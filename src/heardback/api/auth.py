"""Bearer API keys, each endpoint asking for one scope."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from heardback.api import selectors, services
from heardback.api.errors import MissingScope, RateLimited
from heardback.api.models import ApiKey
from heardback.api.scopes import scopes_allowed
from heardback.api.throttle import api_key_throttle_wait


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer hb_…`: unknown, malformed or revoked → 401; past the key's rate
    → 429; lacking scope → 403."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        api_key = selectors.api_key_for_raw_key(raw_key=token.strip())
        if api_key is None:
            return None
        # Throttled here rather than with ninja's throttles: those keep each request's state on
        # one shared instance, which the web server's threads would mix up.
        wait = api_key_throttle_wait(api_key=api_key)
        if wait:
            raise RateLimited(wait)
        role = api_key.owner_role if api_key.created_by_id is not None else None  # type: ignore[attr-defined]
        if self.scope not in scopes_allowed(granted=api_key.scopes, role=role):
            raise MissingScope(self.scope)
        services.api_key_mark_used(api_key=api_key)
        return api_key


def needs(scope: str) -> dict[str, Any]:
    """Operation arguments for an endpoint that needs `scope` (shown in the schema as x-scope)."""
    return {"auth": ApiKeyAuth(scope), "openapi_extra": {"x-scope": scope}}


def api_key_of(request: HttpRequest) -> ApiKey:
    """The key that authenticated this request."""
    return request.auth  # type: ignore[attr-defined,no-any-return]
