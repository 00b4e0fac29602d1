"""Who may see the closure dashboard and act on its candidates."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from heardback.accounts.models import User
from heardback.accounts.roles import Capability, member_who_can
from heardback.hiring.models import Application


def application_get_for_decider(*, user: User, pk: int | str) -> Application:
    """An application of an organization where the user decides, or 404."""
    try:
        return (
            Application.objects.select_related("organization", "candidate", "job__recruiter")
            .filter(member_who_can(user, Capability.DECIDE_REJECTIONS))
            .get(pk=pk)
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None
