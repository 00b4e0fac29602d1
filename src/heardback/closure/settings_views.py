"""Settings → the closure policy: a section of the general settings page, added by closure.

The general page belongs to accounts, which knows no closure: closure registers its section
for the `accounts.settings` panel slot (`ClosureConfig.ready()`) and answers its form's POST
here, showing the general page again with its bound form when the input is refused.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heardback.accounts.models import Organization
from heardback.accounts.settings_views import general_page
from heardback.accounts.web import AuthenticatedHttpRequest, admin_organization, form_add_errors
from heardback.closure.forms import ClosurePolicyForm
from heardback.closure.selectors import closure_policy_for
from heardback.closure.services import closure_policy_update


def settings_panel(context: Any, organization: Organization) -> str:
    """The closure policy's section of the general settings page (its bound form, if refused)."""
    form = context.get("closure_form") or ClosurePolicyForm.for_policy(
        closure_policy_for(organization)
    )
    return render_to_string(
        "closure/_settings_policy.html", {"form": form}, request=context.get("request")
    )


@require_POST
@login_required
def settings_closure(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = admin_organization(request)
    form = ClosurePolicyForm.for_policy(closure_policy_for(organization), request.POST)
    if form.is_valid():
        try:
            closure_policy_update(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, _("Closure policy saved."))
            return redirect("accounts:settings")
    return general_page(request, organization, status=400, closure_form=form)
