"""API keys, and the organization-scoped reads behind every endpoint.

A key belongs to one organization and sees all of it (within its scopes); any id outside it,
or unknown, is a 404 that does not say which.
"""

from __future__ import annotations

import hmac
from string import hexdigits
from typing import TypeVar

from django.db.models import Model, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from heardback.accounts.models import Membership, Organization, User
from heardback.api.models import KEY_PREFIX, ApiKey, hash_key
from heardback.feedback.models import FeedbackNote
from heardback.feedback.selectors import feedback_queue
from heardback.hiring.models import (
    Application,
    Candidate,
    Interview,
    Job,
    PipelineStage,
    RejectionReason,
    Scorecard,
)
from heardback.hiring.selectors import rejection_reasons_for
from heardback.integrations import selectors as integrations
from heardback.integrations.models import ImportRun
from heardback.outbox.models import OutboundEmail

M = TypeVar("M", bound=Model)
PREFIX_LENGTH = 8


# --- API keys -----------------------------------------------------------------------------


def api_keys_for_organization(*, organization: Organization) -> QuerySet[ApiKey]:
    """The organization's keys, active and revoked, newest first."""
    return (
        ApiKey.objects.filter(organization=organization)
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )


def api_key_get_for_organization(*, organization: Organization, pk: int) -> ApiKey:
    """One of the organization's keys, active or revoked, or 404."""
    api_key = api_keys_for_organization(organization=organization).filter(pk=pk).first()
    if api_key is None:
        raise Http404
    return api_key


def api_key_get_by_prefix(*, organization: Organization, prefix: str) -> ApiKey | None:
    """The organization's key with this public prefix ('hb_' optional), or None."""
    return (
        api_keys_for_organization(organization=organization)
        .filter(prefix=prefix.removeprefix(KEY_PREFIX))
        .first()
    )


def api_key_for_raw_key(*, raw_key: str) -> ApiKey | None:
    """The active key this raw key proves, or None (unknown, malformed, revoked, orphaned).

    A key acts for the person who created it: once they leave the organization or are
    deactivated, the key stops working with them.
    """
    prefix, separator, secret = raw_key.removeprefix(KEY_PREFIX).partition("_")
    well_formed = (
        raw_key.startswith(KEY_PREFIX)
        and separator
        and secret
        and len(prefix) == PREFIX_LENGTH
        and all(char in hexdigits for char in prefix)
    )
    if not well_formed:
        return None
    api_key = (
        ApiKey.objects.filter(prefix=prefix, revoked_at__isnull=True)
        .select_related("organization", "created_by")
        .annotate(
            owner_role=Subquery(
                Membership.objects.filter(
                    organization=OuterRef("organization"), user=OuterRef("created_by")
                ).values("role")[:1]
            )
        )
        .first()
    )
    if api_key is None or not hmac.compare_digest(api_key.key_hash, hash_key(raw_key)):
        return None
    owner = api_key.created_by
    if owner is not None and not (owner.is_active and api_key.owner_role):
        return None
    return api_key


# --- Organization-scoped reads ------------------------------------------------------------


def _get(queryset: QuerySet[M], *, organization: Organization, pk: int, what: str) -> M:
    obj = queryset.filter(organization=organization, pk=pk).first()
    if obj is None:
        raise Http404(_("No %(what)s with id %(id)s here.") % {"what": what, "id": pk})
    return obj


def jobs_for_organization(*, organization: Organization, status: str = "") -> QuerySet[Job]:
    """The organization's jobs with their stages and rubric (three queries a page)."""
    jobs = Job.objects.filter(organization=organization).prefetch_related("stages", "competencies")
    return jobs.filter(status=status) if status else jobs


def job_get_for_organization(*, organization: Organization, pk: int) -> Job:
    """One of the organization's jobs, or 404."""
    return _get(jobs_for_organization(organization=organization), organization=organization,
                pk=pk, what=_("job"))  # fmt: skip


def candidates_for_organization(
    *, organization: Organization, email: str = ""
) -> QuerySet[Candidate]:
    """The organization's candidates, optionally those with one email address."""
    candidates = Candidate.objects.filter(organization=organization)
    return candidates.filter(email__iexact=email.strip()) if email else candidates


def candidate_get_for_organization(*, organization: Organization, pk: int) -> Candidate:
    """One of the organization's candidates, or 404."""
    return _get(Candidate.objects.all(), organization=organization, pk=pk, what=_("candidate"))


def applications_for_organization(
    *,
    organization: Organization,
    job: int | None = None,
    candidate: int | None = None,
    stage: int | None = None,
    status: str = "",
    decision: str = "",
) -> QuerySet[Application]:
    """The organization's applications, filtered, with what a page shows (two queries)."""
    applications = (
        Application.objects.filter(organization=organization)
        .select_related("candidate", "job", "stage", "rejection_reason")
        .prefetch_related(
            Prefetch(
                "feedback_notes",
                queryset=FeedbackNote.objects.filter(is_current=True).only(
                    "id", "application_id", "version", "status"
                ),
                to_attr="current_notes",
            )
        )
    )
    filters = {
        "job_id": job,
        "candidate_id": candidate,
        "stage_id": stage,
        "status": status,
        "decision": decision,
    }
    return applications.filter(**{k: v for k, v in filters.items() if v})


