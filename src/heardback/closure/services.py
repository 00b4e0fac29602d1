"""Closure clock state changes: the sweep, reminders in daily digests, holding updates.

Every email goes through the outbox with an idempotency key, and every reminder and digest is a
row under a unique constraint, so a sweep run twice, or by two workers at once, sends nothing
twice. docs/closure.md explains the rules to recruiters and operators.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from heardback.accounts.models import Language, Membership, Organization, User
from heardback.accounts.services import audit
from heardback.closure import calendar, clock
from heardback.closure.models import ApplicationClock, ClosurePolicy, Digest, Reminder
from heardback.closure.selectors import TrackedFacts, clock_facts, clock_policy, long_date
from heardback.hiring.models import Application
from heardback.outbox import delivery
from heardback.outbox.services import email_enqueue

logger = logging.getLogger(__name__)

# Digests and automatic holding updates wait for the working day: business days from this
# hour, local time. A reminder that falls due in the night goes out in the morning's digest.
WORKDAY_STARTS = dt.time(8)
# A digest lists this many items and counts the rest; the dashboard lists them all.
DIGEST_ITEMS = 40
# Clock rows per write transaction: each holds SQLite's write lock for a few milliseconds.
WRITE_BATCH = 100
CLOCK_FIELDS = [
    "state",
    "due_at",
    "waiting_since",
    "last_interview_at",
    "decision_due_at",
    "expects_at",
    "closed_at",
    "closed_in_time",
    "late_interviewer_ids",
]


class ClosureError(ValidationError):
    """A closure action refused for a reason the user can act on."""


@dataclass
class SweepSummary:
    organizations: int = 0
    skipped: int = 0
    clocks_created: int = 0
    clocks_updated: int = 0
    reminders: int = 0
    digests: int = 0
    holding_updates: int = 0

    def __str__(self) -> str:
        return (
            f"Swept {self.organizations} organization(s) ({self.skipped} skipped: another worker "
            f"had them). Clocks: {self.clocks_created} created, {self.clocks_updated} updated. "
            f"Reminders: {self.reminders} in {self.digests} digest(s). "
            f"Holding updates: {self.holding_updates}."
        )

    @property
    def did_something(self) -> bool:
        return any((self.clocks_created, self.clocks_updated, self.reminders, self.holding_updates))


@dataclass
class Tracked:
    """One application in a refresh: its facts, its fresh reading, its holding updates so far."""

    facts: TrackedFacts
    reading: clock.Reading
    holding_updates_sent: int = 0
    expected_decision_date: dt.date | None = None


@dataclass
class _ClockWrites:
    created: list[ApplicationClock]
    changed: list[ApplicationClock]
    # Applications decided since a holding update promised a date: the promise is void.
    decided: list[int]


@dataclass
class _Pending:
    """A reminder due, waiting for its recipient's next digest."""

    organization: Organization
    policy: clock.Policy
    due: clock.ReminderDue
    application_id: int


# --- Policy ---------------------------------------------------------------------------------


def _policies_ensure(organizations: list[Organization]) -> dict[int, ClosurePolicy]:
    """Every organization's closure policy, created with the defaults where it has none."""
    policies = {
        p.organization_id: p for p in ClosurePolicy.objects.filter(organization__in=organizations)
    }
    missing = [ClosurePolicy(organization=o) for o in organizations if o.pk not in policies]
    if missing:
        ClosurePolicy.objects.bulk_create(missing, ignore_conflicts=True)
        policies = {
            p.organization_id: p
            for p in ClosurePolicy.objects.filter(organization__in=organizations)
        }
    return policies


def _policy_get(organization: Organization) -> ClosurePolicy:
    return _policies_ensure([organization])[organization.pk]


