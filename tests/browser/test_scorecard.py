"""An interviewer fills a scorecard in a real Chromium and the guard coaches them while typing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Scorecard
from tests import factories
from tests.browser.chromium import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory

TOO_OLD = "You seemed a bit too old for our young team."
CLEAN_COMMENT = "Your walk-through of the retry logic was clear and well structured."
CULTURE_FIT = "Not a culture fit, I think."
CLEAN_EVIDENCE = "Did not ask who reviews the schema migration or how it is rolled back."


@pytest.fixture
def scorecard_to_fill(org: Organization, interviewer: User) -> Scorecard:
    job = factories.JobFactory(organization=org, title="Backend Engineer")
    factories.CompetencyFactory(job=job, name="Communication", position=0)
    factories.CompetencyFactory(job=job, name="Data modelling", position=1)
    application = factories.ApplicationFactory(
        organization=org,
        job=job,
        candidate=factories.CandidateFactory(
            organization=org, first_name="Grace", last_name="Hopper", email="grace@mail.example"
        ),
    )
    interview = factories.InterviewFactory(
        application=application,
        name="System design",
        scheduled_at=timezone.now() - dt.timedelta(hours=3),
    )
    interview.interviewers.add(interviewer)
    return factories.ScorecardFactory(
        interview=interview,
        interviewer=interviewer,
        overall_recommendation="no_decision",
        submitted_at=None,
    )


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/jobs/")


def test_interviewer_sees_the_guard_live_fixes_the_comment_and_submits(
    live_server: Any, page: Any, scorecard_to_fill: Scorecard
) -> None:
    p = page
    sign_in(p, live_server.url, "ivan@acme.example")
    p.get_by_role("navigation", name="Main").get_by_role("link", name="My scorecards").click()
    p.wait_for_url("**/scorecards/")
    row = p.get_by_role("row", name="Grace Hopper")
    assert "Backend Engineer" in row.inner_text()
    row.get_by_role("link", name="Fill in").click()
    p.wait_for_url(f"**/scorecards/{scorecard_to_fill.pk}/")
    assert p.get_by_role("heading", name="System design: Grace Hopper").is_visible()

    communication = p.get_by_role("group", name="Communication")
    modelling = p.get_by_role("group", name="Data modelling")
    # The rubric's descriptor for each level sits next to the rating it explains.
    assert "showed this skill at an expert level" in communication.inner_text()
    communication.locator('input[value="strong_yes"]').check()
    communication.get_by_label("Evidence (internal").fill("Explained the retry budget unprompted.")
    modelling.locator('input[value="no"]').check()

    # Typing a candidate-safe comment that mentions age: the guard blocks it, live.
    comment = communication.get_by_label("Comment the candidate may read")
    comment.press_sequentially(TOO_OLD, delay=5)
    live = communication.locator('[id^="guard-comment-"]')
    blocked = live.locator(".finding.block")
    blocked.first.wait_for()
    assert blocked.first.get_attribute("role") == "alert"
    text = blocked.first.inner_text()
    assert text.startswith("Blocked")
    assert "«too old»" in text
    assert "Age, and the words that stand for it, cannot be a reason" in text
    assert "Try: Describe the job-related evidence instead" in text
    # The other competency's boxes say nothing: the finding is where the words are.
    assert modelling.locator(".guard-live").all_inner_texts() == ["", ""]
    live.scroll_into_view_if_needed()
    screenshot(p, "scorecard-guard")

    # Internal evidence is coached, not blocked: "culture fit" is a warning there.
    evidence = modelling.get_by_label("Evidence (internal")
    evidence.press_sequentially(CULTURE_FIT, delay=5)
    modelling_live = modelling.locator('[id^="guard-evidence-"]')
    warning = modelling_live.locator(".finding.warn")
    warning.wait_for()
    assert warning.inner_text().startswith("Warning")
    assert '"Culture fit" gives no job-related reason' in warning.inner_text()
    assert modelling_live.locator(".finding.block").count() == 0

    # The interviewer rewrites both; the findings clear as they type.
    comment.fill(CLEAN_COMMENT)
    live.get_by_text("No issues found.").wait_for()
    assert live.locator(".finding").count() == 0
    evidence.fill(CLEAN_EVIDENCE)
    modelling_live.get_by_text("No issues found.").wait_for()

    p.get_by_label("Overall recommendation").select_option(label="No")
    p.get_by_label("Key take-aways").fill("Strong communicator; data modelling not there yet.")
    p.get_by_role("button", name="Submit scorecard").click()
    p.wait_for_url("**/scorecards/")
    assert p.get_by_role("status").get_by_text("Scorecard submitted.").is_visible()
    assert p.get_by_text("Nothing to fill in. Thank you!").is_visible()

    scorecard_to_fill.refresh_from_db()
    assert scorecard_to_fill.submitted_at is not None
    assert scorecard_to_fill.overall_recommendation == "no"
    ratings = {r.competency.name: r for r in scorecard_to_fill.ratings.all()}
    assert ratings["Communication"].rating == "strong_yes"
    assert ratings["Communication"].candidate_comment == CLEAN_COMMENT
    assert ratings["Data modelling"].rating == "no"
    assert ratings["Data modelling"].evidence == CLEAN_EVIDENCE
