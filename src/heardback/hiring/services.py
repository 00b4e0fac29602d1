"""Hiring state changes: decisions and scorecards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Membership, User
from heardback.accounts.selectors import user_role
from heardback.accounts.services import audit
from heardback.hiring.models import (
    Application,
    AttributeRating,
    OverallRecommendation,
    PipelineStage,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)

DECIDERS = {Membership.Role.ADMIN, Membership.Role.RECRUITER, Membership.Role.HIRING_MANAGER}


def _require_decider(*, actor: User, application: Application) -> None:
    if user_role(user=actor, organization=application.organization) not in DECIDERS:
        raise PermissionDenied("Only recruiters, hiring managers and admins record decisions.")


def _require_open(application: Application) -> None:
    if application.status != Application.Status.ACTIVE:
        raise ValidationError(
            _("This application is already %(status)s.")
            % {"status": application.get_status_display().lower()}
        )


@transaction.atomic
def application_advance(
    *, actor: User, application: Application, stage: PipelineStage
) -> Application:
    """Move an active application to a later stage of its job."""
    _require_decider(actor=actor, application=application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_open(application)
    if stage.job_id != application.job_id:
        raise ValidationError(_("That stage belongs to another job."))
    previous = application.stage.name if application.stage else ""
    application.stage = stage
    application.decision = Application.Decision.ADVANCE
    application.last_activity_at = timezone.now()
    application.save(update_fields=["stage", "decision", "last_activity_at"])
    audit(
        organization=application.organization, actor=actor, action="application.advance",
        obj=application, from_stage=previous, to_stage=stage.name,
    )  # fmt: skip
    return application


@transaction.atomic
def application_reject(
    *, actor: User, application: Application, reason: RejectionReason
) -> Application:
    """Reject an active application with a structured reason; a feedback note is then owed."""
    _require_decider(actor=actor, application=application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_open(application)
    if reason.organization_id != application.organization_id:
        raise ValidationError(_("Unknown rejection reason."))
    withdrew = reason.category == RejectionReason.Category.WITHDREW
    now = timezone.now()
    application.status = Application.Status.WITHDRAWN if withdrew else Application.Status.REJECTED
    application.decision = Application.Decision.PENDING if withdrew else Application.Decision.REJECT
    application.rejection_reason = reason
    application.decided_at = now
    application.decided_by = actor
    application.last_activity_at = now
    application.save()
    audit(
        organization=application.organization, actor=actor, action="application.reject",
        obj=application, reason=reason.name, category=reason.category,
    )  # fmt: skip
    return application


@dataclass(frozen=True)
class RatingInput:
    rating: str  # "" = no decision
    evidence: str = ""
    candidate_comment: str = ""


@transaction.atomic
def scorecard_save(
    *,
    actor: User,
    scorecard: Scorecard,
    overall: str,
    ratings: Mapping[int, RatingInput],
    key_takeaways: str = "",
    private_notes: str = "",
    submit: bool = False,
) -> Scorecard:
    """Save the interviewer's own scorecard as a draft, or submit it (then it is final)."""
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    if scorecard.interviewer_id != actor.pk:
        raise PermissionDenied("Only the interviewer can fill this scorecard.")
    if scorecard.submitted_at is not None:
        raise ValidationError(_("This scorecard was already submitted."))
    if overall not in OverallRecommendation.values:
        raise ValidationError({"overall": _("Choose an overall recommendation.")})
    competencies = {c.pk: c for c in scorecard.application.job.competencies.all()}
    errors: dict[str, str] = {}
    for competency_id, value in ratings.items():
        if competency_id not in competencies:
            errors[f"competency_{competency_id}"] = _("Not part of this job's rubric.")
        elif value.rating not in ["", *AttributeRating.values]:
            errors[f"competency_{competency_id}"] = _("Unknown rating.")
    if submit and overall == OverallRecommendation.NO_DECISION:
        errors["overall"] = _("Choose an overall recommendation before submitting.")
    if submit and not any(value.rating for value in ratings.values()):
        errors["ratings"] = _("Rate at least one competency before submitting.")
    if errors:
        raise ValidationError(errors)
    for competency_id, value in ratings.items():
        ScorecardRating.objects.update_or_create(
            scorecard=scorecard,
            competency_id=competency_id,
            defaults={
                "rating": value.rating,
                "rating_raw": value.rating,
                "evidence": value.evidence.strip(),
                "candidate_comment": value.candidate_comment.strip(),
            },
        )
    scorecard.overall_recommendation = overall
    scorecard.overall_recommendation_raw = overall
    scorecard.key_takeaways = key_takeaways.strip()
    scorecard.private_notes = private_notes.strip()
    if submit:
        scorecard.submitted_at = timezone.now()
    scorecard.save()
    if submit:
        audit(
            organization=scorecard.organization, actor=actor, action="scorecard.submit",
            obj=scorecard,
        )  # fmt: skip
    return scorecard
