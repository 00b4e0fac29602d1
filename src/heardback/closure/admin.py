from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from heardback.closure.models import ApplicationClock, ClosurePolicy, Digest, Reminder
from heardback.core.admin_scoping import OrganizationScopedAdmin


@admin.register(ClosurePolicy)
class ClosurePolicyAdmin(OrganizationScopedAdmin):
    list_display = [
        "organization",
        "holding_updates",
        "max_holding_updates",
        "escalate_after_days",
        "updated_at",
    ]


class _ReadOnlyAdmin(OrganizationScopedAdmin):
    # Written by the sweep only: an edit here would be undone, or send a reminder twice.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ApplicationClock)
class ApplicationClockAdmin(_ReadOnlyAdmin):
    list_display = ["application", "organization", "state", "due_at", "holding_updates_sent"]
    list_filter = ["state"]
    raw_id_fields = ["application"]


@admin.register(Reminder)
class ReminderAdmin(_ReadOnlyAdmin):
    list_display = ["sent_on", "organization", "recipient", "kind", "application", "due_at"]
    list_filter = ["kind"]
    raw_id_fields = ["application", "recipient", "digest"]


@admin.register(Digest)
class DigestAdmin(_ReadOnlyAdmin):
    list_display = ["local_date", "organization", "recipient", "reminder_count"]
    raw_id_fields = ["recipient", "email"]
