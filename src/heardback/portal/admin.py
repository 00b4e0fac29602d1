from __future__ import annotations

from django.contrib import admin

from heardback.core.admin_scoping import OrganizationScopedAdmin
from heardback.portal.models import (
    CandidateLink,
    Consent,
    ErasureRequest,
    FeedbackRating,
    PortalQuestion,
    SurveyResponse,
)


@admin.register(CandidateLink)
class CandidateLinkAdmin(OrganizationScopedAdmin):
    list_display = ["id", "application", "created_at", "expires_at", "revoked_at", "last_used_at"]
    # The hash and the nonce are half of the link's secret: never shown, never edited by hand.
    exclude = ["token_hash", "nonce"]
    readonly_fields = ["organization", "application", "created_at", "expires_at", "last_used_at"]
    raw_id_fields = ["application"]


@admin.register(PortalQuestion)
class PortalQuestionAdmin(OrganizationScopedAdmin):
    list_display = ["id", "application", "created_at", "answered_at", "answered_by"]
    raw_id_fields = ["application", "answered_by"]


@admin.register(Consent)
class ConsentAdmin(OrganizationScopedAdmin):
    list_display = ["id", "candidate", "kind", "granted_at", "expires_at", "withdrawn_at"]
    list_filter = ["kind"]
    raw_id_fields = ["candidate"]


@admin.register(FeedbackRating)
class FeedbackRatingAdmin(OrganizationScopedAdmin):
    list_display = ["id", "application", "score", "created_at"]
    raw_id_fields = ["application", "note"]


@admin.register(SurveyResponse)
class SurveyResponseAdmin(OrganizationScopedAdmin):
    list_display = ["id", "application", *SurveyResponse.QUESTIONS, "created_at"]
    raw_id_fields = ["application"]


@admin.register(ErasureRequest)
class ErasureRequestAdmin(OrganizationScopedAdmin):
    list_display = ["id", "candidate", "requested_at", "completed_at", "completed_by"]
    raw_id_fields = ["candidate", "completed_by"]
