from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Language, Organization


class AttributeRating(models.TextChoices):
    """Per-competency rating, the canonical 5-point scale (formats/README.md §5)."""

    DEFINITELY_NOT = "definitely_not", _("Definitely not")
    NO = "no", _("No")
    MIXED = "mixed", _("Mixed")
    YES = "yes", _("Yes")
    STRONG_YES = "strong_yes", _("Strong yes")


class OverallRecommendation(models.TextChoices):
    """Overall recommendation, the canonical 4-point scale plus no decision."""

    STRONG_NO = "strong_no", _("Strong no")
    NO = "no", _("No")
    YES = "yes", _("Yes")
    STRONG_YES = "strong_yes", _("Strong yes")
    NO_DECISION = "no_decision", _("No decision")


def _choices_in(field: str, values: list[str]) -> models.Q:
    # Nested choices are not visible from Meta, so constraints name their values explicitly;
    # tests/hiring/test_models.py checks each list against its TextChoices.
    return models.Q(**{f"{field}__in": values})


REJECTION_CATEGORIES = [
    "skills_gap",
    "experience_level",
    "stronger_candidate",
    "role_closed",
    "compensation",
    "location",
    "logistics",
    "withdrew",
    "other",
]


class Level(models.IntegerChoices):
    """A job's seniority, for comparing roles: re-routing keeps suggestions near it."""

    ENTRY = 1, _("Entry")
    MID = 2, _("Mid-level")
    SENIOR = 3, _("Senior")
    LEAD = 4, _("Lead or staff")
    PRINCIPAL = 5, _("Principal or director")


