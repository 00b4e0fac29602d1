"""Holding updates: an honest "not decided yet, you will hear by DATE" to waiting candidates."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.closure import calendar, clock
from heardback.closure.models import ApplicationClock, ClosurePolicy
from heardback.closure.selectors import clock_policy, long_date
from heardback.closure.services.clocks import (
    Tracked,
    clocks_compute,
    clocks_refresh,
    clocks_write,
    open_applications,
    policy_get,
)
from heardback.closure.services.emails import email_language
from heardback.core import mail
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.hiring.models import Application
from heardback.outbox import delivery
from heardback.outbox.services import email_enqueue

logger = logging.getLogger(__name__)


class ClosureError(ValidationError):
    """A closure action refused for a reason the user can act on."""


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


def holding_updates_send_due(
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
            application=application,
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
    language = email_language(candidate.language)
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
        "portal_url": PORTAL_URL_PLACEHOLDER,  # the worker puts the candidate's link in
    }
    return mail.render_email(f"closure/emails/holding_update.{language}", language, context)


def _why_no_holding_update(
    item: Tracked, closure_policy: ClosurePolicy, policy: clock.Policy, now: dt.datetime
) -> str:
    reading = item.reading
    language = translation.get_language() or "en"
    if not item.facts.candidate_email:
        return gettext("The candidate has no email address.")
    if reading.state not in clock.UNDECIDED:
        return gettext("This candidate is not waiting for a decision.")
    if reading.decision_due_at is not None and now < reading.decision_due_at:
        due = calendar.local_date(reading.decision_due_at, policy.zone)
        return gettext("The decision is not overdue yet: it is due by %(date)s.") % {
            "date": long_date(due, language)
        }
    if item.holding_updates_sent >= closure_policy.max_holding_updates:
        return ngettext(
            "This candidate already had %(n)s holding update, the most the policy allows.",
            "This candidate already had %(n)s holding updates, the most the policy allows.",
            item.holding_updates_sent,
        ) % {"n": item.holding_updates_sent}
    promised = item.expected_decision_date
    if promised is not None:
        return gettext("The candidate was promised an answer by %(date)s.") % {
            "date": long_date(promised, language)
        }
    return gettext("No holding update is due.")


@transaction.atomic
def holding_update_send(
    *, actor: User, application: Application, now: dt.datetime | None = None
) -> dt.date:
    """Tell one candidate whose decision is overdue that we have not decided yet, and by when."""
    now = now or timezone.now()
    organization = application.organization
    closure_policy = policy_get(organization)
    policy = clock_policy(organization, closure_policy)
    one = Application.objects.filter(pk=application.pk).exclude(
        closure_clock__state__in=clock.FINAL
    )
    tracked, _, _ = clocks_refresh(organization, policy, now, one)
    if not tracked:
        raise ClosureError(gettext("This candidate's process is closed."))
    item = tracked[0]
    if not _holding_due(item, closure_policy, policy, now):
        raise ClosureError(_why_no_holding_update(item, closure_policy, policy, now))
    application = Application.objects.select_related(
        "organization", "candidate", "job__recruiter"
    ).get(pk=application.pk)
    if not _holding_update_send(
        actor=actor, application=application, policy=policy, item=item, now=now
    ):
        raise ClosureError(gettext("Another update was sent to this candidate a moment ago."))
    return clock.holding_update_date(policy, now)


def holding_updates_send_overdue(
    *, actor: User, organization: Organization, now: dt.datetime | None = None
) -> int:
    """Send a holding update to every candidate of the organization owed one; how many."""
    now = now or timezone.now()
    closure_policy = policy_get(organization)
    policy = clock_policy(organization, closure_policy)
    # Not one transaction: each candidate's update commits on its own, so one bad address
    # does not roll back the others' (and a long run does not hold SQLite's write lock).
    tracked, writes = clocks_compute(organization, policy, now, open_applications(organization))
    clocks_write(writes)
    sent = holding_updates_send_due(
        actor=actor,
        organization=organization,
        policy=policy,
        closure_policy=closure_policy,
        tracked=tracked,
        now=now,
    )
    audit(organization=organization, actor=actor, action="closure.holding_update_all", count=sent)
    return sent
