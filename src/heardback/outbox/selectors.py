"""Reads of the outbox for the pages: where an organization's sending stands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone

from heardback.accounts.models import Organization
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import RATE_WINDOW


@dataclass(frozen=True)
class SendingPace:
    """How the organization's waiting emails are moving through the send rate limit."""

    rate: int  # emails per minute the organization may start
    waiting: int  # emails due now, not yet sent
    paused_until: dt.datetime | None  # set while the limit holds them back
    minutes_left: int  # at the rate limit, how long the waiting emails take


def sending_pace(*, organization: Organization) -> SendingPace | None:
    """Whether the rate limit is holding this organization's emails back, and until when;
    None when nothing is waiting. Two small queries on the outbox's indexes."""
    now = timezone.now()
    rate = settings.OUTBOX_RATE_PER_MINUTE
    waiting = OutboundEmail.objects.filter(
        organization=organization,
        status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.SENDING],
        next_attempt_at__lte=now,
    ).count()
    if not waiting:
        return None
    # The same count the claim makes (outbox.services.outbound_emails_claim): attempts
    # started in the last minute; at the rate, the organization waits for the oldest to age.
    recent = (
        OutboundEmail.objects.filter(
            organization=organization, last_attempt_at__gt=now - RATE_WINDOW
        )
        .order_by()
        .aggregate(n=Count("id"), oldest=Min("last_attempt_at"))
    )
    paused_until = recent["oldest"] + RATE_WINDOW if recent["n"] >= rate else None
    return SendingPace(
        rate=rate,
        waiting=waiting,
        paused_until=paused_until,
        minutes_left=-(-waiting // rate),
    )


def outbound_emails_list(
    *, organization: Organization, statuses: list[str] | None = None, limit: int = 50
) -> tuple[dict[str, int], list[OutboundEmail]]:
    """The organization's emails per status, and the latest ones (of `statuses` if given)."""
    counts = dict(
        OutboundEmail.objects.filter(organization=organization)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    emails = OutboundEmail.objects.filter(organization=organization)
    if statuses:
        emails = emails.filter(status__in=statuses)
    return counts, list(emails.order_by("-created_at", "-id")[:limit])
