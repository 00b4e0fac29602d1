from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of
from heardback.api.schemas.base import PageFilters, answers
from heardback.api.schemas.hiring import ReasonIn, ReasonOut, ReasonPage
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.hiring import reason_services
from heardback.hiring.models import RejectionReason

router = Router(tags=["rejection reasons"])


@router.get("/rejection-reasons", response=answers(200, ReasonPage), **needs(READ))
def rejection_reason_list(request: HttpRequest, filters: Query[PageFilters]) -> dict[str, Any]:
    """The reasons an application can be rejected with, and what a candidate reads about each."""
    reasons = selectors.rejection_reasons_for_organization(organization=organization_of(request))
    return paginate(request, reasons, filters)


@router.post("/rejection-reasons", response=answers(201, ReasonOut), **needs(WRITE_HIRING))
def rejection_reason_create(request: HttpRequest, payload: ReasonIn) -> Status[RejectionReason]:
    """Add a rejection reason. Its explanations are what candidates read: the safe-feedback
    guard refuses what it blocks (400, with the field). `sends_note: false` (duplicates, spam)
    means no note is drafted for applications rejected with it."""
    values = reason_services.ReasonValues(**{**payload.dict(), "stages": tuple(payload.stages)})
    reason = reason_services.rejection_reason_create(
        actor=actor_of(request), organization=organization_of(request), values=values
    )
    return Status(201, reason)
