"""Settings → Rejection reasons, for admins: the reasons recruiters pick, what candidates read
of each, the stages it fits, and whether a note is sent at all."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from heardback.accounts.models import Organization
from heardback.accounts.web import AuthenticatedHttpRequest, admin_organization, form_add_errors
from heardback.hiring import reason_services
from heardback.hiring.forms import RejectionReasonForm
from heardback.hiring.models import PipelineStage
from heardback.hiring.selectors import (
    rejection_reason_get_for_organization,
    rejection_reasons_for,
)


def _reason_values(form: RejectionReasonForm) -> reason_services.ReasonValues:
    data = form.cleaned_data
    return reason_services.ReasonValues(
        name=data["name"],
        category=data["category"],
        explanation_en=data["explanation_en"],
        explanation_fr=data["explanation_fr"],
        stages=tuple(data["stages"]),
        sends_note=data["sends_note"],
    )


def _reasons_page(
    request: HttpRequest,
    organization: Organization,
    *,
    form: RejectionReasonForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "organization": organization,
        "section": "reasons",
        "reasons": rejection_reasons_for(organization=organization),
        "stage_labels": dict(PipelineStage.Kind.choices),
        "form": form or RejectionReasonForm(prefix="reason", initial={"sends_note": True}),
    }
    return render(request, "accounts/settings_reasons.html", context, status=status)


@require_GET
@login_required
def settings_reasons(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _reasons_page(request, admin_organization(request))


@require_POST
@login_required
def reason_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = admin_organization(request)
    form = RejectionReasonForm(request.POST, prefix="reason")
    if form.is_valid():
        try:
            reason = reason_services.rejection_reason_create(
                actor=request.user, organization=organization, values=_reason_values(form)
            )
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, _("Added the reason %(name)s.") % {"name": reason.name})
            return redirect("hiring:settings-reasons")
    return _reasons_page(request, organization, form=form, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def reason_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = admin_organization(request)
    reason = rejection_reason_get_for_organization(organization=organization, pk=pk)
    form = RejectionReasonForm.for_reason(
        reason, request.POST if request.method == "POST" else None
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                reason_services.rejection_reason_update(
                    actor=request.user, reason=reason, values=_reason_values(form)
                )
            except ValidationError as error:
                form_add_errors(form, error)
            else:
                messages.success(request, _("Saved the reason %(name)s.") % {"name": reason.name})
                return redirect("hiring:settings-reasons")
        status = 400
    context = {"organization": organization, "section": "reasons", "reason": reason, "form": form}
    return render(request, "accounts/settings_reason_edit.html", context, status=status)
