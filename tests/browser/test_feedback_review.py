"""The recruiter's feedback flow in a real Chromium, down to a real SMTP server on loopback.

One candidate: reject with a reason, draft, review with the sources panel, edit (re-checked by
the guard), approve, send; the edited email arrives. Fifty candidates: approve all clean, send,
watch the progress bar, and fifty emails arrive, one per candidate.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.feedback.services import feedback_notes_draft_bulk
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import outbound_emails_deliver_due
from tests import factories
from tests.browser.chromium import screenshot
from tests.outbox.smtp import SmtpSink

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory
ACTIVE = re.compile(r"\bactive\b")  # the selected sentence's class
STRENGTH_COMMENT = "You explained the trade-offs of each queue design clearly."
EDITED = "We would be glad to read a new application from you for the Platform role next spring."


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


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def with_paragraph(text: str, paragraph: str) -> str:
    """The note's text with a paragraph of the recruiter's own after its greeting."""
    first, rest = text.split("\n\n", 1)
    return f"{first}\n\n{paragraph}\n\n{rest}"


@pytest.fixture
def interviewed(org: Organization, recruiter: User) -> Application:
    """Grace Hopper, active at Onsite, after two submitted scorecards."""
    job = factories.JobFactory(organization=org, title="Backend Engineer", recruiter=recruiter)
    communication = factories.CompetencyFactory(job=job, name="Communication", position=0)
    design = factories.CompetencyFactory(job=job, name="Distributed systems design", position=1)
    factories.StageFactory(job=job, name="Screen", position=0)
    onsite = factories.StageFactory(job=job, name="Onsite", position=1)
    factories.RejectionReasonFactory(
        organization=org, name="Skills gap: system design", category="skills_gap"
    )
    factories.RejectionReasonFactory(organization=org, name="Role closed", category="role_closed")
    application = factories.ApplicationFactory(
        organization=org,
        job=job,
        stage=onsite,
        applied_at=timezone.now() - dt.timedelta(days=12),
        candidate=factories.CandidateFactory(
            organization=org, first_name="Grace", last_name="Hopper", email="grace@mail.example"
        ),
    )
    for day, name, person in ((3, "System design", "Sam"), (2, "Hiring manager", "Hana")):
        interview = factories.InterviewFactory(
            application=application,
            name=name,
            scheduled_at=timezone.now() - dt.timedelta(days=day),
        )
        scorecard = factories.ScorecardFactory(
            interview=interview,
            interviewer=factories.UserFactory(full_name=f"{person} Interviewer"),
            overall_recommendation="no",
        )
        factories.ScorecardRatingFactory(
            scorecard=scorecard,
            competency=communication,
            rating="strong_yes",
            candidate_comment=STRENGTH_COMMENT,
        )
        factories.ScorecardRatingFactory(
            scorecard=scorecard,
            competency=design,
            rating="no",
            evidence="Could not say where the queue's state lives after a failover.",
        )
    return application


def test_recruiter_rejects_reviews_edits_approves_and_the_edited_email_arrives(
    live_server: Any,
    page: Any,
    smtp_sink: SmtpSink,
    settings: Settings,
    interviewed: Application,
) -> None:
    settings.HEARDBACK_BASE_URL = live_server.url
    p = page
    sign_in(p, live_server.url, "rita@acme.example")

    # The application page: reject with a structured reason, then draft the note.
    p.get_by_role("link", name="Backend Engineer").first.click()
    p.get_by_role("link", name="Grace Hopper").click()
    p.wait_for_url(f"**/applications/{interviewed.pk}/")
    expect(p.get_by_role("heading", name="Grace Hopper")).to_be_visible()
    expect(p.locator("article.scorecard")).to_have_count(2)
    screenshot(p, "application")
    p.get_by_label("Reject with reason").select_option(label="Skills gap: system design")
    p.get_by_role("button", name="Reject").click()
    p.get_by_role("status").get_by_text("Rejected. A feedback note can now be drafted.").wait_for()
    expect(p.locator("main")).to_contain_text("Skills gap: system design")
    p.get_by_role("button", name="Draft the feedback note").click()
    p.wait_for_url("**/feedback/*/")

    # The review queue lists it as a clean draft; open it from there.
    p.get_by_role("navigation", name="Main").get_by_role("link", name="Feedback queue").click()
    p.wait_for_url("**/feedback/")
    row = p.get_by_role("row", name="Grace Hopper")
    expect(row).to_contain_text("Draft")
    expect(row).to_contain_text("Clean")
    row.get_by_role("link", name="Grace Hopper").click()
    draft = FeedbackNote.objects.get(application=interviewed, is_current=True)
    p.wait_for_url(f"**/feedback/{draft.pk}/")
    preview = p.locator(".email")
    expect(preview).to_contain_text("Grace Hopper <grace@mail.example>")
    expect(preview).to_contain_text(STRENGTH_COMMENT)

    # Sources: selecting the sentence that quotes the interviewers highlights their items.
    items = p.locator(".sources .items .item")
    expect(items).to_have_count(4)  # two scorecards, two competencies each
    highlighted = p.locator(".sources .item.highlight")
    expect(highlighted).to_have_count(0)
    quoting = p.locator(".sources .sentence", has_text=STRENGTH_COMMENT).first
    quoting.click()
    # sources.js marks the sentence and its items in one handler: once one shows, both have.
    expect(quoting).to_have_class(ACTIVE)
    expect(highlighted).to_have_count(1)
    cited = highlighted.inner_text()
    assert cited.startswith("Communication — Strong yes (System design, Sam Interviewer)")
    assert STRENGTH_COMMENT in cited
    p.set_viewport_size({"width": 1280, "height": 1850})  # the email and the panel, whole
    p.evaluate("window.scrollTo(0, 0)")
    screenshot(p, "review-sources")
    p.set_viewport_size({"width": 1280, "height": 900})
    # From the keyboard too: the first sentence resting on the design ratings (the gap).
    design = interviewed.job.competencies.get(name="Distributed systems design")
    gap = p.locator(f'.sources .sentence[data-sources*="/competency:{design.pk} "]').first
    gap.focus()
    p.keyboard.press("Enter")
    expect(gap).to_have_class(ACTIVE)
    expect(quoting).not_to_have_class(ACTIVE)
    refs = set((gap.get_attribute("data-sources") or "").split())
    cited_refs = {item.get_attribute("data-ref") for item in highlighted.all()}
    assert cited_refs and cited_refs <= refs
    for text in highlighted.all_inner_texts():
        assert text.startswith("Distributed systems design — No")

    # Edit: a first version the guard blocks, then a clean one; each is a new version.
    p.get_by_role("link", name="Edit").click()
    p.wait_for_url(f"**/feedback/{draft.pk}/edit/")
    text_box = p.get_by_label("Text")
    original = text_box.input_value()
    text_box.fill(with_paragraph(original, "In the end you were not a culture fit for us."))
    p.locator("#guard-text .finding.block").wait_for()
    expect(p.locator("#guard-text")).to_contain_text("Culture fit")
    p.locator("#guard-text").scroll_into_view_if_needed()
    screenshot(p, "note-edit")
    p.get_by_role("button", name="Save as a new version").click()
    p.get_by_role("status").get_by_text("Saved as version 2.").wait_for()
    expect(p.locator(".badge.verdict-block")).to_be_visible()
    expect(p.get_by_role("button", name="Approve")).to_be_disabled()

    p.get_by_role("link", name="Edit").click()
    # Wait for the page to load: htmx (deferred) must be listening before the text is typed.
    p.wait_for_url("**/feedback/*/edit/")
    text_box = p.get_by_label("Text")
    text_box.fill(with_paragraph(original, EDITED))
    p.locator("#guard-text").get_by_text("No issues found.").wait_for()
    p.get_by_role("button", name="Save as a new version").click()
    p.get_by_role("status").get_by_text("Saved as version 3.").wait_for()
    expect(p.locator(".badge.verdict-ok")).to_be_visible()
    expect(p.locator(".email")).to_contain_text(EDITED)
    expect(p.get_by_role("link", name="v2")).to_be_visible()

    # Approve, then send now.
    p.get_by_role("button", name="Approve").click()
    p.get_by_role("status").get_by_text("Approved.").wait_for()
    p.get_by_role("button", name="Send").click()
    p.get_by_role("status").get_by_text("Queued for delivery.").wait_for()
    [email] = OutboundEmail.objects.filter(application=interviewed)

    # The worker's delivery: the edited version reaches the SMTP server, and nothing else.
    summary = outbound_emails_deliver_due()
    assert summary.sent == 1
    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ["grace@mail.example"]
    assert received.mail_from == "jobs@acme.example"
    message = received.message
    assert message["To"] == "Grace Hopper <grace@mail.example>"
    assert message["From"] == "Acme <jobs@acme.example>"
    assert message["Reply-To"] == "Rita <rita@acme.example>"
    assert message["Message-ID"] == email.message_id
    assert EDITED in " ".join(received.text.split())
    assert EDITED in " ".join(received.html.split())
    assert "culture fit" not in received.text
    assert f"{live_server.url}/p/" in received.text  # the portal link, filled in at send time

    p.reload()
    expect(p.locator(".badge.status-sent")).to_be_visible()
    p.get_by_role("navigation", name="Main").get_by_role("link", name="Sent").click()
    p.wait_for_url("**/feedback/sent/")
    expect(p.get_by_role("row", name="Grace Hopper")).to_contain_text("Sent")
    assert smtp_sink.received() == [received]


@pytest.fixture
def fifty_drafts(org: Organization, recruiter: User) -> list[str]:
    """Fifty candidates rejected after screening, each with a drafted note; their addresses."""
    job = factories.JobFactory(organization=org, title="Data Analyst", recruiter=recruiter)
    reason = factories.RejectionReasonFactory(
        organization=org, name="Experience", category="experience_level"
    )
    decided = timezone.now() - dt.timedelta(days=1)
    addresses = []
    for i in range(50):
        candidate = factories.CandidateFactory(
            organization=org,
            first_name=f"Candidate{i:02d}",
            last_name=f"Surname{i:02d}",
            email=f"candidate{i:02d}@mail.example",
        )
        factories.ApplicationFactory(
            organization=org,
            job=job,
            candidate=candidate,
            status="rejected",
            decision="reject",
            decided_at=decided,
            rejection_reason=reason,
        )
        addresses.append(candidate.email)
    feedback_notes_draft_bulk(actor=None, organization=org)
    return addresses


def deliver_in_background(stop: threading.Event) -> threading.Thread:
    """The worker: deliver what is due until told to stop, as `heardback worker` does."""

    def run() -> None:
        try:
            while not stop.is_set():
                outbound_emails_deliver_due(batch_size=10)
                stop.wait(0.2)
        finally:
            connection.close()

    worker = threading.Thread(target=run, name="test-outbox-worker")
    worker.start()
    return worker


def test_bulk_approve_and_send_of_fifty_notes_shows_progress_and_delivers_fifty(
    live_server: Any,
    page: Any,
    smtp_sink: SmtpSink,
    settings: Settings,
    fifty_drafts: list[str],
) -> None:
    settings.HEARDBACK_BASE_URL = live_server.url
    smtp_sink.latency = 0.08  # a real server's pace: the page has time to show progress
    p = page
    sign_in(p, live_server.url, "rita@acme.example")
    p.goto(f"{live_server.url}/feedback/")
    expect(
        p.get_by_text("50 notes: 50 drafts (50 clean, 0 to review, 0 blocked), 0 approved, 0 sent.")
    ).to_be_visible()

    # "Approve all clean" asks first, and says how many.
    asked: list[str] = []
    p.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    screenshot(p, "feedback-queue")
    p.get_by_role("button", name="Approve all clean (50)").click()
    p.get_by_role("status").get_by_text("Approved 50 clean notes.").wait_for()
    assert asked == ["Approve 50 clean drafts?"]
    expect(p.locator("table.list tbody .badge.status-approved")).to_have_count(50)

    p.get_by_role("button", name="Send approved (50)").click()
    p.wait_for_url("**/feedback/sent/?watch=1")
    progress = p.get_by_test_id("progress-text")
    expect(progress).to_have_text("0 sent, 50 waiting, 0 failed")

    stop = threading.Event()
    worker = deliver_in_background(stop)
    try:
        seen: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            text = progress.inner_text()
            if not seen or seen[-1] != text:
                seen.append(text)
                if len(seen) == 2:
                    screenshot(p, "sent-progress")
            if text == "50 sent, 0 waiting, 0 failed":
                break
            p.wait_for_timeout(100)
        received = smtp_sink.wait_for(50)
    finally:
        stop.set()
        worker.join(timeout=30)

    # The bar moved on its own (htmx polling), through states between none and all.
    assert seen[0] == "0 sent, 50 waiting, 0 failed"
    assert seen[-1] == "50 sent, 0 waiting, 0 failed"
    between = [t for t in seen[1:-1] if not t.startswith(("0 sent", "50 sent"))]
    assert between, seen
    expect(p.locator("#progress progress")).to_have_attribute("value", "50")
    expect(p.locator("#progress:not([hx-get])")).to_be_attached()  # polling stopped

    assert len(received) == 50
    assert sorted(r for m in received for r in m.rcpt_tos) == sorted(fifty_drafts)
    assert len({m.message_id for m in received}) == 50
    for message in received:
        [address] = message.rcpt_tos
        first_name = "Candidate" + address.removeprefix("candidate")[:2]
        assert message.text.splitlines()[0].endswith(f" {first_name},")  # their own note
    assert FeedbackNote.objects.filter(status="sent", is_current=True).count() == 50
    p.reload()
    expect(p.locator("table.list tbody .badge.status-sent")).to_have_count(50)
