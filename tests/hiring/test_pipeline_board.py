"""The pipeline board of a big job: full counts, the most recent cards, the same few queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Job, PipelineStage
from heardback.hiring.selectors import PIPELINE_CARDS_PER_STAGE
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(org: Organization, recruiter: User) -> Job:
    return factories.JobFactory(organization=org, title="Backend Engineer", recruiter=recruiter)


def crowd(job: Job, stage: PipelineStage, n: int, *, prefix: str) -> list[str]:
    """`n` active applications in `stage`, the first the least recently active; their names."""
    now = timezone.now()
    names = []
    for i in range(n):
        application = factories.ApplicationFactory(
            organization=job.organization,
            job=job,
            stage=stage,
            last_activity_at=now - dt.timedelta(hours=n - i),
            candidate__first_name=f"{prefix}{i:02d}",
            candidate__last_name="Doe",
        )
        names.append(application.candidate.full_name)
    return names


def test_a_busy_stage_shows_its_full_count_and_its_most_recent_candidates(
    recruiter_client: Client, job: Job
) -> None:
    screen = factories.StageFactory(job=job, name="Screen", position=0)
    names = crowd(job, screen, PIPELINE_CARDS_PER_STAGE + 5, prefix="Cand")

    page = recruiter_client.get(f"/jobs/{job.pk}/").content.decode()

    assert '<span class="count">30</span>' in page
    oldest, newest = names[:5], names[5:]
    assert all(name in page for name in newest)
    assert not any(name in page for name in oldest)
    assert "The 25 most recent of 30: search or filter to find the others." in page
    # Search still reaches a candidate the board leaves out.
    found = recruiter_client.get(f"/jobs/{job.pk}/", {"q": "Cand00"}).content.decode()
    assert "Cand00 Doe" in found and '<span class="count">1</span>' in found


def test_pipeline_queries_do_not_grow_with_candidates(
    recruiter_client: Client, job: Job, django_assert_max_num_queries: Any
) -> None:
    for position, name in enumerate(("Screen", "Onsite", "Offer")):
        stage = factories.StageFactory(job=job, name=name, position=position)
        crowd(job, stage, 40, prefix=name)
    # One of them reads the cards' next interviews and owed scorecards, for every card at once.
    with django_assert_max_num_queries(9):
        response = recruiter_client.get(f"/jobs/{job.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="card small"') == 3 * PIPELINE_CARDS_PER_STAGE


def test_an_interviewer_sees_on_the_board_only_the_candidates_they_interview(
    client: Client, job: Job, interviewer: User
) -> None:
    stage = factories.StageFactory(job=job, name="Onsite", position=0)
    mine, other = crowd(job, stage, 2, prefix="Panel")
    application = job.applications.get(candidate__first_name="Panel00")
    factories.InterviewFactory(application=application).interviewers.add(interviewer)
    client.force_login(interviewer)

    page = client.get(f"/jobs/{job.pk}/").content.decode()

    assert mine in page and other not in page
    assert '<span class="count">1</span>' in page


def test_a_card_shows_days_in_stage_next_interview_and_scorecards_owed(
    recruiter_client: Client, job: Job, interviewer: User
) -> None:
    stage = factories.StageFactory(job=job, name="Onsite", position=0)
    now = timezone.now()
    application = factories.ApplicationFactory(
        organization=job.organization,
        job=job,
        stage=stage,
        stage_entered_at=now - dt.timedelta(days=4, hours=1),
        candidate__first_name="Ada",
    )
    past = factories.InterviewFactory(
        application=application, scheduled_at=now - dt.timedelta(days=1)
    )
    factories.ScorecardFactory(interview=past, submitted_at=None)
    factories.ScorecardFactory(interview=past, submitted_at=None)
    factories.ScorecardFactory(interview=past, submitted_at=now)
    coming = dt.datetime(2030, 3, 14, 10, 30, tzinfo=dt.UTC)
    factories.InterviewFactory(application=application, scheduled_at=coming)
    later = factories.InterviewFactory(
        application=application, scheduled_at=coming + dt.timedelta(days=2)
    )
    factories.ScorecardFactory(interview=later, submitted_at=None)  # not owed before it happens

    page = recruiter_client.get(f"/jobs/{job.pk}/").content.decode()

    assert "4 days in this stage" in page
    assert "Next interview: 14 Mar 2030, 10:30" in page
    assert "2 scorecards owed" in page
    # A board of active candidates need not say "Active" on each card.
    assert '<span class="muted">Active' not in page


def test_moving_a_candidate_restarts_the_days_in_stage(
    recruiter_client: Client, job: Job, recruiter: User
) -> None:
    first = factories.StageFactory(job=job, name="Screen", position=0)
    second = factories.StageFactory(job=job, name="Onsite", position=1)
    application = factories.ApplicationFactory(
        organization=job.organization,
        job=job,
        stage=first,
        stage_entered_at=timezone.now() - dt.timedelta(days=9),
    )
    assert "9 days in this stage" in recruiter_client.get(f"/jobs/{job.pk}/").content.decode()

    recruiter_client.post(f"/applications/{application.pk}/advance/", {"stage": second.pk})

    assert "0 days in this stage" in recruiter_client.get(f"/jobs/{job.pk}/").content.decode()
