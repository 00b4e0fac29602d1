"""Ratings across interviewers -> strengths, development areas and disagreements."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import partial
from operator import itemgetter
from typing import Final, Literal, NamedTuple

from heardback.feedback.engine.types import AttributeRating, Competency, RatingItem, Scorecard

LEVELS: Final[tuple[AttributeRating, ...]] = ("definitely_not", "no", "mixed", "yes", "strong_yes")
SCORE: Final[Mapping[str, int]] = {level: n for n, level in enumerate(LEVELS, start=1)}

# Two interviewers three or more points apart (definitely_not vs yes, no vs strong_yes, …) saw
# different things: we cannot honestly call the competency a strength or a weakness.
DISAGREEMENT_SPREAD: Final = 3
# A competency merely at a low bar ("mixed") is not something to praise: a strength needs the
# interviewers to have said yes on average.
STRENGTH_FLOOR: Final = SCORE["yes"]

Status = Literal["strength", "development", "met", "disagreement", "unrated"]
STATUSES: Final[tuple[Status, ...]] = ("strength", "development", "met", "disagreement", "unrated")


# One interviewer's rating of one competency: (scorecard, item, score on the 5-point scale).
Rating = tuple[Scorecard, RatingItem, int]
_score: Final = itemgetter(2)


class CompetencyResult(NamedTuple):
    """Every rating of one competency, and what they add up to."""

    competency: Competency
    ratings: Sequence[Rating]  # not to be changed
    mean: float  # 0.0 when unrated
    bar: int
    status: Status
    level: AttributeRating  # the level we describe: the mean rounded toward the bar

    @property
    def weighted_gap(self) -> float:
        return (self.bar - self.mean) * self.competency.weight


# A NamedTuple's own constructor is a Python function: the engine makes six of these per note.
_new_result: Final = partial(tuple.__new__, CompetencyResult)


class Aggregate(NamedTuple):
    """The rubric, assessed: every competency's result, plus the ranked selections."""

    results: tuple[CompetencyResult, ...]
    strengths: tuple[CompetencyResult, ...]  # best first
    development: tuple[CompetencyResult, ...]  # largest weighted gap first
    disagreements: tuple[CompetencyResult, ...]
    unrated: tuple[CompetencyResult, ...]

    @property
    def gap_free(self) -> bool:
        """True when the data says plainly that nothing fell below the bar."""
        return (
            len(self.unrated) < len(self.results)
            and not self.development
            and all(r.mean >= r.bar for r in self.disagreements)
        )


def aggregate(rubric: Sequence[Competency], scorecards: Sequence[Scorecard]) -> Aggregate:
    """Assess each competency of the rubric across all scorecards, ignoring "no decision"."""
    by_competency: dict[int, list[Rating]] = {c.id: [] for c in rubric}
    bucket_of = by_competency.get
    for card in scorecards:
        for item in card.items:
            rating = item.rating
            if rating is not None:
                bucket = bucket_of(item.competency_id)
                if bucket is not None:
                    bucket.append((card, item, SCORE[rating]))
    results = tuple([assess(c, by_competency[c.id]) for c in rubric])
    strengths: list[CompetencyResult] = []
    development: list[CompetencyResult] = []
    disagreements: list[CompetencyResult] = []
    unrated: list[CompetencyResult] = []
    for result in results:
        status = result.status
        if status == "strength":
            strengths.append(result)
        elif status == "development":
            development.append(result)
        elif status == "disagreement":
            disagreements.append(result)
        elif status == "unrated":
            unrated.append(result)
        # "met": neither praised nor a gap
    # Ties keep the rubric's order (sorted() is stable).
    if len(strengths) > 1:
        strengths.sort(key=_best_first)
    if len(development) > 1:
        development.sort(key=_largest_gap_first)
    return Aggregate(
        results, tuple(strengths), tuple(development), tuple(disagreements), tuple(unrated)
    )


def _best_first(result: CompetencyResult) -> tuple[float, int]:
    return (-result.mean, -result.competency.weight)


def _largest_gap_first(result: CompetencyResult) -> tuple[float, float]:
    return (-(result.bar - result.mean) * result.competency.weight, result.mean)


def assess(competency: Competency, ratings: Sequence[Rating]) -> CompetencyResult:
    """One competency's ratings -> its status and the level to describe."""
    bar = SCORE[competency.bar]
    if not ratings:
        return _new_result((competency, (), 0.0, bar, "unrated", competency.bar))
    scores = list(map(_score, ratings))
    mean = sum(scores) / len(scores)
    status: Status
    if max(scores) - min(scores) >= DISAGREEMENT_SPREAD:
        status = "disagreement"
    elif mean < bar:
        status = "development"
    elif mean >= STRENGTH_FLOOR:
        status = "strength"
    else:
        status = "met"
    # Rounded toward the bar, never across it: a strength is not overstated, a gap is not
    # made harsher, and the words we use stay on the side of the bar the ratings are on.
    if mean >= bar:
        level = LEVELS[math.floor(mean) - 1]
    else:
        level = LEVELS[min(math.ceil(mean), bar - 1) - 1]
    return _new_result((competency, ratings, mean, bar, status, level))
