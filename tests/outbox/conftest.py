"""Outbox fixtures: a loopback SMTP sink wired into the settings, and approved notes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.feedback.models import FeedbackNote
from tests import factories
from tests.outbox.smtp import SmtpSink

# Short enough that a "slow reply" test waits a second, long enough for a loaded CI machine.
SMTP_TIMEOUT = 1


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    # The personas' passwords are hashed for every test; PBKDF2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def smtp_sink(settings: Settings) -> Iterator[SmtpSink]:
    """A real SMTP server on loopback; Django's SMTP backend points at it."""
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = sink.host
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_TIMEOUT = SMTP_TIMEOUT
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield sink


MakeNote = Callable[..., FeedbackNote]


@pytest.fixture
def make_note(org: Organization, recruiter: User) -> MakeNote:
    """An approved, current feedback note for a new rejected application at Acme."""
    job = factories.JobFactory(organization=org, title="Backend Engineer", recruiter=recruiter)

    def make(
        first_name: str = "Ada",
        last_name: str = "Lovelace",
        email: str | None = None,
        status: str = FeedbackNote.Status.APPROVED,
        **fields: Any,
    ) -> FeedbackNote:
        candidate = factories.CandidateFactory(
            organization=org, first_name=first_name, last_name=last_name,
            **({"email": email} if email is not None else {}),
        )  # fmt: skip
        application = factories.ApplicationFactory(
            organization=org, candidate=candidate, job=fields.pop("job", job)
        )
        return FeedbackNote.objects.create(
            organization=org,
            application=application,
            subject=fields.pop("subject", "Your application for Backend Engineer"),
            text=fields.pop("text", f"Dear {first_name},\n\nThank you for your time."),
            html=fields.pop("html", f"<p>Dear {first_name},</p><p>Thank you for your time.</p>"),
            status=status,
            **fields,
        )

    return make
