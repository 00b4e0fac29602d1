from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from heardback.accounts.models import AuditEvent, Language, Membership, Organization, User


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


@transaction.atomic
def organization_create(*, actor: User | None, slug: str, name: str, **policy: Any) -> Organization:
    """Create an organization with its feedback policy (defaults unless given)."""
    if Organization.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": f"An organization with slug {slug!r} already exists."})
    organization = Organization(slug=slug, name=name, **policy)
    organization.full_clean()
    organization.save()
    audit(organization=organization, actor=actor, action="organization.create", obj=organization)
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
