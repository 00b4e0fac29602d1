from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from heardback.accounts.models import Organization
from heardback.accounts.web import AuthenticatedHttpRequest
from heardback.core.paging import page_number
from heardback.integrations import selectors, services
from heardback.integrations.forms import ImportUploadForm
from heardback.integrations.models import ImportRun

RUNS_PAGE_SIZE = 50


def _importer_org(request: AuthenticatedHttpRequest) -> Organization:
    """The current organization, where the user must be an admin or a recruiter."""
    return selectors.organization_for_importer(
        user=request.user, session_slug=request.session.get("org")
    )


@require_http_methods(["GET", "POST"])
@login_required
def run_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The organization's imports, and the form that uploads a new one."""
    organization = _importer_org(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.import_run_start(
                organization=organization,
                user=request.user,
                source=form.cleaned_data["source"],
                files=form.cleaned_data["upload"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("integrations:run-detail", pk=run.pk)
    page = page_number(request)
    start = (page - 1) * RUNS_PAGE_SIZE
    runs = list(
        selectors.import_runs_for_organization(organization=organization)[
            start : start + RUNS_PAGE_SIZE + 1
        ]
    )
    return render(
        request,
        "integrations/run_list.html",
        {
            "organization": organization,
            "form": form,
            "runs": [(run, _totals(run)) for run in runs[:RUNS_PAGE_SIZE]],
            "page": page,
            "has_next": len(runs) > RUNS_PAGE_SIZE,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def run_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    run = selectors.import_run_get_for_user(user=request.user, run_id=pk)
    return render(request, "integrations/run_detail.html", _run_context(run))


@require_GET
@login_required
def run_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The run's status block; htmx polls it until the run ends."""
    run = selectors.import_run_get_for_user(user=request.user, run_id=pk)
    return render(request, "integrations/_run_status.html", _run_context(run))


def _run_context(run: ImportRun) -> dict[str, Any]:
    return {
        "run": run,
        "phase": selectors.import_run_phase_label(run),
        "summary_rows": selectors.import_run_summary_rows(run),
        "errors": [p for p in run.problems if p.get("severity") == "error"],
        "warnings": [p for p in run.problems if p.get("severity") != "error"],
    }


def _totals(run: ImportRun) -> dict[str, int]:
    totals = {"created": 0, "updated": 0, "unchanged": 0}
    for counts in run.summary.values():
        for key in totals:
            totals[key] += counts.get(key, 0)
    return totals
