"""Enqueue: every email a row, written in the transaction that decided to send it.

Services never call `send_mail`: they call `email_enqueue` (or, for feedback notes,
`feedback_notes_queue`), once per idempotency key; a worker delivers after the commit.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from html import escape as html_escape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.core.links import placeholder_neutralize
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Job
from heardback.outbox import delivery
from heardback.outbox.models import OutboundEmail

logger = logging.getLogger(__name__)
Status = OutboundEmail.Status


class OutboxError(ValidationError):
    """An outbox action refused for a reason the user can act on."""


def organization_sender(organization: Organization) -> str:
    """The organization's From: "Sender Name" <sender_email>, else DEFAULT_FROM_EMAIL."""
    if not organization.sender_email:
        return str(settings.DEFAULT_FROM_EMAIL)
    name = organization.sender_name or organization.name
    return delivery.mailbox(name, organization.sender_email, field="from_email")


def _email_build(
    *,
    organization: Organization,
    to: str,
    subject: str,
    text: str,
    html: str,
    reply_to: str | None,
    idempotency_key: str,
    scheduled_for: datetime | None,
    related_note: FeedbackNote | None,
    application: Application | None,
    kind: str,
    headers: dict[str, str] | None,
    from_email: str | None,
) -> OutboundEmail:
    """A validated, unsaved row: bad addresses and line breaks are refused before any write."""
    if application is None:
        # Nobody's link goes in an email without an application: a placeholder here came from
        # text someone typed (a candidate's name, a job title) and must stay inert text.
        subject = placeholder_neutralize(subject)
        text, html = placeholder_neutralize(text), placeholder_neutralize(html)
    from_email = from_email or organization_sender(organization)
    delivery.validate_address(to, field="to")
    delivery.validate_address(from_email, field="from_email")
    if reply_to:
        delivery.validate_address(reply_to, field="reply_to")
    email = OutboundEmail(
        organization=organization,
        kind=kind,
        note=related_note,
        application=application,
        idempotency_key=idempotency_key,
        message_id=delivery.new_message_id(from_email),
        from_email=from_email,
        to=to,
        reply_to=reply_to or "",
        subject=subject,
        text=text,
        html=html,
        headers={**(headers or {}), "Date": delivery.date_header(scheduled_for)},
        scheduled_for=scheduled_for,
        next_attempt_at=scheduled_for or timezone.now(),
    )
    email.full_clean(
        exclude=["organization", "note", "application"],
        validate_unique=False,
        validate_constraints=False,
    )
    return email


def _requeue(email: OutboundEmail, scheduled_for: datetime | None) -> None:
    """Give a cancelled email (never claimed since) a new life with the same Message-ID."""
    email.headers = {**email.headers, "Date": delivery.date_header(scheduled_for)}
    OutboundEmail.objects.filter(pk=email.pk, status=Status.CANCELLED).update(
        status=Status.QUEUED,
        attempts=0,
        scheduled_for=scheduled_for,
        next_attempt_at=scheduled_for or timezone.now(),
        last_error="",
        headers=email.headers,
    )
    email.refresh_from_db()


def _deliver_after_commit() -> None:
    """Ask a worker to deliver now instead of at the next sweep, once the rows are committed."""

    def nudge() -> None:
        from heardback.outbox.tasks import deliver_due

        try:
            deliver_due.enqueue()
        except Exception:
            # Only latency is lost: the periodic sweep delivers every due row on its own.
            logger.exception("could not enqueue outbox delivery; the sweep will deliver")

    transaction.on_commit(nudge)


@transaction.atomic
def email_enqueue(
    *,
    organization: Organization,
    to: str,
    subject: str,
    text: str,
    html: str,
    reply_to: str | None,
    idempotency_key: str,
    scheduled_for: datetime | None = None,
    related_note: FeedbackNote | None = None,
    application: Application | None = None,
    kind: str = "",
    headers: dict[str, str] | None = None,
    from_email: str | None = None,
) -> OutboundEmail:
    """Queue one email, once per idempotency key; a worker sends it after the commit.

    `application`: the application whose candidate receives it; needed when the text holds
    the portal link placeholder, which the worker fills with that candidate's link.
    """
    email = _email_build(
        organization=organization, to=to, subject=subject, text=text, html=html,
        reply_to=reply_to, idempotency_key=idempotency_key, scheduled_for=scheduled_for,
        related_note=related_note, application=application, kind=kind, headers=headers,
        from_email=from_email,
    )  # fmt: skip
    existing = (
        OutboundEmail.objects.select_for_update().filter(idempotency_key=idempotency_key).first()
    )
    if existing is not None:
        if existing.status == Status.CANCELLED:
            _requeue(existing, scheduled_for)
            _deliver_after_commit()
        return existing
    try:
        with transaction.atomic():
            email.save()
    except IntegrityError:
        # A concurrent enqueue of the same key committed first: theirs is the one email.
        return OutboundEmail.objects.get(idempotency_key=idempotency_key)
    if email.next_attempt_at <= timezone.now():
        _deliver_after_commit()
    return email


