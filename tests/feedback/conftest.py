from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Application
from tests import factories


def rejected_application(
    org: Organization,
    *,
    recruiter: User | None = None,
    first_name: str = "Priya",
    comment: str = "Asked sharp clarifying questions before designing anything.",
    evidence: str = "INTERNAL-EVIDENCE-MARKER rambled about caching",
    private_notes: str = "PRIVATE-NOTE-MARKER comp expectations above band",
    category: str = "skills_gap",
) -> Application:
    """A rejected application with two interviews, ratings above and below the bar."""
    job = factories.JobFactory(
        organization=org, title="Senior Backend Engineer", recruiter=recruiter
    )
    strong = factories.CompetencyFactory(job=job, name="Communication", position=0)
    weak = factories.CompetencyFactory(job=job, name="Distributed systems design", position=1)
    stage = factories.StageFactory(job=job, name="Onsite", position=0)
    reason = factories.RejectionReasonFactory(organization=org, category=category)
    application = factories.ApplicationFactory(
        organization=org,
        job=job,
        stage=stage,
        candidate__first_name=first_name,
        status="rejected",
        decision="reject",
        decided_at=timezone.now(),
        rejection_reason=reason,
    )
    for day, name in ((12, "System design"), (14, "Hiring manager")):
        interview = factories.InterviewFactory(
            application=application,
            name=name,
            scheduled_at=dt.datetime(2026, 11, day, 10, tzinfo=dt.UTC),
        )
        scorecard = factories.ScorecardFactory(
            interview=interview, overall_recommendation="no", private_notes=private_notes
        )
        factories.ScorecardRatingFactory(
            scorecard=scorecard, competency=strong, rating="strong_yes", candidate_comment=comment
        )
        factories.ScorecardRatingFactory(
            scorecard=scorecard, competency=weak, rating="no", evidence=evidence
        )
    return application


@pytest.fixture
def rejected(org: Organization, recruiter: User) -> Application:
    return rejected_application(org, recruiter=recruiter)
