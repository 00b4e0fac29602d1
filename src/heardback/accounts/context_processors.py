from __future__ import annotations

from django.http import HttpRequest

from heardback.accounts.models import Membership
from heardback.accounts.roles import Capability, can


def navigation(request: HttpRequest) -> dict[str, object]:
    """The signed-in user's organizations and role, for the switcher and the role's menu."""
    user = request.user
    if not user.is_authenticated:
        return {}
    # A page that renders a second template with the request (a partial) asks again: once.
    known = getattr(request, "_heardback_navigation", None)
    if known is not None:
        return known  # type: ignore[no-any-return]
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )
    slug = request.session.get("org")
    current = next((m for m in memberships if m.organization.slug == slug), None)
    current = current or (memberships[0] if memberships else None)
    navigation: dict[str, object] = {
        "nav_memberships": memberships,
        "nav_membership": current,
        "nav_role": current.role if current else "",
        "nav_is_decider": can(current, Capability.DECIDE_REJECTIONS),
    }
    request._heardback_navigation = navigation  # type: ignore[attr-defined]
    return navigation
