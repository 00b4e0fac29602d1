"""What an organization holds, to show another organization's actions left it unchanged."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from heardback.accounts.models import Organization, User


def snapshot(organization: Organization) -> dict[str, list[dict[str, Any]]]:
    """Every row of every model that belongs to the organization, and its people's accounts."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if "organization" in names and model is not Organization:
            queryset = model._default_manager.filter(organization=organization).order_by("pk")
            rows[model._meta.label] = list(queryset.values())
    people = User.objects.filter(memberships__organization=organization).order_by("pk")
    rows["accounts.User"] = list(people.values())
    return rows
