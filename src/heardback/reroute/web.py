"""The re-routing panels shown on other apps' pages (registered in apps.py)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from heardback.accounts.models import User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.hiring.models import Application
from heardback.reroute import selectors
from heardback.reroute.models import RoleInvitation


def application_panel(context: Any, application: Application) -> str:
    """On the application page of a candidate not hired: the open roles that fit them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User) or application.status not in selectors.NOT_HIRED:
        return ""
    if not user_can(
        user=user, organization=application.organization, capability=Capability.DECIDE_REJECTIONS
    ):
        return ""
    suggestions = selectors.suggestions_for([application])[application.pk]
    return render_to_string(
        "reroute/_application_panel.html",
        {
            "application": application,
            "suggestions": suggestions,
            "can_move": selectors.has_other_roles_consent(application.candidate),
            "csrf_token": context.get("csrf_token"),
        },
        request=request,
    )


def queue_panel(context: Any, obj: object = None) -> str:
    """In the feedback queue: a way to the candidates not hired who fit other roles."""
    return render_to_string("reroute/_queue_panel.html", {}, request=context.get("request"))


def portal_panel(context: Any, page: Any) -> str:
    """On the candidate's page: the invitations to other roles they have not answered."""
    invitations = RoleInvitation.objects.filter(
        candidate=page.candidate, status=RoleInvitation.Status.SENT
    ).select_related("job")
    if not invitations:
        return ""
    return render_to_string(
        "reroute/_portal_panel.html",
        {"invitations": invitations, "token": context.get("token"), "t": context.get("t")},
    )
