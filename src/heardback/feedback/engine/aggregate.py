"""Ratings across interviewers -> strengths, development areas and disagreements."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
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


class CompetencyResult(NamedTuple):
    """Every rating of one competency, and what they add up to."""

    competency: Competency
    ratings: tuple[Rating, ...]
    mean: float  # 0.0 when unrated
    bar: int
    status: Status
    level: AttributeRating  # the level we describe: the mean rounded toward the bar

    @property
    def weighted_gap(self) -> float:
        return (self.bar - self.mean) * self.competency.weight


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
    for card in scorecards:
        for item in card.items:
            bucket = by_competency.get(item.competency_id)
            if bucket is not None and item.rating is not None:
                bucket.append((card, item, SCORE[item.rating]))
    results = tuple(assess(c, by_competency[c.id]) for c in rubric)
    by_status: dict[Status, list[CompetencyResult]] = {status: [] for status in STATUSES}
    for result in results:
        by_status[result.status].append(result)
    # Ties keep the rubric's order (sorted() is stable).
    by_status["strength"].sort(key=lambda r: (-r.mean, -r.competency.weight))
    by_status["development"].sort(key=lambda r: (-r.weighted_gap, r.mean))
    return Aggregate(
        results=results,
        strengths=tuple(by_status["strength"]),
        development=tuple(by_status["development"]),
        disagreements=tuple(by_status["disagreement"]),
        unrated=tuple(by_status["unrated"]),
    )


def assess(competency: Competency, ratings: Sequence[Rating]) -> CompetencyResult:
    """One competency's ratings -> its status and the level to describe."""
    bar = SCORE[competency.bar]
    if not ratings:
        return CompetencyResult(competency, (), 0.0, bar, "unrated", competency.bar)
    scores = [score for _, _, score in ratings]
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
    return CompetencyResult(competency, tuple(ratings), mean, bar, status, level)
