"""Org-scoped reads: the only way a view obtains a hiring object it must check."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Count, F, Min, Model, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability, can, member_who_can
from heardback.accounts.selectors import user_can, user_role
from heardback.closure import calendar
from heardback.hiring.models import (
    Application,
    Candidate,
    Competency,
    Interview,
    Job,
    PipelineStage,
    RejectionReason,
    Scorecard,
)

M = TypeVar("M", bound=Model)


def _get_for_user(queryset: QuerySet[M], *, user: User, pk: object) -> M:
    # One choke point: an object is visible only through a membership of its organization.
    # Anything else (another organization's id, a malformed id) is a 404, never a 403.
    try:
        return queryset.filter(organization__memberships__user=user).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def job_get_for_user(*, user: User, pk: object) -> Job:
    """A job of one of the user's organizations, or 404."""
    return _get_for_user(Job.objects.select_related("organization", "recruiter"), user=user, pk=pk)


def candidate_get_for_user(*, user: User, pk: object) -> Candidate:
    """A candidate of one of the user's organizations, or 404."""
    return _get_for_user(Candidate.objects.all(), user=user, pk=pk)


def applications_visible_to(user: User) -> QuerySet[Application]:
    """Deciders see their organizations' applications; interviewers only those they interview."""
    deciders = member_who_can(user, Capability.VIEW_CANDIDATES)
    panel = Q(
        organization__memberships__user=user,
        interviews__interviewers=user,
    )
    return Application.objects.filter(
        pk__in=Application.objects.filter(deciders | panel).values("pk")
    )


def _get_visible(queryset: QuerySet[M], *, user: User, pk: object, path: str) -> M:
    visible = applications_visible_to(user).values("pk")
    try:
        return queryset.filter(**{f"{path}__in": visible}).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def application_get_for_user(*, user: User, pk: object) -> Application:
    """An application the user may see (decider, or on its interview panel), or 404."""
    queryset = Application.objects.select_related(
        "candidate", "job", "stage", "rejection_reason", "organization"
    )
    return _get_visible(queryset, user=user, pk=pk, path="pk")


def interview_get_for_user(*, user: User, pk: object) -> Interview:
    """An interview of an application the user may see, or 404."""
    return _get_visible(
        Interview.objects.select_related("application"), user=user, pk=pk, path="application"
    )


def scorecard_get_for_user(*, user: User, pk: object) -> Scorecard:
    """A scorecard the user may read: their own, or others' once theirs is in (blind until then)."""
    scorecard = _get_visible(
        Scorecard.objects.select_related("interview", "application", "interviewer"),
        user=user,
        pk=pk,
        path="application",
    )
    if scorecard not in scorecards_visible(user=user, application=scorecard.application):
        raise Http404
    return scorecard


def scorecards_visible(*, user: User, application: Application) -> list[Scorecard]:
    """The application's scorecards this user may read.

    Interviewers are blind: they see others' scorecards only after submitting their own, so
    their judgement is not anchored by their colleagues'. Deciders see every submitted one.
    """
    scorecards = list(
        Scorecard.objects.filter(application=application)
        .select_related("interviewer", "interview")
        .prefetch_related("ratings__competency")
        .order_by("interview__scheduled_at", "id")
    )
    sees_all = user_can(
        user=user, organization=application.organization, capability=Capability.VIEW_CANDIDATES
    )
    own = [s for s in scorecards if s.interviewer_id == user.pk]
    if sees_all or any(s.submitted_at for s in own):
        return [s for s in scorecards if s.submitted_at or s.interviewer_id == user.pk]
    return own


# How many submitted scorecards "My scorecards" lists below the pending ones.
SUBMITTED_HISTORY = 50


def scorecards_for_interviewer(*, user: User) -> tuple[list[Scorecard], list[Scorecard]]:
    """The user's scorecards: pending ones, oldest interview first, each with `.due_at` and
    `.is_overdue`; then their latest submitted ones, newest first."""
    pending = list(scorecards_to_fill(user=user).select_related("organization"))
    now = timezone.now()
    for scorecard in pending:
        scorecard.due_at = _scorecard_due(scorecard)  # type: ignore[attr-defined]
        scorecard.is_overdue = scorecard.due_at is not None and scorecard.due_at < now  # type: ignore[attr-defined]
    submitted = list(
        Scorecard.objects.filter(interviewer=user, submitted_at__isnull=False)
        .filter(organization__memberships__user=user)
        .select_related("interview", "application__candidate", "application__job")
        .order_by("-submitted_at", "-id")[:SUBMITTED_HISTORY]
    )
    return pending, submitted


