"""An interviewer fills a scorecard in a real Chromium and the guard coaches them while typing."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

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
    page.wait_for_url(lambda url: "/login/" not in url)


def test_interviewer_sees_the_guard_live_fixes_the_comment_and_submits(
    live_server: Any, page: Any, scorecard_to_fill: Scorecard
) -> None:
    p = page
    sign_in(p, live_server.url, "ivan@acme.example")
    p.get_by_role("navigation", name="Main").get_by_role("link", name="My scorecards").click()
    p.wait_for_url("**/scorecards/")
    row = p.get_by_role("row", name="Grace Hopper")
    expect(row).to_contain_text("Backend Engineer")
    row.get_by_role("link", name="Fill in").click()
    p.wait_for_url(f"**/scorecards/{scorecard_to_fill.pk}/")
    expect(p.get_by_role("heading", name="System design: Grace Hopper")).to_be_visible()

    communication = p.get_by_role("group", name="Communication")
    modelling = p.get_by_role("group", name="Data modelling")
    # The rubric's descriptor for each level sits next to the rating it explains.
    expect(communication).to_contain_text("showed this skill at an expert level")
    communication.locator('input[value="strong_yes"]').check()
    communication.get_by_label("Evidence (internal").fill("Explained the retry budget unprompted.")
    modelling.locator('input[value="no"]').check()

    # Typing a candidate-safe comment that mentions age: the guard blocks it, live. Each pause in
    # the typing may answer for the text so far, so every check waits for the final answer.
    comment = communication.get_by_label("Comment the candidate may read")
    comment.press_sequentially(TOO_OLD, delay=5)
    live = communication.locator('[id^="guard-comment-"]')
    blocked = live.locator(".finding.block").first
    expect(blocked).to_have_attribute("role", "alert")
    expect(blocked).to_have_text(re.compile(r"^Blocked"), use_inner_text=True)
    expect(blocked).to_contain_text("too old»")
    expect(blocked).to_contain_text("Age, and the words that stand for it, cannot be a reason")
    expect(blocked).to_contain_text("Try: Describe the job-related evidence instead")
    # The other competency's boxes say nothing: the finding is where the words are.
    expect(modelling.locator(".guard-live")).to_have_text(["", ""])
    live.scroll_into_view_if_needed()
    screenshot(p, "scorecard-guard")

    # Internal evidence is coached, not blocked: "culture fit" is a warning there.
    evidence = modelling.get_by_label("Evidence (internal")
    evidence.press_sequentially(CULTURE_FIT, delay=5)
    modelling_live = modelling.locator('[id^="guard-evidence-"]')
    warning = modelling_live.locator(".finding.warn")
    expect(warning).to_have_text(re.compile(r"^Warning"), use_inner_text=True)
    expect(warning).to_contain_text('"Culture fit" gives no job-related reason')
    expect(modelling_live.locator(".finding.block")).to_have_count(0)

    # The interviewer rewrites both; the findings clear as they type.
    comment.fill(CLEAN_COMMENT)
    live.get_by_text("No issues found.").wait_for()
    expect(live.locator(".finding")).to_have_count(0)
    evidence.fill(CLEAN_EVIDENCE)
    modelling_live.get_by_text("No issues found.").wait_for()

    p.get_by_label("Overall recommendation").select_option(label="No")
    p.get_by_label("Key take-aways").fill("Strong communicator; data modelling not there yet.")
    p.get_by_role("button", name="Submit scorecard").click()
    p.wait_for_url("**/scorecards/")
    # The list the POST redirects to says so: the server has saved the scorecard by then.
    expect(p.get_by_role("status").get_by_text("Scorecard submitted.")).to_be_visible()
    expect(p.get_by_text("Nothing to fill in. Thank you!")).to_be_visible()

    scorecard_to_fill.refresh_from_db()
    assert scorecard_to_fill.submitted_at is not None
    assert scorecard_to_fill.overall_recommendation == "no"
    ratings = {r.competency.name: r for r in scorecard_to_fill.ratings.all()}
    assert ratings["Communication"].rating == "strong_yes"
    assert ratings["Communication"].candidate_comment == CLEAN_COMMENT
    assert ratings["Data modelling"].rating == "no"
    assert ratings["Data modelling"].evidence == CLEAN_EVIDENCE


def test_a_blocked_candidate_comment_cannot_be_submitted_and_its_rewrite_can(
    live_server: Any, page: Any, scorecard_to_fill: Scorecard
) -> None:
    p = page
    sign_in(p, live_server.url, "ivan@acme.example")
    p.goto(f"{live_server.url}/scorecards/{scorecard_to_fill.pk}/")
    communication = p.get_by_role("group", name="Communication")
    communication.locator('input[value="yes"]').check()
    comment = communication.get_by_label("Comment the candidate may read")
    comment.press_sequentially("she seems too old for a startup", delay=5)
    p.get_by_label("Overall recommendation").select_option(label="No")

    # Submitting anyway is refused, on the field, with the guard's reason and a rewrite.
    p.get_by_role("button", name="Submit scorecard").click()
    expect(p.get_by_role("alert").first).to_contain_text(
        "Not submitted: a comment the candidate may read is blocked"
    )
    communication = p.get_by_role("group", name="Communication")
    comment = communication.get_by_label("Comment the candidate may read")
    refusal = communication.locator(".comment-refused")
    expect(refusal).to_contain_text(
        "Blocked by the guard: Age, and the words that stand for it, cannot be a reason"
    )
    expect(refusal).to_contain_text("too old»")
    expect(refusal).to_contain_text("Suggested rewrite: Describe the job-related evidence")
    # What was typed and chosen is still there.
    expect(comment).to_have_value("she seems too old for a startup")
    expect(communication.locator('input[value="yes"]')).to_be_checked()
    expect(p.get_by_label("Overall recommendation")).to_have_value("no")
    screenshot(p, "scorecard-refused")
    scorecard_to_fill.refresh_from_db()
    assert scorecard_to_fill.submitted_at is None

    # The interviewer takes the rewrite: the blocked sentence goes, the advice stays in view,
    # and they write the job-related reason; the live guard passes it.
    refusal.get_by_role("button", name="Remove the blocked sentence").click()
    expect(comment).to_have_value("")
    expect(comment).to_be_focused()
    expect(comment).to_have_attribute(
        "placeholder", re.compile(r"^Describe the job-related evidence instead")
    )
    comment.press_sequentially(CLEAN_COMMENT, delay=5)
    live = communication.locator('[id^="guard-comment-"]')
    live.get_by_text("No issues found.").wait_for()
    p.get_by_role("button", name="Submit scorecard").click()
    p.wait_for_url("**/scorecards/")
    expect(p.get_by_role("status").get_by_text("Scorecard submitted.")).to_be_visible()

    scorecard_to_fill.refresh_from_db()
    assert scorecard_to_fill.submitted_at is not None
    rating = scorecard_to_fill.ratings.get(competency__name="Communication")
    assert rating.candidate_comment == CLEAN_COMMENT


def test_a_judgement_of_the_person_with_no_listed_word_is_refused_with_an_example(
    live_server: Any, page: Any, scorecard_to_fill: Scorecard
) -> None:
    # No rule names "background": the learned second opinion blocks it alone, and says why
    # with the nearest labelled sentence.
    p = page
    sign_in(p, live_server.url, "ivan@acme.example")
    p.goto(f"{live_server.url}/scorecards/{scorecard_to_fill.pk}/")
    communication = p.get_by_role("group", name="Communication")
    communication.locator('input[value="no"]').check()
    comment = communication.get_by_label("Comment the candidate may read")
    comment.fill("Not sure someone with his background would fit with our clients.")
    p.get_by_label("Overall recommendation").select_option(label="No")
    p.get_by_role("button", name="Submit scorecard").click()
    refusal = p.get_by_role("group", name="Communication").locator(".comment-refused")
    expect(refusal).to_contain_text("judgement of the person, not of the work")
    expect(refusal).to_contain_text("\u201c")  # the labelled sentence it is nearest to
    scorecard_to_fill.refresh_from_db()
    assert scorecard_to_fill.submitted_at is None
