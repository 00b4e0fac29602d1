"""Partner network pages: partnerships (admins), the pool, profiles and invitations
(recruiters, hiring managers, admins); the candidate's answers on their page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from heardback.accounts.models import Membership
from heardback.accounts.selectors import user_role
from heardback.accounts.web import AuthenticatedHttpRequest, decider_organization
from heardback.partners import selectors, services
from heardback.partners.models import MESSAGE_MAX_LENGTH
from heardback.portal.models import CandidateLink
from heardback.portal.views import portal_view, with_link


@require_GET
@login_required
def partnerships(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    return render(
        request,
        "partners/partnerships.html",
        {
            "organization": organization,
            "partnerships": selectors.partnerships_for(organization=organization),
            "is_admin": user_role(user=request.user, organization=organization)
            == Membership.Role.ADMIN,
        },
    )


@require_POST
@login_required
def propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    try:
        services.partnership_propose(
            actor=request.user, organization=organization,
            slug=request.POST.get("slug", "")[:60],
        )  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Partnership proposed. An admin of that organization accepts it.")
        )
    return redirect("partners:partnerships")


@require_POST
@login_required
def accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = decider_organization(request)
    partnership = selectors.partnership_get(organization=organization, pk=pk)
    try:
        services.partnership_accept(actor=request.user, partnership=partnership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Partnership accepted."))
    return redirect("partners:partnerships")


@require_POST
@login_required
def end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = decider_organization(request)
    partnership = selectors.partnership_get(organization=organization, pk=pk)
    services.partnership_end(actor=request.user, organization=organization, partnership=partnership)
    messages.success(request, _("Partnership ended."))
    return redirect("partners:partnerships")


@require_GET
@login_required
def pool(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    query = request.GET.get("q", "").strip()[:100]
    profiles = services.pool_view(actor=request.user, organization=organization, query=query)
    return render(
        request,
        "partners/pool.html",
        {
            "organization": organization,
            "profiles": profiles,
            "query": query,
            "has_partners": selectors.has_partners(organization),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def profile(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = decider_organization(request)
    status = 200
    error = ""
    if request.method == "POST":
        try:
            services.partner_invite(
                actor=request.user, organization=organization, ref=pk,
                job_title=request.POST.get("job_title", "")[:200],
                message=request.POST.get("message", ""),
            )  # fmt: skip
        except ValidationError as e:
            error, status = " ".join(e.messages), 400
        else:
            messages.success(
                request, _("Invitation sent. You will see their contact details if they accept.")
            )
            return redirect("partners:invitations")
    shown = services.profile_view(actor=request.user, organization=organization, ref=pk)
    return render(
        request,
        "partners/profile.html",
        {
            "organization": organization,
            "profile": shown,
            "error": error,
            "posted": request.POST if error else {},
            "message_max": MESSAGE_MAX_LENGTH,
        },
        status=status,
    )


@require_GET
@login_required
def invitations(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    rows = [
        (i, selectors.contact(i)) for i in selectors.invitations_sent(organization=organization)
    ]
    return render(
        request, "partners/invitations.html", {"organization": organization, "rows": rows}
    )


@portal_view
@require_POST
@with_link
def portal_respond(request: HttpRequest, link: CandidateLink, token: str, pk: int) -> HttpResponse:
    invitation = selectors.invitation_get_for_candidate(
        candidate_id=link.application.candidate_id, pk=pk
    )
    accept = request.POST.get("action") == "accept"
    try:
        services.partner_invitation_respond(
            link=link,
            invitation=invitation,
            accept=accept,
            share_resume=request.POST.get("share_resume") == "on",
        )
        done = "partner_accepted" if accept else "partner_declined"
    except ValidationError:
        done = "role_closed"
    return redirect(f"{reverse('portal:page', args=[token])}?done={done}#status")


@portal_view
@require_POST
@with_link
def portal_profile(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    try:
        services.partner_profile_update(
            link=link,
            location=request.POST.get("location", ""),
            languages=request.POST.get("languages", ""),
        )
        done = "profile"
    except ValidationError:
        done = "role_closed"
    return redirect(f"{reverse('portal:page', args=[token])}?done={done}#partners")
