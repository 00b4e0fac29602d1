from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heardback.accounts.web import AuthenticatedHttpRequest, decider_organization
from heardback.closure import charts, selectors, services


def _back(request: HttpRequest) -> HttpResponse:
    show = request.POST.get("show", "")
    response = redirect("closure:dashboard")
    if show in selectors.SHOW_CHOICES and show:
        response["Location"] += f"?show={show}"
    return response


@require_GET
@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    data = selectors.closure_dashboard(organization=organization, show=request.GET.get("show", ""))
    return render(
        request,
        "closure/dashboard.html",
        {
            "organization": organization,
            "d": data,
            "report": data.report,
            "state_chart": charts.waiting_by_state(data.report),
            "age_chart": charts.wait_ages(data.report),
            "week_chart": charts.weekly_closure(data.report),
        },
    )


@require_POST
@login_required
def holding_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for_decider(user=request.user, pk=pk)
    try:
        promised = services.holding_update_send(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request)
    messages.success(
        request,
        _("Update sent to %(name)s: they will hear from you by %(date)s.")
        % {
            "name": application.candidate.full_name,
            "date": selectors.long_date(promised, request.LANGUAGE_CODE),
        },
    )
    return _back(request)


@require_POST
@login_required
def holding_update_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    sent = services.holding_updates_send_overdue(actor=request.user, organization=organization)
    messages.success(request, _("Holding updates sent: %(n)s.") % {"n": sent})
    return _back(request)
