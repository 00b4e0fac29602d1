"""What the views of every app share: the request of a signed-in person, their organization as
an admin or as a decider, and a service's refusal shown on a form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from heardback.accounts import selectors
from heardback.accounts.models import Organization, User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind login_required: `request.user` is a `User`, never anonymous.

    The type of `request` in every such view (as django-stubs recommends); Django builds the
    request itself, so this class is only ever an annotation."""

    user: User


def admin_organization(request: AuthenticatedHttpRequest) -> Organization:
    """The current organization, where the person must be an admin (403 otherwise)."""
    return selectors.organization_for_admin(
        user=request.user, session_slug=request.session.get("org")
    )


def decider_organization(request: AuthenticatedHttpRequest) -> Organization:
    """The current organization, where the person must decide on applications: an admin, a
    recruiter or a hiring manager (403 otherwise)."""
    return selectors.organization_for_decider(
        user=request.user, session_slug=request.session.get("org")
    )


def form_add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's ValidationError on the form: on its fields where it names them."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, reasons in error.message_dict.items():
        form.add_error(field if field in form.fields else None, reasons)


def shown_once(response: HttpResponse) -> HttpResponse:
    """A page showing a secret (a new API key, a temporary password): marked no-store."""
    add_never_cache_headers(response)  # includes no-store: the secret stays out of caches
    return response
