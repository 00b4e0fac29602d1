"""The dashboard's figures: waiting by state, overdue per person, closure rates."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.closure import calendar, clock
from heardback.closure.models import ApplicationClock, ClosurePolicy
from heardback.closure.selectors.facts import clock_policy, closure_policy_for
from heardback.hiring.models import Application

State = ApplicationClock.State
WAITING_ROWS = 50
# Wait-age buckets for the dashboard, in days since the candidate's latest interview.
AGE_EDGES = (0, 2, 5, 10, 20)
WEEKS = 12


@dataclass
class StateFigure:
    state: str
    label: str
    count: int
    overdue: int


@dataclass
class Rate:
    """Rejected candidates whose feedback was due, and how many got it in time."""

    days: int
    in_time: int = 0
    owed: int = 0

    @property
    def rate(self) -> float | None:
        return round(self.in_time / self.owed, 4) if self.owed else None

    @property
    def percent(self) -> int | None:
        return round(100 * self.in_time / self.owed) if self.owed else None


@dataclass
class PersonFigure:
    user_id: int | None
    name: str
    email: str
    scorecards: int = 0
    decisions: int = 0
    feedback: int = 0

    @property
    def total(self) -> int:
        return self.scorecards + self.decisions + self.feedback


@dataclass
class WeekFigure:
    week_start: dt.date
    in_time: int = 0
    owed: int = 0


@dataclass
class ClosureReport:
    """The dashboard's figures; `heardback closure report` prints the same."""

    organization: str
    time_zone: str
    generated_at: dt.datetime
    clocks_updated_at: dt.datetime | None
    clocks: int
    waiting: int
    overdue: int
    states: list[StateFigure]
    oldest_wait_days: float | None
    closure_rate_30: Rate
    closure_rate_90: Rate
    median_days_to_feedback: float | None
    feedback_delivered_90: int
    holding_updates_due: int
    wait_ages: list[tuple[str, int]]
    overdue_by_interviewer: list[PersonFigure] = field(default_factory=list)
    overdue_by_recruiter: list[PersonFigure] = field(default_factory=list)
    weekly_closure: list[WeekFigure] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("closure_rate_30", "closure_rate_90"):
            rate: Rate = getattr(self, key)
            data[key] = {**data[key], "rate": rate.rate}
        data["wait_ages"] = [{"days": label, "count": n} for label, n in self.wait_ages]
        return data


@dataclass
class WaitingRow:
    clock: ApplicationClock
    overdue: bool
    expected: dt.date | None
    holding_due: bool
    promise_missed: bool


@dataclass
class Dashboard:
    report: ClosureReport
    rows: list[WaitingRow]
    show: str
    policy: ClosurePolicy
    # How many clocks match `show` in all (the rows are the first WAITING_ROWS of them).
    total: int


def _holding_due_q(policy: ClosurePolicy, now: dt.datetime, today: dt.date) -> Q:
    """The clocks whose candidate is owed a holding update (clock.holding_update_due, in SQL)."""
    return (
        Q(state__in=clock.UNDECIDED, decision_due_at__lte=now)
        & Q(holding_updates_sent__lt=policy.max_holding_updates)
        & (Q(expected_decision_date__isnull=True) | Q(expected_decision_date__lt=today))
        & ~Q(application__candidate__email="")
    )


def _age_label(index: int) -> str:
    low = AGE_EDGES[index]
    return f"{low}+" if index == len(AGE_EDGES) - 1 else f"{low}-{AGE_EDGES[index + 1]}"


