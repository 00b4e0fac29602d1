from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from heardback.hiring import models as hiring
from tests import factories

pytestmark = pytest.mark.django_db


def _violates(**kwargs: object) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ApplicationFactory(**kwargs)


def test_a_rejection_needs_its_date() -> None:
    _violates(status="rejected", decision="reject", decided_at=None)


def test_a_rejected_application_records_a_reject_decision() -> None:
    _violates(status="rejected", decision="advance", decided_at=timezone.now())


def test_unknown_status_is_refused_by_the_database() -> None:
    _violates(status="ghosted")


def test_one_scorecard_per_interviewer_per_interview() -> None:
    scorecard = factories.ScorecardFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ScorecardFactory(interview=scorecard.interview, interviewer=scorecard.interviewer)


def test_one_rating_per_competency_per_scorecard() -> None:
    rating = factories.ScorecardRatingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ScorecardRatingFactory(scorecard=rating.scorecard, competency=rating.competency)


def test_ratings_outside_the_canonical_scale_are_refused() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ScorecardRatingFactory(rating="stong_yes")


def test_no_decision_is_a_blank_rating() -> None:
    rating = factories.ScorecardRatingFactory(rating="")
    assert str(rating).endswith("no decision")


def test_competency_names_are_unique_within_a_job() -> None:
    competency = factories.CompetencyFactory(name="Communication")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CompetencyFactory(job=competency.job, name="Communication")


def test_rejection_reason_category_must_be_known() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.RejectionReasonFactory(category="vibes")


def test_constraint_value_lists_match_their_choices() -> None:
    def values_of(model: type, name: str) -> set[str]:
        constraint = next(c for c in model._meta.constraints if c.name == name)
        return set(constraint.condition.children[0][1])

    assert values_of(hiring.Job, "job_status_valid") == set(hiring.Job.Status.values)
    assert values_of(hiring.Application, "application_status_valid") == set(
        hiring.Application.Status.values
    )
    assert values_of(hiring.Application, "application_decision_valid") == set(
        hiring.Application.Decision.values
    )
    assert values_of(hiring.RejectionReason, "rejection_reason_category_valid") == set(
        hiring.RejectionReason.Category.values
    )


def test_canonical_scales_match_the_feedback_engine() -> None:
    from typing import get_args

    from heardback.feedback.engine import types

    assert list(get_args(types.AttributeRating)) == hiring.AttributeRating.values
    assert set(get_args(types.OverallRecommendation)) == set(hiring.OverallRecommendation.values)
    assert set(get_args(types.ReasonCategory)) == set(hiring.RejectionReason.Category.values)
