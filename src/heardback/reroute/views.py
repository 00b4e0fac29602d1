"""Recruiter pages of re-routing, and the candidate's answer to an invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heardback.accounts.web import AuthenticatedHttpRequest, decider_organization
from heardback.hiring.models import Job
from heardback.hiring.selectors import application_get_for_user
from heardback.portal.models import CandidateLink
from heardback.portal.views import portal_view, with_link
from heardback.reroute import selectors, services
from heardback.reroute.models import RoleInvitation


def _job_of(request: HttpRequest, organization_id: int) -> Job:
    try:
        return Job.objects.get(pk=int(request.POST.get("job", "")), organization_id=organization_id)
    except (ValueError, Job.DoesNotExist):
        raise Http404 from None


@require_GET
@login_required
def suggestions(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    applications = selectors.not_hired_recent(organization=organization)
    by_application = selectors.suggestions_for(applications)
    rows = [(a, by_application[a.pk]) for a in applications if by_application[a.pk]]
    return render(
        request,
        "reroute/suggestions.html",
        {"organization": organization, "rows": rows, "recent": selectors.RECENT},
    )


def _acted(request: AuthenticatedHttpRequest, pk: int, move: bool) -> HttpResponse:
    application = application_get_for_user(user=request.user, pk=pk)
    job = _job_of(request, application.organization_id)
    try:
        if move:
            services.role_move(actor=request.user, application=application, job=job)
            text = _("%(name)s is now in the pipeline of %(job)s.")
        else:
            services.role_invite(actor=request.user, application=application, job=job)
            text = _("%(name)s is invited to apply for %(job)s.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, text % {"name": application.candidate.full_name, "job": job})
    back = request.POST.get("next", "")
    if back == "suggestions":
        return redirect("reroute:suggestions")
    return redirect(reverse("hiring:application-detail", args=[application.pk]) + "#reroute")


@require_POST
@login_required
def invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _acted(request, pk, move=False)


@require_POST
@login_required
def move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _acted(request, pk, move=True)


@require_GET
@login_required
def talent_pool(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "reroute/talent_pool.html",
        {
            "organization": organization,
            "query": query,
            "entries": selectors.talent_pool(organization=organization, query=query),
        },
    )


@portal_view
@require_POST
@with_link
def portal_respond(request: HttpRequest, link: CandidateLink, token: str, pk: int) -> HttpResponse:
    invitation = RoleInvitation.objects.filter(
        pk=pk, candidate_id=link.application.candidate_id
    ).first()
    done = "role_declined"
    if invitation is not None:
        try:
            accept = request.POST.get("action") == "accept"
            services.role_invitation_respond(link=link, invitation=invitation, accept=accept)
            done = "role_accepted" if accept else "role_declined"
        except ValidationError:
            done = "role_closed"
    return redirect(f"{reverse('portal:page', args=[token])}?done={done}#status")