def application_get_for_organization(*, organization: Organization, pk: int) -> Application:
    """One of the organization's applications, or 404."""
    return _get(applications_for_organization(organization=organization),
                organization=organization, pk=pk, what=_("application"))  # fmt: skip


def interviews_for_organization(
    *, organization: Organization, application: int | None = None
) -> QuerySet[Interview]:
    """The organization's interviews (of one application), with their panels."""
    interviews = Interview.objects.filter(organization=organization).prefetch_related(
        Prefetch("interviewers", queryset=User.objects.only("id"))
    )
    return interviews.filter(application_id=application) if application else interviews


def interview_get_for_organization(*, organization: Organization, pk: int) -> Interview:
    """One of the organization's interviews, or 404."""
    return _get(interviews_for_organization(organization=organization),
                organization=organization, pk=pk, what=_("interview"))  # fmt: skip


def scorecards_for_organization(
    *,
    organization: Organization,
    application: int | None = None,
    interview: int | None = None,
    submitted: bool | None = None,
) -> QuerySet[Scorecard]:
    """The organization's scorecards, drafts included, with their ratings (two queries)."""
    scorecards = Scorecard.objects.filter(organization=organization).prefetch_related(
        "ratings__competency"
    )
    if application:
        scorecards = scorecards.filter(application_id=application)
    if interview:
        scorecards = scorecards.filter(interview_id=interview)
    if submitted is not None:
        scorecards = scorecards.filter(submitted_at__isnull=not submitted)
    return scorecards


def scorecard_get_for_organization(*, organization: Organization, pk: int) -> Scorecard:
    """One of the organization's scorecards, or 404."""
    return _get(
        scorecards_for_organization(organization=organization).select_related(
            "interviewer", "application__job"
        ),
        organization=organization, pk=pk, what=_("scorecard"),
    )  # fmt: skip


def rejection_reasons_for_organization(*, organization: Organization) -> QuerySet[RejectionReason]:
    """The organization's rejection reasons."""
    return rejection_reasons_for(organization=organization)


def rejection_reason_get_for_organization(
    *, organization: Organization, pk: int
) -> RejectionReason:
    """One of the organization's rejection reasons, or 404."""
    return _get(RejectionReason.objects.all(), organization=organization, pk=pk,
                what=_("rejection reason"))  # fmt: skip


def stage_get_for_organization(*, organization: Organization, pk: int) -> PipelineStage:
    """A pipeline stage of one of the organization's jobs, or 404."""
    return _get(PipelineStage.objects.all(), organization=organization, pk=pk, what=_("stage"))


def member_get_for_organization(*, organization: Organization, pk: int) -> User:
    """A member of the organization (any role), or 404."""
    user = User.objects.filter(pk=pk, memberships__organization=organization).first()
    if user is None:
        raise Http404(_("No member with id %(id)s here.") % {"id": pk})
    return user


def feedback_notes_for_organization(
    *,
    organization: Organization,
    job: int | None = None,
    status: str = "",
    verdict: str = "",
    needs_review: bool | None = None,
) -> QuerySet[FeedbackNote]:
    """The organization's current notes, one per application, filtered like the review queue."""
    notes = feedback_queue(
        organization=organization, job_id=str(job or ""), status=status, verdict=verdict
    )
    if needs_review is None:
        return notes
    return notes.exclude(review_reasons=[]) if needs_review else notes.filter(review_reasons=[])


def feedback_note_get_for_organization(*, organization: Organization, pk: int) -> FeedbackNote:
    """Any version of one of the organization's notes, or 404."""
    return _get(
        FeedbackNote.objects.select_related("application__candidate", "organization"),
        organization=organization, pk=pk, what=_("feedback note"),
    )  # fmt: skip


def feedback_note_current(*, application: Application) -> FeedbackNote:
    """The application's current note, or 404 when none was drafted yet."""
    note = FeedbackNote.objects.filter(application=application, is_current=True).first()
    if note is None:
        raise Http404(_("This application has no feedback note yet."))
    return note


def feedback_note_last_email(*, note: FeedbackNote) -> OutboundEmail | None:
    """The email that last carried (or will carry) the note, None when it was never sent."""
    return note.emails.order_by("-id").first()


def import_runs_for_organization(*, organization: Organization) -> QuerySet[ImportRun]:
    """The organization's import runs."""
    return integrations.import_runs_for_organization(organization=organization)


def import_run_get_for_organization(*, organization: Organization, pk: int) -> ImportRun:
    """One of the organization's import runs, or 404."""
    return _get(import_runs_for_organization(organization=organization),
                organization=organization, pk=pk, what=_("import"))  # fmt: skip
