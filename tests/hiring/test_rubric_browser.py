"""The rubric editor in a real Chromium: the guard speaks while typing, htmx saves in place."""

from __future__ import annotations

import pytest

from heardback.accounts.models import Organization
from heardback.hiring.models import Competency
from tests import factories
from tests.browser.chromium import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_sees_the_guard_block_a_tip_then_saves_a_safe_one(
    live_server: object,
    page: object,
) -> None:
    org = factories.OrganizationFactory(slug="acme", name="Acme")
    assert isinstance(org, Organization)
    recruiter = factories.UserFactory(email="rita@acme.example")
    factories.MembershipFactory(organization=org, user=recruiter, role="recruiter")
    job = factories.JobFactory(organization=org, title="Data Analyst")
    competency = factories.CompetencyFactory(job=job, name="SQL", position=0)
    assert isinstance(competency, Competency)
    tips_label = "Development tips"

    page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    page.goto(f"{live_server.url}/login/")  # type: ignore[attr-defined]
    page.get_by_label("Email").fill("rita@acme.example")  # type: ignore[attr-defined]
    page.get_by_label("Password").fill("correct horse battery staple")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/jobs/")  # type: ignore[attr-defined]
    page.goto(f"{live_server.url}/jobs/{job.pk}/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Rubric").click()  # type: ignore[attr-defined]

    card = page.locator(f"#competency-{competency.pk}")  # type: ignore[attr-defined]
    card.locator("summary").click()  # collapsed by default
    tips = card.get_by_label(tips_label)
    tips.fill("Practise more, and remember older candidates often struggle here.")
    guard = card.locator(f"#id_c{competency.pk}-tips-guard")
    guard.get_by_text("Blocked").wait_for()
    screenshot(page, "rubric-guard")

    card.get_by_role("button", name="Save SQL").click()
    page.locator(f"#competency-{competency.pk}").get_by_text(  # type: ignore[attr-defined]
        "blocked by the safe-feedback guard"
    ).first.wait_for()
    competency.refresh_from_db()
    assert "older" not in competency.tips

    card = page.locator(f"#competency-{competency.pk}")  # type: ignore[attr-defined]
    card.get_by_label(tips_label).fill("Practise window functions on a public data set.")
    card.get_by_role("button", name="Save SQL").click()
    page.locator(f"#competency-{competency.pk}").get_by_text("Saved.").wait_for()  # type: ignore[attr-defined]
    competency.refresh_from_db()
    assert competency.tips == "Practise window functions on a public data set."
