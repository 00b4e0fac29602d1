"""Claim: a worker takes due rows under a lease, within each organization's send rate."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from heardback.accounts.models import Organization
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import record

Status = OutboundEmail.Status
RATE_WINDOW = timedelta(minutes=1)


def worker_name() -> str:
    """This process, as written in `claimed_by`: host and pid."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}"


def _recent_attempts(now: datetime, organization_ids: list[int] | None = None) -> dict[int, int]:
    recent = OutboundEmail.objects.filter(last_attempt_at__gt=now - RATE_WINDOW)
    if organization_ids is not None:
        recent = recent.filter(organization_id__in=organization_ids)
    rows = recent.order_by().values("organization_id").annotate(n=Count("id"))
    return {row["organization_id"]: row["n"] for row in rows}


def outbound_emails_claim(*, worker: str, limit: int | None = None) -> list[OutboundEmail]:
    """Claim up to `limit` due emails for one worker, within each organization's send rate."""
    now = timezone.now()
    limit = limit or settings.OUTBOX_BATCH_SIZE
    rate, max_attempts = settings.OUTBOX_RATE_PER_MINUTE, settings.OUTBOX_MAX_ATTEMPTS
    _fail_abandoned(now)
    token = f"{worker}:{uuid.uuid4().hex[:12]}"
    throttled = [org for org, n in _recent_attempts(now).items() if n >= rate]
    with transaction.atomic():
        # PostgreSQL: FOR UPDATE SKIP LOCKED, so workers on several machines each take rows
        # nobody else is looking at and never wait for one another. SQLite ignores it: there
        # the IMMEDIATE transaction already holds the database's only write lock from BEGIN,
        # so no one can claim between this SELECT and the UPDATE below.
        expired = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(status=Status.SENDING, lease_expires_at__lt=now, attempts__lt=max_attempts)
            .exclude(organization_id__in=throttled)
            .order_by("lease_expires_at", "id")
            .values_list("id", "organization_id")[:limit]
        )
        queued = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(status=Status.QUEUED, next_attempt_at__lte=now)
            .exclude(organization_id__in=throttled)
            .order_by("next_attempt_at", "id")
            .values_list("id", "organization_id")
        )
        candidates = list(expired)
        candidates += list(queued[: limit - len(candidates)]) if len(candidates) < limit else []
        if not candidates:
            return []
        organization_ids = sorted({org for _, org in candidates})
        if connection.features.has_select_for_update:
            # Two workers must not both spend the same organization's budget: claimers of an
            # organization take turns (NO KEY: rows pointing at it can still be inserted).
            list(
                Organization.objects.select_for_update(no_key=True)
                .filter(pk__in=organization_ids)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        budget = {org: rate for org in organization_ids}
        for org, n in _recent_attempts(now, organization_ids).items():
            budget[org] -= n
        picked = []
        for pk, org in candidates:
            if budget[org] > 0:
                budget[org] -= 1
                picked.append(pk)
        # Compare-and-set: only rows still due become ours, and we read back only rows that
        # carry our token, so the claim stays exact even if the SELECT above were stale.
        OutboundEmail.objects.filter(pk__in=picked).filter(
            Q(status=Status.QUEUED, next_attempt_at__lte=now)
            | Q(status=Status.SENDING, lease_expires_at__lt=now)
        ).update(
            status=Status.SENDING,
            claimed_by=token,
            lease_expires_at=now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
            last_attempt_at=now,
            attempts=F("attempts") + 1,
        )
    # Without the organizations: only a bounce or a failure needs one (for its audit event).
    return list(
        OutboundEmail.objects.filter(
            pk__in=picked, claimed_by=token, status=Status.SENDING
        ).order_by("next_attempt_at", "id")
    )


def _fail_abandoned(now: datetime) -> None:
    """Give up on rows whose worker died during every allowed attempt."""
    abandoned = list(
        OutboundEmail.objects.filter(
            status=Status.SENDING,
            lease_expires_at__lt=now,
            attempts__gte=settings.OUTBOX_MAX_ATTEMPTS,
        ).select_related("organization")
    )
    for email in abandoned:
        reason = (
            f"The worker sending it stopped during {email.attempts} attempts; "
            "it may or may not have reached the candidate."
        )
        record.finish(email, status=Status.FAILED, reason=reason, action="outbox.fail")
