from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from heardback.accounts.models import (
    POLICY_BOUNDS,
    AuditEvent,
    Language,
    Membership,
    Organization,
    User,
    validate_time_zone,
)


def audit(
    *,
    organization: Organization,
    actor: User | None,
    action: str,
    obj: Any = None,
    **data: Any,
) -> AuditEvent:
    """Record who did what to which object."""
    return AuditEvent.objects.create(
        organization=organization,
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )


def audit_many(
    *,
    actor: User | None,
    action: str,
    objects: Sequence[Any],
    data: Callable[[Any], dict[str, Any]],
) -> list[AuditEvent]:
    """Record the same action on many objects (each with an organization_id) in one insert."""
    return AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                organization_id=obj.organization_id,
                actor=actor,
                action=action,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                data=data(obj),
            )
            for obj in objects
        ]
    )


# What every new organization starts with, given by apps above accounts (hiring: its rejection
# reasons), which register here in their AppConfig.ready(): accounts may not import them.
ORGANIZATION_SETUP: list[Callable[..., object]] = []


@transaction.atomic
def organization_create(*, actor: User | None, slug: str, name: str, **policy: Any) -> Organization:
    """Create an organization with its feedback policy (defaults unless given)."""
    if Organization.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": f"An organization with slug {slug!r} already exists."})
    organization = Organization(slug=slug, name=name, **policy)
    organization.full_clean()
    organization.save()
    audit(organization=organization, actor=actor, action="organization.create", obj=organization)
    for setup in ORGANIZATION_SETUP:
        setup(organization=organization, actor=actor)
    return organization


@transaction.atomic
def user_create_in_organization(
    *,
    actor: User | None,
    organization: Organization,
    email: str,
    role: str,
    full_name: str = "",
    password: str | None = None,
    language: str = Language.EN,
) -> tuple[User, Membership]:
    """Create the user when new (or reuse them) and give them a role in the organization."""
    email = email.strip().lower()
    validate_email(email)
    if role not in Membership.Role.values:
        raise ValidationError(
            {"role": f"Unknown role {role!r}; choose one of {', '.join(Membership.Role.values)}."}
        )
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, password, full_name=full_name, language=language)
    elif password:
        user.set_password(password)
        user.save(update_fields=["password"])
    membership, _ = Membership.objects.update_or_create(
        user=user, organization=organization, defaults={"role": role}
    )
    audit(
        organization=organization, actor=actor, action="membership.set", obj=membership, role=role
    )
    return user, membership


@transaction.atomic
def user_password_change(*, user: User, password: str) -> None:
    """Set the user's own new password (the form checked the old one and the validators)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    # One account signs in to all of its organizations: each one's audit log shows the change.
    # The password itself is never recorded.
    for organization in Organization.objects.filter(memberships__user=user):
        audit(organization=organization, actor=user, action="user.password_change", obj=user)


# --- Organization settings (admins only) -------------------------------------------------------

POLICY_FIELDS = (
    "tone",
    "reapply_months",
    "show_interviewer_first_names",
    "scorecard_deadline_hours",
    "decision_deadline_days",
    "feedback_deadline_days",
    "default_language",
    "time_zone",
)


def _require_admin(*, actor: User, organization: Organization) -> None:
    if not Membership.objects.filter(
        user=actor, organization=organization, role=Membership.Role.ADMIN
    ).exists():
        raise PermissionDenied(_("Only admins change the organization's settings."))


def time_zone_validate(name: str) -> str:
    """The IANA time zone name, stripped, checked by the model's own validator."""
    name = name.strip()
    try:
        validate_time_zone(name)
    except ValidationError as error:
        raise ValidationError({"time_zone": error.messages}) from None
    return name