class Job(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        ON_HOLD = "on_hold", _("On hold")
        CLOSED = "closed", _("Closed")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="jobs")
    title = models.CharField(max_length=200)
    department = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.EN)
    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Candidate-facing: what screening looks for, quoted when we reject before any interview.
    screening_criteria = models.TextField(blank=True)
    # Re-routing (reroute/): a rejected candidate is suggested open roles of the same family
    # ("Backend engineering", not "Engineering") and a near level; the description is what
    # their comments and résumé are compared with.
    family = models.CharField(
        _("job family"),
        max_length=100,
        blank=True,
        help_text=_("Roles of one family draw on the same skills, e.g. Backend engineering."),
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    external_ids = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_choices_in("status", ["draft", "open", "on_hold", "closed"]),
                name="job_status_valid",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Competency(models.Model):
    """One line of a job's rubric: what is assessed, the bar a hire needs, how to grow."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="competencies")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    bar = models.CharField(
        max_length=20, choices=AttributeRating.choices, default=AttributeRating.YES
    )
    # {"definitely_not": "...", ..., "strong_yes": "..."}: candidate-facing, per rating level.
    descriptors = models.JSONField(default=dict, blank=True)
    tips = models.TextField(blank=True, help_text=_("Candidate-facing development tips."))
    position = models.PositiveSmallIntegerField(default=0)
    # Set by importers for competencies an ATS named but nobody has described yet.
    needs_description = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "competencies"
        constraints = [
            models.UniqueConstraint(fields=["job", "name"], name="competency_unique_name_per_job"),
            models.CheckConstraint(
                condition=_choices_in("bar", AttributeRating.values), name="competency_bar_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=10), name="competency_weight_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PipelineStage(models.Model):
    class Kind(models.TextChoices):
        APPLICATION_REVIEW = "application_review", _("Application review")
        SCREEN = "screen", _("Screen")
        INTERVIEW = "interview", _("Interview")
        FINAL = "final", _("Final interview")
        OFFER = "offer", _("Offer")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.INTERVIEW)
    position = models.PositiveSmallIntegerField()
    external_ids = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "name"], name="stage_unique_name_per_job"),
            models.UniqueConstraint(
                fields=["job", "position"], name="stage_unique_position_per_job"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Candidate(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="candidates"
    )
    first_name = models.CharField(max_length=200)
    last_name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.EN)
    phone = models.CharField(max_length=50, blank=True)
    resume_text = models.TextField(blank=True)
    # {"greenhouse": "4012345678", "lever": "uuid"}: one id per source system.
    external_ids = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [models.Index(fields=["organization", "email"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class RejectionReason(models.Model):
    class Category(models.TextChoices):
        SKILLS_GAP = "skills_gap", _("Skills gap")
        EXPERIENCE_LEVEL = "experience_level", _("Experience level")
        STRONGER_CANDIDATE = "stronger_candidate", _("A stronger candidate")
        ROLE_CLOSED = "role_closed", _("Role closed")
        COMPENSATION = "compensation", _("Compensation")
        LOCATION = "location", _("Location")
        LOGISTICS = "logistics", _("Logistics")
        WITHDREW = "withdrew", _("Candidate withdrew")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="rejection_reasons"
    )
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    # What a candidate may read about this reason, per language.
    explanation_en = models.TextField(blank=True)
    explanation_fr = models.TextField(blank=True)
    # The stage kinds (PipelineStage.Kind) the explanation is true of; empty: every stage.
    # An explanation about "the exercise" must not reach someone screened out before it.
    stages = models.JSONField(default=list, blank=True)
    # Duplicate applications, spam: nobody to write to, so no note is drafted.
    sends_note = models.BooleanField(default=True)
    external_ids = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="rejection_reason_unique_name_per_org"
            ),
            models.CheckConstraint(
                condition=_choices_in("category", REJECTION_CATEGORIES),
                name="rejection_reason_category_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def explanation(self, language: str) -> str:
        return self.explanation_fr if language == Language.FR else self.explanation_en


class Application(models.Model):
    """A candidate's candidacy for one job, from applying to the decision."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        REJECTED = "rejected", _("Rejected")
        HIRED = "hired", _("Hired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        ADVANCE = "advance", _("Advance")
        REJECT = "reject", _("Reject")
        HIRE = "hire", _("Hire")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="applications"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="applications")
    stage = models.ForeignKey(
        PipelineStage, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(max_length=200, blank=True)
    applied_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    # When the application reached its current stage (None: imported without that history;
    # the pipeline then counts from the last activity).
    stage_entered_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.ForeignKey(
        RejectionReason, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    external_ids = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-applied_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "status"]),
            models.Index(fields=["job", "status"]),
            # The feedback queue lists notes newest decision first: with this index a page
            # reads 50 applications instead of sorting the organization's every decision.
            # PostgreSQL only (SQLite cannot index NULLS LAST): see migration 0002.
            models.Index(
                models.F("organization"),
                models.F("decided_at").desc(nulls_last=True),
                name="application_org_decided_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_choices_in("status", ["active", "rejected", "hired", "withdrawn"]),
                name="application_status_valid",
            ),
            models.CheckConstraint(
                condition=_choices_in("decision", ["pending", "advance", "reject", "hire"]),
                name="application_decision_valid",
            ),
            # A decision is a dated act: no rejection or hire without its date.
            models.CheckConstraint(
                condition=models.Q(decision__in=["pending", "advance"])
                | models.Q(decided_at__isnull=False),
                name="application_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | models.Q(decision="reject"),
                name="application_rejected_means_reject_decision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.job}"


class Interview(models.Model):
    class Kind(models.TextChoices):
        SCREEN = "screen", _("Screen")
        TECHNICAL = "technical", _("Technical")
        SYSTEM_DESIGN = "system_design", _("System design")
        HIRING_MANAGER = "hiring_manager", _("Hiring manager")
        ONSITE = "onsite", _("Onsite")
        TAKE_HOME = "take_home", _("Take-home review")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    scheduled_at = models.DateTimeField(null=True, blank=True)
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="interviews"
    )
    external_ids = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["scheduled_at", "id"]

    def __str__(self) -> str:
        return self.name


class Scorecard(models.Model):
    """One interviewer's assessment of one interview; a draft until submitted."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="scorecards"
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scorecards"
    )
    overall_recommendation = models.CharField(
        max_length=20,
        choices=OverallRecommendation.choices,
        default=OverallRecommendation.NO_DECISION,
    )
    overall_recommendation_raw = models.CharField(max_length=100, blank=True)
    key_takeaways = models.TextField(blank=True)
    key_takeaways_shareable = models.BooleanField(default=False)
    # Never candidate-facing, whatever else changes.
    private_notes = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    external_ids = models.JSONField(default=dict, blank=True)
    # Whether the guard blocks any of its texts (feedback's review gate), found at submission,
    # and what it was found under: the guard's version, the job's language and the texts
    # (`screening.fingerprint`). Read again when that no longer matches.
    guard_blocked = models.BooleanField(null=True, editable=False)
    guard_screened = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        ordering = ["interview", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "interviewer"], name="scorecard_one_per_interviewer"
            ),
            models.CheckConstraint(
                condition=_choices_in("overall_recommendation", OverallRecommendation.values),
                name="scorecard_overall_valid",
            ),
        ]
        indexes = [models.Index(fields=["application", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.interview} · {self.interviewer}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ScorecardRating(models.Model):
    """A rating of one competency in one scorecard, with its evidence."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="ratings")
    # Blank means "no decision": the interviewer did not assess this competency.
    rating = models.CharField(max_length=20, choices=AttributeRating.choices, blank=True)
    rating_raw = models.CharField(max_length=100, blank=True)
    evidence = models.TextField(blank=True, help_text=_("Internal: never shown to the candidate."))
    evidence_shareable = models.BooleanField(default=False)
    candidate_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["competency__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "competency"], name="rating_one_per_competency"
            ),
            models.CheckConstraint(
                condition=_choices_in("rating", [*AttributeRating.values, ""]), name="rating_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.rating or 'no decision'}"
