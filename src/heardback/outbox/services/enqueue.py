"""Enqueue: every email a row, written in the transaction that decided to send it.

Services never call `send_mail`: they call `email_enqueue` (or, for many at once, `email_build`
then `emails_enqueue`), once per idempotency key; a worker delivers after the commit. An email
that is about one of its app's objects carries its `kind` and `about_id`; the outbox tells that
kind's listener (outbox.listeners) what became of it.
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
from heardback.hiring.models import Application
from heardback.outbox import delivery, listeners
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


def email_build(
    *,
    organization: Organization,
    to: str,
    subject: str,
    text: str,
    html: str,
    reply_to: str | None,
    idempotency_key: str,
    scheduled_for: datetime | None,
    about_id: int | None = None,
    application: Application | None = None,
    kind: str = "",
    headers: dict[str, str] | None = None,
    from_email: str | None = None,
) -> OutboundEmail:
    """A validated, unsaved row: bad addresses and line breaks are refused before any write.

    For `emails_enqueue`, which queues many at once; `email_enqueue` builds and queues one.
    """
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
        about_id=about_id,
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
        exclude=["organization", "application"],
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
    about_id: int | None = None,
    application: Application | None = None,
    kind: str = "",
    headers: dict[str, str] | None = None,
    from_email: str | None = None,
) -> OutboundEmail:
    """Queue one email, once per idempotency key; a worker sends it after the commit.

    `application`: the application whose candidate receives it; needed when the text holds
    the portal link placeholder, which the worker fills with that candidate's link.
    """
    email = email_build(
        organization=organization, to=to, subject=subject, text=text, html=html,
        reply_to=reply_to, idempotency_key=idempotency_key, scheduled_for=scheduled_for,
        about_id=about_id, application=application, kind=kind, headers=headers,
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


@transaction.atomic
def emails_enqueue(emails: list[OutboundEmail], *, scheduled_for: datetime | None) -> None:
    """Queue rows built by `email_build` at once, each once per idempotency key.

    A key already queued or sent stays as it is; a cancelled one is queued again (same
    Message-ID); the rest are inserted in bulk. A worker sends them after the commit.
    """
    keys = [email.idempotency_key for email in emails]
    existing = {
        email.idempotency_key: email
        for email in OutboundEmail.objects.select_for_update().filter(idempotency_key__in=keys)
    }
    for email in emails:
        previous = existing.get(email.idempotency_key)
        if previous is not None and previous.status == Status.CANCELLED:
            _requeue(previous, scheduled_for)
    OutboundEmail.objects.bulk_create(
        [email for email in emails if email.idempotency_key not in existing], batch_size=500
    )
    if emails and (scheduled_for is None or scheduled_for <= timezone.now()):
        _deliver_after_commit()


@transaction.atomic
def outbound_email_cancel(*, actor: User | None, email: OutboundEmail) -> OutboundEmail:
    """Cancel an email no worker has claimed; its kind's listener hears of it (a feedback
    note goes back to approved)."""
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
    cancelled_listener = listeners.listener_for(email.kind).cancelled
    if email.about_id is not None and cancelled_listener is not None:
        cancelled_listener(email.about_id)
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