def _scorecard_due(scorecard: Scorecard) -> dt.datetime | None:
    """When the scorecard is due: the organization's deadline in business hours after the
    interview, as the closure clock counts it (holidays aside); None before it is scheduled."""
    scheduled_at = scorecard.interview.scheduled_at
    if scheduled_at is None:
        return None
    organization = scorecard.organization
    return calendar.add_business_hours(
        scheduled_at, organization.scorecard_deadline_hours, calendar.zone(organization.time_zone)
    )


def scorecards_to_fill(*, user: User) -> QuerySet[Scorecard]:
    """The user's own scorecards still in draft, oldest interview first."""
    return (
        Scorecard.objects.filter(interviewer=user, submitted_at__isnull=True)
        .filter(organization__memberships__user=user)
        .select_related("interview", "application__candidate", "application__job")
        .order_by("interview__scheduled_at", "id")
    )


def rejection_reason_get_for_user(*, user: User, pk: object) -> RejectionReason:
    """A rejection reason of one of the user's organizations, or 404."""
    return _get_for_user(RejectionReason.objects.all(), user=user, pk=pk)


def job_list_with_stage_counts(*, organization: Organization) -> list[Job]:
    """The organization's jobs, each with `.stage_counts` [(stage, count)] and `.application_count`.

    Two queries whatever the number of jobs: jobs with their stages, then one grouped count.
    """
    jobs: list[Job] = list(
        Job.objects.filter(organization=organization)
        .annotate(
            application_count=Count("applications", distinct=True),
            rejected_count=Count(
                "applications", filter=Q(applications__status="rejected"), distinct=True
            ),
        )
        .order_by("-status", "title", "id")  # open, on hold, draft, closed
    )
    stages = PipelineStage.objects.filter(organization=organization).annotate(
        active_count=Count("applications", filter=Q(applications__status="active"))
    )
    by_job: dict[int, list[PipelineStage]] = {}
    for stage in stages.order_by("job_id", "position"):
        by_job.setdefault(stage.job_id, []).append(stage)
    for job in jobs:
        job.stage_counts = [(stage, stage.active_count) for stage in by_job.get(job.pk, [])]  # type: ignore[attr-defined]
    return jobs


# A board column shows this many cards, the most recently active; search and filters find the
# others. Rendering every card of a 1,500-candidate job made the page cost half a second.
PIPELINE_CARDS_PER_STAGE = 25


@dataclasses.dataclass(slots=True)
class PipelineCard:
    """What a card of the pipeline shows (plain values: a model instance per card, its
    candidate's and its reason's cost more than the board's SQL)."""

    pk: int
    stage_id: int | None
    status: str
    candidate_name: str
    reason_category: str | None
    days_in_stage: int
    next_interview_at: dt.datetime | None = None
    scorecards_owed: int = 0
    card_html: str = ""  # hiring.views._render_cards


def job_pipeline(
    *,
    job: Job,
    user: User,
    status: str = "active",
    query: str = "",
    per_stage: int = PIPELINE_CARDS_PER_STAGE,
    sees_all: bool | None = None,
) -> list[tuple[PipelineStage, list[PipelineCard]]]:
    """The job's stages, each with `.application_count` and a card for each of its newest
    `per_stage` applications (days in stage, next interview, scorecards still owed).

    Only applications the user may see; six queries whatever the number of candidates.
    `sees_all`: whether the user's role reads every candidate, when the caller knows it.
    """
    # A decider sees every application of the job: skip the panel subquery, which joins
    # every interview of the organization and costs more than the whole board.
    if sees_all is None:
        sees_all = user_can(
            user=user, organization=job.organization, capability=Capability.VIEW_CANDIDATES
        )
    if sees_all:
        applications = Application.objects.filter(job=job)
    else:
        applications = applications_visible_to(user).filter(job=job)
    if status:
        applications = applications.filter(status=status)
    if query:
        applications = applications.filter(
            Q(candidate__first_name__icontains=query)
            | Q(candidate__last_name__icontains=query)
            | Q(candidate__email__icontains=query)
        )
    grouped = applications.order_by().values("stage_id").annotate(n=Count("id"))
    counts = {row["stage_id"]: row["n"] for row in grouped}
    newest = (
        applications.annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("stage_id")],
                order_by=[F("last_activity_at").desc(), F("id").asc()],
            )
        )
        .filter(row__lte=per_stage)
        .order_by("-last_activity_at", "id")
        .values_list(
            "id", "stage_id", "status", "last_activity_at", "stage_entered_at",
            "candidate__first_name", "candidate__last_name", "rejection_reason__category",
        )
    )  # fmt: skip
    now = timezone.now()
    shown = [
        PipelineCard(
            pk=pk,
            stage_id=stage_id,
            status=state,
            candidate_name=f"{first} {last}".strip(),  # Candidate.full_name
            reason_category=category,
            days_in_stage=max(0, (now - (entered or active)).days),
        )
        for pk, stage_id, state, active, entered, first, last, category in newest
    ]
    _add_card_facts(shown, now)
    by_stage: dict[int | None, list[PipelineCard]] = {}
    for card in shown:
        by_stage.setdefault(card.stage_id, []).append(card)
    stages = list(job.stages.all())
    for stage in stages:
        stage.application_count = counts.get(stage.pk, 0)  # type: ignore[attr-defined]
    return [(stage, by_stage.get(stage.pk, [])) for stage in stages]


