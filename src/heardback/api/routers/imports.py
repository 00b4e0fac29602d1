from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of
from heardback.api.schemas.base import Id, ImportSource, PageFilters, answers
from heardback.api.schemas.imports import ImportOut, ImportPage
from heardback.api.scopes import IMPORTS
from heardback.integrations.models import ImportRun
from heardback.integrations.services import import_run_start

router = Router(tags=["imports"])


@router.post("/imports", response=answers(202, ImportOut), **needs(IMPORTS))
def import_create(
    request: HttpRequest,
    source: Form[ImportSource],
    files: File[list[UploadedFile]],
    dry_run: Form[bool] = False,
) -> Status[ImportRun]:
    """Upload an ATS dump (one .zip, or its files) and queue its import; poll GET /imports/{id}.

    All or nothing, as on the command line: any problem fails the run and saves nothing. With
    `dry_run`, the run checks and counts but saves nothing either way."""
    run = import_run_start(
        organization=organization_of(request),
        user=actor_of(request),
        source=source,
        files=files,
        dry_run=dry_run,
    )
    return Status(202, run)


@router.get("/imports", response=answers(200, ImportPage), **needs(IMPORTS))
def import_list(request: HttpRequest, filters: Query[PageFilters]) -> dict[str, Any]:
    """The organization's imports, oldest first (command-line runs included)."""
    runs = selectors.import_runs_for_organization(organization=organization_of(request))
    return paginate(request, runs, filters)


@router.get("/imports/{import_id}", response=answers(200, ImportOut), **needs(IMPORTS))
def import_get(request: HttpRequest, import_id: Id) -> ImportRun:
    """An import's status and progress; once finished, its summary or its problems."""
    return selectors.import_run_get_for_organization(
        organization=organization_of(request), pk=import_id
    )
