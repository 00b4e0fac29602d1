"""Clocks in bulk: read the facts, compute every reading, write what changed."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.closure import clock
from heardback.closure.models import ApplicationClock, ClosurePolicy
from heardback.closure.selectors import TrackedFacts, clock_facts, clock_policy
from heardback.hiring.models import Application

# Clock rows per write transaction: each holds SQLite's write lock for a few milliseconds.
WRITE_BATCH = 200
WRITE_PAUSE = 0.02
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


def policies_ensure(organizations: list[Organization]) -> dict[int, ClosurePolicy]:
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


def policy_get(organization: Organization) -> ClosurePolicy:
    return policies_ensure([organization])[organization.pk]


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
    policy = policy_get(organization)
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


def open_applications(organization: Organization) -> QuerySet[Application]:
    # A closed or withdrawn clock never moves again: leave those rows alone.
    return Application.objects.filter(organization=organization).exclude(
        closure_clock__state__in=clock.FINAL
    )


def clocks_compute(
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


def clocks_write(writes: _ClockWrites, *, policy_id: int | None = None) -> bool:
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
    sql, params = _clock_update_statement(changed)
    steps += [
        partial(_execute_many, sql, params[i : i + WRITE_BATCH])
        for i in range(0, len(params), WRITE_BATCH)
    ]
    if writes.decided:
        # Conditional: a promise a recruiter's click made meanwhile is not undone.
        void = ApplicationClock.objects.filter(application_id__in=writes.decided).exclude(
            state__in=clock.UNDECIDED
        )
        steps.append(partial(void.update, expected_decision_date=None))
    for index, write in enumerate(steps):
        if index:
            # Let a writer waiting on SQLite's lock (a web request, an outbox commit) in
            # between: its busy handler polls, and would keep missing the gap otherwise.
            time.sleep(WRITE_PAUSE)
        with transaction.atomic():
            if policy_id is not None and not _organization_lock(policy_id):
                return False
            write()
    return True


def _clock_update_statement(rows: list[ApplicationClock]) -> tuple[str, list[list[Any]]]:
    """One UPDATE per row as a prepared statement, and its parameters, ready before any lock.

    Not `bulk_update`: it builds a CASE per field and row, which on ten thousand changed
    clocks takes minutes, inside the write transaction. `executemany` is linear and cheap.
    """
    meta = ApplicationClock._meta
    by_name = {field.name: field for field in meta.concrete_fields}
    fields = [by_name[name] for name in [*CLOCK_FIELDS, "updated_at"]]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    where = quote(by_name["id"].column)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {where} = %s"  # noqa: S608
    params = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields]
        + [row.pk]
        for row in rows
    ]
    return sql, params


def _execute_many(sql: str, params: list[list[Any]]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _organization_lock(policy_id: int) -> bool:
    # This only saves work on PostgreSQL: the unique constraints and idempotency keys are what
    # keep two sweeps from sending anything twice. (SQLite has no row locks: always True.)
    return ClosurePolicy.objects.select_for_update(skip_locked=True).filter(pk=policy_id).exists()


def clocks_refresh(
    organization: Organization,
    policy: clock.Policy,
    now: dt.datetime,
    applications: QuerySet[Application],
) -> tuple[list[Tracked], int, int]:
    """Recompute the clocks of `applications` in bulk; (tracked, created, updated)."""
    tracked, writes = clocks_compute(organization, policy, now, applications)
    clocks_write(writes)
    return tracked, len(writes.created), len(writes.changed)


def closure_clocks_refresh(
    *, actor: User | None, organization: Organization, now: dt.datetime | None = None
) -> int:
    """Recompute the organization's open clocks now, sending nothing; how many changed."""
    now = now or timezone.now()
    policy = clock_policy(organization, policy_get(organization))
    _, writes = clocks_compute(organization, policy, now, open_applications(organization))
    clocks_write(writes)
    return len(writes.created) + len(writes.changed)
