"""Sending notes: queueing approved notes in the outbox, and following what becomes of them.

The outbox knows no feedback note: each note's email carries the kind "feedback_note" and
the note's id, and the outbox tells the listener registered here for that kind
(`FeedbackConfig.ready()`), in its own transaction, what became of the email; the note's
status follows (queued → sent, failed; back to approved when cancelled).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.feedback.models import NOTE_EMAIL_KIND, FeedbackNote
from heardback.hiring.models import Job
from heardback.outbox import delivery, listeners
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import email_build, emails_enqueue, organization_sender

NOTE_KIND = NOTE_EMAIL_KIND


def _note_email(
    note: FeedbackNote, *, sender: str, scheduled_for: datetime | None
) -> OutboundEmail:
    application = note.application
    candidate, recruiter = application.candidate, application.job.recruiter
    if not candidate.email:
        raise ValidationError({"to": gettext("The candidate has no email address.")})
    return email_build(
        organization=note.organization,
        to=delivery.mailbox(candidate.full_name, candidate.email, field="to"),
        reply_to=(
            delivery.mailbox(recruiter.full_name, recruiter.email, field="reply_to")
            if recruiter is not None
            else ""
        ),
        subject=note.subject,
        text=note.text,
        html=note.html,
        idempotency_key=f"feedback_note:{note.pk}:v{note.version}",
        scheduled_for=scheduled_for,
        about_id=note.pk,
        application=application,
        kind=NOTE_KIND,
        from_email=sender,
    )


@transaction.atomic
def feedback_notes_queue(
    *,
    actor: User | None,
    organization: Organization,
    job: Job | None = None,
    note: FeedbackNote | None = None,
    at: datetime | None = None,
) -> int:
    """Queue the approved current notes (all, a job's, or one) for delivery now or `at`."""
    sender = organization_sender(organization)
    notes = (
        FeedbackNote.objects.select_for_update(of=("self",))
        .filter(organization=organization, is_current=True, status=FeedbackNote.Status.APPROVED)
        .select_related("organization", "application__candidate", "application__job__recruiter")
        .order_by("id")
    )
    if job is not None:
        notes = notes.filter(application__job=job)
    if note is not None:
        notes = notes.filter(pk=note.pk)
    built: list[OutboundEmail] = []
    refused: dict[int, str] = {}
    for approved in notes:
        try:
            built.append(_note_email(approved, sender=sender, scheduled_for=at))
        except ValidationError as error:
            # One unreachable candidate must not hold back everyone else's feedback: the note
            # stays approved and says why, for the recruiter to fix and send again.
            refused[approved.pk] = "Not sent: " + " ".join(error.messages)
    emails_enqueue(built, scheduled_for=at)
    queued = [email.about_id for email in built]
    FeedbackNote.objects.filter(pk__in=queued).update(
        status=FeedbackNote.Status.QUEUED, scheduled_for=at, last_error=""
    )
    for pk, reason in refused.items():
        FeedbackNote.objects.filter(pk=pk).update(last_error=reason)
    audit(
        organization=organization, actor=actor, action="feedback.queue", obj=job,
        count=len(queued), refused=len(refused), scheduled_for=at.isoformat() if at else None,
    )  # fmt: skip
    return len(queued)


# Once per note sent, in the outbox's hot path: one statement, no ORM (outbox.listeners).
_NOTE_SENT_SQL = f"""
    UPDATE {FeedbackNote._meta.db_table} SET status = %s, sent_at = %s, last_error = ''
    WHERE id = %s
"""  # noqa: S608


def note_sent(note_id: int, now: Any) -> listeners.Statement:
    return _NOTE_SENT_SQL, [FeedbackNote.Status.SENT, now, note_id]


def note_failed(note_id: int, reason: str) -> None:
    """Bounced or given up: the recruiter sees why in the sent log."""
    FeedbackNote.objects.filter(pk=note_id).update(
        status=FeedbackNote.Status.FAILED, last_error=reason
    )


def note_retrying(note_id: int, reason: str) -> None:
    FeedbackNote.objects.filter(pk=note_id).update(last_error=reason)


def note_cancelled(note_id: int) -> None:
    """Taken off the queue: approved again, to be sent later or edited."""
    FeedbackNote.objects.filter(pk=note_id, status=FeedbackNote.Status.QUEUED).update(
        status=FeedbackNote.Status.APPROVED, scheduled_for=None
    )


NOTE_LISTENER = listeners.Listener(
    sent=note_sent,
    bounced=note_failed,
    failed=note_failed,
    retrying=note_retrying,
    cancelled=note_cancelled,
)
