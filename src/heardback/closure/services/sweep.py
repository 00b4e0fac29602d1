"""The sweep: every open clock recomputed, due reminders sent in one digest a day per person."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation

from heardback.accounts.models import Membership, Organization, User
from heardback.closure import calendar, clock
from heardback.closure.models import ClosurePolicy, Digest, Reminder
from heardback.closure.selectors import clock_policy, long_date
from heardback.closure.services.clocks import (
    Tracked,
    clocks_compute,
    clocks_write,
    open_applications,
    policies_ensure,
)
from heardback.closure.services.emails import absolute_url, email_language
from heardback.closure.services.holding import holding_updates_send_due
from heardback.core import mail
from heardback.hiring.models import Application
from heardback.outbox import delivery
from heardback.outbox.services import email_enqueue

logger = logging.getLogger(__name__)

# Digests and automatic holding updates wait for the working day: business days from this
# hour, local time. A reminder that falls due in the night goes out in the morning's digest.
WORKDAY_STARTS = dt.time(8)
# A digest lists this many items and counts the rest; the dashboard lists them all.
DIGEST_ITEMS = 40


@dataclass
class SweepSummary:
    organizations: int = 0
    skipped: int = 0
    clocks_created: int = 0
    clocks_updated: int = 0
    reminders: int = 0
    digests: int = 0
    holding_updates: int = 0
    failed: int = 0  # organizations or digests that raised; logged, the rest went on

    def __str__(self) -> str:
        failed = f" Failed (see the log): {self.failed}." if self.failed else ""
        return (
            f"Swept {self.organizations} organization(s) ({self.skipped} skipped: another worker "
            f"had them). Clocks: {self.clocks_created} created, {self.clocks_updated} updated. "
            f"Reminders: {self.reminders} in {self.digests} digest(s). "
            f"Holding updates: {self.holding_updates}.{failed}"
        )

    @property
    def did_something(self) -> bool:
        return any(
            (
                self.clocks_created,
                self.clocks_updated,
                self.reminders,
                self.holding_updates,
                self.failed,
            )
        )


@dataclass
class _Pending:
    """A reminder due, waiting for its recipient's next digest."""

    organization: Organization
    policy: clock.Policy
    due: clock.ReminderDue
    application_id: int


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
    policies = policies_ensure(organizations)
    pending: dict[int, list[_Pending]] = defaultdict(list)
    for organization in organizations:
        try:
            _sweep_organization(organization, policies[organization.pk], now, summary, pending)
        except Exception:
            # One organization's bad row must not stop every other organization's clock.
            logger.exception("closure: sweep of organization %s failed", organization.pk)
            summary.failed += 1
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
    applications = open_applications(organization)
    # Read and think outside any transaction: on SQLite a transaction holds the database's
    # write lock, and the web should not wait while a sweep computes ten thousand clocks.
    tracked, writes = clocks_compute(organization, policy, now, applications)
    if not clocks_write(writes, policy_id=closure_policy.pk):
        summary.skipped += 1
        return
    summary.organizations += 1
    summary.clocks_created += len(writes.created)
    summary.clocks_updated += len(writes.changed)
    if closure_policy.holding_updates == ClosurePolicy.HoldingUpdates.AUTO and _workday(
        policy, now
    ):
        summary.holding_updates += holding_updates_send_due(
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
        except Exception:
            # Nor may anything else about one digest: the others still go out.
            logger.exception("closure: digest for user %s failed", user_id)
            summary.failed += 1
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


def _digest_render(
    user: User,
    today: dt.date,
    shown: list[Reminder],
    count: int,
    organizations: list[str],
    zones: dict[int, ZoneInfo],
) -> tuple[str, str, str]:
    language = email_language(user.language)
    scorecards = absolute_url(reverse("hiring:scorecard-list-mine"))
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
                else absolute_url(reverse("hiring:application-detail", args=[r.application_id])),
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
            "dashboard_url": absolute_url(reverse("closure:dashboard")),
        }
    return mail.render_email(f"closure/emails/digest.{language}", language, context)
