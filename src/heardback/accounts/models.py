from __future__ import annotations

from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    EN = "en", "English"
    FR = "fr", "Français"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email: recruiter, interviewer, admin."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.EN)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def first_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email.split("@")[0]


# Bounds of the feedback policy: one definition, used by the model's validators (so every
# service that saves an organization refuses a 0-hour deadline), the settings form and the API.
POLICY_BOUNDS: dict[str, tuple[int, int]] = {
    "reapply_months": (0, 60),
    "scorecard_deadline_hours": (1, 720),
    "decision_deadline_days": (1, 60),
    "feedback_deadline_days": (1, 30),
}


def _bounded(name: str) -> list[Any]:
    low, high = POLICY_BOUNDS[name]
    return [MinValueValidator(low), MaxValueValidator(high)]


def validate_time_zone(value: str) -> None:
    """An IANA time zone name the zoneinfo database knows ("Europe/Paris", not "Mars/Olympus")."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(zone)s is not a time zone; write one like Europe/Paris."),
            params={"zone": repr(value)},
            code="time_zone",
        ) from None


class Organization(models.Model):
    """A customer: its people, jobs, candidates and feedback policy."""

    class Tone(models.TextChoices):
        WARM = "warm", _("Warm")
        FORMAL = "formal", _("Formal")

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    default_language = models.CharField(max_length=5, choices=Language.choices, default=Language.EN)
    sender_name = models.CharField(max_length=200, blank=True)
    sender_email = models.EmailField(blank=True)
    # Feedback policy: the closure clock's deadlines and what a note may say.
    scorecard_deadline_hours = models.PositiveIntegerField(
        default=24, validators=_bounded("scorecard_deadline_hours")
    )
    decision_deadline_days = models.PositiveIntegerField(
        default=5, validators=_bounded("decision_deadline_days")
    )
    feedback_deadline_days = models.PositiveIntegerField(
        default=2, validators=_bounded("feedback_deadline_days")
    )
    tone = models.CharField(max_length=10, choices=Tone.choices, default=Tone.WARM)
    reapply_months = models.PositiveIntegerField(default=6, validators=_bounded("reapply_months"))
    show_interviewer_first_names = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reapply_months__lte=60), name="organization_reapply_months_max"
            ),
            models.CheckConstraint(
                condition=models.Q(tone__in=["warm", "formal"]), name="organization_tone_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in one organization."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin")
        RECRUITER = "recruiter", _("Recruiter")
        HIRING_MANAGER = "hiring_manager", _("Hiring manager")
        INTERVIEWER = "interviewer", _("Interviewer")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"], name="membership_one_per_user_and_org"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    role__in=["admin", "recruiter", "hiring_manager", "interviewer"]
                ),
                name="membership_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.role} · {self.organization}"


class AuditEvent(models.Model):
    """Who did what to which object, for every state change a service makes."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}:{self.object_id}"


class Invitation(models.Model):
    """An offer to join an organization, accepted through a private link sent by email.

    Nobody becomes a member of an organization because someone typed their address: not from
    Settings → Members, not from an import. An imported interviewer is a `placeholder` account
    of this organization only; whoever accepts the invitation takes over its scorecards.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Membership.Role.choices)
    full_name = models.CharField(max_length=200, blank=True)
    placeholder = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The link's token is HMAC(SECRET_KEY, "invitation:<pk>:<nonce>"); only its hash is stored.
    nonce = models.CharField(max_length=32, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_email_and_org",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    role__in=["admin", "recruiter", "hiring_manager", "interviewer"]
                ),
                name="invitation_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.role})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None
