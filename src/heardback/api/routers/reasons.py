from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import organization_of
from heardback.api.schemas.base import PageFilters, answers
from heardback.api.schemas.hiring import ReasonPage
from heardback.api.scopes import READ

router = Router(tags=["rejection reasons"])


@router.get("/rejection-reasons", response=answers(200, ReasonPage), **needs(READ))
def rejection_reason_list(request: HttpRequest, filters: Query[PageFilters]) -> dict[str, Any]:
    """The reasons an application can be rejected with, and what a candidate reads about each."""
    reasons = selectors.rejection_reasons_for_organization(organization=organization_of(request))
    return paginate(request, reasons, filters)
