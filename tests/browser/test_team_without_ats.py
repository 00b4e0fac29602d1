"""A team with no ATS runs one candidate from a new job to a drafted feedback note, in Chromium."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from heardback.accounts.models import Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Interview, Job
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def sign_out(page: Any) -> None:
    menu = page.locator("summary", has_text="Menu")
    if menu.is_visible():  # folded on a narrow screen
        menu.click()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/login/**")


def test_a_recruiter_and_an_interviewer_hire_without_an_ats(
    live_server: Any, page: Any, org: Organization, recruiter: User, interviewer: User
) -> None:
    factories.RejectionReasonFactory(
        organization=org, name="Skills gap: SQL", category="skills_gap"
    )
    p = page
    base = live_server.url
    sign_in(p, base, "rita@acme.example")

    # A new job, with the usual pipeline, then straight to its rubric.
    p.goto(f"{base}/jobs/")
    p.get_by_role("link", name="New job").click()
    p.get_by_label("Title").fill("Data Analyst")
    p.get_by_label("Department").fill("Data")
    p.get_by_label("Recruiter").select_option(label="Rita <rita@acme.example>")
    p.get_by_role("button", name="Create the job").click()
    p.wait_for_url("**/rubric/")
    expect(p.get_by_role("status")).to_contain_text("Job created.")
    job = Job.objects.get(organization=org, title="Data Analyst")
    assert [s.name for s in job.stages.all()][:2] == ["Application review", "Recruiter screen"]

    new = p.locator("#new-competency")
    new.get_by_label("Name").fill("SQL")
    new.get_by_label("Description").fill("Writing queries that answer a business question.")
    new.get_by_role("button", name="Add to the rubric").click()
    expect(p.locator("main")).to_contain_text("SQL")
    assert list(job.competencies.values_list("name", flat=True)) == ["SQL"]

    # A candidate, typed by hand, lands in the first stage.
    p.get_by_role("link", name="Data Analyst").first.click()
    p.get_by_role("link", name="Add candidates").click()
    one = p.locator("section", has=p.get_by_role("heading", name="One candidate"))
    one.get_by_label("First name").fill("Grace")
    one.get_by_label("Last name").fill("Hopper")
    one.get_by_label("Email").fill("grace@mail.example")
    one.get_by_role("button", name="Add the candidate").click()
    p.wait_for_url("**/applications/*/")
    expect(p.get_by_role("heading", name="Grace Hopper")).to_be_visible()
    application = Application.objects.get(job=job, candidate__email="grace@mail.example")
    assert application.stage and application.stage.name == "Application review"

    # She moves straight to the interview stage, then an interview is scheduled with Ivan.
    p.get_by_label("Advance to").select_option(label="Interview")
    p.get_by_role("button", name="Advance").click()
    expect(p.get_by_role("status")).to_contain_text("Moved to Interview.")
    p.get_by_role("link", name="Schedule an interview").click()
    p.get_by_label("Name").fill("SQL exercise")
    p.get_by_label("Kind").select_option(label="Technical")
    p.get_by_label("Date").fill("2026-12-14")
    p.get_by_label(re.compile(r"^Time:?$")).fill("10:30")
    p.get_by_label("Ivan <ivan@acme.example>").check()
    p.get_by_role("button", name="Schedule the interview").click()
    p.wait_for_url(f"**/applications/{application.pk}/")
    expect(p.locator(".timeline")).to_contain_text("SQL exercise")
    assert list(Interview.objects.get(application=application).interviewers.all()) == [interviewer]
    sign_out(p)

    # Ivan finds the scorecard waiting for him and submits it.
    sign_in(p, base, "ivan@acme.example")
    p.goto(f"{base}/scorecards/")
    row = p.get_by_role("row", name="Grace Hopper")
    row.get_by_role("link", name="Fill in").click()
    sql = p.get_by_role("group", name="SQL")
    sql.locator('input[value="no"]').check()
    sql.get_by_label("Evidence (internal").fill("Could not join the two tables without help.")
    p.get_by_label("Overall recommendation").select_option(label="No")
    p.get_by_role("button", name="Submit scorecard").click()
    expect(p.get_by_role("status").get_by_text("Scorecard submitted.")).to_be_visible()
    sign_out(p)

    # Rita reads it, rejects with a reason and drafts the note.
    sign_in(p, base, "rita@acme.example")
    p.goto(f"{base}/applications/{application.pk}/")
    expect(p.locator("article.scorecard")).to_have_count(1)
    p.get_by_label("Reject with reason").select_option(label="Skills gap: SQL")
    p.get_by_role("button", name="Reject").click()
    p.get_by_role("status").get_by_text("Rejected. A feedback note can now be drafted.").wait_for()
    p.get_by_role("button", name="Draft the feedback note").click()
    p.wait_for_url("**/feedback/*/")
    note = FeedbackNote.objects.get(application=application, is_current=True)
    assert note.status == "draft"
    expect(p.locator(".email")).to_contain_text("Grace Hopper <grace@mail.example>")