@transaction.atomic
def organization_policy_update(
    *, actor: User, organization: Organization, **policy: Any
) -> Organization:
    """Change the feedback policy: tone, reapply delay, names, deadlines, language, time zone."""
    _require_admin(actor=actor, organization=organization)
    unknown = set(policy) - set(POLICY_FIELDS)
    if unknown:
        raise TypeError(f"Not a policy field: {', '.join(sorted(unknown))}")
    errors: dict[str, list[str]] = {}
    if "time_zone" in policy:
        try:
            policy["time_zone"] = time_zone_validate(str(policy["time_zone"]))
        except ValidationError as error:
            errors.update(error.message_dict)
    if "tone" in policy and policy["tone"] not in Organization.Tone.values:
        errors["tone"] = [_("Choose a tone.")]
    if "default_language" in policy and policy["default_language"] not in Language.values:
        errors["default_language"] = [_("Choose a language.")]
    for name, (low, high) in POLICY_BOUNDS.items():
        if name in policy and not (isinstance(policy[name], int) and low <= policy[name] <= high):
            errors[name] = [
                _("Choose a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
            ]
    if errors:
        raise ValidationError(errors)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    changed = {
        name: value for name, value in policy.items() if getattr(organization, name) != value
    }
    for name, value in changed.items():
        setattr(organization, name, value)
    if changed:
        organization.save(update_fields=list(changed))
        audit(
            organization=organization, actor=actor, action="organization.policy",
            obj=organization, **changed,
        )  # fmt: skip
    return organization


def _no_control_characters(value: str, *, field: str) -> None:
    # A line break in a display name would let it forge email headers (Bcc:, a second From:).
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            {field: _("Line breaks and control characters are not allowed here.")}
        )


@transaction.atomic
def organization_sender_update(
    *, actor: User, organization: Organization, sender_name: str, sender_email: str
) -> Organization:
    """Change the name and address candidates' emails come from."""
    _require_admin(actor=actor, organization=organization)
    _no_control_characters(sender_name, field="sender_name")
    _no_control_characters(sender_email, field="sender_email")
    sender_name, sender_email = sender_name.strip(), sender_email.strip().lower()
    if len(sender_name) > 200:
        raise ValidationError({"sender_name": _("Keep the name under 200 characters.")})
    if sender_email:
        try:
            validate_email(sender_email)
        except ValidationError:
            raise ValidationError({"sender_email": _("Enter a valid email address.")}) from None
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.sender_name, organization.sender_email = sender_name, sender_email
    organization.save(update_fields=["sender_name", "sender_email"])
    audit(
        organization=organization, actor=actor, action="organization.sender", obj=organization,
        sender_name=sender_name, sender_email=sender_email,
    )  # fmt: skip
    return organization


def _admins_left(organization: Organization, *, without: Membership) -> int:
    # Locks the admins' rows: two admins demoting each other at once cannot both succeed.
    admins = Membership.objects.select_for_update().filter(
        organization=organization, role=Membership.Role.ADMIN
    )
    return len([m for m in admins if m.pk != without.pk])


@transaction.atomic
def membership_role_change(*, actor: User, membership: Membership, role: str) -> Membership:
    """Change a member's role; the organization always keeps at least one admin."""
    organization = membership.organization
    _require_admin(actor=actor, organization=organization)
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == role:
        return membership
    if membership.role == Membership.Role.ADMIN and not _admins_left(
        organization, without=membership
    ):
        raise ValidationError(
            _("%(organization)s needs at least one admin: make someone else an admin first.")
            % {"organization": organization.name}
        )
    previous, membership.role = membership.role, role
    membership.save(update_fields=["role"])
    audit(
        organization=organization, actor=actor, action="membership.role", obj=membership,
        email=membership.user.email, role=role, previous=previous,
    )  # fmt: skip
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    """Remove someone from the organization: not yourself, never the last admin."""
    organization = membership.organization
    _require_admin(actor=actor, organization=organization)
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if membership.user_id == actor.pk:
        raise ValidationError(_("You cannot remove yourself; another admin can."))
    if membership.role == Membership.Role.ADMIN and not _admins_left(
        organization, without=membership
    ):
        raise ValidationError(
            _("%(organization)s needs at least one admin: make someone else an admin first.")
            % {"organization": organization.name}
        )
    audit(
        organization=organization, actor=actor, action="membership.remove", obj=membership,
        email=membership.user.email, role=membership.role,
    )  # fmt: skip
    membership.delete()
