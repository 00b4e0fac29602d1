from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from heardback.demo.services import demo_create
from heardback.feedback.services import feedback_notes_draft_bulk
from tests.browser.chromium import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_recruiter_lands_on_the_drafts_to_review_then_opens_the_jobs(
    live_server: LiveServer, page: Page
) -> None:
    summary = demo_create(seed=1, size="small", today=dt.date(2026, 11, 25), password="demo-pass-1")
    feedback_notes_draft_bulk(actor=None, organization=summary.organization)

    page.goto(f"{live_server.url}/")
    expect(page).to_have_title(re.compile(r"^Sign in"))
    page.get_by_label("Email").fill("recruiter@demo.example")
    page.get_by_label("Password").fill("demo-pass-1")
    page.get_by_role("button", name="Sign in").click()

    # Drafts wait for a person's review: the recruiter's work starts at the queue.
    page.wait_for_url("**/feedback/")
    expect(page.get_by_role("heading", name="Feedback queue", exact=True)).to_be_visible()
    expect(page.locator("main table tbody tr").nth(4)).to_be_attached()

    page.locator(".topbar").get_by_role("link", name="Jobs", exact=True).click()
    page.wait_for_url("**/jobs/")
    expect(page.get_by_role("heading", name="Senior Backend Engineer (Payments)")).to_be_visible()
    expect(page.locator(".job").nth(4)).to_be_attached()  # at least five jobs
    screenshot(page, "jobs")


def test_wrong_password_shows_an_error(live_server: LiveServer, page: Page) -> None:
    demo_create(seed=1, size="small", today=dt.date(2026, 11, 25), password="demo-pass-1")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("recruiter@demo.example")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    # The click returns before the form's POST is answered: wait for the page to show it.
    expect(page.get_by_role("alert")).to_be_visible()
