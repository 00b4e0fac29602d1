"""Closure fixtures: Acme in Paris, its hiring team, and applications at any point of the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Interview, Job
from heardback.outbox.models import OutboundEmail
from tests import factories

PARIS = ZoneInfo("Europe/Paris")


def paris(*parts: int) -> dt.datetime:
    """An aware UTC moment from a Paris wall-clock time."""
    return dt.datetime(*parts, tzinfo=PARIS).astimezone(dt.UTC)  # type: ignore[misc,arg-type]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Team:
    org: Organization
    recruiter: User
    manager: User
    interviewer: User
    job: Job


@pytest.fixture
def team(org: Organization, recruiter: User, interviewer: User) -> Team:
    """Acme in Paris: Rita recruits, Hugo manages the job, Ivan interviews."""
    Organization.objects.filter(pk=org.pk).update(time_zone="Europe/Paris")
    org.refresh_from_db()
    manager = factories.UserFactory(email="hugo@acme.example", full_name="Hugo Manager")
    factories.MembershipFactory(organization=org, user=manager, role="hiring_manager")
    job = factories.JobFactory(
        organization=org, title="Backend Engineer", recruiter=recruiter, hiring_manager=manager
    )
    return Team(org, recruiter, manager, interviewer, job)


MakeApplication = Callable[..., Application]


@pytest.fixture
def make_application(team: Team) -> MakeApplication:
    """An application with one interview at `interviewed` (Paris time), its panel and scorecards.

    `submitted` maps panel members to when they submitted; the others still owe theirs.
    """

    def make(
        interviewed: dt.datetime | None = None,
        *,
        panel: list[User] | None = None,
        submitted: dict[User, dt.datetime] | None = None,
        language: str = "en",
        first_name: str = "Ada",
        email: str | None = None,
        **fields: object,
    ) -> Application:
        candidate = factories.CandidateFactory(
            organization=team.org,
            first_name=first_name,
            language=language,
            **({"email": email} if email is not None else {}),
        )
        fields.setdefault("job", team.job)
        application = factories.ApplicationFactory(
            organization=team.org, candidate=candidate, **fields
        )
        if interviewed is not None:
            interview_add(
                application,
                interviewed,
                panel=panel or [team.interviewer],
                submitted=submitted or {},
            )
        return application

    return make


def interview_add(
    application: Application,
    at: dt.datetime,
    *,
    panel: list[User],
    submitted: dict[User, dt.datetime],
) -> Interview:
    interview = factories.InterviewFactory(application=application, scheduled_at=at)
    interview.interviewers.set(panel)
    for user, when in submitted.items():
        factories.ScorecardFactory(interview=interview, interviewer=user, submitted_at=when)
    return interview


def note_add(application: Application, *, status: str, **fields: object) -> FeedbackNote:
    return FeedbackNote.objects.create(
        organization=application.organization,
        application=application,
        subject="Your application",
        text="Thank you.",
        html="<p>Thank you.</p>",
        status=status,
        **fields,
    )


def emails(kind: str = "") -> list[OutboundEmail]:
    queued = OutboundEmail.objects.order_by("id")
    return list(queued.filter(kind=kind) if kind else queued)