def _add_card_facts(cards: Sequence[PipelineCard], now: dt.datetime) -> None:
    """What a pipeline card says besides the name and the days in its stage: the next
    interview and how many scorecards of past interviews are still owed, in one grouped
    query over the cards' interviews and their scorecards."""
    ids = [card.pk for card in cards]
    facts = (
        Interview.objects.filter(application_id__in=ids)
        .order_by()
        .values("application_id")
        .annotate(
            first=Min("scheduled_at", filter=Q(scheduled_at__gt=now)),
            owed=Count(
                "scorecards",
                filter=Q(scheduled_at__lte=now, scorecards__submitted_at__isnull=True),
            ),
        )
        .values_list("application_id", "first", "owed")
    )
    by_application = {application_id: (first, owed) for application_id, first, owed in facts}
    for card in cards:
        card.next_interview_at, card.scorecards_owed = by_application.get(card.pk, (None, 0))


def rejection_reasons_for(*, organization: Organization) -> QuerySet[RejectionReason]:
    """The organization's rejection reasons, by category then name."""
    return RejectionReason.objects.filter(organization=organization).order_by("category", "name")


def rejection_reason_get_for_organization(
    *, organization: Organization, pk: int
) -> RejectionReason:
    """One of the organization's rejection reasons, or 404."""
    reason = rejection_reasons_for(organization=organization).filter(pk=pk).first()
    if reason is None:
        raise Http404
    return reason


def can_edit_rubric(*, user: User, job: Job) -> bool:
    """Admins and recruiters edit any rubric of their organization; a manager edits their job's."""
    role = user_role(user=user, organization=job.organization)
    return can(role, Capability.EDIT_RUBRICS) or (bool(role) and job.hiring_manager_id == user.pk)


def job_get_for_rubric_editor(*, user: User, pk: object) -> Job:
    """A job whose rubric the user may edit: 404 in another organization, 403 for other roles."""
    job = job_get_for_user(user=user, pk=pk)
    if not can_edit_rubric(user=user, job=job):
        raise PermissionDenied
    return job


def competency_get_for_rubric_editor(*, user: User, pk: object) -> Competency:
    """A competency of a job whose rubric the user may edit; 404 or 403 as for its job."""
    competency = _get_for_user(
        Competency.objects.select_related("job__organization"), user=user, pk=pk
    )
    if not can_edit_rubric(user=user, job=competency.job):
        raise PermissionDenied
    return competency


def rubric_for_job(*, job: Job) -> list[Competency]:
    """The job's competencies in order, each with `.rating_count`: how many ratings use it."""
    return list(job.competencies.annotate(rating_count=Count("ratings")).order_by("position", "id"))


def _require_decider_role(*, user: User, organization: Organization) -> None:
    if not user_can(user=user, organization=organization, capability=Capability.DECIDE_REJECTIONS):
        raise PermissionDenied


def job_get_for_decider(*, user: User, pk: object) -> Job:
    """A job the user may change: 404 in another organization, 403 for an interviewer."""
    job = job_get_for_user(user=user, pk=pk)
    _require_decider_role(user=user, organization=job.organization)
    return job


def application_get_for_decider(*, user: User, pk: object) -> Application:
    """An application the user may schedule for: 404 if unseen, 403 for an interviewer."""
    application = application_get_for_user(user=user, pk=pk)
    _require_decider_role(user=user, organization=application.organization)
    return application


def members_of(*, organization: Organization) -> QuerySet[User]:
    """The organization's people, by name: who may be a job's recruiter or on a panel."""
    return User.objects.filter(memberships__organization=organization).order_by(
        "full_name", "email"
    )


def candidate_find_by_email(*, organization: Organization, email: str) -> Candidate | None:
    """The organization's candidate with this email (the oldest, if several), or None."""
    if not email:
        return None
    return (
        Candidate.objects.filter(organization=organization, email__iexact=email)
        .order_by("id")
        .first()
    )
