"""The partner network: partnerships between organizations, and the pool of candidates who
agreed to be suggested to partners (profiles without a name, email or interviewer's words)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import organization_of, person_of
from heardback.api.schemas.base import Id, PageFilters, answers
from heardback.api.schemas.reroute import (
    PartnerInvitationOut,
    PartnerInviteIn,
    PartnershipIn,
    PartnershipOut,
    PartnershipPage,
    PoolFilters,
    ProfileList,
)
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.partners import selectors, services
from heardback.partners.models import PartnerInvitation, Partnership

router = Router(tags=["partners"])


def _admin_of(request: HttpRequest, organization: Organization) -> User:
    """The key's person, who must be an admin of the organization (partnerships are theirs)."""
    person = person_of(request)
    if not user_can(user=person, organization=organization, capability=Capability.MANAGE_MEMBERS):
        raise PermissionDenied(_("Only an admin's key may change partnerships."))
    return person


def _partnership_out(partnership: Partnership) -> dict[str, Any]:
    if partnership.ended_at is not None:
        status = "ended"
    else:
        status = "live" if partnership.accepted_at is not None else "proposed"
    return {
        "id": partnership.pk,
        "proposer": partnership.proposer,
        "partner": partnership.partner,
        "status": status,
        "proposed_at": partnership.proposed_at,
        "accepted_at": partnership.accepted_at,
        "ended_at": partnership.ended_at,
    }


@router.get("/partnerships", response=answers(200, PartnershipPage), **needs(READ))
def partnership_list(request: HttpRequest, filters: Query[PageFilters]) -> dict[str, Any]:
    """The partnerships the organization proposed or was offered, oldest first."""
    page = paginate(
        request, selectors.partnerships_for(organization=organization_of(request)), filters
    )
    return {"items": [_partnership_out(p) for p in page["items"]], "next": page["next"]}


@router.post("/partnerships", response=answers(201, PartnershipOut), **needs(WRITE_HIRING))
def partnership_propose(request: HttpRequest, payload: PartnershipIn) -> Status[dict[str, Any]]:
    """Propose a partnership to another organization; an admin of it accepts. Admin's key only."""
    organization = organization_of(request)
    partnership = services.partnership_propose(
        actor=_admin_of(request, organization), organization=organization, slug=payload.slug
    )
    return Status(201, _partnership_out(partnership))


def _partnership(request: HttpRequest, partnership_id: int) -> Partnership:
    return selectors.partnership_get(organization=organization_of(request), pk=partnership_id)


@router.post(
    "/partnerships/{partnership_id}/accept",
    response=answers(200, PartnershipOut),
    **needs(WRITE_HIRING),
)
def partnership_accept(request: HttpRequest, partnership_id: Id) -> dict[str, Any]:
    """Accept a partnership proposed to the organization. Admin's key only."""
    partnership = _partnership(request, partnership_id)
    organization = organization_of(request)
    actor = _admin_of(request, organization)
    if partnership.partner_id != organization.pk:
        raise PermissionDenied(_("Only the organization it was proposed to may accept it."))
    accepted = services.partnership_accept(actor=actor, partnership=partnership)
    return _partnership_out(_partnership(request, accepted.pk))


@router.post(
    "/partnerships/{partnership_id}/end",
    response=answers(200, PartnershipOut),
    **needs(WRITE_HIRING),
)
def partnership_end(request: HttpRequest, partnership_id: Id) -> dict[str, Any]:
    """End (or decline, or withdraw) a partnership: both pools close at once. Admin's key only."""
    partnership = _partnership(request, partnership_id)
    organization = organization_of(request)
    services.partnership_end(
        actor=_admin_of(request, organization), organization=organization, partnership=partnership
    )
    return _partnership_out(_partnership(request, partnership.pk))


def _profile_out(profile: selectors.Profile) -> dict[str, Any]:
    # Field by field from the selector's Profile, which holds nothing a partner may not read.
    return {
        "id": profile.ref,
        "home": profile.home,
        "family": profile.family,
        "strengths": profile.strengths,
        "location": profile.location,
        "languages": profile.languages,
        "consent_expires_at": profile.expires_at,
        "invitation": profile.invitation.status if profile.invitation else None,
    }


@router.get("/partner-pool", response=answers(200, ProfileList), **needs(READ))
def partner_pool(request: HttpRequest, filters: Query[PoolFilters]) -> dict[str, Any]:
    """Up to 100 profiles of partners' candidates who agreed to be suggested to partners, newest
    consent first: family, strengths in the rubric's words, and the location and languages
    they typed; never a name, an email or an interviewer's text. Every listing is in the audit
    log of both organizations."""
    profiles = services.pool_view(
        actor=person_of(request), organization=organization_of(request), query=filters.q
    )
    return {"items": [_profile_out(p) for p in profiles]}


@router.post(
    "/partner-pool/{profile_id}/invite",
    response=answers(201, PartnerInvitationOut),
    **needs(WRITE_HIRING),
)
def partner_pool_invite(
    request: HttpRequest, profile_id: Id, payload: PartnerInviteIn
) -> Status[dict[str, Any]]:
    """Invite the candidate behind a profile to talk about a role: they see it on their page
    and by email, and only if they accept does your organization see their contact details."""
    invitation: PartnerInvitation = services.partner_invite(
        actor=person_of(request), organization=organization_of(request), ref=profile_id,
        job_title=payload.job_title, message=payload.message,
    )  # fmt: skip
    return Status(
        201,
        {
            "id": invitation.pk,
            "profile_id": invitation.consent_id,
            "job_title": invitation.job_title,
            "status": invitation.status,
            "created_at": invitation.created_at,
        },
    )
