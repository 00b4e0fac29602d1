from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization
from heardback.closure import calendar, clock
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail


class ClosurePolicy(models.Model):
    """How an organization's closure clock runs, beside the deadlines kept on Organization.

    Created with its defaults the first time the clock needs it.
    """

    class HoldingUpdates(models.TextChoices):
        AUTO = "auto", _("Sent automatically")
        MANUAL = "manual", _("Sent when a recruiter clicks")

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="closure_policy"
    )
    # ISO dates ("2026-12-25") that are not business days, on top of weekends.
    holidays = models.JSONField(default=list, blank=True)
    holding_updates = models.CharField(
        max_length=10, choices=HoldingUpdates.choices, default=HoldingUpdates.MANUAL
    )
    max_holding_updates = models.PositiveSmallIntegerField(default=2)
    # Business days a reminder may stay unanswered before the hiring manager hears of it.
    escalate_after_days = models.PositiveSmallIntegerField(default=2)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "closure policies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(holding_updates__in=["auto", "manual"]),
                name="closure_policy_holding_updates_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(max_holding_updates__lte=10),
                name="closure_policy_max_holding_updates_range",
            ),
            models.CheckConstraint(
                condition=models.Q(escalate_after_days__lte=30),
                name="closure_policy_escalate_after_days_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Closure policy of {self.organization}"

    def clean(self) -> None:
        if not isinstance(self.holidays, list):
            raise ValidationError({"holidays": _("Holidays are a list of dates like 2026-12-25.")})
        try:
            days = calendar.parse_holidays(self.holidays)
        except ValueError as error:
            raise ValidationError({"holidays": str(error)}) from None
        self.holidays = sorted(day.isoformat() for day in days)


class ApplicationClock(models.Model):
    """Where one application stands on the closure clock, as of the last sweep."""

    class State(models.TextChoices):
        NOT_STARTED = clock.NOT_STARTED, _("No clock running")
        AWAITING_SCORECARDS = clock.AWAITING_SCORECARDS, _("Awaiting scorecards")
        AWAITING_DECISION = clock.AWAITING_DECISION, _("Awaiting decision")
        AWAITING_FEEDBACK_APPROVAL = clock.AWAITING_FEEDBACK_APPROVAL, _("Awaiting feedback")
        FEEDBACK_SCHEDULED = clock.FEEDBACK_SCHEDULED, _("Feedback scheduled")
        CLOSED = clock.CLOSED, _("Closed")
        WITHDRAWN = clock.WITHDRAWN, _("Withdrawn")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="closure_clock"
    )
    state = models.CharField(max_length=30, choices=State.choices, default=State.NOT_STARTED)
    due_at = models.DateTimeField(null=True, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    last_interview_at = models.DateTimeField(null=True, blank=True)
    decision_due_at = models.DateTimeField(null=True, blank=True)
    # When the candidate should hear from us next: a decision, or their feedback.
    expects_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_in_time = models.BooleanField(null=True, blank=True)
    # Interviewers (user ids) whose scorecards are past due: the dashboard's per-person view.
    late_interviewer_ids = models.JSONField(default=list, blank=True)
    # The date the candidate was last promised a decision by, in a holding update.
    expected_decision_date = models.DateField(null=True, blank=True)
    holding_updates_sent = models.PositiveSmallIntegerField(default=0)
    last_holding_update_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=list(clock.STATES)),
                name="application_clock_state_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(state__in=list(clock.WAITING)) | models.Q(due_at__isnull=False),
                name="application_clock_waiting_has_due",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "state", "due_at"], name="application_clock_state"
            ),
            models.Index(fields=["organization", "closed_at"], name="application_clock_closed"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.state}"


class Digest(models.Model):
    """The one email a person gets in a day about everything overdue on their side."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="closure_digests"
    )
    # In the time zone of `organization` (the first one the digest speaks about).
    local_date = models.DateField()
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    email = models.ForeignKey(
        OutboundEmail, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-local_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "local_date"], name="digest_one_per_recipient_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"Digest for {self.recipient_id} on {self.local_date}"


class Reminder(models.Model):
    """One thing a person was reminded of, in one digest; never the same thing twice."""

    class Kind(models.TextChoices):
        SCORECARD = clock.SCORECARD, _("Scorecard overdue")
        DECISION = clock.DECISION, _("Decision overdue")
        FEEDBACK = clock.FEEDBACK, _("Feedback overdue")
        SCORECARD_ESCALATION = clock.SCORECARD + clock.ESCALATION, _("Scorecards overdue (team)")
        DECISION_ESCALATION = clock.DECISION + clock.ESCALATION, _("Decision overdue (team)")
        FEEDBACK_ESCALATION = clock.FEEDBACK + clock.ESCALATION, _("Feedback overdue (team)")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="closure_reminders"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="closure_reminders"
    )
    # The number of interviews held when it was due: a later round is a new reminder.
    round = models.PositiveSmallIntegerField(default=0)
    due_at = models.DateTimeField()
    digest = models.ForeignKey(
        Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )
    sent_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "application", "round"],
                name="reminder_once_per_recipient_kind_application",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=list(clock.REMINDER_KINDS)),
                name="reminder_kind_valid",
            ),
        ]
        indexes = [models.Index(fields=["organization", "application"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id} ({self.application_id})"
