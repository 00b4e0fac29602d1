from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest


class OrganizationScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Staff who are not superusers see and pick only their own organizations' rows."""

    organization_path = "organization"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(
            **{f"{self.organization_path}__memberships__user": request.user}
        ).distinct()

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        related: type[Model] = db_field.related_model
        if not request.user.is_superuser and related._meta.model_name == "organization":
            kwargs["queryset"] = related._default_manager.filter(memberships__user=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