def _note_email(
    note: FeedbackNote, *, sender: str, scheduled_for: datetime | None
) -> OutboundEmail:
    application = note.application
    candidate, recruiter = application.candidate, application.job.recruiter
    if not candidate.email:
        raise ValidationError({"to": gettext("The candidate has no email address.")})
    return _email_build(
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
        related_note=note,
        application=application,
        kind="feedback_note",
        headers=None,
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
    keys = [email.idempotency_key for email in built]
    existing = {
        email.idempotency_key: email
        for email in OutboundEmail.objects.select_for_update().filter(idempotency_key__in=keys)
    }
    for email in built:
        previous = existing.get(email.idempotency_key)
        if previous is not None and previous.status == Status.CANCELLED:
            _requeue(previous, at)
    OutboundEmail.objects.bulk_create(
        [email for email in built if email.idempotency_key not in existing], batch_size=500
    )
    queued = [email.note_id for email in built]
    FeedbackNote.objects.filter(pk__in=queued).update(
        status=FeedbackNote.Status.QUEUED, scheduled_for=at, last_error=""
    )
    for pk, reason in refused.items():
        FeedbackNote.objects.filter(pk=pk).update(last_error=reason)
    audit(
        organization=organization, actor=actor, action="feedback.queue", obj=job,
        count=len(queued), refused=len(refused), scheduled_for=at.isoformat() if at else None,
    )  # fmt: skip
    if queued and (at is None or at <= timezone.now()):
        _deliver_after_commit()
    return len(queued)


@transaction.atomic
def outbound_email_cancel(*, actor: User | None, email: OutboundEmail) -> OutboundEmail:
    """Cancel an email no worker has claimed; its note goes back to approved."""
    # Compare-and-set against the claim: whichever commits first wins. On PostgreSQL this
    # UPDATE waits for a claimer holding the row and then re-checks `status`.
    cancelled = OutboundEmail.objects.filter(pk=email.pk, status=Status.QUEUED).update(
        status=Status.CANCELLED
    )
    email.refresh_from_db()
    if not cancelled:
        raise OutboxError(
            gettext("This email is %(status)s; it can no longer be cancelled.")
            % {"status": email.get_status_display().lower()}
        )
    if email.note_id is not None:
        FeedbackNote.objects.filter(pk=email.note_id, status=FeedbackNote.Status.QUEUED).update(
            status=FeedbackNote.Status.APPROVED, scheduled_for=None
        )
    audit(organization=email.organization, actor=actor, action="outbox.cancel", obj=email)
    return email


def outbound_emails_redact(
    *, emails: QuerySet[OutboundEmail], text: str, address: str | None = None
) -> int:
    """Erase what these emails said (and, with `address`, to whom); the delivery record stays.

    The ones still queued are cancelled first: nothing erased may go out afterwards.
    """
    emails.filter(status=Status.QUEUED).update(status=Status.CANCELLED)
    changes: dict[str, str] = {"subject": text, "text": text, "html": ""}
    if address is not None:
        changes["to"] = address
    # By id: the queryset may follow relations an UPDATE cannot join on every database.
    return OutboundEmail.objects.filter(pk__in=list(emails.values_list("pk", flat=True))).update(
        **changes
    )


def outbound_emails_scrub(*, emails: QuerySet[OutboundEmail], needles: list[str], to: str) -> int:
    """Replace each needle (a name, an address) wherever these emails hold it; how many changed.

    For emails about someone to someone else (a reminder digest listing candidates): the
    person is taken out, the rest of the email stays.
    """
    query = Q()
    for needle in needles:
        query |= Q(subject__icontains=needle) | Q(text__icontains=needle)
        query |= Q(html__icontains=needle)
    if not needles:
        return 0
    changed = []
    for email in emails.filter(query):
        for field in ("subject", "text", "html"):
            value = getattr(email, field)
            for needle in needles:
                value = re.sub(re.escape(needle), to, value, flags=re.IGNORECASE)
                if field == "html":
                    value = re.sub(re.escape(html_escape(needle)), to, value, flags=re.IGNORECASE)
            setattr(email, field, value)
        changed.append(email)
    OutboundEmail.objects.bulk_update(changed, ["subject", "text", "html"], batch_size=500)
    return len(changed)
