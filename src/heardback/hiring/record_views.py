"""Jobs, candidates and interviews created in the web app, for a team without an ATS."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from heardback.accounts.web import AuthenticatedHttpRequest, decider_organization
from heardback.hiring import selectors, services
from heardback.hiring.forms import CandidateForm, CandidateLinesForm, InterviewForm, JobForm
from heardback.hiring.models import Application, Job


def _add_errors(form: Form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, reasons in error.message_dict.items():
        form.add_error(field if field in form.fields else None, reasons)


@require_http_methods(["GET", "POST"])
@login_required
def job_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    members = selectors.members_of(organization=organization)
    initial = {"language": organization.default_language, "status": Job.Status.OPEN}
    if request.method == "POST":
        form = JobForm(request.POST, organization=organization, members=members, with_stages=True)
        if form.is_valid():
            data = form.cleaned_data
            try:
                job = services.job_create(
                    actor=request.user, organization=organization, title=data["title"],
                    department=data["department"], location=data["location"],
                    status=data["status"], language=data["language"],
                    recruiter=data["recruiter"], hiring_manager=data["hiring_manager"],
                    family=data["family"], level=data["level"],
                    description=data["description"], stages=form.stages(),
                )  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Job created. Now say what its interviews assess."))
                if selectors.can_edit_rubric(user=request.user, job=job):
                    return redirect("hiring:rubric-edit", pk=job.pk)
                return redirect("hiring:job-detail", pk=job.pk)
    else:
        form = JobForm(
            initial=initial, organization=organization, members=members, with_stages=True
        )
    return render(
        request,
        "hiring/job_form.html",
        {"form": form, "organization": organization, "job": None},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def job_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_decider(user=request.user, pk=pk)
    members = selectors.members_of(organization=job.organization)
    form = JobForm.for_job(job, members, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.job_update(
                actor=request.user, job=job, title=data["title"],
                department=data["department"], location=data["location"],
                status=data["status"], language=data["language"],
                recruiter=data["recruiter"], hiring_manager=data["hiring_manager"],
                family=data["family"], level=data["level"], description=data["description"],
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Job saved."))
            return redirect("hiring:job-detail", pk=job.pk)
    return render(
        request,
        "hiring/job_form.html",
        {"form": form, "organization": job.organization, "job": job},
        status=400 if form.errors else 200,
    )


def _candidates_page(
    request: HttpRequest,
    job: Job,
    *,
    one: CandidateForm | None = None,
    many: CandidateLinesForm | None = None,
) -> HttpResponse:
    one = one or CandidateForm(prefix="one", initial={"language": job.language})
    many = many or CandidateLinesForm(prefix="many")
    return render(
        request,
        "hiring/candidate_add.html",
        {"job": job, "organization": job.organization, "one": one, "many": many},
        status=400 if one.errors or many.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def candidate_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add one candidate to the job, typed by hand."""
    job = selectors.job_get_for_decider(user=request.user, pk=pk)
    if request.method == "GET":
        return _candidates_page(request, job)
    form = CandidateForm(request.POST, prefix="one")
    if not form.is_valid():
        return _candidates_page(request, job, one=form)
    try:
        (application,) = services.candidates_apply(actor=request.user, job=job, rows=[form.row()])
    except ValidationError as error:
        form.add_error(None, error.messages)
        return _candidates_page(request, job, one=form)
    messages.success(
        request,
        _("%(name)s added to %(job)s.")
        % {"name": application.candidate.full_name, "job": job.title},
    )
    return redirect("hiring:application-detail", pk=application.pk)


@require_POST
@login_required
def candidate_paste(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add the candidates pasted as lines of CSV: every line, or none."""
    job = selectors.job_get_for_decider(user=request.user, pk=pk)
    form = CandidateLinesForm(request.POST, prefix="many")
    if not form.is_valid():
        return _candidates_page(request, job, many=form)
    try:
        applications = services.candidates_apply(
            actor=request.user, job=job, rows=form.cleaned_data["lines"]
        )
    except ValidationError as error:
        form.add_error("lines", error.messages)
        return _candidates_page(request, job, many=form)
    messages.success(
        request,
        ngettext(
            "%(n)s candidate added to %(job)s.", "%(n)s candidates added to %(job)s.",
            len(applications),
        ) % {"n": len(applications), "job": job.title},
    )  # fmt: skip
    return redirect("hiring:job-detail", pk=job.pk)


@require_http_methods(["GET", "POST"])
@login_required
def interview_schedule(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for_decider(user=request.user, pk=pk)
    organization = application.organization
    members = selectors.members_of(organization=organization)
    if request.method == "POST":
        form = InterviewForm(request.POST, organization=organization, members=members)
        if form.is_valid() and application.status == Application.Status.ACTIVE:
            try:
                services.interview_schedule(
                    actor=request.user, application=application, name=form.cleaned_data["name"],
                    kind=form.cleaned_data["kind"], scheduled_at=form.scheduled_at(),
                    interviewers=list(form.cleaned_data["interviewers"]),
                )  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request, _("Interview scheduled. The panel has scorecards to fill.")
                )
                return redirect("hiring:application-detail", pk=application.pk)
        elif form.is_valid():
            form.add_error(None, _("This application is closed: nothing more to schedule."))
    else:
        form = InterviewForm(organization=organization, members=members)
    return render(
        request,
        "hiring/interview_form.html",
        {"form": form, "application": application, "organization": organization},
        status=400 if form.errors else 200,
    )
