"""Denser pages in a real Chromium: a selection in the queue, the sent log's pages, and the
rubric's order, dragged and kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heardback.accounts.models import Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Competency
from tests import factories
from tests.feedback.test_queue_page import rejected_candidates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def test_a_recruiter_ticks_two_notes_and_approves_only_those(
    live_server: Any, page: Any, org: Organization, recruiter: User
) -> None:
    names = rejected_candidates(org, recruiter, 4)
    sign_in(page, live_server.url, recruiter.email)
    page.goto(f"{live_server.url}/feedback/")

    for name in (names[1], names[3]):
        page.get_by_role("checkbox", name=f"Select the note to {name}").check()
    page.get_by_role("button", name="Approve the selection").click()

    expect(page.get_by_text("Approved 2 notes.")).to_be_visible()
    status = {
        note.application.candidate.full_name: note.status
        for note in FeedbackNote.objects.select_related("application__candidate")
    }
    assert status == {
        names[0]: "draft",
        names[1]: "approved",
        names[2]: "draft",
        names[3]: "approved",
    }
    row = page.get_by_role("row", name=names[1])
    expect(row).to_contain_text("Approved")


def test_the_sent_log_opens_its_second_page(
    live_server: Any, page: Any, org: Organization, recruiter: User
) -> None:
    names = rejected_candidates(org, recruiter, 55)
    now = timezone.now()
    for i, note in enumerate(FeedbackNote.objects.order_by("application__candidate__first_name")):
        FeedbackNote.objects.filter(pk=note.pk).update(
            status="sent", sent_at=now - dt.timedelta(minutes=i)
        )
    sign_in(page, live_server.url, recruiter.email)
    page.goto(f"{live_server.url}/feedback/sent/")
    expect(page.get_by_role("link", name=names[0], exact=True)).to_be_visible()

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()

    page.wait_for_url("**/feedback/sent/?status=&page=2")
    expect(page.get_by_role("link", name=names[50], exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=names[0], exact=True)).to_have_count(0)
    expect(page.locator("table.list tbody tr")).to_have_count(5)


def test_a_dragged_rubric_order_is_kept_after_a_reload(
    live_server: Any, page: Any, org: Organization, recruiter: User
) -> None:
    job = factories.JobFactory(organization=org, title="Data Analyst")
    for position, name in enumerate(("SQL", "Statistics", "Communication")):
        factories.CompetencyFactory(job=job, name=name, position=position)
    sign_in(page, live_server.url, recruiter.email)
    page.goto(f"{live_server.url}/jobs/{job.pk}/rubric/")
    titles = page.locator(".competency-body > summary h2")
    expect(titles).to_have_text(["SQL", "Statistics", "Communication"])

    handle = page.locator("[data-competency]", has_text="Communication").locator(".drag-handle")
    target = page.locator("[data-competency]", has_text="SQL").locator(".drag-handle")
    handle.drag_to(target)
    expect(page.get_by_text("New order saved.")).to_be_visible()

    page.reload()
    expect(titles).to_have_text(["Communication", "SQL", "Statistics"])
    saved = Competency.objects.filter(job=job).order_by("position").values_list("name", flat=True)
    assert list(saved) == ["Communication", "SQL", "Statistics"]

    # The arrows do the same without dragging.
    page.get_by_role("button", name="Move Statistics up").click()
    expect(titles).to_have_text(["Communication", "Statistics", "SQL"])
