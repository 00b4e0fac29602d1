from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Language, Organization
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail

# The outbox's kind for a note's email; its id is the email's `about_id` (feedback.sending).
NOTE_EMAIL_KIND = "feedback_note"


class FeedbackNote(models.Model):
    """One version of the feedback note for an application: drafted, edited, approved, sent.

    The engine writes version 1; every recruiter edit or regeneration adds a version and
    only the newest (`is_current`) can move forward.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    class Verdict(models.TextChoices):
        OK = "ok", _("Clean")
        WARN = "warn", _("Warnings")
        BLOCK = "block", _("Blocked")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="feedback_notes"
    )
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.EN)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField()
    # [{"text", "section", "sources": [{"kind", "ref", "field"}]}] — why each sentence is there.
    provenance = models.JSONField(default=list, blank=True)
    quality = models.JSONField(default=dict, blank=True)
    # [{"start", "end", "category", "severity", "rule", "why", "suggestion"}] over `text`.
    guard_findings = models.JSONField(default=list, blank=True)
    guard_verdict = models.CharField(max_length=5, choices=Verdict.choices, default=Verdict.OK)
    warnings_acknowledged = models.BooleanField(default=False)
    # Why a person must read this note before it goes ("reason_unsupported", "contradiction",
    # "disagreement", "scorecard_blocked", …); empty: it may be approved in bulk.
    review_reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Null author: written by the engine.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["application_id", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "version"], name="feedback_note_unique_version"
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(is_current=True),
                name="feedback_note_one_current_per_application",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["draft", "approved", "queued", "sent", "failed", "cancelled"]
                ),
                name="feedback_note_status_valid",
            ),
            # The service refuses it first; the database makes sure nothing else slips it by.
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "cancelled"])
                | ~models.Q(guard_verdict="block"),
                name="feedback_note_blocked_cannot_advance",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "is_current", "status"]),
            # The queue's counts per status and verdict, read from the index alone (PostgreSQL
            # index-only scan) instead of the notes' wide rows.
            models.Index(
                fields=["organization", "status", "guard_verdict"],
                condition=models.Q(is_current=True),
                name="feedback_note_current_counts",
            ),
            # The sent log, newest first: a page walks the organization's latest notes instead
            # of sorting every note it ever sent (the ORDER BY of selectors.sent_log).
            # PostgreSQL only (SQLite cannot index NULLS LAST): see migration 0004.
            models.Index(
                models.F("organization"),
                Coalesce("sent_at", "scheduled_for", "approved_at").desc(nulls_last=True),
                models.F("id").desc(),
                condition=models.Q(is_current=True),
                name="feedback_note_sent_log",
            ),
            # The drafts that need a person's review (a few hundred of ten thousand): counted
            # and listed from this index alone, where the counts above would read every note's
            # row for its review reasons (selectors.feedback_queue_counts).
            models.Index(
                fields=["organization", "application", "guard_verdict"],
                condition=models.Q(is_current=True, status="draft") & ~models.Q(review_reasons=[]),
                name="feedback_note_needs_review",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} (v{self.version}, {self.status})"

    @property
    def emails(self) -> models.QuerySet[OutboundEmail]:
        """The outbox's emails of this note: the outbox knows notes only by kind and id."""
        return OutboundEmail.objects.filter(kind=NOTE_EMAIL_KIND, about_id=self.pk)
