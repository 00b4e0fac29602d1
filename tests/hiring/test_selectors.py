from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import Http404

from heardback.accounts.models import Organization, User
from heardback.hiring import selectors
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme_objects(org: Organization) -> dict[str, object]:
    rating = factories.ScorecardRatingFactory(scorecard__interview__application__organization=org)
    scorecard = rating.scorecard
    application = scorecard.application
    return {
        "job": application.job,
        "candidate": application.candidate,
        "application": application,
        "interview": scorecard.interview,
        "scorecard": scorecard,
        "rejection_reason": factories.RejectionReasonFactory(organization=org),
    }


GETTERS: dict[str, Callable[..., object]] = {
    "job": selectors.job_get_for_user,
    "candidate": selectors.candidate_get_for_user,
    "application": selectors.application_get_for_user,
    "interview": selectors.interview_get_for_user,
    "scorecard": selectors.scorecard_get_for_user,
    "rejection_reason": selectors.rejection_reason_get_for_user,
}


@pytest.mark.parametrize("kind", GETTERS)
def test_recruiters_get_their_organizations_objects(
    kind: str, acme_objects: dict[str, object], recruiter: User
) -> None:
    obj = acme_objects[kind]
    assert GETTERS[kind](user=recruiter, pk=obj.pk) == obj  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["application", "interview"])
def test_interviewers_see_only_applications_they_interview(
    kind: str, acme_objects: dict[str, object], interviewer: User
) -> None:
    obj = acme_objects[kind]
    with pytest.raises(Http404):
        GETTERS[kind](user=interviewer, pk=obj.pk)  # type: ignore[attr-defined]
    acme_objects["interview"].interviewers.add(interviewer)  # type: ignore[attr-defined]
    assert GETTERS[kind](user=interviewer, pk=obj.pk) == obj  # type: ignore[attr-defined]


def test_interviewers_are_blind_to_others_scorecards_until_they_submit_their_own(
    acme_objects: dict[str, object], interviewer: User
) -> None:
    colleague_card = acme_objects["scorecard"]
    interview = acme_objects["interview"]
    interview.interviewers.add(interviewer)  # type: ignore[attr-defined]
    own = factories.ScorecardFactory(
        interview=interview, interviewer=interviewer, submitted_at=None
    )

    with pytest.raises(Http404):
        selectors.scorecard_get_for_user(user=interviewer, pk=colleague_card.pk)  # type: ignore[attr-defined]
    assert selectors.scorecard_get_for_user(user=interviewer, pk=own.pk) == own

    own.submitted_at = own.created_at
    own.save()
    assert (
        selectors.scorecard_get_for_user(user=interviewer, pk=colleague_card.pk) == colleague_card
    )  # type: ignore[attr-defined]


def test_recruiters_never_see_draft_scorecards_of_others(
    acme_objects: dict[str, object], recruiter: User
) -> None:
    draft = factories.ScorecardFactory(interview=acme_objects["interview"], submitted_at=None)
    with pytest.raises(Http404):
        selectors.scorecard_get_for_user(user=recruiter, pk=draft.pk)


@pytest.mark.parametrize("kind", GETTERS)
def test_outsider_gets_404_for_every_object(
    kind: str, acme_objects: dict[str, object], outsider: User
) -> None:
    with pytest.raises(Http404):
        GETTERS[kind](user=outsider, pk=acme_objects[kind].pk)  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", GETTERS)
def test_malformed_and_missing_ids_are_404(kind: str, recruiter: User) -> None:
    for pk in ("abc", 10**12, None):
        with pytest.raises(Http404):
            GETTERS[kind](user=recruiter, pk=pk)


def test_job_list_counts_active_applications_per_stage(org: Organization) -> None:
    job = factories.JobFactory(organization=org)
    screen = factories.StageFactory(job=job, name="Screen", position=0)
    onsite = factories.StageFactory(job=job, name="Onsite", position=1)
    for stage, n in ((screen, 3), (onsite, 1)):
        factories.ApplicationFactory.create_batch(n, organization=org, job=job, stage=stage)
    factories.ApplicationFactory(organization=org, job=job, stage=screen, status="withdrawn")

    [listed] = selectors.job_list_with_stage_counts(organization=org)

    assert [(stage.name, count) for stage, count in listed.stage_counts] == [
        ("Screen", 3),
        ("Onsite", 1),
    ]
    assert listed.application_count == 5


def test_job_list_never_includes_another_organizations_jobs(
    org: Organization, other_org: Organization
) -> None:
    factories.JobFactory(organization=other_org, title="Secret role")
    assert selectors.job_list_with_stage_counts(organization=org) == []
