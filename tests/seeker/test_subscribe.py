"""Pasting a heardback portal link subscribes an application to the employer's feed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.portal import services as portal_services
from heardback.seeker.models import JobApplication, Reminder, Seeker
from heardback.seeker.services import seeker_sweep
from tests import factories
from tests.seeker.conftest import application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_counts() -> None:
    cache.clear()


@pytest.fixture
def employer_side(org: object) -> Application:
    """Acme's active application of the seeker, with a past interview."""
    job = factories.JobFactory(organization=org, title="Data Analyst")
    candidate = factories.CandidateFactory(
        organization=org, first_name="Sam", email="sam@example.com"
    )
    app = factories.ApplicationFactory(
        organization=org, job=job, candidate=candidate, status="active",
        applied_at=timezone.now() - dt.timedelta(days=30),
    )  # fmt: skip
    factories.InterviewFactory(
        application=app, name="Case study", kind="technical",
        scheduled_at=timezone.now() - dt.timedelta(days=20),
    )  # fmt: skip
    return app


def portal_url(app: Application) -> str:
    link = portal_services.candidate_link_issue(application=app)
    return portal_services.candidate_link_url(link)


def reject_with_feedback(app: Application) -> None:
    app.status = Application.Status.REJECTED
    app.decision = Application.Decision.REJECT
    app.decided_at = timezone.now()
    app.save()
    FeedbackNote.objects.create(
        organization=app.organization, application=app, subject="Your application",
        text="Thank you, Sam. Your case study was clear; practise SQL window functions.",
        html="<p>Thank you.</p>", status=FeedbackNote.Status.SENT, sent_at=timezone.now(),
    )  # fmt: skip


def test_pasting_the_portal_link_subscribes_and_news_updates_the_application(
    seeker_client: Client, seeker: Seeker, employer_side: Application
) -> None:
    mine = application(seeker, company="Acme", applied_on=dt.date.today() - dt.timedelta(days=30))
    seeker_sweep()  # a month of silence: follow-ups and "ghosted"
    assert Reminder.objects.filter(application=mine, kind="ghosted", state="open").exists()

    url = portal_url(employer_side)
    response = seeker_client.post(f"/me/applications/{mine.pk}/subscribe/", {"url": url})
    assert response.status_code == 302
    mine.refresh_from_db()
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert mine.feed_url.startswith("http://testserver/p/feed/") and token not in mine.feed_url
    assert mine.employer_status == "active" and mine.stage == "interviewing"
    assert mine.interviews.get().feed_key.startswith("feed:")

    reject_with_feedback(employer_side)
    # Nothing to do for the seeker: the page (or the worker's sweep) reads the feed directly.
    page = seeker_client.get(f"/me/applications/{mine.pk}/").content.decode()
    assert "practise SQL window functions" in page
    mine.refresh_from_db()
    # "Today" is the seeker's (Europe/Paris): between 23:00 and midnight UTC it is tomorrow.
    today = timezone.localdate(timezone=ZoneInfo(seeker.time_zone))
    assert mine.stage == "rejected" and mine.last_contact_on == today
    # The employer answered: the silence reminders are cancelled, and no feedback request.
    assert not Reminder.objects.filter(application=mine, state="open").exists()
    assert Reminder.objects.filter(application=mine, state="cancelled", kind="ghosted").exists()
    seeker_sweep()
    assert not Reminder.objects.filter(application=mine, kind="feedback").exists()


def test_a_rejection_without_feedback_yet_asks_for_it_then_cancels_when_it_arrives(
    seeker: Seeker, employer_side: Application
) -> None:
    from heardback.seeker.services import application_subscribe

    mine = application(seeker, company="Acme")
    application_subscribe(application=mine, url=portal_url(employer_side))
    employer_side.status = "rejected"
    employer_side.decision = "reject"
    employer_side.decided_at = timezone.now()
    employer_side.save()
    with time_machine.travel(timezone.now() + dt.timedelta(days=1), tick=False):
        seeker_sweep()
        assert Reminder.objects.get(application=mine, kind="feedback").state == "open"
        reject_with_feedback(employer_side)
        seeker_sweep()
        assert Reminder.objects.get(application=mine, kind="feedback").state == "cancelled"


def test_a_revoked_link_stops_the_subscription(
    seeker_client: Client, seeker: Seeker, employer_side: Application
) -> None:
    mine = application(seeker, company="Acme")
    seeker_client.post(f"/me/applications/{mine.pk}/subscribe/", {"url": portal_url(employer_side)})
    link = employer_side.portal_links.get()
    portal_services.candidate_link_revoke(actor=None, link=link)
    reject_with_feedback(employer_side)
    page = seeker_client.get(f"/me/applications/{mine.pk}/").content.decode()
    assert "feed stopped" in page and "window functions" not in page
    mine.refresh_from_db()
    assert mine.feed_stopped_at is not None and mine.stage == "interviewing"
    # The feed's own address answers 404 as well.
    assert Client().get(mine.feed_url.removeprefix("http://testserver")).status_code == 404


def test_a_feed_url_subscribes_too_and_bad_links_are_refused(
    seeker_client: Client, seeker: Seeker, employer_side: Application
) -> None:
    mine = application(seeker, company="Acme")
    for url in (
        "https://elsewhere.example/p/" + "A" * 43 + "/",
        "http://testserver/p/" + "A" * 43 + "/",
        "nonsense",
    ):
        response = seeker_client.post(f"/me/applications/{mine.pk}/subscribe/", {"url": url})
        assert response.status_code == 400, url
    mine.refresh_from_db()
    assert mine.feed_url == ""
    link = portal_services.candidate_link_issue(application=employer_side)
    feed = portal_services.candidate_link_feed_url(link, "ics")
    assert (
        seeker_client.post(f"/me/applications/{mine.pk}/subscribe/", {"url": feed}).status_code
        == 302
    )
    assert JobApplication.objects.get(pk=mine.pk).employer_status == "active"
