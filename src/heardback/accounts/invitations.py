"""Invitations: the only way a person joins an organization.

An admin invites an address (Settings → Members); an import records one for each interviewer
it could not match to a member, beside an account of this organization only (`placeholder`)
that holds their scorecards. The invitee opens the private link, chooses a password (or signs
in to the account they already have) and only then becomes a member; their account takes over
the placeholder's work. Whether an address has an account anywhere is never shown to the admin.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from heardback.accounts.models import Invitation, Language, Membership, Organization, User
from heardback.accounts.services import audit
from heardback.core import mail
from heardback.core.tokens import TOKEN_PATTERN, signed_token, token_hash

VALID_FOR = dt.timedelta(days=7)


def invitation_token(invitation: Invitation) -> str:
    """The raw token of the invitation's link, recomputed from the secret and its nonce."""
    return signed_token("invitation", invitation.pk, invitation.nonce)


def invitation_url(invitation: Invitation) -> str:
    path = reverse("accounts:invitation-accept", args=[invitation_token(invitation)])
    return f"{settings.HEARDBACK_BASE_URL}{path}"


def invitation_for_token(token: str) -> Invitation | None:
    """The open, unexpired invitation this token proves, or None (same answer for any fault)."""
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    invitation = (
        Invitation.objects.select_related("organization", "placeholder")
        .filter(token_hash=token_hash(token), accepted_at=None, revoked_at=None)
        .first()
    )
    if invitation is None or invitation.expires_at is None:
        return None
    if invitation.expires_at <= timezone.now():
        return None
    if not hmac.compare_digest(invitation_token(invitation), token):
        return None
    return invitation


@transaction.atomic
def invitation_create(
    *,
    actor: User | None,
    organization: Organization,
    email: str,
    role: str,
    full_name: str = "",
    placeholder: User | None = None,
) -> Invitation:
    """Record an invitation (not yet sent); an open one for the same address is reused."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid email address.")}) from None
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    if Membership.objects.filter(organization=organization, user__email=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already a member; change their role below.")
                % {"email": email}
            }
        )
    invitation = Invitation.objects.filter(
        organization=organization, email=email, accepted_at=None, revoked_at=None
    ).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            organization=organization,
            email=email,
            role=role,
            full_name=full_name.strip()[:200],
            placeholder=placeholder,
            invited_by=actor,
        )
        audit(
            organization=organization, actor=actor, action="invitation.create", obj=invitation,
            email=email, role=role,
        )  # fmt: skip
    elif placeholder is not None and invitation.placeholder_id is None:
        invitation.placeholder = placeholder
        invitation.save(update_fields=["placeholder"])
    return invitation


@transaction.atomic
def invitation_send(*, actor: User | None, invitation: Invitation) -> Invitation:
    """Email the invitation with a fresh link through the outbox; an earlier link stops working."""
    if not invitation.is_open:
        raise ValidationError(_("This invitation was already accepted or revoked."))
    now = timezone.now()
    invitation.nonce = secrets.token_hex(16)
    invitation.token_hash = token_hash(invitation_token(invitation))
    invitation.sent_at = now
    invitation.expires_at = now + VALID_FOR
    invitation.save(update_fields=["nonce", "token_hash", "sent_at", "expires_at"])
    organization = invitation.organization
    language = organization.default_language
    if language not in Language.values:
        language = Language.EN
    inviter = actor.full_name or actor.email if actor is not None else organization.name
    with translation.override(language):
        context = {
            "inviter": inviter,
            "organization": organization.name,
            "role": Membership.Role(invitation.role).label.lower(),
            "url": invitation_url(invitation),
            "expires": formats.date_format(invitation.expires_at, "DATE_FORMAT"),
        }
    subject, text, html = mail.render_email(
        f"accounts/emails/invitation.{language}", language, context
    )
    mail.email_enqueue(
        organization=organization,
        to=invitation.email,
        subject=subject,
        text=text,
        html=html,
        reply_to=actor.email if actor is not None else None,
        idempotency_key=f"invitation:{invitation.pk}:{invitation.nonce}",
        kind="invitation",
    )
    audit(
        organization=organization, actor=actor, action="invitation.send", obj=invitation,
        email=invitation.email,
    )  # fmt: skip
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> None:
    """Withdraw an open invitation: its link stops working at once."""
    if not invitation.is_open:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit(
        organization=invitation.organization, actor=actor, action="invitation.revoke",
        obj=invitation, email=invitation.email,
    )  # fmt: skip


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """`user` (signed in with the invited address) joins; they take over the placeholder's work."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation was already accepted or revoked."))
    if user.email.lower() != invitation.email:
        raise ValidationError(_("This invitation is for another address."))
    organization = invitation.organization
    placeholder = invitation.placeholder
    if placeholder is not None and placeholder.pk != user.pk:
        _hand_over(organization=organization, source=placeholder, target=user)
    membership, created = Membership.objects.get_or_create(
        organization=organization, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit(
        organization=organization, actor=user, action="invitation.accept", obj=invitation,
        email=invitation.email, role=membership.role, joined=created,
    )  # fmt: skip
    return membership


@transaction.atomic
def invitation_accept_with_password(
    *, invitation: Invitation, full_name: str, password: str
) -> User:
    """Accept by creating the account (or finishing the imported placeholder's)."""
    if User.objects.filter(email=invitation.email).exists():
        raise ValidationError(_("An account with this address exists: sign in to accept."))
    placeholder = invitation.placeholder
    if placeholder is not None and _is_placeholder(placeholder):
        user = placeholder
        user.email = invitation.email
    else:
        user = User(email=invitation.email, language=invitation.organization.default_language)
    user.full_name = full_name.strip()[:200] or invitation.full_name or user.full_name
    user.is_active = True
    user.set_password(password)
    user.save()
    invitation_accept(invitation=invitation, user=user)
    return user


def _is_placeholder(user: User) -> bool:
    return user.email.endswith(".invalid") and not user.has_usable_password()


def _hand_over(*, organization: Organization, source: User, target: User) -> None:
    """Move the placeholder's rows in this organization to the person who accepted."""
    for relation in User._meta.related_objects:
        model = relation.related_model
        if not isinstance(model, type) or not issubclass(model, models.Model):
            continue
        if model in (Membership, Invitation) or relation.many_to_many:
            continue
        names = {f.name for f in model._meta.get_fields()}
        if "organization" not in names or relation.field.name not in names:
            continue
        model._default_manager.filter(
            organization=organization, **{relation.field.name: source}
        ).update(**{relation.field.name: target})
    for relation in User._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many and "organization" in {
            f.name
            for f in model._meta.get_fields()  # type: ignore[union-attr]
        }:
            through = relation.through  # type: ignore[attr-defined]
            field: Any = relation.field  # a ManyToManyField
            owner, user_field = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = through.objects.filter(
                **{f"{owner}__organization": organization, user_field: source}
            )
            for row in rows:
                exists = through.objects.filter(
                    **{owner: getattr(row, owner), user_field: target}
                ).exists()
                if exists:
                    row.delete()
                else:
                    setattr(row, user_field, target)
                    row.save()
    Membership.objects.filter(organization=organization, user=source).delete()
    if not Membership.objects.filter(user=source).exists():
        source.is_active = False
        source.save(update_fields=["is_active"])
