"""The closure clock of one application: plain facts in, state and due times out. No ORM.

    not_started ─▶ awaiting_scorecards ─▶ awaiting_decision ─▶ awaiting_feedback_approval
                                                 │                        │
                                                 ▼ hired                  ▼ note queued
                                              closed ◀── note sent ── feedback_scheduled
    withdrawn (from anywhere)

A clock runs only while the candidate is waiting on us: from their latest interview until the
decision, and from a rejection until the feedback note is delivered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from heardback.closure import calendar
from heardback.closure.calendar import Holidays

NOT_STARTED = "not_started"
AWAITING_SCORECARDS = "awaiting_scorecards"
AWAITING_DECISION = "awaiting_decision"
AWAITING_FEEDBACK_APPROVAL = "awaiting_feedback_approval"
FEEDBACK_SCHEDULED = "feedback_scheduled"
CLOSED = "closed"
WITHDRAWN = "withdrawn"
STATES = (
    NOT_STARTED,
    AWAITING_SCORECARDS,
    AWAITING_DECISION,
    AWAITING_FEEDBACK_APPROVAL,
    FEEDBACK_SCHEDULED,
    CLOSED,
    WITHDRAWN,
)
# The candidate is waiting on us in these states; the dashboard counts them.
WAITING = (AWAITING_SCORECARDS, AWAITING_DECISION, AWAITING_FEEDBACK_APPROVAL, FEEDBACK_SCHEDULED)
# Nothing moves a clock out of these: the sweep stops recomputing them.
FINAL = (CLOSED, WITHDRAWN)
# No decision yet, from the candidate's side: holding updates are about these.
UNDECIDED = (AWAITING_SCORECARDS, AWAITING_DECISION)

SCORECARD = "scorecard"
DECISION = "decision"
FEEDBACK = "feedback"
ESCALATION = "_escalation"
REMINDER_KINDS = (
    SCORECARD,
    DECISION,
    FEEDBACK,
    SCORECARD + ESCALATION,
    DECISION + ESCALATION,
    FEEDBACK + ESCALATION,
)


@dataclass(frozen=True)
class Policy:
    """An organization's deadlines and calendar."""

    time_zone: str = "UTC"
    scorecard_hours: int = 24
    decision_days: int = 5
    feedback_days: int = 2
    escalate_after_days: int = 2
    holidays: Holidays = calendar.NO_HOLIDAYS

    @property
    def zone(self) -> ZoneInfo:
        return calendar.zone(self.time_zone)

    def add_days(self, start: dt.datetime, days: int) -> dt.datetime:
        return calendar.add_business_days(start, days, self.zone, self.holidays)

    def add_hours(self, start: dt.datetime, hours: int) -> dt.datetime:
        return calendar.add_business_hours(start, hours, self.zone, self.holidays)

    def today(self, now: dt.datetime) -> dt.date:
        return calendar.local_date(now, self.zone)