@transaction.atomic
def closure_policy_update(
    *,
    actor: User | None,
    organization: Organization,
    holidays: list[str] | None = None,
    holding_updates: str | None = None,
    max_holding_updates: int | None = None,
    escalate_after_days: int | None = None,
) -> ClosurePolicy:
    """Change the organization's holidays, holding-update mode and limits."""
    policy = _policy_get(organization)
    changes = {
        "holidays": holidays,
        "holding_updates": holding_updates,
        "max_holding_updates": max_holding_updates,
        "escalate_after_days": escalate_after_days,
    }
    for name, value in changes.items():
        if value is not None:
            setattr(policy, name, value)
    policy.updated_at = timezone.now()
    policy.full_clean(exclude=["organization"])
    policy.save()
    audit(
        organization=organization,
        actor=actor,
        action="closure.policy",
        obj=policy,
        **{name: value for name, value in changes.items() if value is not None},
    )
    return policy


# --- Clocks ---------------------------------------------------------------------------------


def _clock_values(reading: clock.Reading, now: dt.datetime) -> dict[str, object]:
    late = [r.interviewer_id for r in reading.missing_scorecards if r.due_at <= now]
    return {
        "state": reading.state,
        "due_at": reading.due_at,
        "waiting_since": reading.waiting_since,
        "last_interview_at": reading.last_interview_at,
        "decision_due_at": reading.decision_due_at,
        "expects_at": reading.expects_at,
        "closed_at": reading.closed_at,
        "closed_in_time": reading.closed_in_time,
        "late_interviewer_ids": late,
    }


def _open_applications(organization: Organization) -> QuerySet[Application]:
    # A closed or withdrawn clock never moves again: leave those rows alone.
    return Application.objects.filter(organization=organization).exclude(
        closure_clock__state__in=clock.FINAL
    )


def _clocks_compute(
    organization: Organization,
    policy: clock.Policy,
    now: dt.datetime,
    applications: QuerySet[Application],
) -> tuple[list[Tracked], _ClockWrites]:
    """Read the facts and stored clocks of `applications` in bulk; what to write. Reads only."""
    facts = clock_facts(applications=applications)
    stored = {
        row[1]: row
        for row in ApplicationClock.objects.filter(
            application__in=applications.values("pk")
        ).values_list(
            "pk", "application_id", *CLOCK_FIELDS, "holding_updates_sent", "expected_decision_date"
        )
    }
    tracked, writes = [], _ClockWrites([], [], [])
    for item in facts:
        reading = clock.read(item.facts, policy, now)
        values = _clock_values(reading, now)
        row = stored.get(item.application_id)
        if row is None:
            writes.created.append(
                ApplicationClock(
                    organization=organization,
                    application_id=item.application_id,
                    updated_at=now,
                    **values,
                )
            )
            tracked.append(Tracked(item, reading))
            continue
        pk, _, *current, sent, promised = row
        if list(values.values()) != current:
            writes.changed.append(ApplicationClock(pk=pk, updated_at=now, **values))
        if promised is not None and reading.state not in clock.UNDECIDED:
            writes.decided.append(item.application_id)
        tracked.append(Tracked(item, reading, sent, promised))
    return tracked, writes


def _clocks_write(writes: _ClockWrites, *, policy_id: int | None = None) -> bool:
    """Write the clocks in short transactions; False if another worker is writing them.

    Short, because on SQLite every write transaction holds the whole database: the web and the
    outbox must never wait long for a sweep. With `policy_id`, each transaction first takes
    the organization's policy row (PostgreSQL: FOR UPDATE SKIP LOCKED) and gives up the round
    to a worker that holds it. Rows go in primary-key order, so two writers never deadlock.
    """
    created, changed = writes.created, sorted(writes.changed, key=lambda row: row.pk)
    steps: list[Callable[[], object]] = [
        partial(
            ApplicationClock.objects.bulk_create,
            created[i : i + WRITE_BATCH],
            ignore_conflicts=True,
        )
        for i in range(0, len(created), WRITE_BATCH)
    ]
    steps += [
        partial(
            ApplicationClock.objects.bulk_update,
            changed[i : i + WRITE_BATCH],
            [*CLOCK_FIELDS, "updated_at"],
        )
        for i in range(0, len(changed), WRITE_BATCH)
    ]
    if writes.decided:
        # Conditional: a promise a recruiter's click made meanwhile is not undone.
        void = ApplicationClock.objects.filter(application_id__in=writes.decided).exclude(
            state__in=clock.UNDECIDED
        )
        steps.append(partial(void.update, expected_decision_date=None))
    for write in steps:
        with transaction.atomic():
            if policy_id is not None and not _organization_lock(policy_id):
                return False
            write()
    return True


