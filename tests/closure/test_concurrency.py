"""Several workers sweep at once: each reminder, digest and holding update still goes out once.

Two threads with their own connections race for real (on SQLite too: tests use a file database,
where writers queue on the busy timeout). The same races are also played out step by step below:
both workers read before either writes, which no scheduler can make unlikely.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from heardback.closure import services
from heardback.closure.models import ApplicationClock, ClosurePolicy, Digest, Reminder
from heardback.closure.selectors import clock_policy
from heardback.closure.services import (
    ClosureError,
    clocks,
    closure_policy_update,
    closure_sweep,
    holding,
    sweep,
)
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail
from tests.closure.conftest import MakeApplication, Team, paris

NOW = paris(2026, 3, 18, 9)  # Wednesday morning: scorecards and decisions are overdue


def _overdue_everything(team: Team, make_application: MakeApplication) -> list[Application]:
    closure_policy_update(actor=None, organization=team.org, holding_updates="auto")
    late_scorecards = [
        make_application(paris(2026, 3, 2, 10), first_name=f"S{i}") for i in range(3)
    ]
    late_decisions = [
        make_application(
            paris(2026, 3, 2, 10),
            submitted={team.interviewer: paris(2026, 3, 2, 12)},
            first_name=f"D{i}",
        )
        for i in range(3)
    ]
    return late_scorecards + late_decisions


def _assert_everything_once() -> None:
    keys = list(OutboundEmail.objects.values_list("idempotency_key", flat=True))
    assert len(keys) == len(set(keys))
    digests = Digest.objects.values_list("recipient_id", "local_date")
    assert len(digests) == len(set(digests)) == 3  # interviewer, hiring manager, recruiter
    assert Reminder.objects.filter(digest__isnull=True).count() == 0
    assert OutboundEmail.objects.filter(kind="closure_digest").count() == 3
    # Late scorecards delay the decision too: all six candidates get one holding update.
    assert OutboundEmail.objects.filter(kind="holding_update").count() == 6
    assert set(ApplicationClock.objects.values_list("holding_updates_sent", flat=True)) == {1}


def _expected_reminders() -> int:
    # Three late scorecards (+ escalations to the manager), three late decisions (+ escalations).
    return 12


def _race(target: Callable[[], Any], workers: int = 2) -> list[Any]:
    """Run `target` in `workers` threads released together; their results or exceptions."""
    barrier = threading.Barrier(workers)
    results: list[Any] = [None] * workers

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = target()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sweeps_send_each_reminder_once(
    team: Team, make_application: MakeApplication
) -> None:
    _overdue_everything(team, make_application)

    results = _race(lambda: closure_sweep(now=NOW))

    assert not [r for r in results if isinstance(r, Exception)], results
    _assert_everything_once()
    assert Reminder.objects.count() == _expected_reminders()
    assert sum(r.reminders for r in results) == _expected_reminders()


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_for_one_digest_send_it_once(
    team: Team, make_application: MakeApplication
) -> None:
    _overdue_everything(team, make_application)
    # Both workers found the same reminders due before either sent anything.
    pending = _pending()

    def send() -> int:
        user = team.interviewer
        today = pending[user.pk][0].policy.today(NOW)
        return sweep._digest_send(user=user, today=today, items=pending[user.pk], now=NOW)

    results = _race(send)

    assert sorted(results) == [0, 3], results
    assert OutboundEmail.objects.filter(kind="closure_digest").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_recruiters_clicking_the_same_holding_update_send_one(
    team: Team, make_application: MakeApplication
) -> None:
    application = make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}
    )
    closure_sweep(now=paris(2026, 3, 2, 13))  # the clock exists; nothing is due yet

    results = _race(
        lambda: services.holding_update_send(actor=team.recruiter, application=application, now=NOW)
    )

    refused = [r for r in results if isinstance(r, ClosureError)]
    assert len(refused) == 1, results
    assert OutboundEmail.objects.filter(kind="holding_update").count() == 1


# --- The same races, one step at a time (any database) ---------------------------------------


def _pending() -> dict[int, list[sweep._Pending]]:
    """What one worker's sweep found due, without sending it."""
    pending: dict[int, list[sweep._Pending]] = defaultdict(list)
    summary = sweep.SweepSummary()
    for policy in ClosurePolicy.objects.select_related("organization"):
        sweep._sweep_organization(policy.organization, policy, NOW, summary, pending)
    return pending


@pytest.mark.django_db
def test_interleaved_sweeps_that_found_the_same_work_send_it_once(
    team: Team, make_application: MakeApplication
) -> None:
    _overdue_everything(team, make_application)
    clocks.policies_ensure([team.org])
    closure_policy_update(actor=None, organization=team.org, holding_updates="manual")
    first, second = _pending(), _pending()  # both read before either sent
    summary_one, summary_two = sweep.SweepSummary(), sweep.SweepSummary()

    sweep._digests_send(first, NOW, summary_one)
    sweep._digests_send(second, NOW, summary_two)

    assert (summary_one.digests, summary_two.digests) == (3, 0)
    assert Reminder.objects.count() == _expected_reminders()
    assert OutboundEmail.objects.filter(kind="closure_digest").count() == 3


@pytest.mark.django_db
def test_a_digest_another_worker_committed_first_is_not_sent_again(
    team: Team, make_application: MakeApplication
) -> None:
    _overdue_everything(team, make_application)
    clocks.policies_ensure([team.org])
    pending = _pending()
    user = team.interviewer
    today = pending[user.pk][0].policy.today(NOW)

    carried = [
        sweep._digest_send(user=user, today=today, items=pending[user.pk], now=NOW)
        for _ in range(2)
    ]

    assert carried == [3, 0]
    assert Digest.objects.filter(recipient=user).count() == 1
    assert OutboundEmail.objects.filter(to__contains=user.email).count() == 1


@pytest.mark.django_db
def test_two_holding_updates_from_the_same_stale_reading_send_one(
    team: Team, make_application: MakeApplication
) -> None:
    application = make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}
    )
    row = clocks.policy_get(team.org)
    policy = clock_policy(team.org, row)
    tracked, _, _ = clocks.clocks_refresh(
        team.org, policy, NOW, Application.objects.filter(pk=application.pk)
    )
    application = Application.objects.select_related(
        "organization", "candidate", "job__recruiter"
    ).get(pk=application.pk)

    sent = [
        holding._holding_update_send(
            actor=None, application=application, policy=policy, item=tracked[0], now=NOW
        )
        for _ in range(2)
    ]

    assert sent == [True, False]
    assert OutboundEmail.objects.filter(kind="holding_update").count() == 1
    assert ApplicationClock.objects.get(application=application).holding_updates_sent == 1


@pytest.mark.django_db
def test_a_second_sweep_right_after_the_first_is_a_no_op(
    team: Team, make_application: MakeApplication
) -> None:
    _overdue_everything(team, make_application)
    first = closure_sweep(now=NOW)
    second = closure_sweep(now=NOW)
    assert (first.reminders, first.holding_updates) == (_expected_reminders(), 6)
    assert not second.did_something
    _assert_everything_once()
