"""Ratings across interviewers -> strengths, development areas and disagreements."""

from __future__ import annotations

import pytest

from heardback.feedback.engine.aggregate import aggregate
from heardback.feedback.engine.types import AttributeRating
from tests.feedback.engine.factories import competency, item, scorecard


def assess(
    *ratings: tuple[AttributeRating | None, ...], bar: AttributeRating = "yes", weight: int = 1
):
    """One competency (id 1), rated by one scorecard per tuple of ratings."""
    cards = tuple(
        scorecard(10 + n, items=tuple(item(1, r) for r in rs)) for n, rs in enumerate(ratings)
    )
    return aggregate((competency(1, bar=bar, weight=weight),), cards).results[0]


def test_a_competency_rated_yes_and_strong_yes_is_a_strength():
    result = assess(("yes",), ("strong_yes",))
    assert result.status == "strength"
    assert result.mean == 4.5


def test_a_strength_is_described_at_the_level_below_its_mean_never_above():
    assert assess(("yes",), ("strong_yes",)).level == "yes"
    assert assess(("strong_yes",), ("strong_yes",)).level == "strong_yes"


def test_a_competency_below_the_bar_is_a_development_area():
    result = assess(("no",), ("mixed",))
    assert result.status == "development"


def test_a_gap_is_described_at_the_level_nearest_the_bar_but_still_below_it():
    assert assess(("no",), ("mixed",)).level == "mixed"  # mean 2.5, bar yes: ceil -> mixed
    assert assess(("mixed",), ("yes",)).level == "mixed"  # mean 3.5 rounds up to the bar: no
    assert assess(("definitely_not",), ("no",)).level == "no"


def test_meeting_a_low_bar_without_a_yes_is_neither_strength_nor_gap():
    result = assess(("mixed",), ("mixed",), bar="mixed")
    assert result.status == "met"


@pytest.mark.parametrize(
    ("low", "high"),
    [("definitely_not", "yes"), ("no", "strong_yes"), ("definitely_not", "strong_yes")],
)
def test_interviewers_three_points_apart_disagree(low, high):
    assert assess((low,), (high,)).status == "disagreement"


def test_interviewers_two_points_apart_are_averaged():
    assert assess(("no",), ("yes",)).status == "development"


def test_no_decision_ratings_are_ignored():
    result = assess(("yes",), (None,))
    assert result.status == "strength"
    assert len(result.ratings) == 1


def test_a_competency_nobody_rated_is_unrated():
    assert assess((None,), (None,)).status == "unrated"


def test_ratings_of_competencies_outside_the_rubric_are_ignored():
    card = scorecard(items=(item(1, "yes"), item(99, "definitely_not")))
    agg = aggregate((competency(1),), (card,))
    assert [r.competency.id for r in agg.results] == [1]


def test_development_areas_come_weakest_first_weighted_by_the_competency_weight():
    rubric = (
        competency(1, name="Light", weight=1),
        competency(2, name="Heavy", weight=3),
        competency(3, name="Deep", weight=1),
    )
    card = scorecard(items=(item(1, "no"), item(2, "mixed"), item(3, "definitely_not")))
    agg = aggregate(rubric, (card,))
    # weighted gaps: Light (4-2)*1 = 2, Heavy (4-3)*3 = 3, Deep (4-1)*1 = 3 (weaker, so first)
    assert [r.competency.name for r in agg.development] == ["Deep", "Heavy", "Light"]


def test_strengths_come_best_first_and_ties_keep_the_rubric_order():
    rubric = tuple(competency(n, name=f"C{n}") for n in (1, 2, 3))
    card = scorecard(items=(item(1, "yes"), item(2, "strong_yes"), item(3, "yes")))
    agg = aggregate(rubric, (card,))
    assert [r.competency.name for r in agg.strengths] == ["C2", "C1", "C3"]


def test_a_rubric_all_at_the_bar_is_gap_free():
    rubric = (competency(1), competency(2))
    agg = aggregate(rubric, (scorecard(items=(item(1, "yes"), item(2, "strong_yes"))),))
    assert agg.gap_free


def test_a_rubric_nobody_rated_is_not_gap_free():
    agg = aggregate((competency(1),), (scorecard(items=(item(1, None),)),))
    assert not agg.gap_free


def test_a_disagreement_averaging_below_the_bar_is_not_gap_free():
    cards = (
        scorecard(10, items=(item(1, "definitely_not"),)),
        scorecard(11, items=(item(1, "yes"),)),
    )
    agg = aggregate((competency(1),), cards)
    assert agg.disagreements
    assert not agg.gap_free
