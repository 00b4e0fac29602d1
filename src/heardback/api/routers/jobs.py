from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, member_or_none, organization_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.hiring import JobFilters, JobIn, JobOut, JobPage
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.hiring import services as hiring
from heardback.hiring.models import Job

router = Router(tags=["jobs"])


@router.get("/jobs", response=answers(200, JobPage), **needs(READ))
def job_list(request: HttpRequest, filters: Query[JobFilters]) -> dict[str, Any]:
    """The organization's jobs, oldest first, each with its stages and rubric."""
    jobs = selectors.jobs_for_organization(
        organization=organization_of(request), status=filters.status or ""
    )
    return paginate(request, jobs, filters)


@router.get("/jobs/{job_id}", response=answers(200, JobOut), **needs(READ))
def job_get(request: HttpRequest, job_id: Id) -> Job:
    """One job, with its stages and rubric."""
    return selectors.job_get_for_organization(organization=organization_of(request), pk=job_id)


@router.post("/jobs", response=answers(201, JobOut), **needs(WRITE_HIRING))
def job_create(request: HttpRequest, payload: JobIn) -> Status[Job]:
    """Create a job with its pipeline stages (in order) and its rubric of competencies."""
    organization = organization_of(request)
    job = hiring.job_create(
        actor=actor_of(request),
        organization=organization,
        title=payload.title,
        department=payload.department,
        location=payload.location,
        status=payload.status,
        language=payload.language or "",
        screening_criteria=payload.screening_criteria,
        family=payload.family,
        level=payload.level,
        description=payload.description,
        recruiter=member_or_none(organization, payload.recruiter_id),
        hiring_manager=member_or_none(organization, payload.hiring_manager_id),
        stages=[hiring.StageInput(name=s.name, kind=s.kind) for s in payload.stages],
        competencies=[
            hiring.CompetencyInput(**competency.dict()) for competency in payload.competencies
        ],
    )
    return Status(201, selectors.job_get_for_organization(organization=organization, pk=job.pk))
