from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.hiring import (
    RatingIn,
    ScorecardFilters,
    ScorecardIn,
    ScorecardOut,
    ScorecardPage,
    ScorecardUpdateIn,
)
from heardback.api.scopes import READ, WRITE_HIRING
from heardback.hiring import services as hiring
from heardback.hiring.models import Scorecard

router = Router(tags=["scorecards"])


def _ratings(ratings: list[RatingIn]) -> dict[int, hiring.RatingInput]:
    return {
        rating.competency_id: hiring.RatingInput(
            rating=rating.rating,
            evidence=rating.evidence,
            candidate_comment=rating.candidate_comment,
        )
        for rating in ratings
    }


# The form's per-competency field names, and what the API calls them inside a rating.
_RATING_FIELDS = {"comment": "candidate_comment", "competency": "competency_id"}


@contextmanager
def _ratings_named(sent: Sequence[RatingIn], scorecard: Scorecard | None = None) -> Iterator[None]:
    """Name a rating's field the service refuses as the client knows it: a comment the guard
    blocks as `ratings.<i>.candidate_comment`, a competency of another job as
    `ratings.<i>.competency_id`; `i` its place in the ratings sent or, when it was not sent,
    in the scorecard's ratings as GET /scorecards/{id} lists them."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        sent_ids = [rating.competency_id for rating in sent]
        kept_ids = [r.competency_id for r in scorecard.ratings.all()] if scorecard else []
        renamed = {}
        for field, errors in error.error_dict.items():
            prefix, _, number = field.partition("_")
            if prefix in _RATING_FIELDS and number.isdigit():
                competency_id = int(number)
                ids = sent_ids if competency_id in sent_ids else kept_ids
                if competency_id in ids:
                    field = f"ratings.{ids.index(competency_id)}.{_RATING_FIELDS[prefix]}"
            renamed[field] = errors
        raise ValidationError(renamed) from None


def _fresh(request: HttpRequest, scorecard: Scorecard) -> Scorecard:
    return selectors.scorecard_get_for_organization(
        organization=organization_of(request), pk=scorecard.pk
    )


@router.get("/scorecards", response=answers(200, ScorecardPage), **needs(READ))
def scorecard_list(request: HttpRequest, filters: Query[ScorecardFilters]) -> dict[str, Any]:
    """The organization's scorecards, drafts included, oldest first, with their ratings."""
    scorecards = selectors.scorecards_for_organization(
        organization=organization_of(request),
        application=filters.application,
        interview=filters.interview,
        submitted=filters.submitted,
    )
    return paginate(request, scorecards, filters)


@router.get("/scorecards/{scorecard_id}", response=answers(200, ScorecardOut), **needs(READ))
def scorecard_get(request: HttpRequest, scorecard_id: Id) -> Scorecard:
    """One scorecard with its ratings per competency."""
    return selectors.scorecard_get_for_organization(
        organization=organization_of(request), pk=scorecard_id
    )


@router.post("/scorecards", response=answers(201, ScorecardOut), **needs(WRITE_HIRING))
def scorecard_create(request: HttpRequest, payload: ScorecardIn) -> Status[Scorecard]:
    """Start the scorecard of a panel member, filled on their behalf; `submit` makes it final.

    Ratings are per competency of the job's rubric (GET /jobs/{id}); submitting needs an
    overall recommendation and at least one rating, and no comment the candidate may read
    that the safe-feedback guard blocks (400 `refused`, field
    `ratings.<i>.candidate_comment`, with the guard's reason and suggested rewrite)."""
    organization = organization_of(request)
    with _ratings_named(payload.ratings):
        scorecard = hiring.scorecard_create(
            actor=actor_of(request),
            interview=selectors.interview_get_for_organization(
                organization=organization, pk=payload.interview_id
            ),
            interviewer=selectors.member_get_for_organization(
                organization=organization, pk=payload.interviewer_id
            ),
            overall=payload.overall_recommendation,
            ratings=_ratings(payload.ratings),
            key_takeaways=payload.key_takeaways,
            private_notes=payload.private_notes,
            submit=payload.submit,
        )
    return Status(201, _fresh(request, scorecard))


@router.put(
    "/scorecards/{scorecard_id}", response=answers(200, ScorecardOut), **needs(WRITE_HIRING)
)
def scorecard_update(
    request: HttpRequest, scorecard_id: Id, payload: ScorecardUpdateIn
) -> Scorecard:
    """Save a draft again: ratings not listed stay as they were, the texts are replaced;
    `submit` makes it final."""
    scorecard = selectors.scorecard_get_for_organization(
        organization=organization_of(request), pk=scorecard_id
    )
    with _ratings_named(payload.ratings, scorecard):
        hiring.scorecard_save(
            actor=actor_of(request),
            scorecard=scorecard,
            overall=payload.overall_recommendation,
            ratings=_ratings(payload.ratings),
            key_takeaways=payload.key_takeaways,
            private_notes=payload.private_notes,
            submit=payload.submit,
            on_behalf_of_interviewer=True,
        )
    return _fresh(request, scorecard)


@router.post(
    "/scorecards/{scorecard_id}/submit",
    response=answers(200, ScorecardOut),
    **needs(WRITE_HIRING),
)
def scorecard_submit(request: HttpRequest, scorecard_id: Id) -> Scorecard:
    """Submit a draft as last saved: it is then final and counts for the feedback note.

    Refused (400 `refused`) while a comment the candidate may read has a block finding of the
    safe-feedback guard: the field is `ratings.<i>.candidate_comment`, `i` as GET lists them."""
    scorecard = selectors.scorecard_get_for_organization(
        organization=organization_of(request), pk=scorecard_id
    )
    with _ratings_named([], scorecard):
        hiring.scorecard_submit(actor=actor_of(request), scorecard=scorecard)
    return _fresh(request, scorecard)
