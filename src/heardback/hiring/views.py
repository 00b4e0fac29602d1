from __future__ import annotations

from html import escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from heardback.accounts.roles import Capability, can
from heardback.accounts.selectors import organization_current, user_can, user_role
from heardback.accounts.web import AuthenticatedHttpRequest
from heardback.hiring import panels, selectors, services
from heardback.hiring.forms import AdvanceForm, RejectForm
from heardback.hiring.models import (
    Application,
    AttributeRating,
    OverallRecommendation,
    PipelineStage,
    RejectionReason,
)
from heardback.hiring.templatetags.hiring_tags import pk_url_prefix


@require_GET
@login_required
def job_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = organization_current(user=request.user, session_slug=request.session.get("org"))
    jobs = selectors.job_list_with_stage_counts(organization=organization)
    return render(request, "hiring/job_list.html", {"organization": organization, "jobs": jobs})


@require_GET
@login_required
def job_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    status = request.GET.get("status", "active")
    if status not in ["", *Application.Status.values]:
        status = "active"
    query = request.GET.get("q", "").strip()[:100]
    role = user_role(user=request.user, organization=job.organization)
    pipeline = selectors.job_pipeline(
        job=job,
        user=request.user,
        status=status,
        query=query,
        sees_all=can(role, Capability.VIEW_CANDIDATES),
    )
    _render_cards(pipeline)
    return render(
        request,
        "hiring/job_detail.html",
        {
            "job": job,
            "organization": job.organization,
            "can_decide": can(role, Capability.DECIDE_REJECTIONS),
            "pipeline": pipeline,
            "status": status,
            "query": query,
            "statuses": Application.Status.choices,
        },
    )


def _render_cards(pipeline: list[tuple[PipelineStage, list[selectors.PipelineCard]]]) -> None:
    """Each card's HTML (`.card_html`), built here rather than in the template: the template
    engine's per-card nodes cost more than the board's queries. Words are translated once per
    distinct value (a {% blocktranslate %} per card cost a quarter of the board's time)."""
    status_labels = {value: str(label) for value, label in Application.Status.choices}
    category_labels = {value: str(label) for value, label in RejectionReason.Category.choices}
    detail = escape(pk_url_prefix("hiring:application-detail"))
    days: dict[int, str] = {}
    owed: dict[int, str] = {}
    for _stage, applications in pipeline:
        for a in applications:
            n = a.days_in_stage
            if n not in days:
                days[n] = ngettext("%(n)s day in this stage", "%(n)s days in this stage", n) % {
                    "n": n
                }
            n = a.scorecards_owed
            if n and n not in owed:
                owed[n] = ngettext("%(n)s scorecard owed", "%(n)s scorecards owed", n) % {"n": n}
            when = a.next_interview_at
            state = ""
            if a.status != Application.Status.ACTIVE:
                state = status_labels.get(a.status, "")
                if a.reason_category is not None:
                    state += " · " + category_labels.get(a.reason_category, "")
                state += " · "
            # html.escape is what django.utils.html.escape calls, without its lazy-string
            # wrapper (format_html cost a third of the cards' time).
            facts = ""
            if when:
                facts += '\n        <span class="muted small">{}</span>'.format(
                    escape(
                        _("Next interview: %(when)s")
                        % {"when": date_format(localtime(when), "DATETIME_FORMAT")}
                    )
                )
            if n:
                facts += f'\n        <span class="badge late small">{escape(owed[n])}</span>'
            a.card_html = mark_safe(  # noqa: S308 (escaped above)
                f'<li class="card small"><a href="{detail}{int(a.pk)}/">'
                f"{escape(a.candidate_name)}</a>\n"
                f'        <span class="muted">{escape(state)}'
                f"{escape(days[a.days_in_stage])}</span>{facts}</li>"
            )


@require_GET
@login_required
def application_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    return _application_page(request, application)


def _application_page(
    request: AuthenticatedHttpRequest,
    application: Application,
    reject_form: RejectForm | None = None,
    advance_form: AdvanceForm | None = None,
    status: int = 200,
) -> HttpResponse:
    role = user_role(user=request.user, organization=application.organization)
    scorecards = selectors.scorecards_visible(user=request.user, application=application)
    interviews = application.interviews.prefetch_related("interviewers").order_by(
        "scheduled_at", "id"
    )
    return render(
        request,
        "hiring/application_detail.html",
        {
            "application": application,
            "organization": application.organization,
            "interviews": interviews,
            "scorecards": scorecards,
            "can_decide": can(role, Capability.DECIDE_REJECTIONS),
            "reject_form": reject_form or RejectForm(application=application),
            "advance_form": advance_form or AdvanceForm(application=application),
            **panels.application_page_context(application),
        },
        status=status,
    )