def closure_report(
    *,
    organization: Organization,
    now: dt.datetime | None = None,
    policy: ClosurePolicy | None = None,
) -> ClosureReport:
    """Waiting candidates by state, overdue work per person, closure rates, time to feedback."""
    now = now or timezone.now()
    policy = policy or closure_policy_for(organization)
    plain = clock_policy(organization, policy)
    today = plain.today(now)
    clocks = ApplicationClock.objects.filter(organization=organization)

    figures: dict[str, Any] = {"updated": Max("updated_at"), "total": Count("id")}
    figures |= {f"n_{s}": Count("id", filter=Q(state=s)) for s in clock.STATES}
    figures |= {f"late_{s}": Count("id", filter=Q(state=s, due_at__lte=now)) for s in clock.WAITING}
    for index, low in enumerate(AGE_EDGES):
        ages = Q(state__in=clock.WAITING, waiting_since__lte=now - dt.timedelta(days=low))
        if index + 1 < len(AGE_EDGES):
            ages &= Q(waiting_since__gt=now - dt.timedelta(days=AGE_EDGES[index + 1]))
        figures[f"age_{index}"] = Count("id", filter=ages)
    figures["oldest"] = Min("waiting_since", filter=Q(state__in=clock.WAITING))
    figures["holding"] = Count("id", filter=_holding_due_q(policy, now, today))
    counts = clocks.aggregate(**figures)

    states = [
        StateFigure(s, str(State(s).label), counts[f"n_{s}"], counts.get(f"late_{s}", 0))
        for s in clock.STATES
    ]
    oldest = counts["oldest"]
    report = ClosureReport(
        organization=organization.slug,
        time_zone=organization.time_zone,
        generated_at=now,
        clocks_updated_at=counts["updated"],
        clocks=counts["total"],
        waiting=sum(f.count for f in states if f.state in clock.WAITING),
        overdue=sum(f.overdue for f in states),
        states=states,
        oldest_wait_days=round((now - oldest).total_seconds() / 86400, 1) if oldest else None,
        closure_rate_30=Rate(30),
        closure_rate_90=Rate(90),
        median_days_to_feedback=None,
        feedback_delivered_90=0,
        holding_updates_due=counts["holding"],
        wait_ages=[(_age_label(i), counts[f"age_{i}"]) for i in range(len(AGE_EDGES))],
    )
    _closure_rates(report, clocks, plain, now)
    report.overdue_by_recruiter = _overdue_by_recruiter(clocks, now)
    report.overdue_by_interviewer = _overdue_by_interviewer(clocks, now)
    return report


def _closure_rates(
    report: ClosureReport,
    clocks: QuerySet[ApplicationClock],
    policy: clock.Policy,
    now: dt.datetime,
) -> None:
    since = now - dt.timedelta(days=90)
    rows = clocks.filter(application__decision=Application.Decision.REJECT).filter(
        Q(application__decided_at__gte=since) | Q(closed_at__gte=since)
    )
    this_week = policy.today(now) - dt.timedelta(days=policy.today(now).weekday())
    weeks = {
        this_week - dt.timedelta(weeks=n): WeekFigure(this_week - dt.timedelta(weeks=n))
        for n in reversed(range(WEEKS))
    }
    days_to_feedback = []
    for state, due_at, in_time, closed_at, interviewed_at, decided_at in rows.values_list(
        "state",
        "due_at",
        "closed_in_time",
        "closed_at",
        "last_interview_at",
        "application__decided_at",
    ):
        if state == clock.CLOSED and closed_at and closed_at >= since:
            report.feedback_delivered_90 += 1
            if interviewed_at is not None:
                days_to_feedback.append((closed_at - interviewed_at).total_seconds() / 86400)
        # Owed: delivered, or due by now. Feedback still within its deadline is not judged yet.
        owed = state == clock.CLOSED or (due_at is not None and due_at <= now)
        if decided_at is None or decided_at < since or not owed:
            continue
        for rate in (report.closure_rate_30, report.closure_rate_90):
            if decided_at >= now - dt.timedelta(days=rate.days):
                rate.owed += 1
                rate.in_time += bool(in_time)
        local = calendar.local_date(decided_at, policy.zone)
        week = weeks.get(local - dt.timedelta(days=local.weekday()))
        if week is not None:
            week.owed += 1
            week.in_time += bool(in_time)
    if days_to_feedback:
        report.median_days_to_feedback = round(statistics.median(days_to_feedback), 1)
    report.weekly_closure = list(weeks.values())