def _organization_lock(policy_id: int) -> bool:
    # This only saves work on PostgreSQL: the unique constraints and idempotency keys are what
    # keep two sweeps from sending anything twice. (SQLite has no row locks: always True.)
    return ClosurePolicy.objects.select_for_update(skip_locked=True).filter(pk=policy_id).exists()


def _clocks_refresh(
    organization: Organization,
    policy: clock.Policy,
    now: dt.datetime,
    applications: QuerySet[Application],
) -> tuple[list[Tracked], int, int]:
    """Recompute the clocks of `applications` in bulk; (tracked, created, updated)."""
    tracked, writes = _clocks_compute(organization, policy, now, applications)
    _clocks_write(writes)
    return tracked, len(writes.created), len(writes.changed)


def closure_clocks_refresh(
    *, actor: User | None, organization: Organization, now: dt.datetime | None = None
) -> int:
    """Recompute the organization's open clocks now, sending nothing; how many changed."""
    now = now or timezone.now()
    policy = clock_policy(organization, _policy_get(organization))
    _, writes = _clocks_compute(organization, policy, now, _open_applications(organization))
    _clocks_write(writes)
    return len(writes.created) + len(writes.changed)


# --- The sweep ------------------------------------------------------------------------------


def _workday(policy: clock.Policy, now: dt.datetime) -> bool:
    local = now.astimezone(policy.zone)
    return (
        calendar.is_business_day(local.date(), policy.holidays) and local.time() >= WORKDAY_STARTS
    )


def closure_sweep(*, now: dt.datetime | None = None) -> SweepSummary:
    """Recompute every open clock; send the due reminders (in digests) and holding updates."""
    now = now or timezone.now()
    summary = SweepSummary()
    organizations = list(Organization.objects.order_by("pk"))
    policies = _policies_ensure(organizations)
    pending: dict[int, list[_Pending]] = defaultdict(list)
    for organization in organizations:
        _sweep_organization(organization, policies[organization.pk], now, summary, pending)
    _digests_send(pending, now, summary)
    if summary.did_something:
        logger.info("closure: %s", summary)
    return summary


def _sweep_organization(
    organization: Organization,
    closure_policy: ClosurePolicy,
    now: dt.datetime,
    summary: SweepSummary,
    pending: dict[int, list[_Pending]],
) -> None:
    policy = clock_policy(organization, closure_policy)
    applications = _open_applications(organization)
    # Read and think outside any transaction: on SQLite a transaction holds the database's
    # write lock, and the web should not wait while a sweep computes ten thousand clocks.
    tracked, writes = _clocks_compute(organization, policy, now, applications)
    if not _clocks_write(writes, policy_id=closure_policy.pk):
        summary.skipped += 1
        return
    summary.organizations += 1
    summary.clocks_created += len(writes.created)
    summary.clocks_updated += len(writes.changed)
    if closure_policy.holding_updates == ClosurePolicy.HoldingUpdates.AUTO and _workday(
        policy, now
    ):
        summary.holding_updates += _holding_updates_send(
            actor=None,
            organization=organization,
            policy=policy,
            closure_policy=closure_policy,
            tracked=tracked,
            now=now,
        )
    _reminders_collect(organization, policy, tracked, applications, now, pending)


