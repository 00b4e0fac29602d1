"""The partner network end to end, in a real Chromium: rejected at Acme, the candidate agrees on
their page to be suggested to partners; Globex, Acme's partner, finds the profile (no name) and
invites; the candidate reads the invitation by email, accepts on their page and chooses to share
their résumé; Globex now sees their contact details and that résumé."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from heardback.outbox.services import outbound_emails_deliver_due
from heardback.partners.models import Partnership
from heardback.portal import services as portal
from tests.browser.chromium import screenshot
from tests.reroute.builders import world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory
PHONE = {"width": 360, "height": 740}


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def test_a_partner_invitation_accepted_in_the_portal(
    live_server: Any, browser: Any, settings: Any
) -> None:
    settings.HEARDBACK_BASE_URL = live_server.url
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    acme, globex = world("acme", name="Acme"), world("globex", name="Globex")
    acme.application.candidate.resume_text = "Eight years of Go payment services at scale."
    acme.application.candidate.save()
    Partnership.objects.create(proposer=acme.org, partner=globex.org, accepted_at=timezone.now())
    token = portal.candidate_link_token(portal.candidate_link_issue(application=acme.application))

    candidate = browser.new_context(viewport=PHONE).new_page()
    candidate.goto(f"{live_server.url}/p/{token}/")
    candidate.locator("#consent-partners").get_by_role("button", name="Yes, I agree").click()
    expect(candidate.locator("#partners")).to_contain_text("What partner organizations can see")
    candidate.get_by_label("Location (optional)").fill("Lyon")
    candidate.locator("#partners").get_by_role("button", name="Save").click()
    no_sideways_scroll(candidate)

    recruiter = browser.new_context(viewport=PHONE).new_page()
    recruiter.goto(f"{live_server.url}/login/")
    recruiter.get_by_label("Email").fill(globex.recruiter.email)
    recruiter.get_by_label("Password").fill(PASSWORD)
    recruiter.get_by_role("button", name="Sign in").click()
    recruiter.wait_for_url(lambda url: "/login/" not in url)
    recruiter.goto(f"{live_server.url}/partners/pool/?q=api")
    pool = recruiter.locator("main")
    expect(pool).to_contain_text("Backend engineering")
    expect(pool).to_contain_text("Lyon")
    expect(pool).not_to_contain_text("Grace")
    no_sideways_scroll(recruiter)
    recruiter.get_by_role("link", name=re.compile(r"Candidate \d+")).click()
    recruiter.get_by_label("The role").fill("Staff Go Engineer")
    recruiter.get_by_label("A message to the candidate (optional)").fill("Your API work stood out.")
    recruiter.get_by_role("button", name="Send the invitation").click()
    recruiter.wait_for_url("**/partners/invitations/")
    expect(recruiter.locator("main")).to_contain_text("Waiting for the candidate's answer.")
    expect(recruiter.locator("main")).not_to_contain_text("grace@")

    outbound_emails_deliver_due()
    (email,) = [m for m in mail.outbox if "Globex" in m.subject]
    link = re.search(r"http://\S+/p/[\w-]+/", email.body)
    assert link is not None and "Staff Go Engineer" in email.body
    candidate.goto(link.group())
    invitation = candidate.locator("#partners")
    expect(invitation).to_contain_text("Globex, a partner organization")
    expect(invitation).to_contain_text("Your API work stood out.")
    no_sideways_scroll(candidate)
    screenshot(candidate, "portal-partner-invitation")
    invitation.get_by_label("Also share the résumé I applied with").check()
    no_sideways_scroll(candidate)
    invitation.get_by_role("button", name="Share my contact details with Globex").click()
    expect(candidate.locator(".notice")).to_contain_text("Your contact details have been shared")

    recruiter.reload()
    expect(recruiter.locator("main")).to_contain_text("Grace Hopper")
    expect(recruiter.locator("main")).to_contain_text("grace@acme-mail.example")
    recruiter.get_by_text("The résumé they chose to share").click()
    expect(recruiter.locator("main")).to_contain_text("Eight years of Go payment services")
    no_sideways_scroll(recruiter)
