"""Cursor pagination by id: stable while rows are added, one query a page whatever its depth."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import ValidationError as RequestInvalid

from heardback.api.schemas.base import MAX_ID, PageFilters

M = TypeVar("M", bound=Model)
CURSOR = re.compile(r"after:(\d{1,19})")


def _encode(pk: int) -> str:
    return base64.urlsafe_b64encode(f"after:{pk}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        raw = ""
    match = CURSOR.fullmatch(raw)
    if match is None or int(match[1]) > MAX_ID:
        raise RequestInvalid(
            [{"loc": ("query", "cursor"), "msg": _("Not a cursor this API gave out.")}]
        )
    return int(match[1])


def paginate(request: HttpRequest, queryset: QuerySet[M], page: PageFilters) -> dict[str, Any]:
    """{"items": up to `limit` rows after the cursor, "next": the next page's URL or null}."""
    # A misspelt filter (`?state=draft`) would list every row, as if filtered: refuse it.
    if unknown := sorted(set(request.GET) - set(type(page).model_fields)):
        raise RequestInvalid(
            [{"loc": ("query", name), "msg": _("Not a filter of this list.")} for name in unknown]
        )
    if page.cursor:
        queryset = queryset.filter(pk__gt=_decode(page.cursor))
    rows = list(queryset.order_by("pk")[: page.limit + 1])
    items = rows[: page.limit]
    next_url = None
    if len(rows) > page.limit:
        query = request.GET.copy()
        query["cursor"] = _encode(items[-1].pk)
        next_url = f"{request.build_absolute_uri(request.path)}?{query.urlencode()}"
    return {"items": items, "next": next_url}
