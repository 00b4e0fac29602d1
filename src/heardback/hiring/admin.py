from django.contrib import admin

from heardback.core.admin_scoping import OrganizationScopedAdmin
from heardback.hiring.models import (
    Application,
    Candidate,
    Competency,
    Interview,
    Job,
    PipelineStage,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)


class CompetencyInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Competency
    extra = 0
    fields = ["position", "name", "weight", "bar", "needs_description"]


class StageInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PipelineStage
    extra = 0
    fields = ["position", "name", "kind"]


@admin.register(Job)
class JobAdmin(OrganizationScopedAdmin):
    list_display = ["title", "organization", "status", "department", "location"]
    list_filter = ["status"]
    search_fields = ["title"]
    inlines = [StageInline, CompetencyInline]
    raw_id_fields = ["recruiter", "hiring_manager"]


@admin.register(Competency)
class CompetencyAdmin(OrganizationScopedAdmin):
    list_display = ["name", "job", "weight", "bar"]
    raw_id_fields = ["job"]


@admin.register(PipelineStage)
class PipelineStageAdmin(OrganizationScopedAdmin):
    list_display = ["name", "job", "position", "kind"]
    raw_id_fields = ["job"]


@admin.register(Candidate)
class CandidateAdmin(OrganizationScopedAdmin):
    list_display = ["first_name", "last_name", "email", "language"]
    search_fields = ["first_name", "last_name", "email"]


@admin.register(Application)
class ApplicationAdmin(OrganizationScopedAdmin):
    list_display = ["candidate", "job", "status", "decision", "stage", "decided_at"]
    list_filter = ["status", "decision"]
    raw_id_fields = ["candidate", "job", "stage", "rejection_reason", "decided_by"]
    list_select_related = ["candidate", "job", "stage"]


@admin.register(Interview)
class InterviewAdmin(OrganizationScopedAdmin):
    list_display = ["name", "application", "kind", "scheduled_at"]
    raw_id_fields = ["application", "interviewers"]


class ScorecardRatingInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ScorecardRating
    extra = 0
    raw_id_fields = ["competency"]


@admin.register(Scorecard)
class ScorecardAdmin(OrganizationScopedAdmin):
    list_display = ["interview", "interviewer", "overall_recommendation", "submitted_at"]
    raw_id_fields = ["interview", "application", "interviewer"]
    inlines = [ScorecardRatingInline]


@admin.register(RejectionReason)
class RejectionReasonAdmin(OrganizationScopedAdmin):
    list_display = ["name", "category", "organization"]
    list_filter = ["category"]
