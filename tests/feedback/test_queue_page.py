"""The review queue's pages: newest decisions first, page after page, light rows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from tests import factories

pytestmark = pytest.mark.django_db


def rejected_candidates(org: Organization, recruiter: User, n: int) -> list[str]:
    """`n` rejected applications with drafted notes, the first decided most recently."""
    job = factories.JobFactory(organization=org, title="Data Analyst", recruiter=recruiter)
    reason = factories.RejectionReasonFactory(organization=org, category="experience_level")
    now = timezone.now()
    names = []
    for i in range(n):
        application = factories.ApplicationFactory(
            organization=org,
            job=job,
            status="rejected",
            decision="reject",
            decided_at=now - dt.timedelta(hours=i),
            rejection_reason=reason,
            candidate__first_name=f"Person{i:02d}",
            candidate__last_name="Doe",
        )
        names.append(application.candidate.full_name)
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    return names


def listed(page: str) -> list[str]:
    return re.findall(r'<a href="/feedback/\d+/">([^<]+)</a>', page)


def test_queue_pages_list_the_newest_decisions_first(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    names = rejected_candidates(org, recruiter, 53)

    first = recruiter_client.get("/feedback/").content.decode()
    second = recruiter_client.get("/feedback/", {"page": "2"}).content.decode()

    assert listed(first) == names[:50]
    assert listed(second) == names[50:]
    assert "?job=&status=&verdict=&page=2" in first
    assert "page=3" not in second


def test_a_queue_row_shows_status_verdict_and_length(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.get()

    page = recruiter_client.get("/feedback/").content.decode()

    assert '<span class="badge status-draft">Draft</span>' in page
    assert '<span class="badge verdict-ok">Clean</span>' in page
    assert f"<td>{note.quality['word_count']}</td>" in page
