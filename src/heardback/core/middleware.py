"""Headers every page of the app gets (a strict Content-Security-Policy, no caching) and the
page shown for a method a URL does not take."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# Scripts and styles come only from our static files (no inline script anywhere), pages may not
# be framed, forms post only to us.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# The API's documentation page loads Swagger UI as ninja ships it.
_OWN_POLICY_PATHS = ("/api/v1/docs",)
# The API answers errors in JSON; the candidate portal has its own headers and pages.
_OWN_ERROR_PATHS = ("/api/", "/p/")


class SecurityHeadersMiddleware:
    """CSP on every response without its own; `Cache-Control: no-store` on every page and API
    answer (they show candidates' data; static files are served before this, and cached)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(_OWN_POLICY_PATHS):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response


class MethodNotAllowedPageMiddleware:
    """A page, styled and translated, instead of the empty 405 of `require_POST` and friends,
    for people who opened a form's address in the browser. The API keeps its JSON errors, the
    candidate portal its own headers and no cookies, and htmx requests get the bare answer (a
    page would be swapped into a fragment)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 405
            or request.path.startswith(_OWN_ERROR_PATHS)
            or request.headers.get("HX-Request")
            or not request.accepts("text/html")
        ):
            return response
        page = render(request, "405.html", status=405)
        for name, value in response.headers.items():  # Allow, and any the view set
            if name.lower() not in ("content-type", "content-length"):
                page.headers[name] = value
        return page
