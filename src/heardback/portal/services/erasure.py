"""Erasure of a candidate's personal data, on their request, confirmed by a recruiter."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import User
from heardback.accounts.services import audit
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Candidate
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import outbound_emails_redact
from heardback.portal.models import (
    CandidateLink,
    Consent,
    ErasureRequest,
    FeedbackRating,
    PortalQuestion,
)
from heardback.portal.services.common import (
    CANDIDATE_VIA,
    ERASED_ADDRESS,
    ERASED_NAME,
    REDACTED,
    lock_candidate,
)


@transaction.atomic
def erasure_request_create(*, link: CandidateLink) -> ErasureRequest:
    """Record the candidate's request to erase their data (once); a recruiter confirms it."""
    candidate = link.application.candidate
    lock_candidate(candidate)
    existing = ErasureRequest.objects.filter(candidate=candidate, completed_at__isnull=True).first()
    if existing is not None:
        return existing
    request = ErasureRequest.objects.create(
        organization_id=candidate.organization_id, candidate=candidate
    )
    audit(
        organization=link.organization,
        actor=None,
        action="portal.erasure_request",
        obj=request,
        candidate=candidate.pk,
        via=CANDIDATE_VIA,
    )
    return request


@transaction.atomic
def erasure_request_confirm(*, actor: User, request: ErasureRequest) -> ErasureRequest:
    """Carry out a candidate's erasure request and close it."""
    if not ErasureRequest.objects.filter(pk=request.pk, completed_at__isnull=True).update(
        completed_at=timezone.now(), completed_by=actor
    ):
        raise ValidationError(_("This request has already been carried out."))
    candidate_erase(actor=actor, candidate=request.candidate)
    request.refresh_from_db()
    return request


@transaction.atomic
def candidate_erase(*, actor: User | None, candidate: Candidate) -> dict[str, int]:
    """Remove a candidate's personal data for good; counts, ratings and survey scores stay."""
    lock_candidate(candidate)
    now = timezone.now()
    address = candidate.email
    applications = Application.objects.filter(candidate=candidate)
    Candidate.objects.filter(pk=candidate.pk).update(
        first_name=ERASED_NAME, last_name="", email="", phone="", resume_text=""
    )
    candidate.refresh_from_db()
    counts = {
        "links": CandidateLink.objects.filter(
            application__in=applications, revoked_at__isnull=True
        ).update(revoked_at=now),
        # A note that was never delivered must not go out now, even redacted.
        "notes_cancelled": FeedbackNote.objects.filter(
            application__in=applications,
            status__in=["draft", "approved", "queued", "failed"],
        ).update(status=FeedbackNote.Status.CANCELLED),
        "notes": FeedbackNote.objects.filter(application__in=applications).update(
            subject=REDACTED,
            text=REDACTED,
            html=f"<p>{REDACTED}</p>",
            provenance=[],
            guard_findings=[],
        ),
        "questions": PortalQuestion.objects.filter(application__in=applications).update(
            body=REDACTED
        ),
        "answers": PortalQuestion.objects.filter(
            application__in=applications, answered_at__isnull=False
        ).update(answer=REDACTED),
        "rating_comments": FeedbackRating.objects.filter(application__in=applications)
        .exclude(comment="")
        .update(comment=""),
        "consents": Consent.objects.filter(
            candidate=candidate, withdrawn_at__isnull=True, expires_at__gt=now
        ).update(withdrawn_at=now),
    }
    # The outbox keeps a copy of every email: the feedback, the name, the address, the
    # recruiter's notice quoting a question. Queued ones are cancelled and every copy is
    # redacted; the delivery records themselves stay.
    emails = OutboundEmail.objects.filter(organization_id=candidate.organization_id)
    to_candidate = emails.filter(
        Q(application__in=applications) | Q(note__application__in=applications)
    )
    if address:
        # Emails queued before they were tied to an application: by address, "Name <address>"
        # or the bare address, never a longer address that contains it.
        to_candidate = to_candidate | emails.filter(
            Q(to__iexact=address) | Q(to__iendswith=f"<{address}>")
        )
    question_keys = [
        f"portal_question:{pk}"
        for pk in PortalQuestion.objects.filter(application__in=applications).values_list(
            "pk", flat=True
        )
    ]
    counts["emails"] = outbound_emails_redact(
        emails=to_candidate, text=REDACTED, address=ERASED_ADDRESS
    )
    counts["notices"] = outbound_emails_redact(
        emails=emails.filter(idempotency_key__in=question_keys), text=REDACTED
    )
    audit(
        organization=candidate.organization,
        actor=actor,
        action="candidate.erase",
        obj=candidate,
        **counts,
    )
    return counts