@require_POST
@login_required
def application_reject(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    form = RejectForm(request.POST, application=application)
    if not form.is_valid():
        return _application_page(request, application, reject_form=form, status=400)
    try:
        services.application_reject(
            actor=request.user, application=application, reason=form.cleaned_data["reason"]
        )
    except PermissionDenied:
        raise
    except ValidationError as error:
        form.add_error(None, error)
        return _application_page(request, application, reject_form=form, status=400)
    messages.success(request, _("Rejected. A feedback note can now be drafted."))
    return redirect("hiring:application-detail", pk=application.pk)


@require_POST
@login_required
def application_advance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    form = AdvanceForm(request.POST, application=application)
    if not form.is_valid():
        return _application_page(request, application, advance_form=form, status=400)
    try:
        services.application_advance(
            actor=request.user, application=application, stage=form.cleaned_data["stage"]
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _application_page(request, application, advance_form=form, status=400)
    messages.success(request, _("Moved to %(stage)s.") % {"stage": form.cleaned_data["stage"]})
    return redirect("hiring:application-detail", pk=application.pk)


@require_GET
@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Where a person lands when heardback.urls.home has not placed them (it sends deciders
    to the review queue or the closure page first): interviewers on their scorecards, everyone
    else on the jobs."""
    organization = organization_current(user=request.user, session_slug=request.session.get("org"))
    # Someone who only fills scorecards (an interviewer) has no pipeline to look at.
    if not user_can(
        user=request.user, organization=organization, capability=Capability.VIEW_CANDIDATES
    ):
        return redirect("hiring:scorecard-list-mine")
    return redirect("hiring:job-list")


@require_GET
@login_required
def scorecard_list_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    pending, submitted = selectors.scorecards_for_interviewer(user=request.user)
    return render(
        request, "hiring/scorecard_list.html", {"pending": pending, "submitted": submitted}
    )


@require_http_methods(["GET", "POST"])
@login_required
def scorecard_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    scorecard = selectors.scorecard_get_for_user(user=request.user, pk=pk)
    if scorecard.interviewer_id != request.user.pk:
        raise PermissionDenied
    competencies = list(scorecard.application.job.competencies.all())
    shown: dict[int, object] = {r.competency_id: r for r in scorecard.ratings.all()}
    texts = {
        "overall": scorecard.overall_recommendation,
        "key_takeaways": scorecard.key_takeaways,
        "private_notes": scorecard.private_notes,
    }
    errors: dict[str, list[str]] = {}
    blocked: dict[int, list[dict[str, object]]] = {}
    if request.method == "POST":
        ratings = {
            c.pk: services.RatingInput(
                rating=request.POST.get(f"rating_{c.pk}", ""),
                evidence=request.POST.get(f"evidence_{c.pk}", ""),
                candidate_comment=request.POST.get(f"comment_{c.pk}", ""),
            )
            for c in competencies
        }
        texts = {
            "overall": request.POST.get("overall", OverallRecommendation.NO_DECISION),
            "key_takeaways": request.POST.get("key_takeaways", ""),
            "private_notes": request.POST.get("private_notes", ""),
        }
        try:
            services.scorecard_save(
                actor=request.user,
                scorecard=scorecard,
                overall=texts["overall"],
                ratings=ratings,
                key_takeaways=texts["key_takeaways"],
                private_notes=texts["private_notes"],
                submit="submit" in request.POST,
            )
        except ValidationError as error:
            errors, blocked = _scorecard_errors(error)
            shown = dict(ratings)  # what was typed, not what was last saved
        else:
            messages.success(
                request,
                _("Scorecard submitted.") if "submit" in request.POST else _("Draft saved."),
            )
            return redirect("hiring:scorecard-list-mine")
    rows = [(c, shown.get(c.pk), blocked.get(c.pk, [])) for c in competencies]
    return render(
        request,
        "hiring/scorecard_form.html",
        {
            "scorecard": scorecard,
            "rows": rows,
            "texts": texts,
            "levels": AttributeRating.choices,
            "overall_choices": OverallRecommendation.choices,
            "errors": errors,
            "blocked": blocked,
        },
        status=400 if errors or blocked else 200,
    )


def _scorecard_errors(
    error: ValidationError,
) -> tuple[dict[str, list[str]], dict[int, list[dict[str, object]]]]:
    """The service's refusals: messages by field, and the guard's blocks by competency."""
    if not hasattr(error, "error_dict"):
        return {"": error.messages}, {}
    errors: dict[str, list[str]] = {}
    blocked: dict[int, list[dict[str, object]]] = {}
    for field, field_errors in error.error_dict.items():
        for field_error in field_errors:
            if field_error.code == "guard_block" and field_error.params:
                params = dict(field_error.params)
                blocked.setdefault(int(params["competency_id"]), []).append(params)
            else:
                errors.setdefault(field, []).extend(field_error.messages)
    return errors, blocked