def _overdue_by_recruiter(
    clocks: QuerySet[ApplicationClock], now: dt.datetime
) -> list[PersonFigure]:
    rows = (
        clocks.filter(
            state__in=[clock.AWAITING_DECISION, clock.AWAITING_FEEDBACK_APPROVAL], due_at__lte=now
        )
        .values(
            "application__job__recruiter_id",
            "application__job__recruiter__full_name",
            "application__job__recruiter__email",
        )
        .annotate(
            decisions=Count("id", filter=Q(state=clock.AWAITING_DECISION)),
            feedback=Count("id", filter=Q(state=clock.AWAITING_FEEDBACK_APPROVAL)),
        )
        .order_by()
    )
    people = [
        PersonFigure(
            user_id=row["application__job__recruiter_id"],
            name=row["application__job__recruiter__full_name"] or "",
            email=row["application__job__recruiter__email"] or "",
            decisions=row["decisions"],
            feedback=row["feedback"],
        )
        for row in rows
    ]
    return sorted(people, key=lambda p: (-p.total, p.name, p.email))


def _overdue_by_interviewer(
    clocks: QuerySet[ApplicationClock], now: dt.datetime
) -> list[PersonFigure]:
    late: Counter[int] = Counter()
    for ids in clocks.filter(state=clock.AWAITING_SCORECARDS, due_at__lte=now).values_list(
        "late_interviewer_ids", flat=True
    ):
        late.update(ids or [])
    if not late:
        return []
    users = User.objects.in_bulk(list(late))
    people = [
        PersonFigure(
            user_id=pk,
            name=users[pk].full_name if pk in users else "",
            email=users[pk].email if pk in users else "",
            scorecards=n,
        )
        for pk, n in late.items()
    ]
    return sorted(people, key=lambda p: (-p.total, p.name, p.email))


SHOW_CHOICES = ("", *clock.WAITING, "overdue", "holding")


def closure_dashboard(
    *, organization: Organization, now: dt.datetime | None = None, show: str = ""
) -> Dashboard:
    """The report, plus the longest waits: all waiting, one state, overdue, or owed an update."""
    now = now or timezone.now()
    policy = closure_policy_for(organization)
    report = closure_report(organization=organization, now=now, policy=policy)
    show = show if show in SHOW_CHOICES else ""
    plain = clock_policy(organization, policy)
    today = plain.today(now)
    clocks = ApplicationClock.objects.filter(organization=organization)
    if show in clock.WAITING:
        clocks = clocks.filter(state=show)
    elif show == "overdue":
        clocks = clocks.filter(state__in=clock.WAITING, due_at__lte=now)
    elif show == "holding":
        clocks = clocks.filter(_holding_due_q(policy, now, today))
    else:
        clocks = clocks.filter(state__in=clock.WAITING)
    selected = list(
        clocks.select_related("application__candidate", "application__job")
        .defer("application__candidate__resume_text", "application__job__screening_criteria")
        .order_by("waiting_since", "id")[:WAITING_ROWS]
    )
    rows = []
    for item in selected:
        undecided = item.state in clock.UNDECIDED
        promised = item.expected_decision_date if undecided else None
        expected = promised if promised and promised >= today else None
        if expected is None and item.expects_at is not None:
            candidate_date = calendar.local_date(item.expects_at, plain.zone)
            expected = candidate_date if candidate_date >= today else None
        rows.append(
            WaitingRow(
                clock=item,
                overdue=item.due_at is not None and item.due_at <= now,
                expected=expected,
                holding_due=undecided
                and bool(item.application.candidate.email)
                and clock.holding_update_due(
                    _reading_of(item),
                    policy=plain,
                    now=now,
                    sent=item.holding_updates_sent,
                    max_updates=policy.max_holding_updates,
                    promised=item.expected_decision_date,
                ),
                promise_missed=bool(promised and promised < today),
            )
        )
    by_state = {figure.state: figure.count for figure in report.states}
    total = {"": report.waiting, "overdue": report.overdue, "holding": report.holding_updates_due}
    total |= {state: by_state[state] for state in clock.WAITING}
    return Dashboard(report=report, rows=rows, show=show, policy=policy, total=total[show])


def _reading_of(item: ApplicationClock) -> clock.Reading:
    """The parts of a stored clock that decide whether a holding update is owed."""
    return clock.Reading(state=item.state, decision_due_at=item.decision_due_at)
