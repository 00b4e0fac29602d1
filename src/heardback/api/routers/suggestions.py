"""Re-routing: the open roles that fit a candidate not hired, and the web's one-click actions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.routers import organization_of, person_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.reroute import (
    MovedOut,
    RoleInvitationOut,
    SuggestionFilters,
    SuggestionList,
)
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.reroute import selectors as reroute
from heardback.reroute import services
from heardback.reroute.models import RoleInvitation

router = Router(tags=["re-routing"])


@router.get(
    "/applications/{application_id}/suggestions",
    response=answers(200, SuggestionList),
    **needs(READ),
)
def suggestion_list(
    request: HttpRequest, application_id: Id, filters: Query[SuggestionFilters]
) -> dict[str, Any]:
    """The organization's open roles that fit this application's candidate, best first, each
    with its explanation in the candidate's language. Empty unless the candidate was rejected
    or withdrew; jobs they already applied for are never suggested."""
    application = selectors.application_get_for_organization(
        organization=organization_of(request), pk=application_id
    )
    if application.status not in reroute.NOT_HIRED:
        return {"items": []}
    found = reroute.suggestions_for([application], limit=filters.limit)[application.pk]
    return {
        "items": [
            {
                "job_id": s.job.pk,
                "job_title": s.job.title,
                "family": s.job.family,
                "level": s.job.level,
                "score": s.fit.score,
                "strong": list(s.fit.strong),
                "below": list(s.fit.below),
                "unassessed": list(s.fit.unassessed),
                "same_family": s.fit.same_family,
                "explanation": s.explanation,
                "invitation": s.invitation.status if s.invitation else None,
            }
            for s in found
        ]
    }


def _invitation_out(invitation: RoleInvitation) -> dict[str, Any]:
    return {
        "id": invitation.pk,
        "application_id": invitation.source_id,
        "job_id": invitation.job_id,
        "status": invitation.status,
        "explanation": invitation.explanation,
        "created_at": invitation.created_at,
    }


@router.post(
    "/applications/{application_id}/suggestions/{job_id}/invite",
    response=answers(201, RoleInvitationOut),
    **needs(WRITE_HIRING),
)
def suggestion_invite(
    request: HttpRequest, application_id: Id, job_id: Id
) -> Status[dict[str, Any]]:
    """Invite the candidate to apply for another open job of the organization: on their page
    and by email (the web's one-click "Invite"). Audited as the key's person, who must be a
    recruiter, hiring manager or admin."""
    organization = organization_of(request)
    application = selectors.application_get_for_organization(
        organization=organization, pk=application_id
    )
    job = selectors.job_get_for_organization(organization=organization, pk=job_id)
    invitation = services.role_invite(actor=person_of(request), application=application, job=job)
    return Status(201, _invitation_out(invitation))


@router.post(
    "/applications/{application_id}/suggestions/{job_id}/move",
    response=answers(201, MovedOut),
    **needs(WRITE_HIRING),
)
def suggestion_move(request: HttpRequest, application_id: Id, job_id: Id) -> Status[dict[str, Any]]:
    """Apply the candidate to another open job (a new application in its pipeline): only with
    their live "other roles here" consent, else 400 `refused`."""
    organization = organization_of(request)
    application = selectors.application_get_for_organization(
        organization=organization, pk=application_id
    )
    job = selectors.job_get_for_organization(organization=organization, pk=job_id)
    moved = services.role_move(actor=person_of(request), application=application, job=job)
    return Status(
        201,
        {"application_id": moved.pk, "job_id": job.pk, "source_application_id": application.pk},
    )