def _reminders_collect(
    organization: Organization,
    policy: clock.Policy,
    tracked: list[Tracked],
    applications: QuerySet[Application],
    now: dt.datetime,
    pending: dict[int, list[_Pending]],
) -> None:
    """Add the organization's due reminders not sent before to `pending`, by recipient."""
    admin_id: int | None = None
    if any(t.facts.recruiter_id is None for t in tracked):
        # Nobody owns the job: its decisions and feedback fall to the organization's admin.
        admin_id = (
            Membership.objects.filter(organization=organization, role=Membership.Role.ADMIN)
            .order_by("created_at", "pk")
            .values_list("user_id", flat=True)
            .first()
        )
    due = [
        (t.facts.application_id, reminder)
        for t in tracked
        for reminder in clock.reminders_due(
            t.reading,
            policy=policy,
            now=now,
            recruiter_id=t.facts.recruiter_id or admin_id,
            hiring_manager_id=t.facts.hiring_manager_id,
        )
    ]
    if not due:
        return
    sent = set(
        Reminder.objects.filter(
            organization=organization, application__in=applications.values("pk")
        ).values_list("recipient_id", "kind", "application_id", "round")
    )
    for application_id, reminder in due:
        key = (reminder.recipient_id, reminder.kind, application_id, reminder.round)
        if key not in sent:
            pending[reminder.recipient_id].append(
                _Pending(organization, policy, reminder, application_id)
            )


def _digests_send(
    pending: dict[int, list[_Pending]], now: dt.datetime, summary: SweepSummary
) -> None:
    if not pending:
        return
    users = User.objects.filter(is_active=True).in_bulk(list(pending))
    ready: dict[int, tuple[dt.date, list[_Pending]]] = {}
    for user_id, items in pending.items():
        items.sort(key=lambda p: (p.organization.pk, p.due.due_at, p.application_id, p.due.kind))
        # The digest's day is the first organization's: a person in two organizations in two
        # time zones still gets one digest a day, sent in their morning there.
        first = items[0].policy
        if user_id in users and _workday(first, now):
            ready[user_id] = (first.today(now), items)
    done = set(
        Digest.objects.filter(
            recipient_id__in=list(ready), local_date__in={day for day, _ in ready.values()}
        ).values_list("recipient_id", "local_date")
    )
    for user_id, (today, items) in sorted(ready.items()):
        if (user_id, today) in done:
            continue  # today's digest is out: these wait for tomorrow's
        try:
            carried = _digest_send(user=users[user_id], today=today, items=items, now=now)
        except ValidationError as error:
            # A person with an unusable address must not hold back everyone else's digest.
            logger.warning("closure: no digest for user %s: %s", user_id, error)
            continue
        if carried:
            summary.digests += 1
            summary.reminders += carried


@transaction.atomic
def _digest_send(*, user: User, today: dt.date, items: list[_Pending], now: dt.datetime) -> int:
    """Record today's digest and its reminders, and queue its email; how many it carries."""
    organization = items[0].organization
    try:
        with transaction.atomic():
            digest = Digest.objects.create(
                recipient=user, local_date=today, organization=organization, created_at=now
            )
    except IntegrityError:
        return 0  # another worker sent today's digest first
    Reminder.objects.bulk_create(
        [
            Reminder(
                organization=p.organization,
                recipient=user,
                kind=p.due.kind,
                application_id=p.application_id,
                round=p.due.round,
                due_at=p.due.due_at,
                digest=digest,
                sent_on=today,
                created_at=now,
            )
            for p in items
        ],
        batch_size=500,
        ignore_conflicts=True,
    )
    # Re-read: a reminder another worker recorded first (in yesterday's digest) is not ours.
    carried = Reminder.objects.filter(digest=digest)
    count = carried.count()
    if not count:
        transaction.set_rollback(True)
        return 0
    shown = list(
        carried.select_related("organization", "application__candidate", "application__job")
        .defer("application__candidate__resume_text", "application__job__screening_criteria")
        .order_by("kind", "due_at", "id")[:DIGEST_ITEMS]
    )
    names = sorted(set(carried.values_list("organization__name", flat=True)))
    zones = {p.organization.pk: p.policy.zone for p in items}
    subject, text, html = _digest_render(user, today, shown, count, names, zones)
    email = email_enqueue(
        organization=organization,
        to=delivery.mailbox(user.full_name, user.email, field="to"),
        subject=subject,
        text=text,
        html=html,
        reply_to=None,
        idempotency_key=f"digest:{user.pk}:{today.isoformat()}",
        kind="closure_digest",
    )
    Digest.objects.filter(pk=digest.pk).update(email=email, reminder_count=count)
    return count


