"""What the candidate portal and the report read: dates, closure figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404

from heardback.accounts.models import User
from heardback.closure.selectors import (
    application_get_for_decider,
    closure_report,
    expected_date_for,
)
from heardback.closure.services import closure_policy_update, closure_sweep
from heardback.hiring.models import Application
from tests import factories
from tests.closure.conftest import MakeApplication, Team, interview_add, note_add, paris

pytestmark = pytest.mark.django_db


def test_a_candidate_waiting_on_scorecards_is_told_when_they_will_hear(
    team: Team, make_application: MakeApplication
) -> None:
    # Interview Monday 2 March 10:00; scorecard due Tuesday 10:00; decision Tuesday 10 March.
    application = make_application(paris(2026, 3, 2, 10))
    now = paris(2026, 3, 2, 15)
    assert expected_date_for(application, now=now) == dt.date(2026, 3, 10)


def test_a_missed_date_is_never_presented_as_a_promise(
    team: Team, make_application: MakeApplication
) -> None:
    application = make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}
    )
    now = paris(2026, 3, 16, 9)
    assert expected_date_for(application, now=now) is None


def test_after_a_holding_update_the_promised_date_is_the_expected_one(
    team: Team, make_application: MakeApplication
) -> None:
    closure_policy_update(actor=None, organization=team.org, holding_updates="auto")
    application = make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}
    )
    closure_sweep(now=paris(2026, 3, 16, 9))
    now = paris(2026, 3, 17, 9)
    assert expected_date_for(application, now=now) == dt.date(2026, 3, 23)


def test_a_rejected_candidate_hears_nothing_about_the_outcome_before_their_feedback(
    team: Team, make_application: MakeApplication
) -> None:
    application = make_application(
        paris(2026, 3, 2, 10),
        status="rejected",
        decision="reject",
        decided_at=paris(2026, 3, 4, 9),
    )
    # A date as for any wait: the feedback note is where they learn the decision.
    assert expected_date_for(application, now=paris(2026, 3, 4, 10)) == dt.date(2026, 3, 6)
    note_add(application, status="sent", sent_at=paris(2026, 3, 5, 16))
    assert expected_date_for(application, now=paris(2026, 3, 6)) is None


def test_an_interview_still_ahead_promises_no_date_yet(
    team: Team, make_application: MakeApplication
) -> None:
    booked = make_application(paris(2026, 3, 20, 14))
    assert expected_date_for(booked, now=paris(2026, 3, 2)) is None


def test_deciders_reach_their_organizations_applications_only(
    team: Team, make_application: MakeApplication, outsider: User, admin: User
) -> None:
    application = make_application()
    assert application_get_for_decider(user=team.recruiter, pk=application.pk) == application
    assert application_get_for_decider(user=admin, pk=application.pk) == application
    for user in (outsider, team.interviewer):
        with pytest.raises(Http404):
            application_get_for_decider(user=user, pk=application.pk)
    with pytest.raises(Http404):
        application_get_for_decider(user=team.recruiter, pk="nope")


def _rejected(
    make_application: MakeApplication, decided: dt.datetime, sent: dt.datetime | None
) -> Application:
    application = make_application(
        decided - dt.timedelta(days=3),
        status="rejected",
        decision="reject",
        decided_at=decided,
        submitted={},
    )
    if sent is not None:
        note_add(application, status="sent", sent_at=sent)
    return application


def test_the_report_counts_feedback_delivered_in_time_over_30_and_90_days(
    team: Team, make_application: MakeApplication
) -> None:
    now = paris(2026, 6, 1, 12)
    day = dt.timedelta(days=1)
    # Within 30 days: one on time, one late, one overdue and unsent, one not yet due.
    _rejected(make_application, now - 10 * day, now - 9 * day)
    _rejected(make_application, now - 20 * day, now - 10 * day)
    _rejected(make_application, now - 15 * day, None)
    _rejected(make_application, now - dt.timedelta(hours=2), None)
    # 30 to 90 days ago: on time; and one older than 90 days, outside both windows.
    _rejected(make_application, now - 60 * day, now - 59 * day)
    _rejected(make_application, now - 120 * day, now - 119 * day)
    hired = make_application(
        paris(2026, 5, 1, 10), status="hired", decision="hire", decided_at=paris(2026, 5, 4, 10)
    )
    closure_sweep(now=now)

    report = closure_report(organization=team.org, now=now)

    assert (report.closure_rate_30.in_time, report.closure_rate_30.owed) == (1, 3)
    assert (report.closure_rate_90.in_time, report.closure_rate_90.owed) == (2, 4)
    assert report.closure_rate_90.rate == 0.5
    # Interview three days before each decision: 4, 13 and 4 days to feedback.
    assert report.feedback_delivered_90 == 3
    assert report.median_days_to_feedback == 4.0
    states = {figure.state: figure.count for figure in report.states}
    assert states["closed"] == 5 and states["awaiting_feedback_approval"] == 2
    assert report.waiting == 2 and report.overdue == 1
    assert hired.closure_clock.state == "closed"
    assert sum(week.owed for week in report.weekly_closure) == 4  # the last 12 weeks


def test_the_report_lists_overdue_work_per_person(
    team: Team, make_application: MakeApplication
) -> None:
    other = factories.UserFactory(full_name="Olga Other")
    make_application(paris(2026, 3, 2, 10), panel=[team.interviewer, other])
    make_application(paris(2026, 3, 2, 11), panel=[team.interviewer])
    application = make_application(paris(2026, 3, 2, 12), panel=[other])
    interview_add(application, paris(2026, 3, 3, 12), panel=[other], submitted={})
    _rejected(make_application, paris(2026, 3, 2, 9), None)
    now = paris(2026, 3, 10, 9)
    closure_sweep(now=now)

    report = closure_report(organization=team.org, now=now)

    assert [(p.name, p.scorecards) for p in report.overdue_by_interviewer] == [
        ("Ivan", 2),
        ("Olga Other", 2),
    ]
    assert [(p.name, p.decisions, p.feedback) for p in report.overdue_by_recruiter] == [
        ("Rita", 0, 1)
    ]
