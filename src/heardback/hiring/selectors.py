"""Org-scoped reads: the only way a view obtains a hiring object it must check."""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404

from heardback.accounts.models import Organization, User
from heardback.accounts.selectors import organization_current, user_role
from heardback.hiring.models import (
    Application,
    Candidate,
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
    return _get_for_user(Job.objects.select_related("organization"), user=user, pk=pk)


def candidate_get_for_user(*, user: User, pk: object) -> Candidate:
    """A candidate of one of the user's organizations, or 404."""
    return _get_for_user(Candidate.objects.all(), user=user, pk=pk)


DECIDER_ROLES = ("admin", "recruiter", "hiring_manager")


def organization_for_decider(*, user: User, session_slug: str | None) -> Organization:
    """The user's current organization, where they must be an admin, recruiter or manager."""
    organization = organization_current(user=user, session_slug=session_slug)
    if user_role(user=user, organization=organization) not in DECIDER_ROLES:
        raise PermissionDenied
    return organization


def applications_visible_to(user: User) -> QuerySet[Application]:
    """Deciders see their organizations' applications; interviewers only those they interview."""
    deciders = Q(
        organization__memberships__user=user,
        organization__memberships__role__in=DECIDER_ROLES,
    )
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
    role = (
        application.organization.memberships.filter(user=user)
        .values_list("role", flat=True)
        .first()
    )
    own = [s for s in scorecards if s.interviewer_id == user.pk]
    if role in DECIDER_ROLES or any(s.submitted_at for s in own):
        return [s for s in scorecards if s.submitted_at or s.interviewer_id == user.pk]
    return own


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


def job_pipeline(
    *, job: Job, user: User, status: str = "active", query: str = ""
) -> list[tuple[PipelineStage, list[Application]]]:
    """The job's stages, each with the applications in it that the user may see (one query each)."""
    applications = (
        applications_visible_to(user)
        .filter(job=job)
        .select_related("candidate", "stage", "rejection_reason")
        .order_by("-last_activity_at", "id")
    )
    if status:
        applications = applications.filter(status=status)
    if query:
        applications = applications.filter(
            Q(candidate__first_name__icontains=query)
            | Q(candidate__last_name__icontains=query)
            | Q(candidate__email__icontains=query)
        )
    by_stage: dict[int | None, list[Application]] = {}
    for application in applications[:2000]:
        by_stage.setdefault(application.stage_id, []).append(application)
    return [(stage, by_stage.get(stage.pk, [])) for stage in job.stages.all()]


def rejection_reasons_for(*, organization: Organization) -> QuerySet[RejectionReason]:
    """The organization's rejection reasons, by category then name."""
    return RejectionReason.objects.filter(organization=organization).order_by("category", "name")
