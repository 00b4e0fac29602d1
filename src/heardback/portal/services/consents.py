"""Candidates' consents: other roles here, partner organizations; dated, expiring, audited."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from heardback.accounts.services import audit
from heardback.portal import selectors
from heardback.portal.models import (
    CandidateLink,
    Consent,
)
from heardback.portal.services.common import (
    CANDIDATE_VIA,
    CONSENT_DAYS,
    PortalError,
    lock_candidate,
)


@transaction.atomic
def consent_grant(*, link: CandidateLink, kind: str) -> Consent:
    """Record the candidate's consent for CONSENT_MONTHS months (a live one stays as it is)."""
    if kind not in Consent.Kind.values:
        raise PortalError("invalid_request")
    candidate = link.application.candidate
    lock_candidate(candidate)
    now = timezone.now()
    current = selectors.consent_current(candidate=candidate, kind=kind, now=now)
    if current is not None:
        return current
    consent = Consent.objects.create(
        organization_id=candidate.organization_id,
        candidate=candidate,
        kind=kind,
        granted_at=now,
        expires_at=now + timedelta(days=CONSENT_DAYS),
    )
    audit(
        organization=link.organization,
        actor=None,
        action="portal.consent_grant",
        obj=consent,
        kind=kind,
        expires_at=consent.expires_at.isoformat(),
        via=CANDIDATE_VIA,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, link: CandidateLink, kind: str) -> int:
    """Withdraw the candidate's live consent of this kind, from now on."""
    if kind not in Consent.Kind.values:
        raise PortalError("invalid_request")
    candidate = link.application.candidate
    lock_candidate(candidate)
    now = timezone.now()
    live = list(
        Consent.objects.filter(
            candidate=candidate, kind=kind, withdrawn_at__isnull=True, expires_at__gt=now
        )
    )
    Consent.objects.filter(pk__in=[c.pk for c in live]).update(withdrawn_at=now)
    for consent in live:
        audit(
            organization=link.organization,
            actor=None,
            action="portal.consent_withdraw",
            obj=consent,
            kind=kind,
            via=CANDIDATE_VIA,
        )
    return len(live)
