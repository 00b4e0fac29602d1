"""What the management commands share."""

from __future__ import annotations

from django.core.management.base import CommandError

from heardback.accounts.models import Organization


def organization_from_option(slug: str) -> Organization:
    """The organization a command's `--org SLUG` names, or a CommandError that says so."""
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise CommandError(f"No organization with slug {slug!r} (heardback org list).")
    return organization
