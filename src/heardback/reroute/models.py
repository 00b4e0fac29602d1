from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization
from heardback.hiring.models import Application, Candidate, Job


class RoleInvitation(models.Model):
    """A recruiter's invitation to a candidate not hired for one job to apply for another."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="role_invitations"
    )
    # The application the candidate was not hired from, and the job they are invited to.
    source = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+")
    # Why the role fits, in the candidate's language, as the ranking said it when sent.
    explanation = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "job"], name="role_invitation_one_per_candidate_and_job"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["sent", "accepted", "declined"]),
                name="role_invitation_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"candidate {self.candidate_id} invited to job {self.job_id}"