def _absolute(path: str) -> str:
    return f"{settings.HEARDBACK_BASE_URL}{path}"


def _language(value: str) -> str:
    return value if value in Language.values else Language.EN


def _digest_render(
    user: User,
    today: dt.date,
    shown: list[Reminder],
    count: int,
    organizations: list[str],
    zones: dict[int, ZoneInfo],
) -> tuple[str, str, str]:
    language = _language(user.language)
    scorecards = _absolute(reverse("hiring:scorecard-list-mine"))
    with translation.override(language):
        items = [
            {
                "kind": r.kind,
                "organization": r.organization.name,
                "candidate": r.application.candidate.full_name,
                "job": r.application.job.title,
                "due": formats.date_format(
                    r.due_at.astimezone(zones.get(r.organization_id, dt.UTC)), "D j M, H:i"
                ),
                "url": scorecards
                if r.kind == clock.SCORECARD
                else _absolute(reverse("hiring:application-detail", args=[r.application_id])),
            }
            for r in shown
        ]
        context = {
            "user": user,
            "date": long_date(today, language),
            "items": items,
            "count": count,
            "more": count - len(items),
            "organizations": organizations,
            "dashboard_url": _absolute(reverse("closure:dashboard")),
        }
        name = f"closure/emails/digest.{language}"
        return (
            " ".join(render_to_string(f"{name}.subject.txt", context).split()),
            render_to_string(f"{name}.txt", context),
            render_to_string(f"{name}.html", context),
        )


# --- Holding updates ------------------------------------------------------------------------


def _holding_due(
    item: Tracked, closure_policy: ClosurePolicy, policy: clock.Policy, now: dt.datetime
) -> bool:
    return bool(item.facts.candidate_email) and clock.holding_update_due(
        item.reading,
        policy=policy,
        now=now,
        sent=item.holding_updates_sent,
        max_updates=closure_policy.max_holding_updates,
        promised=item.expected_decision_date,
    )


def _holding_updates_send(
    *,
    actor: User | None,
    organization: Organization,
    policy: clock.Policy,
    closure_policy: ClosurePolicy,
    tracked: list[Tracked],
    now: dt.datetime,
) -> int:
    """Send a holding update to every candidate owed one among `tracked`; how many were sent."""
    due = {
        t.facts.application_id: t for t in tracked if _holding_due(t, closure_policy, policy, now)
    }
    if not due:
        return 0
    applications = Application.objects.filter(pk__in=list(due)).select_related(
        "organization", "candidate", "job__recruiter"
    )
    sent = 0
    for application in applications.order_by("pk"):
        try:
            sent += _holding_update_send(
                actor=actor,
                application=application,
                policy=policy,
                item=due[application.pk],
                now=now,
            )
        except ValidationError as error:
            # One unreachable candidate must not hold back everyone else's update.
            logger.warning(
                "closure: no holding update for application %s: %s", application.pk, error
            )
    return sent


def _holding_update_send(
    *,
    actor: User | None,
    application: Application,
    policy: clock.Policy,
    item: Tracked,
    now: dt.datetime,
) -> bool:
    """Promise a new date and queue the email; False when another sweep or click got there first."""
    sent = item.holding_updates_sent
    promised = clock.holding_update_date(policy, now)
    with transaction.atomic():
        # Compare-and-set on the count: of two concurrent senders exactly one wins.
        won = ApplicationClock.objects.filter(
            application_id=application.pk, holding_updates_sent=sent
        ).update(
            holding_updates_sent=sent + 1,
            expected_decision_date=promised,
            last_holding_update_at=now,
        )
        if not won:
            return False
        candidate, recruiter = application.candidate, application.job.recruiter
        subject, text, html = _holding_update_render(application, item.reading, promised, policy)
        email_enqueue(
            organization=application.organization,
            to=delivery.mailbox(candidate.full_name, candidate.email, field="to"),
            reply_to=(
                delivery.mailbox(recruiter.full_name, recruiter.email, field="reply_to")
                if recruiter is not None
                else None
            ),
            subject=subject,
            text=text,
            html=html,
            idempotency_key=f"holding_update:{application.pk}:{sent + 1}",
            kind="holding_update",
        )
        audit(
            organization=application.organization,
            actor=actor,
            action="closure.holding_update",
            obj=application,
            number=sent + 1,
            promised=promised.isoformat(),
        )
    return True


