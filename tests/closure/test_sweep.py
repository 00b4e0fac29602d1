"""The sweep with moving time: clocks, reminders in daily digests, escalations, holding updates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heardback.accounts.models import Organization, User
from heardback.closure.models import ApplicationClock, ClosurePolicy, Digest, Reminder
from heardback.closure.services import closure_policy_update, closure_sweep
from heardback.hiring.models import Application
from heardback.hiring.services import application_reject
from tests import factories
from tests.closure.conftest import MakeApplication, Team, emails, interview_add, note_add, paris

pytestmark = pytest.mark.django_db


def state_of(application: Application) -> ApplicationClock:
    return ApplicationClock.objects.get(application=application)


def recipients(kind: str = "closure_digest") -> list[str]:
    return [email.to for email in emails(kind)]


def test_a_whole_timeline_reminds_each_person_once_then_escalates(
    team: Team, make_application: MakeApplication
) -> None:
    """Friday interview → Monday scorecard reminder → Wednesday escalation → decision → feedback."""
    ivan, rita, hugo = team.interviewer, team.recruiter, team.manager
    application = make_application(paris(2026, 3, 6, 14), first_name="Ada")
    interview = application.interviews.get()

    with time_machine.travel(paris(2026, 3, 6, 18), tick=False) as traveller:
        closure_sweep()
        clock = state_of(application)
        assert clock.state == "awaiting_scorecards"
        assert clock.due_at == paris(2026, 3, 9, 14)  # 24 business hours: the weekend is skipped
        assert emails() == []

        traveller.move_to(paris(2026, 3, 7, 10))  # Saturday: nothing is due
        closure_sweep()
        assert emails() == []

        traveller.move_to(paris(2026, 3, 9, 14, 5))  # Monday, five minutes late
        closure_sweep()
        (digest,) = emails("closure_digest")
        assert ivan.email in digest.to
        assert digest.idempotency_key == f"digest:{ivan.pk}:2026-03-09"
        assert "Ada Lovelace" in digest.text and "Backend Engineer" in digest.text
        assert "Your scorecards" in digest.text

        for moment in (paris(2026, 3, 9, 17), paris(2026, 3, 10, 9)):
            traveller.move_to(moment)
            closure_sweep()
        assert len(emails()) == 1  # never the same reminder twice

        # Two business days overdue: the hiring manager hears of it, Ivan is not nagged again.
        traveller.move_to(paris(2026, 3, 11, 14, 5))
        closure_sweep()
        assert recipients()[1:] == [f"Hugo Manager <{hugo.email}>"]
        assert "Scorecards your team owes" in emails()[-1].text

        # Ivan submits: the decision is due five business days after his scorecard.
        traveller.move_to(paris(2026, 3, 11, 15))
        factories.ScorecardFactory(
            interview=interview, interviewer=ivan, submitted_at=paris(2026, 3, 11, 15)
        )
        closure_sweep()
        clock = state_of(application)
        assert clock.state == "awaiting_decision"
        assert clock.due_at == paris(2026, 3, 18, 15)
        assert clock.late_interviewer_ids == []

        traveller.move_to(paris(2026, 3, 18, 15, 1))
        closure_sweep()
        assert recipients()[2:] == [f"Rita <{rita.email}>"]
        assert "Decisions to make" in emails()[-1].text
        assert emails("holding_update") == []  # the default policy waits for a click

        # Rejected on Thursday: feedback due Monday 10:00; sent on Monday 9:00, in time.
        traveller.move_to(paris(2026, 3, 19, 10))
        reason = factories.RejectionReasonFactory(organization=team.org)
        application_reject(actor=rita, application=application, reason=reason)
        closure_sweep()
        clock = state_of(application)
        assert clock.state == "awaiting_feedback_approval"
        assert clock.due_at == paris(2026, 3, 23, 10)

        note = note_add(application, status="queued")
        closure_sweep()
        assert state_of(application).state == "feedback_scheduled"

        traveller.move_to(paris(2026, 3, 23, 9))
        note.status, note.sent_at = "sent", paris(2026, 3, 23, 9)
        note.save()
        closure_sweep()
        clock = state_of(application)
        assert (clock.state, clock.closed_in_time) == ("closed", True)
        assert clock.closed_at == paris(2026, 3, 23, 9)

    assert Reminder.objects.count() == 3
    assert sorted(Reminder.objects.values_list("kind", flat=True)) == [
        "decision",
        "scorecard",
        "scorecard_escalation",
    ]


def test_one_digest_a_day_carries_everything_due_and_later_items_wait_for_tomorrow(
    team: Team, make_application: MakeApplication
) -> None:
    for hour in (10, 11, 16):
        make_application(paris(2026, 3, 5, hour), first_name=f"Cand{hour}")

    with time_machine.travel(paris(2026, 3, 6, 12), tick=False) as traveller:
        closure_sweep()
        (first,) = emails("closure_digest")
        assert "Cand10" in first.text and "Cand11" in first.text and "Cand16" not in first.text
        assert "2 candidates are waiting on you" in first.subject

        traveller.move_to(paris(2026, 3, 6, 17))  # Cand16's scorecard is now late too
        closure_sweep()
        assert len(emails("closure_digest")) == 1

        traveller.move_to(paris(2026, 3, 9, 8))  # Monday morning
        closure_sweep()
        second = emails("closure_digest")[1]
        assert "Cand16" in second.text and "Cand10" not in second.text
        assert second.subject == "heardback: 1 candidate is waiting on you"

    assert list(
        Digest.objects.order_by("local_date").values_list("local_date", "reminder_count")
    ) == [
        (dt.date(2026, 3, 6), 2),
        (dt.date(2026, 3, 9), 1),
    ]


def test_digests_wait_for_a_business_morning(team: Team, make_application: MakeApplication) -> None:
    make_application(paris(2026, 3, 5, 10))  # scorecard due Friday 6 March, 10:00

    for quiet in (paris(2026, 3, 6, 9, 59), paris(2026, 3, 7, 11), paris(2026, 3, 9, 7, 59)):
        closure_sweep(now=quiet)
    assert [r.due_at for r in Reminder.objects.all()] == []
    assert Digest.objects.count() == 0
    # Friday 10:00 was the deadline; the sweeps after it at night or on the weekend sent
    # nothing; Monday 08:00 is the first business morning.
    closure_sweep(now=paris(2026, 3, 9, 8))
    assert Digest.objects.get().local_date == dt.date(2026, 3, 9)


def test_a_person_gets_their_digest_in_their_language(
    team: Team, make_application: MakeApplication
) -> None:
    User.objects.filter(pk=team.interviewer.pk).update(language="fr")
    make_application(paris(2026, 3, 5, 10))
    closure_sweep(now=paris(2026, 3, 6, 12))
    (digest,) = emails("closure_digest")
    assert digest.subject == "heardback : 1 candidat attend votre action"
    assert "Vos grilles d’évaluation" in digest.text and "vendredi 6 mars 2026" in digest.text


def test_a_job_without_recruiter_reminds_the_organizations_admin(
    team: Team, admin: User, make_application: MakeApplication
) -> None:
    orphan = factories.JobFactory(organization=team.org, title="Orphan role", recruiter=None)
    make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}, job=orphan
    )
    closure_sweep(now=paris(2026, 3, 10, 9))
    assert [(r.kind, r.recipient_id) for r in Reminder.objects.all()] == [("decision", admin.pk)]


def test_a_second_interview_round_is_a_new_thing_to_remind_about(
    team: Team, make_application: MakeApplication
) -> None:
    application = make_application(paris(2026, 3, 2, 10))
    closure_sweep(now=paris(2026, 3, 3, 11))
    factories.ScorecardFactory(
        interview=application.interviews.get(),
        interviewer=team.interviewer,
        submitted_at=paris(2026, 3, 3, 12),
    )
    interview_add(application, paris(2026, 3, 9, 10), panel=[team.interviewer], submitted={})
    closure_sweep(now=paris(2026, 3, 10, 11))
    rounds = list(Reminder.objects.order_by("round").values_list("kind", "round"))
    assert rounds == [("scorecard", 1), ("scorecard", 2)]


# --- Holding updates ----------------------------------------------------------------------------


@pytest.fixture
def auto(team: Team) -> ClosurePolicy:
    return closure_policy_update(actor=None, organization=team.org, holding_updates="auto")


def overdue_decision(
    make_application: MakeApplication, team: Team, **fields: object
) -> Application:
    """Interviewed Monday 2 March, scorecard in at noon: the decision was due Monday 9 March."""
    return make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}, **fields
    )


def test_holding_updates_go_out_automatically_at_most_twice_one_per_missed_date(
    team: Team, auto: ClosurePolicy, make_application: MakeApplication
) -> None:
    application = overdue_decision(make_application, team, language="fr", first_name="Léa")

    with time_machine.travel(paris(2026, 3, 10, 9), tick=False) as traveller:
        closure_sweep()
        (update,) = emails("holding_update")
        assert update.to.endswith("<" + application.candidate.email + ">")
        assert update.from_email == "Acme <jobs@acme.example>"
        assert update.reply_to == f"Rita <{team.recruiter.email}>"
        assert update.subject == "Où en est votre candidature au poste de Backend Engineer"
        assert "Bonjour Léa" in update.text
        assert "au plus tard le mardi 17 mars 2026" in update.text  # 5 business days on
        assert "lundi 2 mars 2026" in update.text  # the interview
        assert update.idempotency_key == f"holding_update:{application.pk}:1"
        clock = state_of(application)
        assert (clock.holding_updates_sent, clock.expected_decision_date) == (
            1,
            dt.date(2026, 3, 17),
        )

        for moment in (paris(2026, 3, 12, 9), paris(2026, 3, 17, 18)):
            traveller.move_to(moment)
            closure_sweep()
        assert len(emails("holding_update")) == 1  # the promise still stands

        traveller.move_to(paris(2026, 3, 18, 8, 30))  # the promised date went by
        closure_sweep()
        assert len(emails("holding_update")) == 2
        assert state_of(application).expected_decision_date == dt.date(2026, 3, 25)

        traveller.move_to(paris(2026, 3, 26, 9))
        closure_sweep()
        assert len(emails("holding_update")) == 2  # the policy's limit


def test_automatic_holding_updates_wait_for_a_business_morning(
    team: Team, auto: ClosurePolicy, make_application: MakeApplication
) -> None:
    overdue_decision(make_application, team)
    closure_sweep(now=paris(2026, 3, 14, 10))  # Saturday
    closure_sweep(now=paris(2026, 3, 16, 6))  # Monday, 6:00
    assert emails("holding_update") == []
    closure_sweep(now=paris(2026, 3, 16, 8))
    assert len(emails("holding_update")) == 1


def test_with_the_manual_policy_the_sweep_sends_nothing_to_candidates(
    team: Team, make_application: MakeApplication
) -> None:
    overdue_decision(make_application, team)
    closure_sweep(now=paris(2026, 3, 16, 9))
    assert emails("holding_update") == []
    assert ClosurePolicy.objects.get(organization=team.org).holding_updates == "manual"


def test_a_decision_clears_the_promised_date(
    team: Team, auto: ClosurePolicy, make_application: MakeApplication
) -> None:
    application = overdue_decision(make_application, team)
    closure_sweep(now=paris(2026, 3, 10, 9))
    assert state_of(application).expected_decision_date is not None
    Application.objects.filter(pk=application.pk).update(
        decision="hire", status="hired", decided_at=paris(2026, 3, 11, 9)
    )
    closure_sweep(now=paris(2026, 3, 11, 10))
    clock = state_of(application)
    assert (clock.state, clock.expected_decision_date) == ("closed", None)


# --- Bulk ---------------------------------------------------------------------------------------


def _sweep_queries(now: dt.datetime) -> int:
    with CaptureQueriesContext(connection) as captured:
        closure_sweep(now=now)
    return len(captured.captured_queries)


def _population(team: Team, make_application: MakeApplication, n: int) -> None:
    """`n` applications in every state, none of whose deadlines has passed on 2 March."""
    other = factories.UserFactory()
    for i in range(n):
        make_application(
            paris(2026, 3, 2, 9),
            panel=[team.interviewer, other],
            submitted={other: paris(2026, 3, 2, 9)},
        )
        make_application(paris(2026, 3, 2, 9), submitted={team.interviewer: paris(2026, 3, 2, 9)})
        rejected = make_application(
            status="rejected", decision="reject", decided_at=paris(2026, 3, 2, 8)
        )
        note_add(rejected, status="queued" if i % 2 else "draft")
        make_application(status="withdrawn")
        make_application(paris(2026, 3, 4, 9))


def test_the_sweep_reads_and_writes_in_bulk_whatever_the_number_of_applications(
    team: Team, make_application: MakeApplication, django_assert_max_num_queries: object
) -> None:
    now = paris(2026, 3, 2, 10)
    closure_policy_update(actor=None, organization=team.org)
    _population(team, make_application, 2)
    small_first, small_again = _sweep_queries(now), _sweep_queries(now)
    ApplicationClock.objects.all().delete()
    _population(team, make_application, 20)
    large_first, large_again = _sweep_queries(now), _sweep_queries(now)

    assert ApplicationClock.objects.count() == 110
    # Creating 110 clocks costs at most one more INSERT batch (SQLite's parameter limit) than 10.
    assert small_again == large_again <= 12
    assert small_first <= large_first <= small_first + 1 <= 15
    # A sweep with nothing new to do writes nothing.
    with CaptureQueriesContext(connection) as captured:
        closure_sweep(now=now)
    writes = [
        q["sql"] for q in captured.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))
    ]
    assert writes == []


def test_a_candidate_named_like_the_link_placeholder_stops_no_digest(
    team: Team, make_application: MakeApplication, other_org: Organization
) -> None:
    """A name holding the portal link's placeholder once made every sweep raise, for everyone."""
    make_application(paris(2026, 3, 5, 10), first_name="PORTAL-TOKEN")
    make_application(paris(2026, 3, 5, 11), first_name="Grace")
    with time_machine.travel(paris(2026, 3, 6, 12), tick=False):
        summary = closure_sweep()
    (digest,) = emails("closure_digest")
    assert "Grace" in digest.text
    assert "PORTAL\u2011TOKEN" in digest.text and "PORTAL-TOKEN" not in digest.text
    assert summary.failed == 0


def test_one_organization_failing_does_not_stop_the_others(
    team: Team, make_application: MakeApplication, other_org: Organization, monkeypatch: Any
) -> None:
    from heardback.closure.services import sweep

    make_application(paris(2026, 3, 5, 10), first_name="Grace")
    real = sweep._sweep_organization

    def broken_elsewhere(organization: Organization, *args: Any) -> None:
        if organization == other_org:  # swept after Acme, before anyone's digest goes out
            raise RuntimeError("a bad row")
        real(organization, *args)

    monkeypatch.setattr(sweep, "_sweep_organization", broken_elsewhere)
    with time_machine.travel(paris(2026, 3, 6, 12), tick=False):
        summary = closure_sweep()
    assert "Grace" in emails("closure_digest")[0].text
    assert summary.failed == 1
