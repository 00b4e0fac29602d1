from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from heardback.accounts.models import Invitation, Membership, Organization, User
from heardback.accounts.roles import Capability, can


def membership_get(*, user: User, organization: Organization) -> Membership:
    """The user's membership in `organization`, or 404 (never 403: it would leak existence)."""
    try:
        return Membership.objects.select_related("organization").get(
            user=user, organization=organization
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def organizations_for_user(*, user: User) -> QuerySet[Organization]:
    """The organizations the user belongs to, by name."""
    return Organization.objects.filter(memberships__user=user).order_by("name")


def organization_get_for_user(*, user: User, slug: str | None = None) -> Organization:
    """The user's organization (by slug, or the first one by name); 404 when not a member."""
    organizations = organizations_for_user(user=user)
    if slug:
        organizations = organizations.filter(slug=slug)
    organization = organizations.first()
    if organization is None:
        raise Http404
    return organization


def user_role(*, user: User, organization: Organization) -> str:
    """The user's role in the organization ('' when not a member)."""
    role = (
        Membership.objects.filter(user=user, organization=organization)
        .values_list("role", flat=True)
        .first()
    )
    return role or ""


def membership_current(*, user: User, session_slug: str | None) -> Membership:
    """The user's membership, with its organization, in the organization they are working in:
    the one picked in the switcher, else the first by name; 404 when they belong to none. One
    query (two when the switcher's pick is stale): every page asks it."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name", "organization_id")
    )
    if session_slug:
        picked = memberships.filter(organization__slug=session_slug).first()
        if picked is not None:
            return picked
    first = memberships.first()
    if first is None:
        raise Http404
    return first


def organization_current(*, user: User, session_slug: str | None) -> Organization:
    """The organization the user is working in: the one picked in the switcher, else the first."""
    return membership_current(user=user, session_slug=session_slug).organization


def user_can(*, user: User, organization: Organization, capability: Capability) -> bool:
    """Whether the user's role in the organization grants `capability` (False if not a member)."""
    return can(user_role(user=user, organization=organization), capability)


def organization_where_user_can(
    *, user: User, session_slug: str | None, capability: Capability
) -> Organization:
    """The user's current organization, where their role must grant `capability` (else 403)."""
    membership = membership_current(user=user, session_slug=session_slug)
    if not can(membership, capability):
        raise PermissionDenied
    return membership.organization


def organization_for_admin(*, user: User, session_slug: str | None) -> Organization:
    """The user's current organization, where they must manage it (403 otherwise)."""
    return organization_where_user_can(
        user=user, session_slug=session_slug, capability=Capability.MANAGE_MEMBERS
    )


def organization_for_decider(*, user: User, session_slug: str | None) -> Organization:
    """The user's current organization, where they must decide (admin, recruiter, manager)."""
    return organization_where_user_can(
        user=user, session_slug=session_slug, capability=Capability.DECIDE_REJECTIONS
    )


def members_for_organization(*, organization: Organization) -> QuerySet[Membership]:
    """The organization's memberships with their users, admins first, then by email."""
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("role", "user__email")
    )


def membership_get_for_organization(*, organization: Organization, pk: int | str) -> Membership:
    """One of the organization's memberships, or 404."""
    try:
        return Membership.objects.select_related("user", "organization").get(
            organization=organization, pk=pk
        )
    except (Membership.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def invitations_open_for_organization(*, organization: Organization) -> QuerySet[Invitation]:
    """Invitations not yet accepted or withdrawn, by address."""
    return Invitation.objects.filter(
        organization=organization, accepted_at=None, revoked_at=None
    ).order_by("email", "pk")


def invitation_get_for_organization(*, organization: Organization, pk: int) -> Invitation:
    """One of the organization's invitations, or 404."""
    invitation = Invitation.objects.filter(organization=organization, pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation
