"""Export an organization as Greenhouse v1, import it into a new one: the same hiring data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from heardback.accounts.models import Organization
from heardback.demo.services import demo_create
from heardback.hiring.models import (
    Application,
    Competency,
    Interview,
    Job,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)
from heardback.integrations.exporters import export_greenhouse
from heardback.integrations.importers import import_greenhouse
from tests.integrations.conftest import people_of

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def demo() -> Organization:
    return demo_create(seed=1, size="small", today=TODAY, password="demo-pass-1").organization


def _counts(org: Organization) -> dict[str, int]:
    submitted = Scorecard.objects.filter(organization=org, submitted_at__isnull=False)
    return {
        "jobs": Job.objects.filter(organization=org).count(),
        "applications": Application.objects.filter(organization=org).count(),
        "rejection reasons": RejectionReason.objects.filter(organization=org).count(),
        "interviews": Interview.objects.filter(organization=org).count(),
        "submitted scorecards": submitted.count(),
        "ratings": ScorecardRating.objects.filter(scorecard__in=submitted).count(),
    }


def _ratings(org: Organization) -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """(candidate email, interview, competency, interviewer email) → (rating, evidence)."""
    ratings = ScorecardRating.objects.filter(
        scorecard__organization=org, scorecard__submitted_at__isnull=False
    ).values_list(
        "scorecard__application__candidate__email",
        "scorecard__interview__name",
        "competency__name",
        "scorecard__interviewer__email",
        "rating",
        "evidence",
    )
    people = people_of(org)
    return {(*row[:3], people[row[3]]): tuple(row[4:]) for row in ratings}  # type: ignore[misc]


def _outcomes(org: Organization) -> set[tuple[object, ...]]:
    applications = Application.objects.filter(organization=org).values_list(
        "candidate__email",
        "candidate__first_name",
        "candidate__language",
        "job__title",
        "status",
        "decided_at",
        "stage__name",
        "rejection_reason__name",
        "rejection_reason__category",
    )
    return set(applications)


def _scorecards(org: Organization) -> set[tuple[object, ...]]:
    people = people_of(org)
    return set(
        (*row[:2], people[row[2]], *row[3:])  # type: ignore[index]
        for row in Scorecard.objects.filter(
            organization=org, submitted_at__isnull=False
        ).values_list(
            "application__candidate__email",
            "interview__name",
            "interviewer__email",
            "overall_recommendation",
            "key_takeaways",
            "private_notes",
            "submitted_at",
        )
    )


def test_a_demo_organization_survives_export_and_import(demo: Organization, tmp_path: Path) -> None:
    export_greenhouse(demo, tmp_path)
    copy = Organization.objects.create(slug="copy", name="Copy")
    report = import_greenhouse(tmp_path, organization=copy)
    assert report.ok, report.errors
    assert _counts(copy) == _counts(demo)
    assert _ratings(copy) == _ratings(demo)
    assert _outcomes(copy) == _outcomes(demo)
    assert _scorecards(copy) == _scorecards(demo)
    # The rubric lines come back, to be described again: v1 has no place for descriptions.
    assert Competency.objects.filter(organization=copy, needs_description=True).exists()


def test_re_importing_an_export_changes_nothing(demo: Organization, tmp_path: Path) -> None:
    export_greenhouse(demo, tmp_path)
    copy = Organization.objects.create(slug="copy", name="Copy")
    import_greenhouse(tmp_path, organization=copy)
    report = import_greenhouse(tmp_path, organization=copy)
    assert all(created == updated == 0 for _, created, updated, _, _ in report.summary_rows())
    assert report.counts["ratings"]["unchanged"] == _counts(demo)["ratings"]