@dataclass(frozen=True)
class InterviewFacts:
    scheduled_at: dt.datetime | None
    # Who owes a scorecard: the panel, plus anyone who started one without being on it.
    panel: frozenset[int] = frozenset()
    # Interviewer id → when they submitted.
    submitted: Mapping[int, dt.datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Facts:
    """What the clock needs to know about one application, read in bulk by the sweep."""

    status: str = "active"
    decision: str = "pending"
    decided_at: dt.datetime | None = None
    last_activity_at: dt.datetime | None = None
    interviews: tuple[InterviewFacts, ...] = ()
    # The current feedback note: its status ("" when there is none), delivery and schedule.
    note_status: str = ""
    note_sent_at: dt.datetime | None = None
    note_scheduled_for: dt.datetime | None = None
    # False for a reason that gets no note (a duplicate application, spam): nobody waits.
    sends_note: bool = True


@dataclass(frozen=True)
class LateScorecard:
    interviewer_id: int
    due_at: dt.datetime


@dataclass(frozen=True)
class Reading:
    """The clock at one moment."""

    state: str
    # When the current step is due (for a closed rejection: when the feedback was due).
    due_at: dt.datetime | None = None
    # The candidate's wait started here: their latest interview, else the rejection.
    waiting_since: dt.datetime | None = None
    last_interview_at: dt.datetime | None = None
    next_interview_at: dt.datetime | None = None
    # When the candidate should have a decision, counting the scorecards still owed.
    decision_due_at: dt.datetime | None = None
    # When the candidate should hear from us next (a decision, or their feedback).
    expects_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    # Feedback delivered by its due time; None when no feedback was owed (hired).
    closed_in_time: bool | None = None
    # Every scorecard still owed by a past interview: the earliest due per interviewer.
    missing_scorecards: tuple[LateScorecard, ...] = ()
    # How many interviews have taken place: a later round is a new thing to remind about.
    round: int = 0

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.state in WAITING and self.due_at is not None and now >= self.due_at

    @property
    def late_interviewer_ids(self) -> tuple[int, ...]:
        return tuple(late.interviewer_id for late in self.missing_scorecards)


@dataclass(frozen=True)
class ReminderDue:
    kind: str
    recipient_id: int
    due_at: dt.datetime
    round: int


def read(facts: Facts, policy: Policy, now: dt.datetime) -> Reading:
    """The state and due times of one application at `now`."""
    if facts.status == "withdrawn":
        return Reading(state=WITHDRAWN)
    past = sorted(
        (i for i in facts.interviews if i.scheduled_at is not None and i.scheduled_at <= now),
        key=lambda i: i.scheduled_at,  # type: ignore[arg-type,return-value]
    )
    upcoming = sorted(
        i.scheduled_at
        for i in facts.interviews
        if i.scheduled_at is not None and i.scheduled_at > now
    )
    last_interview = past[-1].scheduled_at if past else None
    base = Reading(
        state=NOT_STARTED,
        last_interview_at=last_interview,
        next_interview_at=upcoming[0] if upcoming else None,
        round=len(past),
    )
    if facts.status == "hired" or facts.decision == "hire":
        closed_at = facts.decided_at or facts.last_activity_at
        return replace(base, state=CLOSED, waiting_since=last_interview, closed_at=closed_at)
    if facts.status == "rejected" or facts.decision == "reject":
        return _read_rejected(facts, policy, now, base)
    if upcoming or last_interview is None:
        # The next interview is booked, or none has happened: nobody is waiting on a verdict.
        return base
    if (
        facts.decision == "advance"
        and facts.last_activity_at is not None
        and facts.last_activity_at > last_interview
    ):
        # Advanced after the latest interview: the next round is to be booked.
        return base
    return _read_undecided(past, policy, last_interview, base)


def _read_rejected(facts: Facts, policy: Policy, now: dt.datetime, base: Reading) -> Reading:
    decided = facts.decided_at or facts.last_activity_at or now
    feedback_due = policy.add_days(decided, policy.feedback_days)
    base = replace(base, due_at=feedback_due, waiting_since=base.last_interview_at or decided)
    if not facts.sends_note:
        return replace(base, state=CLOSED, closed_at=decided, closed_in_time=True)
    if facts.note_status == "sent":
        closed_at = facts.note_sent_at or decided
        return replace(
            base, state=CLOSED, closed_at=closed_at, closed_in_time=closed_at <= feedback_due
        )
    if facts.note_status == "queued":
        scheduled = facts.note_scheduled_for or feedback_due
        return replace(base, state=FEEDBACK_SCHEDULED, expects_at=scheduled)
    return replace(base, state=AWAITING_FEEDBACK_APPROVAL, expects_at=feedback_due)


def _read_undecided(
    past: list[InterviewFacts], policy: Policy, last_interview: dt.datetime, base: Reading
) -> Reading:
    missing: dict[int, dt.datetime] = {}
    submitted: list[dt.datetime] = []
    for interview in past:
        assert interview.scheduled_at is not None
        submitted.extend(interview.submitted.values())
        owed = interview.panel - interview.submitted.keys()
        if not owed:
            continue
        due = policy.add_hours(interview.scheduled_at, policy.scorecard_hours)
        for interviewer_id in owed:
            missing[interviewer_id] = min(due, missing.get(interviewer_id, due))
    if missing:
        # The decision cannot be due before the last scorecard: assume it arrives on time.
        decision_due = policy.add_days(max([*missing.values(), *submitted]), policy.decision_days)
        late = tuple(
            LateScorecard(interviewer_id, due)
            for interviewer_id, due in sorted(missing.items(), key=lambda item: (item[1], item[0]))
        )
        return replace(
            base,
            state=AWAITING_SCORECARDS,
            due_at=late[0].due_at,
            waiting_since=last_interview,
            decision_due_at=decision_due,
            expects_at=decision_due,
            missing_scorecards=late,
        )
    # Every scorecard is in (or nobody owed one): the decision clock runs from the last one.
    decision_due = policy.add_days(max([*submitted, last_interview]), policy.decision_days)
    return replace(
        base,
        state=AWAITING_DECISION,
        due_at=decision_due,
        waiting_since=last_interview,
        decision_due_at=decision_due,
        expects_at=decision_due,
    )


def reminders_due(
    reading: Reading,
    *,
    policy: Policy,
    now: dt.datetime,
    recruiter_id: int | None,
    hiring_manager_id: int | None,
) -> list[ReminderDue]:
    """The reminders an application calls for at `now`, escalations included."""
    due: dict[tuple[str, int], ReminderDue] = {}

    def add(kind: str, recipient_id: int | None, deadline: dt.datetime) -> None:
        if recipient_id is None:
            return
        reminder = ReminderDue(kind, recipient_id, deadline, reading.round)
        previous = due.get((kind, recipient_id))
        if previous is None or deadline < previous.due_at:
            due[(kind, recipient_id)] = reminder

    def escalate(kind: str, deadline: dt.datetime, late_person: int | None) -> None:
        if now < policy.add_days(deadline, policy.escalate_after_days):
            return
        # The hiring manager hears about what is stuck, unless they are the one late; then
        # the recruiter does (for scorecards: the recruiter cannot escalate to themselves).
        for person in (hiring_manager_id, recruiter_id if kind == SCORECARD else None):
            if person is not None and person != late_person:
                add(kind + ESCALATION, person, deadline)
                return

    if reading.state == AWAITING_SCORECARDS:
        for late in reading.missing_scorecards:
            if now >= late.due_at:
                add(SCORECARD, late.interviewer_id, late.due_at)
                escalate(SCORECARD, late.due_at, late.interviewer_id)
    elif reading.state in (AWAITING_DECISION, AWAITING_FEEDBACK_APPROVAL) and reading.is_overdue(
        now
    ):
        assert reading.due_at is not None
        kind = DECISION if reading.state == AWAITING_DECISION else FEEDBACK
        add(kind, recruiter_id, reading.due_at)
        escalate(kind, reading.due_at, recruiter_id)
    return sorted(due.values(), key=lambda r: (r.due_at, r.kind, r.recipient_id))


def holding_update_due(
    reading: Reading,
    *,
    policy: Policy,
    now: dt.datetime,
    sent: int,
    max_updates: int,
    promised: dt.date | None,
) -> bool:
    """Whether the candidate is owed an honest "not decided yet" update now.

    Owed when their decision is overdue, no promised date is still ahead of them, and the
    policy's limit is not reached: one update per missed date, never a stream of them.
    """
    if reading.state not in UNDECIDED or reading.decision_due_at is None:
        return False
    if now < reading.decision_due_at or sent >= max_updates:
        return False
    return promised is None or promised < policy.today(now)


def holding_update_date(policy: Policy, now: dt.datetime) -> dt.date:
    """The date a holding update promises: the decision deadline again, counted from today."""
    return calendar.add_business_days_to_date(
        policy.today(now), policy.decision_days, policy.holidays
    )
