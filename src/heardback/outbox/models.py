from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization
from heardback.hiring.models import Application

# Header values a line break could turn into extra headers (Bcc: …) if they ever reached a message.
HEADER_FIELDS = ("from_email", "to", "reply_to", "subject")


class OutboundEmail(models.Model):
    """One email to deliver, stored in the same transaction as the change that caused it.

    The row is the outbox: a worker claims it, sends it with the Message-ID chosen at enqueue
    time, and commits the outcome right after the server answers.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")
        CANCELLED = "cancelled", _("Cancelled")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="outbound_emails"
    )
    # What the email is ("feedback_note", …) and, when it is about one of the kind owner's
    # objects, that object's id: the outbox knows no such model, it tells the kind's
    # listener (outbox.listeners) what became of the email, and the owner follows.
    kind = models.CharField(max_length=40, blank=True)
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The application whose candidate receives the email: the worker puts that candidate's
    # portal link where the text has the placeholder, so no row ever holds a live link.
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    # "feedback_note:<id>:v<version>": enqueueing the same thing twice yields one row.
    idempotency_key = models.CharField(max_length=200)
    # Chosen once, reused on every attempt: a rare duplicate is then recognisable as one.
    message_id = models.CharField(max_length=255)
    from_email = models.CharField(max_length=400)
    to = models.CharField(max_length=400)
    reply_to = models.CharField(max_length=400, blank=True)
    subject = models.CharField(max_length=998)
    text = models.TextField()
    html = models.TextField(blank=True)
    # Extra headers, and the Date chosen at enqueue time (the scheduled time, if any): like
    # the Message-ID, it is the same on every attempt.
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    # When the row is next due: scheduled_for at first, then the retry backoff.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key"], name="outbound_email_unique_idempotency_key"
            ),
            models.UniqueConstraint(fields=["message_id"], name="outbound_email_unique_message_id"),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["queued", "sending", "sent", "failed", "bounced", "cancelled"]
                ),
                name="outbound_email_status_valid",
            ),
            # A claim without a lease could never be recovered from a dead worker.
            models.CheckConstraint(
                condition=~models.Q(status="sending")
                | models.Q(lease_expires_at__isnull=False, claimed_by__gt=""),
                name="outbound_email_sending_has_lease",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="outbound_email_sent_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbound_email_due"),
            models.Index(fields=["status", "lease_expires_at"], name="outbound_email_lease"),
            # The rate limit counts each organization's attempts of the last minute.
            models.Index(fields=["last_attempt_at"], name="outbound_email_recent"),
            # A note's emails, newest first (cancelling it, the API's last email of a note).
            models.Index(fields=["kind", "about_id"], name="outbound_email_about"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to} ({self.status})"

    def clean(self) -> None:
        errors: dict[str, str] = {
            name: gettext("Line breaks are not allowed here (they could inject email headers).")
            for name in HEADER_FIELDS
            if "\r" in getattr(self, name) or "\n" in getattr(self, name)
        }
        for name, value in self.headers.items():
            if any(c in f"{name}{value}" for c in "\r\n") or ":" in name:
                errors["headers"] = gettext("Header %(name)s contains a line break or a colon.") % {
                    "name": repr(name)
                }
        if errors:
            raise ValidationError(errors)
