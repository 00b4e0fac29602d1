"""Erasure of a candidate's personal data, on their request, confirmed by a recruiter."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import User
from heardback.accounts.services import audit
from heardback.feedback.engine import guard
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Candidate, Interview, Scorecard, ScorecardRating
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import outbound_emails_redact, outbound_emails_scrub
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


# What apps above the portal hold about a candidate (partners: the profile they typed for
# partner organizations), erased with the rest: each returns counts for the audit event.
ERASERS: list[Callable[[Candidate], dict[str, int]]] = []


@transaction.atomic
def candidate_erase(*, actor: User | None, candidate: Candidate) -> dict[str, int]:
    """Remove a candidate's personal data for good; counts, ratings and survey scores stay."""
    lock_candidate(candidate)
    now = timezone.now()
    address = candidate.email
    applications = Application.objects.filter(candidate=candidate)
    # What identifies them in free text others wrote: their name, address and phone.
    needles = _needles(candidate)
    first_name = candidate.first_name
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
    to_candidate = emails.filter(Q(application__in=applications))
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
    # Reminder digests and any other stored email that names them (to colleagues): their name
    # is taken out, the rest (other candidates) stays.
    counts["emails_naming"] = outbound_emails_scrub(emails=emails, needles=needles, to=ERASED_NAME)
    counts.update(_scorecards_scrub(applications, [*needles, first_name]))
    for eraser in ERASERS:
        counts.update(eraser(candidate))
    audit(
        organization=candidate.organization,
        actor=actor,
        action="candidate.erase",
        obj=candidate,
        kept=KEPT,
        **counts,
    )
    return counts


# Kept on purpose, and said so in the audit row: ratings and recommendations (numbers, no
# text about the person), dates, the application's status and reason, survey scores, and the
# audit log itself (ids and actions, never free text about the candidate).
KEPT = "ratings, recommendations, dates, statuses, reasons, survey scores, audit log"


def _needles(candidate: Candidate) -> list[str]:
    """Strings that identify the candidate, longest first (the full name before its parts)."""
    values = {
        candidate.full_name if hasattr(candidate, "full_name") else "",
        f"{candidate.first_name} {candidate.last_name}".strip(),
        candidate.email,
        candidate.phone,
        candidate.last_name,
    }
    # A first name alone is too common to take out of colleagues' text ("Sam" in "Samuel's
    # team"), but it is taken out of text written about this application (below).
    return sorted((v for v in values if v and len(v) >= 3), key=len, reverse=True)


def scrub(text: str, needles: list[str], replacement: str) -> str:
    """`text` with every needle (any case) replaced."""
    for needle in needles:
        text = re.sub(re.escape(needle), replacement, text, flags=re.IGNORECASE)
    return text


def _sensitive_sentences_removed(text: str) -> str:
    """Sentences the guard blocks (health, family, origin… said of them) are taken out."""
    if not text:
        return text
    findings = [f for f in guard.check(text, lang="en", context="note") if f.severity == "block"]
    findings += [f for f in guard.check(text, lang="fr", context="note") if f.severity == "block"]
    if not findings:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept, start = [], 0
    for sentence in sentences:
        begin = text.find(sentence, start)
        end = begin + len(sentence)
        start = end
        if not any(f.start < end and f.end > begin for f in findings):
            kept.append(sentence)
    return " ".join(kept) if kept else REDACTED


def _scorecards_scrub(applications: Any, names: list[str]) -> dict[str, int]:
    """Interviewers' free text about these applications, without what identifies them."""
    names = [n for n in names if n and len(n) >= 2]
    changed_cards, changed_ratings, changed_interviews = [], [], []
    for card in Scorecard.objects.filter(application__in=applications):
        takeaways = _sensitive_sentences_removed(scrub(card.key_takeaways, names, ERASED_NAME))
        private = _sensitive_sentences_removed(scrub(card.private_notes, names, ERASED_NAME))
        if (takeaways, private) != (card.key_takeaways, card.private_notes):
            card.key_takeaways, card.private_notes = takeaways, private
            changed_cards.append(card)
    for rating in ScorecardRating.objects.filter(scorecard__application__in=applications):
        evidence = _sensitive_sentences_removed(scrub(rating.evidence, names, ERASED_NAME))
        comment = _sensitive_sentences_removed(scrub(rating.candidate_comment, names, ERASED_NAME))
        if (evidence, comment) != (rating.evidence, rating.candidate_comment):
            rating.evidence, rating.candidate_comment = evidence, comment
            changed_ratings.append(rating)
    for interview in Interview.objects.filter(application__in=applications):
        name = scrub(interview.name, names, ERASED_NAME)
        if name != interview.name:
            interview.name = name
            changed_interviews.append(interview)
    Scorecard.objects.bulk_update(changed_cards, ["key_takeaways", "private_notes"])
    ScorecardRating.objects.bulk_update(changed_ratings, ["evidence", "candidate_comment"])
    Interview.objects.bulk_update(changed_interviews, ["name"])
    return {
        "scorecards_scrubbed": len(changed_cards),
        "ratings_scrubbed": len(changed_ratings),
        "interviews_renamed": len(changed_interviews),
    }
