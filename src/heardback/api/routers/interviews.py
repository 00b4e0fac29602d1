from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.hiring import InterviewFilters, InterviewIn, InterviewOut, InterviewPage
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.hiring import services as hiring
from heardback.hiring.models import Interview

router = Router(tags=["interviews"])


@router.get("/interviews", response=answers(200, InterviewPage), **needs(READ))
def interview_list(request: HttpRequest, filters: Query[InterviewFilters]) -> dict[str, Any]:
    """The organization's interviews, oldest first, optionally of one application."""
    interviews = selectors.interviews_for_organization(
        organization=organization_of(request), application=filters.application
    )
    return paginate(request, interviews, filters)


@router.get("/interviews/{interview_id}", response=answers(200, InterviewOut), **needs(READ))
def interview_get(request: HttpRequest, interview_id: Id) -> Interview:
    """One interview, with the ids of the members on its panel."""
    return selectors.interview_get_for_organization(
        organization=organization_of(request), pk=interview_id
    )


@router.post("/interviews", response=answers(201, InterviewOut), **needs(WRITE_HIRING))
def interview_create(request: HttpRequest, payload: InterviewIn) -> Status[Interview]:
    """Add an interview to an application, with its panel of members."""
    organization = organization_of(request)
    interview = hiring.interview_create(
        actor=actor_of(request),
        application=selectors.application_get_for_organization(
            organization=organization, pk=payload.application_id
        ),
        name=payload.name,
        kind=payload.kind,
        scheduled_at=payload.scheduled_at,
        interviewers=[
            selectors.member_get_for_organization(organization=organization, pk=pk)
            for pk in dict.fromkeys(payload.interviewer_ids)
        ],
    )
    return Status(
        201, selectors.interview_get_for_organization(organization=organization, pk=interview.pk)
    )
