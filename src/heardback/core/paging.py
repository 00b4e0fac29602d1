"""The page number of a list page, from the query string: never an error, never unbounded."""

from __future__ import annotations

from django.http import HttpRequest

MAX_PAGE = 100_000


def page_number(request: HttpRequest) -> int:
    """`?page=` as a number from 1 to MAX_PAGE; anything else (letters, a 5,000-digit number)
    is page 1 or the last page allowed: a page past the end simply shows no rows."""
    raw = request.GET.get("page", "")
    if not raw.isascii() or not raw.isdigit():
        return 1
    if len(raw) > len(str(MAX_PAGE)):
        return MAX_PAGE
    return min(max(1, int(raw)), MAX_PAGE)
