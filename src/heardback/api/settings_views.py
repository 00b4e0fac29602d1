"""Settings → API keys, for admins: create a key (shown once), revoke one.

The API owns its keys, so it owns their settings page too; the page shares the settings'
navigation and helpers (`accounts/_settings_nav.html`, `accounts.web`), as hiring's rejection
reasons do, and accounts never imports the API.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heardback.accounts.models import Organization
from heardback.accounts.web import (
    AuthenticatedHttpRequest,
    admin_organization,
    form_add_errors,
    shown_once,
)
from heardback.api import selectors, services
from heardback.api.forms import ApiKeyForm


def _api_keys_page(
    request: HttpRequest,
    organization: Organization,
    *,
    form: ApiKeyForm | None = None,
    raw_key: str = "",
    status: int = 200,
) -> HttpResponse:
    keys = list(selectors.api_keys_for_organization(organization=organization))
    context = {
        "organization": organization,
        "section": "api_keys",
        "active_keys": [k for k in keys if k.is_active],
        "revoked_keys": [k for k in keys if not k.is_active],
        "form": form or ApiKeyForm(prefix="key"),
        "raw_key": raw_key,
    }
    return render(request, "accounts/settings_api_keys.html", context, status=status)


@require_GET
@login_required
def settings_api_keys(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _api_keys_page(request, admin_organization(request))


@require_POST
@login_required
def api_key_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = admin_organization(request)
    form = ApiKeyForm(request.POST, prefix="key")
    if form.is_valid():
        try:
            _key, raw_key = services.api_key_create(
                organization=organization,
                user=request.user,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
            )
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            return shown_once(_api_keys_page(request, organization, raw_key=raw_key))
    return _api_keys_page(request, organization, form=form, status=400)


@require_POST
@login_required
def api_key_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = admin_organization(request)
    api_key = selectors.api_key_get_for_organization(organization=organization, pk=pk)
    services.api_key_revoke(api_key=api_key, user=request.user)
    messages.success(
        request, _("Revoked %(name)s: it stops working at once.") % {"name": api_key.name}
    )
    return redirect("api_keys:settings")
