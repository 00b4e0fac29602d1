from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from heardback.core.admin_scoping import OrganizationScopedAdmin
from heardback.integrations.models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(OrganizationScopedAdmin):
    list_display = ["created_at", "organization", "source", "dry_run", "status", "created_by"]
    list_filter = ["status", "source", "dry_run"]
    readonly_fields = [field.name for field in ImportRun._meta.fields]

    # Runs are written by the import services only.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
