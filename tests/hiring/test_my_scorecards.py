"""Interviewers land on their scorecards: pending first, overdue flagged, then their history."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from heardback.accounts.models import Organization, User
from tests import factories

pytestmark = pytest.mark.django_db
# A Wednesday: a scorecard of Monday 10:00 with a 24-hour deadline was due Tuesday 10:00.
NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


def scorecard(org: Organization, interviewer: User, name: str, held: dt.datetime, **fields):  # type: ignore[no-untyped-def]
    job = factories.JobFactory(organization=org, title=f"Job of {name}")
    application = factories.ApplicationFactory(
        organization=org, job=job, candidate__first_name=name, candidate__last_name="Doe"
    )
    interview = factories.InterviewFactory(application=application, scheduled_at=held)
    interview.interviewers.add(interviewer)
    return factories.ScorecardFactory(interview=interview, interviewer=interviewer, **fields)


def names(html: str) -> list[str]:
    """The candidates' names in order (a row names its candidate twice: cell and button)."""
    found: list[str] = []
    for name in re.findall(r"(\w+) Doe", html):
        if not found or found[-1] != name:
            found.append(name)
    return found


def test_an_interviewer_signs_in_and_lands_on_their_scorecards(
    client: Client, org: Organization, interviewer: User
) -> None:
    interviewer.set_password("correct horse battery staple")
    interviewer.save()
    response = client.post(
        "/login/",
        {"username": interviewer.email, "password": "correct horse battery staple"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/scorecards/"


def test_a_recruiter_with_nobody_turned_down_yet_lands_on_the_jobs(
    recruiter_client: Client,
) -> None:
    response = recruiter_client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/jobs/"


@time_machine.travel(NOW, tick=False)
def test_pending_scorecards_come_first_with_the_overdue_flagged_then_the_history(
    client: Client, org: Organization, interviewer: User
) -> None:
    monday = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)
    scorecard(org, interviewer, "Late", monday, submitted_at=None)
    scorecard(org, interviewer, "Fresh", NOW - dt.timedelta(hours=2), submitted_at=None)
    scorecard(org, interviewer, "Older", monday, submitted_at=monday + dt.timedelta(hours=3))
    scorecard(org, interviewer, "Newer", monday, submitted_at=NOW - dt.timedelta(hours=1))
    someone_else = factories.UserFactory()
    factories.MembershipFactory(organization=org, user=someone_else, role="interviewer")
    scorecard(org, someone_else, "Others", monday, submitted_at=None)
    client.force_login(interviewer)

    html = client.get("/scorecards/").content.decode()

    pending, history = html.split('id="submitted-h"')
    assert names(pending) == ["Late", "Fresh"]
    assert names(history) == ["Newer", "Older"]
    assert pending.count('class="overdue"') == 1
    late_row = pending[pending.index('class="overdue"') :]
    assert names(late_row)[0] == "Late"
    assert "Overdue" in late_row and "1 Dec 2026, 10:00" in late_row
    assert "To fill in (2)" in pending


@time_machine.travel(NOW, tick=False)
def test_a_deadline_does_not_count_the_weekend(
    client: Client, org: Organization, interviewer: User
) -> None:
    friday = dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC)
    scorecard(org, interviewer, "Weekend", friday, submitted_at=None)
    client.force_login(interviewer)
    with time_machine.travel(dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC), tick=False):
        html = client.get("/scorecards/").content.decode()
    assert 'class="overdue"' not in html
    assert "30 Nov 2026, 15:00" in html  # due on Monday, 24 business hours later


def test_the_page_of_someone_without_scorecards_says_there_is_nothing_to_do(
    client: Client, interviewer: User
) -> None:
    client.force_login(interviewer)
    html = client.get("/scorecards/").content.decode()
    assert "Nothing to fill in. Thank you!" in html
    assert 'id="submitted-h"' not in html


def test_another_organizations_scorecards_are_never_listed(
    client: Client, org: Organization, other_org: Organization, interviewer: User
) -> None:
    scorecard(other_org, interviewer, "Foreign", NOW, submitted_at=None)
    client.force_login(interviewer)
    assert "Foreign" not in client.get("/scorecards/").content.decode()
