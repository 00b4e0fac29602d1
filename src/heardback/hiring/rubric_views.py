"""The rubric editor: a job's competencies, one small form each, and the competency library."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heardback.accounts.web import AuthenticatedHttpRequest
from heardback.feedback.engine import guard
from heardback.hiring import library, rubric_services, selectors
from heardback.hiring.models import AttributeRating, Competency, Job
from heardback.hiring.rubric_forms import CompetencyForm


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _add_errors(form: CompetencyForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, reasons in error.message_dict.items():
        form.add_error(field if field in form.fields else None, reasons)


def _rubric_page(
    request: HttpRequest,
    job: Job,
    *,
    bound: CompetencyForm | None = None,
    bound_pk: int | None = None,
    status: int = 200,
) -> HttpResponse:
    competencies = selectors.rubric_for_job(job=job)
    rows = [
        (c, bound if bound_pk == c.pk and bound else CompetencyForm.for_competency(c))
        for c in competencies
    ]
    new_form = (
        bound if bound_pk is None and bound else CompetencyForm(prefix="new", language=job.language)
    )
    opened = request.GET.get("open", "")
    return render(
        request,
        "hiring/rubric_edit.html",
        {
            "job": job,
            "organization": job.organization,
            "rows": rows,
            "new_form": new_form,
            "open_pk": int(opened) if opened.isascii() and opened.isdigit() else None,
        },
        status=status,
    )


def _card(
    request: HttpRequest, competency: Competency, form: CompetencyForm, saved: bool
) -> HttpResponse:
    competency.rating_count = competency.ratings.count()  # type: ignore[attr-defined]
    return render(
        request,
        "hiring/_rubric_competency.html",
        {"competency": competency, "form": form, "saved": saved},
    )


@require_GET
@login_required
def rubric_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_rubric_editor(user=request.user, pk=pk)
    return _rubric_page(request, job)


@require_POST
@login_required
def competency_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_rubric_editor(user=request.user, pk=pk)
    form = CompetencyForm(request.POST, prefix="new", language=job.language)
    if form.is_valid():
        try:
            competency = rubric_services.competency_save(
                actor=request.user, job=job, values=form.values()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Added %(name)s to the rubric.") % {"name": competency})
            return redirect(
                reverse("hiring:rubric-edit", args=[job.pk])
                + f"?open={competency.pk}#competency-{competency.pk}"
            )
    return _rubric_page(request, job, bound=form, status=400)


@require_POST
@login_required
def competency_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    competency = selectors.competency_get_for_rubric_editor(user=request.user, pk=pk)
    form = CompetencyForm.for_competency(competency, request.POST)
    saved = False
    if form.is_valid():
        try:
            competency = rubric_services.competency_save(
                actor=request.user,
                job=competency.job,
                values=form.values(),
                competency=competency,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            saved = True
    if _is_htmx(request):
        # htmx swaps only 2xx answers: errors come back as the card, marked invalid in place.
        if saved:
            form = CompetencyForm.for_competency(competency)
        return _card(request, competency, form, saved)
    if saved:
        messages.success(request, _("Saved %(name)s.") % {"name": competency})
        return redirect(
            reverse("hiring:rubric-edit", args=[competency.job_id])
            + f"?open={competency.pk}#competency-{competency.pk}"
        )
    return _rubric_page(request, competency.job, bound=form, bound_pk=competency.pk, status=400)


@require_POST
@login_required
def competency_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    competency = selectors.competency_get_for_rubric_editor(user=request.user, pk=pk)
    try:
        rubric_services.competency_delete(actor=request.user, competency=competency)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed %(name)s from the rubric.") % {"name": competency})
    return redirect("hiring:rubric-edit", pk=competency.job_id)


@require_POST
@login_required
def competency_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    competency = selectors.competency_get_for_rubric_editor(user=request.user, pk=pk)
    rubric_services.rubric_move(
        actor=request.user,
        competency=competency,
        direction=request.POST.get("direction", ""),
    )
    return redirect(
        reverse("hiring:rubric-edit", args=[competency.job_id]) + f"#competency-{competency.pk}"
    )


@require_POST
@login_required
def rubric_order(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The order a recruiter dragged the competencies into (ids, comma-separated)."""
    job = selectors.job_get_for_rubric_editor(user=request.user, pk=pk)
    raw = request.POST.get("order", "").split(",")
    if not all(i.isascii() and i.isdigit() and len(i) < 19 for i in raw):
        return HttpResponse(status=400)
    try:
        rubric_services.rubric_reorder(actor=request.user, job=job, order=[int(i) for i in raw])
    except ValidationError as error:
        if _is_htmx(request):
            return HttpResponse(" ".join(error.messages), status=409)
        messages.error(request, " ".join(error.messages))
    if _is_htmx(request):
        return HttpResponse(status=204)
    return redirect("hiring:rubric-edit", pk=job.pk)


@require_GET
@login_required
def competency_library(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_rubric_editor(user=request.user, pk=pk)
    query = request.GET.get("q", "").strip()[:100]
    taken = {name.lower() for name in job.competencies.values_list("name", flat=True)}
    labels = dict(AttributeRating.choices)
    entries = [
        {
            "key": entry["key"],
            "name": entry["name"],
            "language": entry["language"],
            "description": entry["description"],
            "weight": entry["weight"],
            "bar": labels[entry["bar"]],
            "levels": [
                (labels[level], text) for level, text in library.rubric_descriptors(entry).items()
            ],
            "tips": library.rubric_tips(entry),
            "in_job": entry["name"].lower() in taken,
        }
        for entry in library.library_search(library.COMPETENCY_LIBRARY, query)
    ]
    return render(
        request,
        "hiring/rubric_library.html",
        {
            "job": job,
            "organization": job.organization,
            "query": query,
            "found": len(entries),
            "same_language": [e for e in entries if e["language"] == job.language],
            "other_languages": [e for e in entries if e["language"] != job.language],
        },
    )


@require_POST
@login_required
def competency_library_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_rubric_editor(user=request.user, pk=pk)
    try:
        competency = rubric_services.competency_add_from_library(
            actor=request.user, job=job, key=request.POST.get("key", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("hiring:competency-library", pk=job.pk)
    messages.success(
        request,
        _("Added %(name)s to the rubric: tune its bar and weight for this job.")
        % {"name": competency},
    )
    return redirect(
        reverse("hiring:rubric-edit", args=[job.pk])
        + f"?open={competency.pk}#competency-{competency.pk}"
    )


@require_POST
@login_required
def rubric_guard_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Live guard findings for one candidate-facing rubric text (htmx partial)."""
    text = str(request.POST.get(str(request.POST.get("field", "")), ""))[: rubric_services.MAX_TEXT]
    language = str(request.POST.get("lang") or getattr(request, "LANGUAGE_CODE", "en"))
    findings = guard.check(text, lang=language, context="candidate")
    return render(
        request,
        "feedback/_guard_findings.html",
        {"findings": [(f, text[f.start : f.end]) for f in findings]},
    )
