"""How useful the feedback was, and the three-question experience survey."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from heardback.accounts.services import audit
from heardback.portal import selectors
from heardback.portal.models import (
    COMMENT_MAX_LENGTH,
    CandidateLink,
    FeedbackRating,
    SurveyResponse,
)
from heardback.portal.services.common import (
    CANDIDATE_VIA,
    PortalError,
    clean_text,
    score_parse,
)


@transaction.atomic
def feedback_rating_submit(
    *, link: CandidateLink, score: object, comment: str = ""
) -> FeedbackRating:
    """Record how useful the candidate found their delivered feedback (1–5, a comment)."""
    note = selectors.delivered_note(application=link.application)
    if note is None:
        raise PortalError("rating_no_feedback")
    value, comment = score_parse(score), clean_text(comment)
    if len(comment) > COMMENT_MAX_LENGTH:
        raise PortalError("comment_too_long", max=COMMENT_MAX_LENGTH)
    rating, _created = FeedbackRating.objects.update_or_create(
        application=link.application,
        defaults={
            "organization_id": link.organization_id,
            "note": note,
            "score": value,
            "comment": comment,
            "created_at": timezone.now(),
        },
    )
    audit(
        organization=link.organization,
        actor=None,
        action="portal.feedback_rate",
        obj=rating,
        score=value,
        via=CANDIDATE_VIA,
    )
    return rating


@transaction.atomic
def survey_response_submit(*, link: CandidateLink, answers: Mapping[str, object]) -> SurveyResponse:
    """Record the candidate's three experience scores (1–5 each) for this application."""
    scores = {question: score_parse(answers.get(question)) for question in SurveyResponse.QUESTIONS}
    response, _created = SurveyResponse.objects.update_or_create(
        application=link.application,
        defaults={"organization_id": link.organization_id, "created_at": timezone.now(), **scores},
    )
    audit(
        organization=link.organization,
        actor=None,
        action="portal.survey_submit",
        obj=response,
        via=CANDIDATE_VIA,
        **scores,
    )
    return response
