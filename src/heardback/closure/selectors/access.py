"""Who may see the closure dashboard and act on its candidates."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from heardback.accounts.models import User
from heardback.hiring.models import Application
from heardback.hiring.selectors import DECIDER_ROLES


def application_get_for_decider(*, user: User, pk: int | str) -> Application:
    """An application of an organization where the user decides, or 404."""
    try:
        return (
            Application.objects.select_related("organization", "candidate", "job__recruiter")
            .filter(
                organization__memberships__user=user,
                organization__memberships__role__in=DECIDER_ROLES,
            )
            .get(pk=pk)
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None
