"""The job-seeker companion end to end in a real Chromium, on a 360 px phone.

A seeker signs up, adds an application and its interview, gets the thank-you draft, pastes the
employer's heardback link; when the organization sends its feedback, it appears on the open
page by itself; when the link is revoked, the feed stops.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.portal import services as portal_services
from heardback.seeker.models import JobApplication
from heardback.seeker.services import seeker_sweep
from tests import factories
from tests.browser.chromium import TIMEOUT_MS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
PASSWORD = "a long and private passphrase"


def fits(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)


def test_a_seeker_gets_a_thank_you_draft_and_the_employers_news(
    live_server: Any, browser: Any, org: Organization, settings: Settings
) -> None:
    cache.clear()
    settings.HEARDBACK_BASE_URL = live_server.url  # the portal links of this very instance
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    job = factories.JobFactory(organization=org, title="Data Analyst")
    candidate = factories.CandidateFactory(organization=org, first_name="Sam")
    theirs = factories.ApplicationFactory(
        organization=org, job=job, candidate=candidate, status="active"
    )
    link = portal_services.candidate_link_issue(application=theirs)
    portal_url = portal_services.candidate_link_url(link)

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    base = live_server.url

    # Sign up.
    page.goto(f"{base}/me/signup/")
    fits(page)
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Your name").fill("Sam Rivera")
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="My applications")).to_be_visible()
    fits(page)

    # An application, then its interview two hours ago (in the seeker's zone, Paris).
    page.get_by_role("link", name="New application").first.click()
    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Job title").fill("Data Analyst")
    page.get_by_label("Source").fill("Acme's careers page")
    fits(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name=re.compile("Data Analyst"))).to_be_visible()
    page.get_by_role("link", name="Add an interview").first.click()
    when = (timezone.now() - dt.timedelta(hours=2)).astimezone(ZoneInfo("Europe/Paris"))
    page.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Interviewers").fill("Ana Diaz, ana@acme.example\nBo Chen")
    notes = page.get_by_label("What you want to remember")
    notes.fill("their move to weekly forecasting\nAsk about the team")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Interviews")).to_be_visible()

    # The worker's sweep raises the thank-you; the draft names the interviewers.
    seeker_sweep()
    page.reload()
    page.get_by_role("link", name="Draft the thank-you").click()
    body = page.get_by_label("Message")
    expect(body).to_have_value(re.compile(r"^Dear Ana Diaz and Bo Chen,"))
    expect(body).to_have_value(re.compile("conversation about their move to weekly forecasting"))
    fits(page)
    screenshot(page, "seeker-thank-you-phone-en")
    mail_link = page.get_by_role("link", name="Open in my mail app")
    assert unquote(mail_link.get_attribute("href")).startswith("mailto:ana@acme.example?subject=")
    body.fill(body.input_value() + "\nP.S. Edited by me.")
    assert "Edited by me." in unquote(mail_link.get_attribute("href"))
    page.get_by_role("button", name="I sent it").click()
    expect(page.get_by_text("Marked as sent.")).to_be_visible()

    # Paste the employer's portal link: their status arrives.
    page.get_by_label("The employer's heardback link").fill(portal_url)
    page.get_by_role("button", name="Follow").click()
    employer = page.locator("#employer")
    expect(employer).to_contain_text("The team is reviewing your application.")
    fits(page)

    # The organization rejects and sends its feedback: the open page shows it by itself.
    Application.objects.filter(pk=theirs.pk).update(
        status="rejected", decision="reject", decided_at=timezone.now()
    )
    FeedbackNote.objects.create(
        organization=org, application=theirs, subject="Your application",
        text="Thank you, Sam. Your SQL was strong; practise presenting to executives.",
        html="<p>Thank you.</p>", status=FeedbackNote.Status.SENT, sent_at=timezone.now(),
    )  # fmt: skip
    expect(employer).to_contain_text("practise presenting to executives", timeout=30_000)
    expect(page.locator("[data-stage]")).to_have_count(1)
    page.reload()
    expect(page.locator("[data-stage]")).to_have_text("Rejected")
    screenshot(page, "seeker-application-phone-en")

    # The link is revoked: the feed stops, here and at its own address.
    mine = JobApplication.objects.get()
    portal_services.candidate_link_revoke(actor=None, link=link)
    page.reload()
    expect(employer).to_contain_text("The employer's feed stopped")
    assert page.request.get(mine.feed_url).status == 404

    page.goto(f"{base}/me/")
    fits(page)
    screenshot(page, "seeker-board-phone-en")
    assert [e for e in errors if "Content Security Policy" in e] == []
    context.close()
