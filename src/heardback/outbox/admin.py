from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from heardback.core.admin_scoping import OrganizationScopedAdmin
from heardback.outbox.models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(OrganizationScopedAdmin):
    list_display = ["created_at", "organization", "to", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "message_id", "idempotency_key"]
    readonly_fields = [field.name for field in OutboundEmail._meta.fields]

    # The outbox is written by services only: an edit here could resend or lose an email.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
