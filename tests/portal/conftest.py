"""The `candidate` persona: a rejected applicant at Acme with delivered feedback and a link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.portal import services
from heardback.portal.models import CandidateLink
from tests import factories


@pytest.fixture(autouse=True)
def fresh_rate_limit() -> Iterator[None]:
    # The lookup counts live in the process-wide cache: every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Portal:
    """One candidate's way in: their application, link, raw token and page address."""

    application: Application
    link: CandidateLink
    token: str
    client: Client

    @property
    def path(self) -> str:
        return f"/p/{self.token}/"

    def get(self, suffix: str = "", **extra: Any) -> Any:
        return self.client.get(self.path + suffix, **extra)

    def post(self, suffix: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
        return self.client.post(self.path + suffix, data or {}, **extra)


MakePortal = Callable[..., Portal]


@pytest.fixture
def make_portal(org: Organization, recruiter: User, interviewer: User) -> MakePortal:
    """A rejected application at Acme with one past interview and its feedback delivered."""
    job = factories.JobFactory(organization=org, title="Backend Engineer", recruiter=recruiter)
    factories.StageFactory(job=job, name="Application review", position=0)
    technical = factories.StageFactory(job=job, name="Technical interview", position=1)
    factories.StageFactory(job=job, name="Offer", position=2)

    def make(
        first_name: str = "Ada",
        last_name: str = "Lovelace",
        email: str = "ada@mail.example",
        language: str = "en",
        note_text: str | None = None,
        delivered: bool = True,
        organization: Organization | None = None,
    ) -> Portal:
        organization = organization or org
        candidate = factories.CandidateFactory(
            organization=organization,
            first_name=first_name,
            last_name=last_name,
            email=email,
            language=language,
            phone="+33 6 12 34 56 78",
            resume_text=f"{first_name} {last_name}: ten years of Python.",
        )
        now = timezone.now()
        application = factories.ApplicationFactory(
            organization=organization,
            candidate=candidate,
            job=job if organization == org else factories.JobFactory(organization=organization),
            stage=technical if organization == org else None,
            status=Application.Status.REJECTED,
            decision=Application.Decision.REJECT,
            decided_at=now - dt.timedelta(days=1),
            applied_at=now - dt.timedelta(days=20),
        )
        interview = factories.InterviewFactory(
            application=application,
            name="Technical interview",
            scheduled_at=now - dt.timedelta(days=5),
        )
        interview.interviewers.add(interviewer)
        scorecard = factories.ScorecardFactory(
            interview=interview,
            interviewer=interviewer,
            private_notes=f"PRIVATE about {first_name}",
            key_takeaways=f"TAKEAWAY about {first_name}",
        )
        factories.ScorecardRatingFactory(
            scorecard=scorecard, evidence=f"EVIDENCE about {first_name}"
        )
        text = note_text or f"Dear {first_name}, thank you for the technical interview."
        FeedbackNote.objects.create(
            organization=organization,
            application=application,
            subject="Your application for Backend Engineer",
            text=f"{text}\n\nAsk us anything: {PORTAL_URL_PLACEHOLDER}",
            html=f'<p>{text}</p><p><a href="{PORTAL_URL_PLACEHOLDER}">Your page</a></p>',
            status=FeedbackNote.Status.SENT if delivered else FeedbackNote.Status.APPROVED,
            sent_at=now - dt.timedelta(hours=20) if delivered else None,
        )
        link = services.candidate_link_issue(application=application)
        return Portal(application, link, services.candidate_link_token(link), Client())

    return make


@pytest.fixture
def candidate(make_portal: MakePortal) -> Portal:
    """Ada, rejected after a technical interview, holding her private link."""
    return make_portal()


@pytest.fixture
def other_candidate(make_portal: MakePortal) -> Portal:
    """Grace, rejected for the same job: must never see Ada's page, nor Ada hers."""
    return make_portal(first_name="Grace", last_name="Hopper", email="grace@mail.example")


def deliver_now() -> list[EmailMessage]:
    """Run the outbox worker once; the messages it handed to the (locmem) backend."""
    start = len(mail.outbox)
    outbound_emails_deliver_due()
    return list(mail.outbox[start:])


def text_and_html(message: EmailMessage) -> str:
    """A sent message's text and its HTML alternative, as the candidate receives them."""
    alternatives = getattr(message, "alternatives", [])
    return "\n".join([str(message.body), *(str(content) for content, _ in alternatives)])
