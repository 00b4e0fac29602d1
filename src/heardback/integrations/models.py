from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization


class ImportRun(models.Model):
    """One import of an ATS dump: uploaded from the web or the API, or run from the command line.

    The uploaded files wait in a private directory under VAR_DIR until a worker runs the import
    (all or nothing); the directory is removed when the run ends.
    """

    class Source(models.TextChoices):
        GREENHOUSE = "greenhouse", _("Greenhouse Harvest v1")
        GREENHOUSE_V3 = "greenhouse-v3", _("Greenhouse Harvest v3")
        LEVER = "lever", _("Lever")
        CSV = "csv", _("CSV (one row per scorecard item)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="import_runs"
    )
    # Null for a run started from the command line.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_runs",
    )
    source = models.CharField(max_length=20, choices=Source.choices)
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The importer's current phase ("Reading scorecards.json", "Writing interviews", "Saving")
    # and how far it is through that phase.
    phase = models.CharField(max_length=200, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    # {object type: {"created": n, "updated": n, "unchanged": n, "skipped": n}}
    summary = models.JSONField(default=dict, blank=True)
    # [{"job": title, "competency": name}]: rubric lines to describe before feedback quotes them.
    new_competencies = models.JSONField(default=list, blank=True)
    # [{"severity": "error"|"warning", "file", "record", "field", "message"}], errors first;
    # at most PROBLEMS_KEPT rows, the counts below are the full numbers.
    problems = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    file_names = models.JSONField(default=list, blank=True)  # as uploaded, for the page
    # The private directory's name under the uploads root; "" once the files are removed.
    upload_dir = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    PROBLEMS_KEPT = 1000

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "-created_at"], name="import_run_org_recent")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=["greenhouse", "greenhouse-v3", "lever", "csv"]),
                name="import_run_source_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "running", "succeeded", "failed"]),
                name="import_run_status_valid",
            ),
            # A run that ended has a time it ended.
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "running"])
                | models.Q(finished_at__isnull=False),
                name="import_run_finished_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} import #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)
