from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization
from heardback.hiring.models import Candidate
from heardback.portal.models import Consent

MESSAGE_MAX_LENGTH = 1000


class Partnership(models.Model):
    """Two organizations agree to suggest consenting candidates to each other.

    One admin proposes, an admin of the other accepts; either ends it. Only an accepted,
    unended partnership opens a pool.
    """

    proposer = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(proposer=models.F("partner")), name="partnership_two_orgs"
            ),
            models.UniqueConstraint(
                fields=["proposer", "partner"],
                condition=models.Q(ended_at__isnull=True),
                name="partnership_one_live_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"partnership #{self.pk}: {self.proposer_id} ↔ {self.partner_id}"

    @property
    def is_live(self) -> bool:
        return self.accepted_at is not None and self.ended_at is None

    def other(self, organization: Organization) -> Organization:
        return self.partner if organization.pk == self.proposer_id else self.proposer


class PartnerProfile(models.Model):
    """What a candidate chose to add to their profile for partner organizations."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="partner_profile"
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"partner profile of candidate {self.candidate_id}"


class PartnerInvitation(models.Model):
    """A partner organization's invitation to a candidate it found in its pool.

    The partner knows the candidate only by the consent it saw (never their name or address)
    until the candidate accepts: then their contact details are shared, and the résumé they
    applied with if they chose to share it.
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    home = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="partner_invitations"
    )
    consent = models.ForeignKey(Consent, null=True, on_delete=models.SET_NULL, related_name="+")
    job_title = models.CharField(_("role"), max_length=200)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    # The candidate chose, on accepting, to share the résumé they applied with too.
    resume_shared = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "candidate"],
                condition=models.Q(status="sent"),
                name="partner_invitation_one_open_per_candidate",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["sent", "accepted", "declined"]),
                name="partner_invitation_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"partner invitation #{self.pk} from {self.organization_id}"
