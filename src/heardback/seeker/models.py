"""The job-seeker companion: a person's own applications, interviews and reminders.

A seeker is a `User` with a `Seeker` profile and no organization membership: nothing here
belongs to an organization, and every row is reached through its seeker (selectors.py).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from heardback.accounts.models import validate_time_zone

# Bounds of each threshold a seeker may set: (lowest, highest).
THRESHOLD_BOUNDS: dict[str, tuple[int, int]] = {
    "thank_you_hours": (1, 72),
    "follow_up_days": (1, 60),
    "follow_ups_max": (0, 2),
    "ghosted_days": (2, 120),
    "active_min": (0, 50),
}
NOTES_MAX = 10_000
# Python's numbering of the days of the week (date.weekday()).
WEEKDAYS = [
    (0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
    (4, _("Friday")), (5, _("Saturday")), (6, _("Sunday")),
]  # fmt: skip


def _bounded(name: str) -> list[Any]:
    low, high = THRESHOLD_BOUNDS[name]
    return [MinValueValidator(low), MaxValueValidator(high)]


class Seeker(models.Model):
    """A person using the companion for their own job search, with their reminder settings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seeker"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Paris", validators=[validate_time_zone]
    )
    thank_you_hours = models.PositiveSmallIntegerField(
        _("Thank-you note: hours after an interview"),
        default=24,
        validators=_bounded("thank_you_hours"),
    )
    follow_up_days = models.PositiveSmallIntegerField(
        _("Follow up after this many quiet days"),
        default=7,
        validators=_bounded("follow_up_days"),
    )
    follow_ups_max = models.PositiveSmallIntegerField(
        _("Follow-ups at most"), default=2, validators=_bounded("follow_ups_max")
    )
    ghosted_days = models.PositiveSmallIntegerField(
        _("Call it a silence after this many days"),
        default=21,
        validators=_bounded("ghosted_days"),
    )
    active_min = models.PositiveSmallIntegerField(
        _("Keep at least this many applications active"),
        default=5,
        validators=_bounded("active_min"),
    )
    email_digest = models.BooleanField(_("Email me a daily digest"), default=True)
    email_weekly = models.BooleanField(_("Email me a summary every week"), default=True)
    weekly_day = models.PositiveSmallIntegerField(
        _("Day of the weekly summary"), choices=WEEKDAYS, default=0
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(follow_ups_max__lte=2), name="seeker_at_most_two_follow_ups"
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_day__lte=6), name="seeker_weekly_day_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"seeker {self.user}"


