"""Reads of the companion, always through the signed-in seeker: another seeker's id is a 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from heardback.accounts.models import User
from heardback.seeker import rules
from heardback.seeker.models import Document, Interview, JobApplication, Reminder, Seeker, Stage


def seeker_for_user(*, user: User) -> Seeker:
    """The signed-in person's companion profile; 404 for anyone without one."""
    seeker = Seeker.objects.filter(user=user).select_related("user").first()
    if seeker is None:
        raise Http404
    return seeker


def _pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        raise Http404 from None


def application_get_for_seeker(*, seeker: Seeker, pk: object) -> JobApplication:
    return get_object_or_404(
        JobApplication.objects.prefetch_related("interviews"), seeker=seeker, pk=_pk(pk)
    )


def document_get_for_seeker(*, seeker: Seeker, pk: object) -> Document:
    return get_object_or_404(
        Document.objects.select_related("application"), application__seeker=seeker, pk=_pk(pk)
    )


def documents_count(*, seeker: Seeker) -> int:
    return Document.objects.filter(application__seeker=seeker).count()


def interview_get_for_seeker(*, seeker: Seeker, pk: object) -> Interview:
    return get_object_or_404(
        Interview.objects.select_related("application"),
        application__seeker=seeker,
        pk=_pk(pk),
    )


def reminder_get_for_seeker(*, seeker: Seeker, pk: object) -> Reminder:
    return get_object_or_404(Reminder, seeker=seeker, pk=_pk(pk))


def applications_for_seeker(*, seeker: Seeker) -> QuerySet[JobApplication]:
    return JobApplication.objects.filter(seeker=seeker).prefetch_related(
        Prefetch("interviews", queryset=Interview.objects.order_by("starts_at", "id"))
    )


def board(*, seeker: Seeker) -> list[tuple[str, str, list[JobApplication]]]:
    """The seeker's applications by stage, in the order of a search: (stage, label, items)."""
    by_stage: dict[str, list[JobApplication]] = {stage: [] for stage in Stage.values}
    for application in applications_for_seeker(seeker=seeker).order_by("-applied_on", "-id"):
        by_stage[application.stage].append(application)
    return [(stage, str(label), by_stage[stage]) for stage, label in Stage.choices]


def reminders_open(*, seeker: Seeker) -> QuerySet[Reminder]:
    return (
        Reminder.objects.filter(seeker=seeker, state=Reminder.State.OPEN)
        .select_related("application", "interview")
        .order_by("due_at", "id")
    )


def rules_inputs(seeker: Seeker) -> list[rules.ApplicationIn]:
    """The seeker's applications as the rules read them."""
    return [
        rules.ApplicationIn(
            id=a.pk,
            stage=a.stage,
            applied_on=a.applied_on,
            last_contact_on=a.last_contact_on,
            next_step_due=a.next_step_due,
            rejected_on=a.stage_changed_on if a.stage == Stage.REJECTED else None,
            feedback_received=bool(a.employer_feedback),
            interviews=tuple(
                rules.InterviewIn(i.pk, i.starts_at, i.thank_you_sent_at is not None)
                for i in a.interviews.all()
            ),
        )
        for a in applications_for_seeker(seeker=seeker)
    ]


def thresholds(seeker: Seeker) -> rules.Thresholds:
    return rules.Thresholds(
        thank_you_hours=seeker.thank_you_hours,
        follow_up_days=seeker.follow_up_days,
        follow_ups_max=seeker.follow_ups_max,
        ghosted_days=seeker.ghosted_days,
        active_min=seeker.active_min,
    )


@dataclass(frozen=True)
class WeekSummary:
    start: dt.date
    end: dt.date
    applied: int
    interviews: int
    answers: int
    silences: int
    active: int


def week_summary(*, seeker: Seeker, today: dt.date) -> WeekSummary:
    """The last seven local days: applications sent, interviews, answers, new silences."""
    start = today - dt.timedelta(days=6)
    tz = ZoneInfo(seeker.time_zone)
    applications = list(applications_for_seeker(seeker=seeker))
    interviews = [
        i
        for a in applications
        for i in a.interviews.all()
        if start <= i.starts_at.astimezone(tz).date() <= today
    ]
    answers = [a for a in applications if a.last_contact_on and start <= a.last_contact_on <= today]
    silences = Reminder.objects.filter(
        seeker=seeker, kind=Reminder.Kind.GHOSTED, created_at__date__gte=start
    ).count()
    return WeekSummary(
        start=start,
        end=today,
        applied=sum(1 for a in applications if a.applied_on and start <= a.applied_on <= today),
        interviews=len(interviews),
        answers=len(answers),
        silences=silences,
        active=sum(1 for a in applications if a.stage in rules.ACTIVE_STAGES),
    )
