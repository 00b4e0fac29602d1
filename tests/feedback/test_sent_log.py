"""The sent log: newest first, page after page, and why sending is slower when it is."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from heardback.feedback.sending import feedback_notes_queue
from heardback.outbox.models import OutboundEmail
from tests import factories
from tests.feedback.test_queue_page import rejected_candidates

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def listed(page: str) -> list[str]:
    return re.findall(r'<a href="/feedback/\d+/">([^<]+)</a>', page)


def sent_notes(org: Organization, recruiter: User, n: int) -> list[str]:
    """`n` sent notes, the first sent most recently; their candidates' names in that order."""
    names = rejected_candidates(org, recruiter, n)
    notes = FeedbackNote.objects.filter(organization=org).order_by(
        "application__candidate__first_name"
    )
    for i, note in enumerate(notes):
        FeedbackNote.objects.filter(pk=note.pk).update(
            status="sent", sent_at=NOW - dt.timedelta(minutes=i)
        )
    return names


@time_machine.travel(NOW, tick=False)
def test_the_sent_log_lists_the_newest_first_page_after_page(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    names = sent_notes(org, recruiter, 53)

    first = recruiter_client.get("/feedback/sent/").content.decode()
    second = recruiter_client.get("/feedback/sent/", {"page": "2"}).content.decode()

    assert listed(first) == names[:50]
    assert listed(second) == names[50:]
    assert "?status=&amp;page=2" in first
    assert "page=3" not in second
    assert "?status=&amp;page=1" in second


@time_machine.travel(NOW, tick=False)
def test_the_sent_log_filters_by_delivery_status(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    names = sent_notes(org, recruiter, 3)
    first = FeedbackNote.objects.get(application__candidate__first_name="Person00")
    FeedbackNote.objects.filter(pk=first.pk).update(status="failed", last_error="Bounced: 550")

    page = recruiter_client.get("/feedback/sent/", {"status": "failed"}).content.decode()

    assert listed(page) == names[:1]
    assert "Bounced: 550" in page


def test_a_page_past_the_end_says_there_is_nothing_more(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    sent_notes(org, recruiter, 1)
    page = recruiter_client.get("/feedback/sent/", {"page": "7"}).content.decode()
    assert "No more notes." in page


def test_the_sent_log_queries_do_not_grow_with_its_rows(
    recruiter_client: Client,
    org: Organization,
    recruiter: User,
    django_assert_max_num_queries: object,
) -> None:
    sent_notes(org, recruiter, 30)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        assert recruiter_client.get("/feedback/sent/").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_the_sent_log_says_when_the_rate_limit_has_paused_sending(
    recruiter_client: Client, org: Organization, recruiter: User, settings: object
) -> None:
    settings.OUTBOX_RATE_PER_MINUTE = 2  # type: ignore[attr-defined]
    rejected_candidates(org, recruiter, 5)
    services.feedback_notes_approve_clean(actor=recruiter, organization=org)
    feedback_notes_queue(actor=recruiter, organization=org)
    emails = list(OutboundEmail.objects.order_by("pk"))
    # Two started 20 and 10 seconds ago: the organization's budget for this minute is spent.
    for email, seconds in zip(emails[:2], (20, 10), strict=True):
        OutboundEmail.objects.filter(pk=email.pk).update(
            status="sent", sent_at=NOW, last_attempt_at=NOW - dt.timedelta(seconds=seconds)
        )

    page = recruiter_client.get("/feedback/sent/").content.decode()

    assert "Sending is paused until about 09:00:40" in page
    assert "may send 2 emails a minute" in page
    assert "3 waiting at 2 emails a minute: about 2 minutes to send them all." in page


@time_machine.travel(NOW, tick=False)
def test_the_sent_log_says_nothing_of_a_pause_below_the_rate(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 2)
    services.feedback_notes_approve_clean(actor=recruiter, organization=org)
    feedback_notes_queue(actor=recruiter, organization=org)

    page = recruiter_client.get("/feedback/sent/").content.decode()

    assert "paused" not in page
    assert "2 waiting at 120 emails a minute: about 1 minute to send them all." in page


def test_an_outsider_sees_none_of_the_sent_log(
    outsider_client: Client, org: Organization, recruiter: User
) -> None:
    names = sent_notes(org, recruiter, 2)
    page = outsider_client.get("/feedback/sent/").content.decode()
    assert not set(names) & set(listed(page))


def test_interviewers_have_no_sent_log(org: Organization, interviewer: User) -> None:
    client = Client()
    client.force_login(interviewer)
    assert client.get("/feedback/sent/").status_code in (403, 404)


def test_anyone_elses_pause_is_not_shown(
    recruiter_client: Client, org: Organization, other_org: Organization, settings: object
) -> None:
    settings.OUTBOX_RATE_PER_MINUTE = 1  # type: ignore[attr-defined]
    foreign = factories.UserFactory()
    rejected_candidates(other_org, foreign, 2)
    services.feedback_notes_approve_clean(actor=foreign, organization=other_org)
    feedback_notes_queue(actor=foreign, organization=other_org)
    OutboundEmail.objects.filter(pk=OutboundEmail.objects.first().pk).update(  # type: ignore[union-attr]
        last_attempt_at=timezone.now()
    )
    page = recruiter_client.get("/feedback/sent/").content.decode()
    assert "waiting at" not in page
