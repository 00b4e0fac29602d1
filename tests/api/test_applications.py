"""Applications: filters, pagination, query counts, creation, and the decisions on them."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heardback.accounts.models import AuditEvent, Membership, Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from tests import factories
from tests.api.conftest import ApiClient, World, assert_error, make_key

pytestmark = pytest.mark.django_db


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_application_reads_with_candidate_stage_and_decision(api: ApiClient, world: World) -> None:
    application = api.get(f"/applications/{world.application.pk}").json()
    assert application["candidate"]["first_name"] == "Priya"
    assert application["job_title"] == "Backend Engineer"
    assert application["stage"]["name"] == "Screen"
    assert (application["status"], application["decision"]) == ("active", "pending")
    assert application["feedback_note"] is None


def test_applications_filter_by_job_stage_status_and_decision(
    api: ApiClient, org: Organization, world: World
) -> None:
    other_job = factories.JobFactory(organization=org)
    elsewhere = factories.ApplicationFactory(organization=org, job=other_job)
    onsite = factories.ApplicationFactory(
        organization=org, job=world.job, stage=world.onsite, decision="advance"
    )
    rejected = factories.ApplicationFactory(
        organization=org, job=world.job, status="rejected", decision="reject",
        decided_at=world.application.applied_at,
    )  # fmt: skip
    assert _ids(api.get("/applications", job=other_job.pk)) == [elsewhere.pk]
    assert _ids(api.get("/applications", stage=world.onsite.pk)) == [onsite.pk]
    assert _ids(api.get("/applications", status="rejected")) == [rejected.pk]
    assert _ids(api.get("/applications", decision="advance")) == [onsite.pk]
    assert _ids(api.get("/applications", job=world.job.pk, status="active")) == [
        world.application.pk,
        onsite.pk,
    ]
    assert _ids(api.get("/applications", candidate=elsewhere.candidate_id)) == [elsewhere.pk]


def test_pages_follow_next_until_every_application_was_seen(
    api: ApiClient, org: Organization, world: World
) -> None:
    factories.ApplicationFactory.create_batch(6, organization=org, job=world.job)
    seen: list[int] = []
    response = api.get("/applications", limit=3)
    pages = 0
    while True:
        pages += 1
        seen += _ids(response)
        next_url = response.json()["next"]
        if next_url is None:
            break
        assert (
            next_url.startswith("http://testserver/api/v1/applications?") and "limit=3" in next_url
        )
        response = api.client.get(next_url, headers=api.headers)
    assert pages == 3
    assert seen == sorted(Application.objects.values_list("pk", flat=True))


def test_page_size_is_capped(api: ApiClient) -> None:
    error = assert_error(api.get("/applications", limit=201), 422, "invalid_request")
    assert error["fields"][0]["field"] == "limit"


def test_cursor_not_given_by_the_api_is_refused(api: ApiClient) -> None:
    for cursor in ("garbage", "YWZ0ZXI6LTE", "%%%"):
        error = assert_error(api.get("/applications", cursor=cursor), 422, "invalid_request")
        assert error["fields"][0]["field"] == "cursor"


@pytest.mark.parametrize(
    "path", ["/applications", "/jobs", "/candidates", "/interviews", "/scorecards",
             "/feedback-notes"],
)  # fmt: skip
def test_queries_do_not_grow_with_the_page(
    path: str, api: ApiClient, org: Organization, world: World, interviewer: User
) -> None:
    def add(n: int) -> None:
        for _ in range(n):
            job = factories.JobFactory(organization=org)
            factories.StageFactory(job=job)
            competency = factories.CompetencyFactory(job=job)
            application = factories.ApplicationFactory(
                organization=org, job=job, status="rejected", decision="reject",
                decided_at=world.application.applied_at, rejection_reason=world.reason,
            )  # fmt: skip
            interview = factories.InterviewFactory(application=application)
            interview.interviewers.add(interviewer)
            scorecard = factories.ScorecardFactory(interview=interview)
            factories.ScorecardRatingFactory(scorecard=scorecard, competency=competency)
            FeedbackNote.objects.create(
                organization=org, application=application, subject="S", text="T", html="T"
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api.get(path, limit=50).status_code == 200
        return len(queries)

    add(2)
    count()  # the key's first use of the minute is recorded: one more query, once
    few = count()
    add(10)
    assert count() == few


def test_application_is_created_in_the_jobs_first_stage(
    api: ApiClient, world: World, admin: User
) -> None:
    candidate = factories.CandidateFactory(organization=world.job.organization)
    response = api.post(
        "/applications",
        {"candidate_id": candidate.pk, "job_id": world.job.pk, "source": "Referral"},
    )
    assert response.status_code == 201, response.content
    application = Application.objects.get(pk=response.json()["id"])
    assert (application.candidate, application.stage, application.source) == (
        candidate, world.screen, "Referral",
    )  # fmt: skip
    assert AuditEvent.objects.filter(action="application.create", actor=admin).exists()


def test_second_active_application_to_the_same_job_is_refused(api: ApiClient, world: World) -> None:
    body = {"candidate_id": world.application.candidate_id, "job_id": world.job.pk}
    error = assert_error(api.post("/applications", body), 400, "refused")
    assert error["fields"][0]["field"] == "candidate_id"
    assert Application.objects.count() == 1


def test_application_in_a_stage_of_another_job_is_refused(
    api: ApiClient, org: Organization, world: World
) -> None:
    other_stage = factories.StageFactory(job=factories.JobFactory(organization=org))
    candidate = factories.CandidateFactory(organization=org)
    body = {"candidate_id": candidate.pk, "job_id": world.job.pk, "stage_id": other_stage.pk}
    assert_error(api.post("/applications", body), 400, "refused")


def test_application_with_a_far_off_date_is_refused(api: ApiClient, world: World) -> None:
    body = {
        "candidate_id": world.application.candidate_id,
        "job_id": world.job.pk,
        "applied_at": "9999-12-31T23:59:59-23:59",
    }
    assert_error(api.post("/applications", body), 422, "invalid_request")


# --- Decisions ----------------------------------------------------------------------------


def test_rejecting_then_drafting_gives_a_note_that_greets_the_candidate(
    api: ApiClient, world: World, admin: User
) -> None:
    response = api.post(
        f"/applications/{world.application.pk}/reject", {"reason_id": world.reason.pk}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["rejection_reason"]["name"]) == (
        "rejected", "Skills gap",
    )  # fmt: skip
    world.application.refresh_from_db()
    assert (world.application.status, world.application.decided_by) == ("rejected", admin)
    assert AuditEvent.objects.filter(action="application.reject", actor=admin).exists()

    note = api.post(f"/applications/{world.application.pk}/feedback-note")
    assert note.status_code == 201, note.content
    greeting = note.json()["text"].splitlines()[0]  # "Hi Priya," or "Hello Priya,"
    assert greeting.endswith(" Priya,")
    assert FeedbackNote.objects.get(application=world.application).status == "draft"
    listed = api.get(f"/applications/{world.application.pk}").json()["feedback_note"]
    assert listed == {"id": note.json()["id"], "version": 1, "status": "draft"}


def test_rejecting_twice_is_refused(api: ApiClient, world: World) -> None:
    path = f"/applications/{world.application.pk}/reject"
    assert api.post(path, {"reason_id": world.reason.pk}).status_code == 200
    error = assert_error(api.post(path, {"reason_id": world.reason.pk}), 400, "refused")
    assert "already rejected" in error["message"]


def test_rejecting_with_another_organizations_reason_is_404(
    api: ApiClient, world: World, other_org: Organization
) -> None:
    theirs = factories.RejectionReasonFactory(organization=other_org)
    response = api.post(f"/applications/{world.application.pk}/reject", {"reason_id": theirs.pk})
    assert_error(response, 404, "not_found")
    world.application.refresh_from_db()
    assert world.application.status == "active"


def test_advancing_moves_to_a_later_stage_only(api: ApiClient, world: World) -> None:
    path = f"/applications/{world.application.pk}/advance"
    response = api.post(path, {"stage_id": world.onsite.pk})
    assert (response.status_code, response.json()["stage"]["name"]) == (200, "Onsite")
    error = assert_error(api.post(path, {"stage_id": world.screen.pk}), 400, "refused")
    assert error["fields"][0]["field"] == "stage_id"
    world.application.refresh_from_db()
    assert (world.application.stage, world.application.decision) == (world.onsite, "advance")


@pytest.mark.parametrize("body", [{}, {"reason_id": "x"}, {"reason_id": 0}, [1, 2]])
def test_reject_with_bad_input_is_422(api: ApiClient, world: World, body: Any) -> None:
    path = f"/applications/{world.application.pk}/reject"
    assert_error(api.post(path, body), 422, "invalid_request")


def test_decisions_need_a_key_that_acts_for_a_person(org: Organization, world: World) -> None:
    operator = ApiClient(make_key(org, None))
    response = operator.post(
        f"/applications/{world.application.pk}/reject", {"reason_id": world.reason.pk}
    )
    error = assert_error(response, 403, "forbidden")
    assert "--user" in error["message"]


def test_decisions_follow_the_role_of_the_person_the_key_acts_for(
    org: Organization, admin: User, world: World
) -> None:
    client = ApiClient(make_key(org, admin))
    Membership.objects.filter(user=admin, organization=org).update(role="interviewer")
    response = client.post(
        f"/applications/{world.application.pk}/reject", {"reason_id": world.reason.pk}
    )
    assert_error(response, 403, "forbidden")
    world.application.refresh_from_db()
    assert world.application.status == "active"
