"""/api/v1/: the ninja API, with wrong methods and unknown paths in the API's error shape."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from heardback.api.api import api
from heardback.api.errors import error_response


def _method_not_allowed_as_json(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow", "")
            response = error_response(
                405,
                "method_not_allowed",
                _("Use %(methods)s here.") % {"methods": allowed or "another method"},
            )
            response["Allow"] = allowed
        return response

    return wrapped


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return error_response(404, "not_found", _("No such API endpoint: see /api/v1/docs."))


app_name = "api"  # the namespace ninja reverses its docs and schema URLs in
ninja_patterns = api.urls[0]
urlpatterns = [
    URLPattern(p.pattern, _method_not_allowed_as_json(p.callback), p.default_args, p.name)
    if isinstance(p, URLPattern)
    else p
    for p in ninja_patterns
] + [re_path(r"^(?P<rest>.*)$", not_found)]