def _holding_update_render(
    application: Application, reading: clock.Reading, promised: dt.date, policy: clock.Policy
) -> tuple[str, str, str]:
    candidate, organization = application.candidate, application.organization
    language = _language(candidate.language)
    recruiter = application.job.recruiter
    interviewed = (
        long_date(calendar.local_date(reading.last_interview_at, policy.zone), language)
        if reading.last_interview_at
        else ""
    )
    context = {
        "first_name": candidate.first_name,
        "job": application.job.title,
        "organization": organization.name,
        "sender": organization.sender_name or organization.name,
        "recruiter": recruiter.full_name if recruiter is not None else "",
        "interviewed": interviewed,
        "promised": long_date(promised, language),
    }
    name = f"closure/emails/holding_update.{language}"
    with translation.override(language):
        return (
            " ".join(render_to_string(f"{name}.subject.txt", context).split()),
            render_to_string(f"{name}.txt", context),
            render_to_string(f"{name}.html", context),
        )


def _why_no_holding_update(
    item: Tracked, closure_policy: ClosurePolicy, policy: clock.Policy, now: dt.datetime
) -> str:
    reading = item.reading
    if not item.facts.candidate_email:
        return "The candidate has no email address."
    if reading.state not in clock.UNDECIDED:
        return "This candidate is not waiting for a decision."
    if reading.decision_due_at is not None and now < reading.decision_due_at:
        due = calendar.local_date(reading.decision_due_at, policy.zone)
        return f"The decision is not overdue yet: it is due by {long_date(due, 'en')}."
    if item.holding_updates_sent >= closure_policy.max_holding_updates:
        return (
            f"This candidate already had {item.holding_updates_sent} holding updates, "
            "the most the policy allows."
        )
    promised = item.expected_decision_date
    if promised is not None:
        return f"The candidate was promised an answer by {long_date(promised, 'en')}."
    return "No holding update is due."


@transaction.atomic
def holding_update_send(
    *, actor: User, application: Application, now: dt.datetime | None = None
) -> dt.date:
    """Tell one candidate whose decision is overdue that we have not decided yet, and by when."""
    now = now or timezone.now()
    organization = application.organization
    closure_policy = _policy_get(organization)
    policy = clock_policy(organization, closure_policy)
    one = Application.objects.filter(pk=application.pk).exclude(
        closure_clock__state__in=clock.FINAL
    )
    tracked, _, _ = _clocks_refresh(organization, policy, now, one)
    if not tracked:
        raise ClosureError("This candidate's process is closed.")
    item = tracked[0]
    if not _holding_due(item, closure_policy, policy, now):
        raise ClosureError(_why_no_holding_update(item, closure_policy, policy, now))
    application = Application.objects.select_related(
        "organization", "candidate", "job__recruiter"
    ).get(pk=application.pk)
    if not _holding_update_send(
        actor=actor, application=application, policy=policy, item=item, now=now
    ):
        raise ClosureError("Another update was sent to this candidate a moment ago.")
    return clock.holding_update_date(policy, now)


def holding_updates_send_overdue(
    *, actor: User, organization: Organization, now: dt.datetime | None = None
) -> int:
    """Send a holding update to every candidate of the organization owed one; how many."""
    now = now or timezone.now()
    closure_policy = _policy_get(organization)
    policy = clock_policy(organization, closure_policy)
    # Not one transaction: each candidate's update commits on its own, so one bad address
    # does not roll back the others' (and a long run does not hold SQLite's write lock).
    tracked, writes = _clocks_compute(organization, policy, now, _open_applications(organization))
    _clocks_write(writes)
    sent = _holding_updates_send(
        actor=actor,
        organization=organization,
        policy=policy,
        closure_policy=closure_policy,
        tracked=tracked,
        now=now,
    )
    audit(organization=organization, actor=actor, action="closure.holding_update_all", count=sent)
    return sent
