from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Candidate

QUESTION_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 1000


def _score_in_range(field: str) -> models.Q:
    return models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


class CandidateLink(models.Model):
    """A candidate's private link to one application's page.

    Only sha256(token) is stored. The token itself is HMAC(SECRET_KEY, application and nonce),
    so whoever holds the secret can recompute it to send it, and a database leak alone
    reveals no link (portal/tokens.py).
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_links"
    )
    token_hash = models.CharField(max_length=64)
    nonce = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["token_hash"], name="candidate_link_unique_token_hash"),
            models.UniqueConstraint(
                fields=["application", "nonce"], name="candidate_link_unique_nonce"
            ),
        ]
        indexes = [models.Index(fields=["application", "revoked_at", "expires_at"])]

    def __str__(self) -> str:
        return f"link #{self.pk} for application {self.application_id}"

    def is_live(self, now: datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class PortalQuestion(models.Model):
    """A candidate's question from the portal, waiting in the recruiters' queue until answered."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_questions"
    )
    body = models.TextField(max_length=QUESTION_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(max_length=ANSWER_MAX_LENGTH, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True, answer="")
                | models.Q(answered_at__isnull=False) & ~models.Q(answer=""),
                name="portal_question_answer_has_date",
            ),
        ]
        indexes = [models.Index(fields=["organization", "answered_at"])]

    def __str__(self) -> str:
        return f"question #{self.pk} on application {self.application_id}"


class Consent(models.Model):
    """One grant of consent by a candidate, dated, expiring and withdrawable; rows are history."""

    class Kind(models.TextChoices):
        OTHER_ROLES = "other_roles", _("Other roles at this organization")
        PARTNERS = "partners", _("Partner organizations")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="portal_consents"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["other_roles", "partners"]), name="consent_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("granted_at")),
                name="consent_expires_after_grant",
            ),
        ]
        indexes = [models.Index(fields=["candidate", "kind", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.kind} consent of candidate {self.candidate_id}"


class FeedbackRating(models.Model):
    """ "Was this feedback useful?": one per application, the latest answer wins."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_feedback_ratings"
    )
    note = models.ForeignKey(
        FeedbackNote, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application"], name="feedback_rating_one_per_app"),
            models.CheckConstraint(
                condition=_score_in_range("score"), name="feedback_rating_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score}/5 for application {self.application_id}"


class SurveyResponse(models.Model):
    """The three-question candidate experience survey, 1 to 5 each; one per application."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_survey_responses"
    )
    knew_where_they_stood = models.PositiveSmallIntegerField()
    respectful_of_time = models.PositiveSmallIntegerField()
    would_apply_again = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    QUESTIONS = ("knew_where_they_stood", "respectful_of_time", "would_apply_again")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application"], name="survey_response_one_per_app"),
            models.CheckConstraint(
                condition=_score_in_range("knew_where_they_stood")
                & _score_in_range("respectful_of_time")
                & _score_in_range("would_apply_again"),
                name="survey_response_scores_range",
            ),
        ]

    def __str__(self) -> str:
        return f"survey for application {self.application_id}"


class ErasureRequest(models.Model):
    """A candidate's request to erase their personal data; a recruiter confirms it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="portal_erasure_requests"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate"],
                condition=models.Q(completed_at__isnull=True),
                name="erasure_request_one_open_per_candidate",
            ),
        ]

    def __str__(self) -> str:
        return f"erasure request #{self.pk} for candidate {self.candidate_id}"
