"""One error shape for every failure: {"error": {"code", "message", "fields": [...]}}."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestInvalid

logger = logging.getLogger(__name__)


class MissingScope(Exception):
    """A valid key without the scope the endpoint needs."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__(scope)


class RateLimited(Exception):
    """A valid key past its allowance of requests (HEARDBACK_API_RATE)."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(retry_after)


def error_response(
    status: int, code: str, message: str, fields: Iterable[tuple[str, str]] = ()
) -> JsonResponse:
    body = {
        "error": {
            "code": code,
            "message": message,
            "fields": [{"field": field, "message": text} for field, text in fields],
        }
    }
    return JsonResponse(body, status=status)


def _field_path(location: Iterable[Any]) -> str:
    # ninja locates errors as ("body", "payload", "ratings", 0, "rating") or ("query", "limit"):
    # the client knows its input by the last parts only.
    parts = [str(part) for part in location]
    if parts[:1] == ["body"] and len(parts) > 1:
        parts = parts[2:]
    elif parts[:1] in (["query"], ["path"], ["form"], ["file"]):
        parts = parts[1:]
    return ".".join(parts)


def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    response = error_response(
        401,
        "unauthenticated",
        _("Send a valid, unrevoked API key: 'Authorization: Bearer hb_…'."),
    )
    response["WWW-Authenticate"] = 'Bearer realm="heardback"'
    return response


def _missing_scope(request: HttpRequest, exc: MissingScope) -> HttpResponse:
    return error_response(
        403, "forbidden", _("This key lacks the '%(scope)s' scope.") % {"scope": exc.scope}
    )


def _rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = error_response(
        429,
        "rate_limited",
        ngettext(
            "Too many requests with this key; retry in %(seconds)d second.",
            "Too many requests with this key; retry in %(seconds)d seconds.",
            exc.retry_after,
        )
        % {"seconds": exc.retry_after},
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


def _permission_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(403, "forbidden", str(exc) or _("This key may not do that."))


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(404, "not_found", str(exc) or _("Not found."))


def _request_invalid(request: HttpRequest, exc: RequestInvalid) -> HttpResponse:
    if any(_is_missing_body(error) for error in exc.errors):
        message = _("This operation needs a JSON body; the schema lists its fields.")
        return error_response(422, "invalid_request", message, [("", message)])
    fields = [
        (_field_path(error.get("loc", ())), str(error.get("msg", ""))) for error in exc.errors
    ]
    return error_response(
        422, "invalid_request", _("The request does not match the API schema."), fields
    )


def _is_missing_body(error: dict[str, Any]) -> bool:
    # ninja reports a request with no body at all as the payload itself missing.
    return (
        error.get("type") == "missing"
        and len(error.get("loc", ())) == 2
        and (error["loc"][0] == "body")
    )


def _refused(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        fields = [
            ("" if name == NON_FIELD_ERRORS else name, message)
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        fields = [("", message) for message in exc.messages]
    message = fields[0][1] if len(fields) == 1 else _("The request was refused; see fields.")
    return error_response(400, "refused", message, fields)


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    codes = {400: "bad_request", 413: "too_large"}
    return error_response(exc.status_code, codes.get(exc.status_code, "error"), str(exc))


def _too_large(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(
        413,
        "too_large",
        _("The request body is over %(mb)s MB; send less at a time, or upload a file.")
        % {"mb": round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000, 1)},
    )


def _unreadable(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(
        400, "bad_request", _("The request body could not be read as its Content-Type says.")
    )


def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return error_response(500, "server_error", _("Something went wrong on our side."))


def install_handlers(api: NinjaAPI) -> None:
    """Route every exception an endpoint can raise to the one error shape."""
    handlers: list[tuple[type[Exception], Any]] = [
        (Exception, _server_error),
        (AuthenticationError, _unauthenticated),
        (MissingScope, _missing_scope),
        (RateLimited, _rate_limited),
        (PermissionDenied, _permission_denied),
        (Http404, _not_found),
        (RequestInvalid, _request_invalid),
        (ValidationError, _refused),
        (HttpError, _http_error),
        (RequestDataTooBig, _too_large),
        (MultiPartParserError, _unreadable),  # "multipart/form-data" with no boundary
    ]
    for exception_class, handler in handlers:
        api.add_exception_handler(exception_class, handler)
