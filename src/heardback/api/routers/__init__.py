"""One router per resource; handlers parse, call one selector or service, and answer."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.api import selectors
from heardback.api.auth import api_key_of


def organization_of(request: HttpRequest) -> Organization:
    """The organization the request's key belongs to."""
    return api_key_of(request).organization


def actor_of(request: HttpRequest) -> User | None:
    """The person the key acts for (who created it), None for an operator's key."""
    return api_key_of(request).created_by


def person_of(request: HttpRequest) -> User:
    """The person the key acts for, for actions that must be someone's (decisions, edits)."""
    user = actor_of(request)
    if user is None:
        raise PermissionDenied(
            _("This key acts for no one; decisions and edits need a person. Create it with --user.")
        )
    return user


def member_or_none(organization: Organization, pk: int | None) -> User | None:
    """The member with this id (404 when not one), or None when no id was given."""
    if pk is None:
        return None
    return selectors.member_get_for_organization(organization=organization, pk=pk)
