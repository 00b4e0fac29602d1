"""The clock of one application from plain facts: every state, its due time, its reminders."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from heardback.closure import calendar, clock
from heardback.closure.clock import Facts, InterviewFacts, Policy, read, reminders_due

PARIS = ZoneInfo("Europe/Paris")
POLICY = Policy(
    time_zone="Europe/Paris",
    holidays=calendar.parse_holidays(["2026-04-06"]),  # Easter Monday
)
INTERVIEWER, OTHER, RECRUITER, MANAGER = 11, 12, 21, 31


def paris(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=PARIS).astimezone(dt.UTC)  # type: ignore[misc,arg-type]


def interview(at: dt.datetime, **submitted: dt.datetime) -> InterviewFacts:
    done = {INTERVIEWER if name == "me" else OTHER: when for name, when in submitted.items()}
    return InterviewFacts(scheduled_at=at, panel=frozenset({INTERVIEWER, OTHER}), submitted=done)


THURSDAY = paris(2026, 3, 26, 14)


def test_a_withdrawn_candidate_has_no_clock() -> None:
    reading = read(Facts(status="withdrawn", interviews=(interview(THURSDAY),)), POLICY, THURSDAY)
    assert reading.state == clock.WITHDRAWN and reading.due_at is None


def test_before_any_interview_no_clock_runs() -> None:
    assert read(Facts(), POLICY, THURSDAY).state == clock.NOT_STARTED


def test_a_booked_next_interview_means_nobody_waits_on_a_verdict() -> None:
    later = paris(2026, 4, 2, 10)
    facts = Facts(interviews=(interview(THURSDAY, me=THURSDAY), interview(later)))
    reading = read(facts, POLICY, paris(2026, 3, 30, 9))
    assert reading.state == clock.NOT_STARTED
    assert reading.next_interview_at == later and reading.round == 1


def test_whole_timeline_in_paris_across_dst_and_easter_monday() -> None:
    """Interview on Thursday, scorecards, decision, rejection, feedback: every due time."""
    facts = Facts(interviews=(interview(THURSDAY),))

    # Thursday 14:00: the interview is over; scorecards are due 24 business hours later.
    reading = read(facts, POLICY, paris(2026, 3, 26, 15))
    assert reading.state == clock.AWAITING_SCORECARDS
    assert reading.due_at == paris(2026, 3, 27, 14)
    assert not reading.is_overdue(paris(2026, 3, 27, 13, 59))
    assert reading.is_overdue(paris(2026, 3, 27, 14))
    assert reading.waiting_since == THURSDAY
    assert [late.interviewer_id for late in reading.missing_scorecards] == [INTERVIEWER, OTHER]

    # One scorecard on Friday 11:00, the last at 16:00: the decision is due 5 business days
    # after the last one, across the DST change, on Friday 3 April at 16:00 summer time.
    facts = Facts(interviews=(interview(THURSDAY, me=paris(2026, 3, 27, 11)),))
    reading = read(facts, POLICY, paris(2026, 3, 27, 12))
    assert reading.state == clock.AWAITING_SCORECARDS
    assert reading.missing_scorecards == (clock.LateScorecard(OTHER, paris(2026, 3, 27, 14)),)
    last = paris(2026, 3, 27, 16)
    facts = Facts(interviews=(interview(THURSDAY, me=paris(2026, 3, 27, 11), other=last),))
    reading = read(facts, POLICY, paris(2026, 3, 30, 9))
    assert reading.state == clock.AWAITING_DECISION
    assert reading.due_at == paris(2026, 4, 3, 16) == dt.datetime(2026, 4, 3, 14, tzinfo=dt.UTC)
    assert reading.expects_at == reading.decision_due_at == reading.due_at

    # Rejected on Friday 3 April 15:00: feedback due two business days later, Easter Monday
    # skipped: Wednesday 8 April, 15:00.
    decided = paris(2026, 4, 3, 15)
    rejected = Facts(
        status="rejected", decision="reject", decided_at=decided, interviews=facts.interviews
    )
    reading = read(rejected, POLICY, paris(2026, 4, 7, 9))
    assert reading.state == clock.AWAITING_FEEDBACK_APPROVAL
    assert reading.due_at == paris(2026, 4, 8, 15)

    scheduled = Facts(**{**rejected.__dict__, "note_status": "queued"})
    assert read(scheduled, POLICY, paris(2026, 4, 7, 9)).state == clock.FEEDBACK_SCHEDULED

    sent_at = paris(2026, 4, 7, 14)
    sent = Facts(**{**rejected.__dict__, "note_status": "sent", "note_sent_at": sent_at})
    reading = read(sent, POLICY, paris(2026, 4, 9, 9))
    assert reading.state == clock.CLOSED
    assert reading.closed_in_time is True
    # Twelve days on the wall clock, one hour less in fact: the clocks went forward.
    assert sent_at - THURSDAY == dt.timedelta(days=11, hours=23)


def test_feedback_delivered_after_its_deadline_closes_late() -> None:
    decided = paris(2026, 3, 2, 10)
    facts = Facts(
        status="rejected",
        decision="reject",
        decided_at=decided,
        note_status="sent",
        note_sent_at=paris(2026, 3, 4, 10, 1),
    )
    reading = read(facts, POLICY, paris(2026, 3, 10))
    assert reading.state == clock.CLOSED and reading.closed_in_time is False
    assert reading.waiting_since == decided  # rejected without an interview


def test_a_hire_closes_the_clock_with_no_feedback_owed() -> None:
    decided = paris(2026, 3, 30, 10)
    reading = read(
        Facts(status="hired", decision="hire", decided_at=decided), POLICY, paris(2026, 4, 1)
    )
    assert reading.state == clock.CLOSED
    assert reading.closed_at == decided and reading.closed_in_time is None


def test_advancing_after_the_interview_stops_the_clock_until_the_next_round() -> None:
    facts = Facts(
        decision="advance",
        last_activity_at=paris(2026, 3, 27, 9),
        interviews=(interview(THURSDAY, me=THURSDAY, other=THURSDAY),),
    )
    assert read(facts, POLICY, paris(2026, 3, 30)).state == clock.NOT_STARTED


def test_an_interview_with_no_panel_runs_the_decision_clock_from_the_interview() -> None:
    facts = Facts(interviews=(InterviewFacts(scheduled_at=THURSDAY),))
    reading = read(facts, POLICY, paris(2026, 3, 27))
    assert reading.state == clock.AWAITING_DECISION
    assert reading.due_at == paris(2026, 4, 2, 14)


def test_reminders_go_to_late_interviewers_then_escalate_to_the_hiring_manager() -> None:
    reading = read(Facts(interviews=(interview(THURSDAY),)), POLICY, paris(2026, 3, 27, 15))
    people = {"recruiter_id": RECRUITER, "hiring_manager_id": MANAGER}

    assert reminders_due(reading, policy=POLICY, now=paris(2026, 3, 27, 13), **people) == []
    due = reminders_due(reading, policy=POLICY, now=paris(2026, 3, 27, 15), **people)
    assert [(r.kind, r.recipient_id) for r in due] == [
        ("scorecard", INTERVIEWER),
        ("scorecard", OTHER),
    ]
    # Two business days later (over the weekend): Tuesday 31 March, 14:00.
    later = reminders_due(reading, policy=POLICY, now=paris(2026, 3, 31, 14), **people)
    assert ("scorecard_escalation", MANAGER) in [(r.kind, r.recipient_id) for r in later]
    assert all(r.round == 1 for r in later)


def test_a_late_hiring_manager_is_escalated_to_the_recruiter() -> None:
    alone = InterviewFacts(scheduled_at=THURSDAY, panel=frozenset({INTERVIEWER}))
    reading = read(Facts(interviews=(alone,)), POLICY, paris(2026, 3, 27, 15))
    due = reminders_due(
        reading,
        policy=POLICY,
        now=paris(2026, 4, 1),
        recruiter_id=RECRUITER,
        hiring_manager_id=INTERVIEWER,
    )
    assert [(r.kind, r.recipient_id) for r in due if r.kind.endswith("escalation")] == [
        ("scorecard_escalation", RECRUITER)
    ]


def test_decisions_and_feedback_remind_the_recruiter() -> None:
    facts = Facts(interviews=(interview(THURSDAY, me=THURSDAY, other=THURSDAY),))
    reading = read(facts, POLICY, paris(2026, 4, 3))
    people = {"recruiter_id": RECRUITER, "hiring_manager_id": MANAGER}
    assert reminders_due(reading, policy=POLICY, now=paris(2026, 4, 2, 13), **people) == []
    due = reminders_due(reading, policy=POLICY, now=paris(2026, 4, 2, 14), **people)
    assert [(r.kind, r.recipient_id) for r in due] == [("decision", RECRUITER)]
    escalated = reminders_due(reading, policy=POLICY, now=paris(2026, 4, 7, 14), **people)
    assert ("decision_escalation", MANAGER) in [(r.kind, r.recipient_id) for r in escalated]

    rejected = Facts(status="rejected", decision="reject", decided_at=paris(2026, 4, 1, 9))
    reading = read(rejected, POLICY, paris(2026, 4, 3, 10))
    due = reminders_due(reading, policy=POLICY, now=paris(2026, 4, 3, 10), **people)
    assert [(r.kind, r.recipient_id) for r in due] == [("feedback", RECRUITER)]


def test_a_holding_update_is_owed_once_per_missed_date_up_to_the_limit() -> None:
    facts = Facts(interviews=(interview(THURSDAY, me=THURSDAY, other=THURSDAY),))
    now = paris(2026, 4, 3, 9)  # decision due Thursday 2 April, 14:00
    reading = read(facts, POLICY, now)
    owed = {"policy": POLICY, "now": now, "max_updates": 2}
    assert clock.holding_update_due(reading, sent=0, promised=None, **owed)
    assert not clock.holding_update_due(reading, sent=2, promised=None, **owed)
    assert not clock.holding_update_due(reading, sent=1, promised=dt.date(2026, 4, 3), **owed)
    assert clock.holding_update_due(reading, sent=1, promised=dt.date(2026, 4, 2), **owed)
    early = {**owed, "now": paris(2026, 4, 2, 13)}
    assert not clock.holding_update_due(reading, sent=0, promised=None, **early)
    # The new promise: the decision deadline again, counted in business days from today.
    assert clock.holding_update_date(POLICY, now) == dt.date(2026, 4, 13)


def test_a_rejection_that_gets_no_note_closes_at_once() -> None:
    """A duplicate application or spam: nobody waits, so no feedback is overdue."""
    facts = Facts(
        status="rejected", decision="reject", decided_at=THURSDAY,
        interviews=(interview(THURSDAY),), sends_note=False,
    )  # fmt: skip
    reading = read(facts, POLICY, THURSDAY + dt.timedelta(days=30))
    assert (reading.state, reading.closed_at, reading.closed_in_time) == (
        clock.CLOSED,
        THURSDAY,
        True,
    )
    assert reminders_due(reading, policy=POLICY, now=THURSDAY + dt.timedelta(days=30),
                         recruiter_id=RECRUITER, hiring_manager_id=MANAGER) == []  # fmt: skip