class Stage(models.TextChoices):
    WISHLIST = "wishlist", pgettext_lazy("seeker stage", "Wishlist")
    APPLIED = "applied", pgettext_lazy("seeker stage", "Applied")
    INTERVIEWING = "interviewing", pgettext_lazy("seeker stage", "Interviewing")
    OFFER = "offer", pgettext_lazy("seeker stage", "Offer")
    SIGNED = "signed", pgettext_lazy("seeker stage", "Signed")
    REJECTED = "rejected", pgettext_lazy("seeker stage", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("seeker stage", "Withdrawn")


class JobApplication(models.Model):
    """One application the seeker made (or means to make), and the employer's feed if any."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="applications")
    company = models.CharField(_("Company"), max_length=200)
    role = models.CharField(_("Job title"), max_length=200)
    link = models.URLField(_("Link to the offer"), max_length=500, blank=True)
    source = models.CharField(_("Source"), max_length=200, blank=True)
    applied_on = models.DateField(_("Applied on"), null=True, blank=True)
    stage = models.CharField(_("Stage"), max_length=20, choices=Stage.choices, default="applied")
    stage_changed_on = models.DateField(null=True, blank=True)
    next_step = models.CharField(_("Next step"), max_length=300, blank=True)
    next_step_due = models.DateField(_("Promised by"), null=True, blank=True)
    last_contact_on = models.DateField(_("Last heard from them"), null=True, blank=True)
    notes = models.TextField(_("Notes"), max_length=NOTES_MAX, blank=True)
    # The employer's feed (a heardback portal on this instance): its address, and what it said.
    feed_url = models.CharField(max_length=500, blank=True)
    feed_stopped_at = models.DateTimeField(null=True, blank=True)
    feed_checked_at = models.DateTimeField(null=True, blank=True)
    feed_etag = models.CharField(max_length=100, blank=True)
    employer_status = models.CharField(max_length=20, blank=True)
    employer_next_step = models.CharField(max_length=500, blank=True)
    employer_expected_on = models.DateField(null=True, blank=True)
    employer_feedback = models.TextField(blank=True)
    employer_answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage__in=Stage.values),
                name="seeker_application_stage_valid",
            ),
        ]
        indexes = [models.Index(fields=["seeker", "stage"])]

    def __str__(self) -> str:
        return f"{self.role} · {self.company}"

    @property
    def subscribed(self) -> bool:
        return bool(self.feed_url)


class Interview(models.Model):
    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone call")
        VIDEO = "video", _("Video call")
        ONSITE = "onsite", _("On site")
        TECHNICAL = "technical", _("Technical")
        OTHER = "other", _("Other")

    application = models.ForeignKey(
        JobApplication, on_delete=models.CASCADE, related_name="interviews"
    )
    starts_at = models.DateTimeField(_("Date and time"))
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices, default=Kind.VIDEO)
    interviewers = models.TextField(
        _("Interviewers"),
        max_length=2000,
        blank=True,
        help_text=_("One per line: name, then email or phone (Ana Diaz, ana@example.com)."),
    )
    notes = models.TextField(
        _("What you want to remember"),
        max_length=NOTES_MAX,
        blank=True,
        help_text=_("The thank-you draft quotes its first line."),
    )
    thank_you_sent_at = models.DateTimeField(null=True, blank=True)
    # The employer's feed: which of its interviews this one is ("" when the seeker added it).
    feed_key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "feed_key"],
                condition=~models.Q(feed_key=""),
                name="seeker_interview_one_per_feed_interview",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"


class Reminder(models.Model):
    """A reminder the rules raised (seeker/rules.py): its key is never raised twice."""

    class Kind(models.TextChoices):
        THANK_YOU = "thank_you", _("Send a thank-you note")
        FOLLOW_UP = "follow_up", _("Follow up")
        GHOSTED = "ghosted", _("No news for a long time")
        FEEDBACK = "feedback", _("Ask for feedback")
        KEEP_APPLYING = "keep_applying", _("Keep applying")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DISMISSED = "dismissed", _("Dismissed")
        # The employer answered before the seeker acted: nothing to do any more.
        CANCELLED = "cancelled", _("Answered by the employer")

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="reminders")
    application = models.ForeignKey(
        JobApplication, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=120)
    due_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    digest = models.ForeignKey(
        "Digest", null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-due_at", "-id"]
        constraints = [
            # The rules may run in several workers at once: the same reminder exists once.
            models.UniqueConstraint(fields=["seeker", "key"], name="seeker_reminder_once_per_key"),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["thank_you", "follow_up", "ghosted", "feedback", "keep_applying"]
                ),
                name="seeker_reminder_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=["open", "done", "dismissed", "cancelled"]),
                name="seeker_reminder_state_valid",
            ),
        ]
        indexes = [models.Index(fields=["seeker", "state"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.key})"


class Digest(models.Model):
    """The day's reminder digest of one seeker: at most one a local day."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="digests")
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    emailed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "day"], name="seeker_digest_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"digest of {self.seeker_id} on {self.day}"


def _document_path(instance: Document, filename: str) -> str:
    # A random name on disk (the seeker's own name is kept in `name`, for the download only).
    suffix = Path(filename).suffix.lower()[:10]
    return f"seeker/{instance.application.seeker_id}/{uuid.uuid4().hex}{suffix}"


class Document(models.Model):
    """A file the seeker keeps with an application: a CV, a cover letter, an offer…"""

    application = models.ForeignKey(
        JobApplication, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(upload_to=_document_path, max_length=300)
    name = models.CharField(_("File name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class WeeklySummary(models.Model):
    """The weekly summary email of one seeker: at most one a week (the Monday of the local
    week it was sent in), even if the seeker changes its day in the middle of a week."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="weekly_summaries")
    week = models.DateField()
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-week"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "week"], name="seeker_summary_once_a_week"),
        ]

    def __str__(self) -> str:
        return f"weekly summary of {self.seeker_id} for the week of {self.week}"
