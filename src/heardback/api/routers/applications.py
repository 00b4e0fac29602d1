from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of, person_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.hiring import (
    AdvanceIn,
    ApplicationFilters,
    ApplicationIn,
    ApplicationOut,
    ApplicationPage,
    RejectIn,
)
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.hiring import services as hiring
from heardback.hiring.forms import AdvanceForm
from heardback.hiring.models import Application

router = Router(tags=["applications"])


@router.get("/applications", response=answers(200, ApplicationPage), **needs(READ))
def application_list(request: HttpRequest, filters: Query[ApplicationFilters]) -> dict[str, Any]:
    """The organization's applications, oldest first, filtered by job, candidate, stage,
    status or decision."""
    applications = selectors.applications_for_organization(
        organization=organization_of(request),
        job=filters.job,
        candidate=filters.candidate,
        stage=filters.stage,
        status=filters.status or "",
        decision=filters.decision or "",
    )
    return paginate(request, applications, filters)


@router.get("/applications/{application_id}", response=answers(200, ApplicationOut), **needs(READ))
def application_get(request: HttpRequest, application_id: Id) -> Application:
    """One application, with its candidate, stage, decision and current feedback note."""
    return selectors.application_get_for_organization(
        organization=organization_of(request), pk=application_id
    )


@router.post("/applications", response=answers(201, ApplicationOut), **needs(WRITE_HIRING))
def application_create(request: HttpRequest, payload: ApplicationIn) -> Status[Application]:
    """Apply a candidate to a job (in the job's first stage unless `stage_id` says otherwise)."""
    organization = organization_of(request)
    application = hiring.application_create(
        actor=actor_of(request),
        candidate=selectors.candidate_get_for_organization(
            organization=organization, pk=payload.candidate_id
        ),
        job=selectors.job_get_for_organization(organization=organization, pk=payload.job_id),
        stage=(
            selectors.stage_get_for_organization(organization=organization, pk=payload.stage_id)
            if payload.stage_id
            else None
        ),
        source=payload.source,
        applied_at=payload.applied_at,
    )
    return Status(
        201,
        selectors.application_get_for_organization(organization=organization, pk=application.pk),
    )


@router.post(
    "/applications/{application_id}/reject",
    response=answers(200, ApplicationOut),
    **needs(WRITE_HIRING),
)
def application_reject(request: HttpRequest, application_id: Id, payload: RejectIn) -> Application:
    """Reject an active application with a structured reason; a feedback note is then owed.

    Recorded as a decision of the person the key acts for, who must be a recruiter, hiring
    manager or admin."""
    organization = organization_of(request)
    application = selectors.application_get_for_organization(
        organization=organization, pk=application_id
    )
    hiring.application_reject(
        actor=person_of(request),
        application=application,
        reason=selectors.rejection_reason_get_for_organization(
            organization=organization, pk=payload.reason_id
        ),
    )
    return selectors.application_get_for_organization(organization=organization, pk=application_id)


@router.post(
    "/applications/{application_id}/advance",
    response=answers(200, ApplicationOut),
    **needs(WRITE_HIRING),
)
def application_advance(
    request: HttpRequest, application_id: Id, payload: AdvanceIn
) -> Application:
    """Move an active application to a later stage of its job."""
    organization = organization_of(request)
    application = selectors.application_get_for_organization(
        organization=organization, pk=application_id
    )
    stage = selectors.stage_get_for_organization(organization=organization, pk=payload.stage_id)
    # The web form holds the rule on which stages count as later: the API asks it too.
    form = AdvanceForm({"stage": stage.pk}, application=application)
    if not form.is_valid():
        raise ValidationError({"stage_id": _("Choose a later stage of this application's job.")})
    hiring.application_advance(actor=person_of(request), application=application, stage=stage)
    return selectors.application_get_for_organization(organization=organization, pk=application_id)
