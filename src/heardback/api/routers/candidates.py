from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.hiring import CandidateFilters, CandidateIn, CandidateOut, CandidatePage
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.hiring import services as hiring
from heardback.hiring.models import Candidate

router = Router(tags=["candidates"])


@router.get("/candidates", response=answers(200, CandidatePage), **needs(READ))
def candidate_list(request: HttpRequest, filters: Query[CandidateFilters]) -> dict[str, Any]:
    """The organization's candidates, oldest first; `email` finds one before creating it."""
    candidates = selectors.candidates_for_organization(
        organization=organization_of(request), email=filters.email or ""
    )
    return paginate(request, candidates, filters)


@router.get("/candidates/{candidate_id}", response=answers(200, CandidateOut), **needs(READ))
def candidate_get(request: HttpRequest, candidate_id: Id) -> Candidate:
    """One candidate."""
    return selectors.candidate_get_for_organization(
        organization=organization_of(request), pk=candidate_id
    )


@router.post("/candidates", response=answers(201, CandidateOut), **needs(WRITE_HIRING))
def candidate_create(request: HttpRequest, payload: CandidateIn) -> Status[Candidate]:
    """Create a candidate; their first name is how their feedback note greets them."""
    candidate = hiring.candidate_create(
        actor=actor_of(request),
        organization=organization_of(request),
        first_name=payload.first_name,
        last_name=payload.last_name,
        email=payload.email,
        language=payload.language or "",
        phone=payload.phone,
        resume_text=payload.resume_text,
    )
    return Status(201, candidate)
