"""The clock's inputs, read in bulk: the policy and the facts of many applications."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from heardback.accounts.models import Organization
from heardback.closure import calendar, clock
from heardback.closure.models import ClosurePolicy
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Interview, Scorecard


def closure_policy_for(organization: Organization) -> ClosurePolicy:
    """The organization's closure policy; an unsaved one with the defaults if it has none yet."""
    policy = ClosurePolicy.objects.filter(organization=organization).first()
    return policy or ClosurePolicy(organization=organization)


def clock_policy(organization: Organization, policy: ClosurePolicy) -> clock.Policy:
    """The plain policy the clock computes with: the organization's deadlines and calendar."""
    return clock.Policy(
        time_zone=organization.time_zone,
        scorecard_hours=organization.scorecard_deadline_hours,
        decision_days=organization.decision_deadline_days,
        feedback_days=organization.feedback_deadline_days,
        escalate_after_days=policy.escalate_after_days,
        holidays=calendar.parse_holidays(policy.holidays),
    )


@dataclass(frozen=True)
class TrackedFacts:
    """One application's clock facts, with the people its reminders go to."""

    application_id: int
    facts: clock.Facts
    recruiter_id: int | None
    hiring_manager_id: int | None
    candidate_email: str


def clock_facts(*, applications: QuerySet[Application]) -> list[TrackedFacts]:
    """The clock facts of every application in the queryset: five queries, whatever their number."""
    scope = applications.values("pk")
    rows = list(
        applications.order_by("pk").values_list(
            "pk",
            "status",
            "decision",
            "decided_at",
            "last_activity_at",
            "job__recruiter_id",
            "job__hiring_manager_id",
            "candidate__email",
            "rejection_reason__sends_note",
        )
    )
    interviews: dict[int, list[tuple[int, dt.datetime | None]]] = {}
    for pk, application_id, scheduled_at in Interview.objects.filter(
        application__in=scope
    ).values_list("pk", "application_id", "scheduled_at"):
        interviews.setdefault(application_id, []).append((pk, scheduled_at))
    panels: dict[int, set[int]] = {}
    for interview_id, user_id in Interview.interviewers.through.objects.filter(
        interview__application__in=scope
    ).values_list("interview_id", "user_id"):
        panels.setdefault(interview_id, set()).add(user_id)
    submitted: dict[int, dict[int, dt.datetime]] = {}
    for interview_id, interviewer_id, submitted_at in Scorecard.objects.filter(
        application__in=scope
    ).values_list("interview_id", "interviewer_id", "submitted_at"):
        # A scorecard someone started counts them in, even off the recorded panel.
        panels.setdefault(interview_id, set()).add(interviewer_id)
        if submitted_at is not None:
            submitted.setdefault(interview_id, {})[interviewer_id] = submitted_at
    notes = {
        application_id: (status, sent_at, scheduled_for)
        for application_id, status, sent_at, scheduled_for in FeedbackNote.objects.filter(
            application__in=scope, is_current=True
        ).values_list("application_id", "status", "sent_at", "scheduled_for")
    }
    tracked = []
    for pk, status, decision, decided_at, activity, recruiter, manager, email, sends in rows:
        note_status, sent_at, scheduled_for = notes.get(pk, ("", None, None))
        facts = clock.Facts(
            status=status,
            decision=decision,
            decided_at=decided_at,
            last_activity_at=activity,
            interviews=tuple(
                clock.InterviewFacts(
                    scheduled_at=scheduled_at,
                    panel=frozenset(panels.get(interview_id, ())),
                    submitted=submitted.get(interview_id, {}),
                )
                for interview_id, scheduled_at in interviews.get(pk, [])
            ),
            note_status=note_status,
            note_sent_at=sent_at,
            note_scheduled_for=scheduled_for,
            sends_note=sends is not False,
        )
        tracked.append(TrackedFacts(pk, facts, recruiter, manager, email or ""))
    return tracked
