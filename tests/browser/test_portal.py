"""The candidate portal end to end: a real SMTP server on loopback, a real Chromium.

The candidate asks for their link, gets it by email, opens it on a phone-sized screen, reads
their feedback and asks a question; the recruiter answers from /questions/; the answer arrives
by email and on the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.outbox.services import outbound_emails_deliver_due
from tests import factories
from tests.browser.chromium import TIMEOUT_MS, screenshot
from tests.outbox.smtp import Received, SmtpSink

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory


@pytest.fixture
def smtp_sink(settings: Settings) -> Iterator[SmtpSink]:
    """The outbox tests' loopback SMTP server, as the email backend (tests/outbox/conftest.py)."""
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = sink.host
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_TIMEOUT = 5
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield sink


@pytest.fixture
def rejected_application(org: Organization, recruiter: User, settings: Settings) -> Application:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    recruiter.set_password(PASSWORD)
    recruiter.save()
    job = factories.JobFactory(organization=org, title="Backend Engineer", recruiter=recruiter)
    now = timezone.now()
    application = factories.ApplicationFactory(
        organization=org,
        job=job,
        candidate=factories.CandidateFactory(
            organization=org, first_name="Ada", last_name="Lovelace", email="ada@mail.example"
        ),
        status=Application.Status.REJECTED,
        decision=Application.Decision.REJECT,
        decided_at=now - dt.timedelta(days=1),
    )
    factories.InterviewFactory(application=application, name="Technical interview")
    FeedbackNote.objects.create(
        organization=org,
        application=application,
        subject="Your application for Backend Engineer",
        text="Dear Ada, your system design answer was clear.",
        html=(
            "<p>Dear Ada, your system design answer was clear.</p>"
            f'<p><a href="{PORTAL_URL_PLACEHOLDER}">Ask us a question</a></p>'
        ),
        status=FeedbackNote.Status.SENT,
        sent_at=now - dt.timedelta(hours=2),
    )
    return application


def deliver(sink: SmtpSink, count: int) -> list[Received]:
    outbound_emails_deliver_due()
    received = sink.wait_for(count)
    assert len(received) == count, [m.message["Subject"] for m in received]
    return received


def test_a_candidate_gets_their_link_by_email_asks_and_hears_back(
    live_server: Any,
    browser: Any,
    smtp_sink: SmtpSink,
    settings: Settings,
    rejected_application: Application,
) -> None:
    settings.HEARDBACK_BASE_URL = live_server.url
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    candidate = phone.new_page()
    candidate.set_default_timeout(TIMEOUT_MS)
    blocked: list[str] = []
    candidate.on("console", lambda m: blocked.append(m.text) if m.type == "error" else None)

    # No link at hand: the candidate asks for one with their address.
    candidate.goto(f"{live_server.url}/p/")
    candidate.get_by_label("Email address").fill("ada@mail.example")
    candidate.get_by_role("button", name="Email me my link").click()
    candidate.get_by_text("If we know this address, we have sent a link to it.").wait_for()

    call_command("db_worker", batch=True, stdout=StringIO(), stderr=StringIO())  # the worker
    [link_email] = deliver(smtp_sink, 1)
    assert link_email.rcpt_tos == ["ada@mail.example"]
    match = re.search(rf"{re.escape(live_server.url)}/p/[A-Za-z0-9_-]{{43}}/", link_email.text)
    assert match, link_email.text
    url = match.group(0)

    # The link opens the page: status, the feedback, on a phone, with nothing blocked by CSP.
    candidate.goto(url)
    expect(candidate.get_by_role("heading", name="Backend Engineer")).to_be_visible()
    expect(candidate.get_by_text("Not selected")).to_be_visible()
    expect(candidate.get_by_text("Dear Ada, your system design answer was clear.")).to_be_visible()
    expect(candidate.get_by_role("link", name="Ask us a question")).to_have_attribute("href", url)
    assert candidate.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    radius = candidate.evaluate(
        "getComputedStyle(document.querySelector('.card')).borderTopLeftRadius"
    )
    assert radius == "10px"  # portal.css loaded under style-src 'self'
    screenshot(candidate, "portal-phone")

    candidate.get_by_label("Your question").fill("Could I reapply for the SRE role in spring?")
    candidate.get_by_role("button", name="Send my question").click()
    candidate.get_by_text("Your question has been sent.").wait_for()
    expect(candidate.get_by_text("Waiting for an answer")).to_be_visible()
    [_, notice] = deliver(smtp_sink, 2)
    assert notice.rcpt_tos == ["rita@acme.example"]

    # The recruiter answers from the queue, signed in.
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    recruiter = desk.new_page()
    recruiter.set_default_timeout(TIMEOUT_MS)
    recruiter.goto(f"{live_server.url}/questions/")
    recruiter.get_by_label("Email").fill("rita@acme.example")
    recruiter.get_by_label("Password").fill(PASSWORD)
    recruiter.get_by_role("button", name="Sign in").click()
    recruiter.wait_for_url("**/questions/")
    expect(recruiter.get_by_text("Could I reapply for the SRE role in spring?")).to_be_visible()
    recruiter.get_by_label("Your answer").fill("Yes: the SRE role opens in March. Apply then!")
    recruiter.get_by_role("button", name="Send answer").click()
    recruiter.get_by_text("Answer sent to Ada Lovelace.").wait_for()
    expect(recruiter.get_by_text("No question is waiting for an answer.")).to_be_visible()

    # The answer arrives by email, from the organization, Reply-To the recruiter, with the link.
    answer = deliver(smtp_sink, 3)[2]
    assert answer.rcpt_tos == ["ada@mail.example"]
    assert answer.message["Reply-To"] == "Rita <rita@acme.example>"
    assert answer.message["Subject"] == "Answer to your question about Backend Engineer"
    assert "Yes: the SRE role opens in March. Apply then!" in answer.text
    assert url in answer.text and url in answer.html

    # And on the page.
    candidate.goto(url)
    expect(candidate.get_by_text("Yes: the SRE role opens in March. Apply then!")).to_be_visible()
    expect(candidate.get_by_text("Waiting for an answer")).to_be_hidden()
    assert [m for m in blocked if "Content Security Policy" in m] == []

    desk.close()
    phone.close()
