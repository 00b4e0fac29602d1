"""Interviews and their panels; scorecards filled, updated and submitted on an interviewer's
behalf through the same rules as the web form."""

from __future__ import annotations

from typing import Any

import pytest

from heardback.accounts.models import AuditEvent, Membership, Organization, User
from heardback.hiring.models import Interview, Scorecard
from tests import factories
from tests.api.conftest import ApiClient, World, assert_error, make_key

pytestmark = pytest.mark.django_db


def test_interview_is_created_with_its_panel(
    api: ApiClient, world: World, interviewer: User, recruiter: User
) -> None:
    response = api.post(
        "/interviews",
        {
            "application_id": world.application.pk,
            "name": "System design",
            "kind": "system_design",
            "scheduled_at": "2026-12-03T10:00:00+01:00",
            "interviewer_ids": [interviewer.pk, recruiter.pk, interviewer.pk],
        },
    )
    assert response.status_code == 201, response.content
    interview = Interview.objects.get(pk=response.json()["id"])
    assert set(interview.interviewers.all()) == {interviewer, recruiter}
    assert interview.scheduled_at is not None and interview.scheduled_at.hour == 9  # UTC
    assert sorted(response.json()["interviewer_ids"]) == sorted([interviewer.pk, recruiter.pk])
    assert api.get("/interviews", application=world.application.pk).json()["items"][-1]["id"] == (
        interview.pk
    )


def test_interviewer_from_another_organization_is_404(
    api: ApiClient, world: World, outsider: User
) -> None:
    body = {
        "application_id": world.application.pk,
        "name": "Call",
        "interviewer_ids": [outsider.pk],
    }
    assert_error(api.post("/interviews", body), 404, "not_found")
    assert Interview.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [{"name": "Call"}, {"application_id": 1, "name": ""}, {"application_id": 1, "name": "Call",
     "kind": "chat"}, {"application_id": 1, "name": "Call", "scheduled_at": "tomorrow"},
     {"application_id": 1, "name": "Call", "scheduled_at": "2026-12-03T10:00:00"}],
)  # fmt: skip
def test_interview_with_bad_input_is_422(api: ApiClient, world: World, body: Any) -> None:
    assert_error(api.post("/interviews", body), 422, "invalid_request")


def _rating(world: World, **values: Any) -> dict[str, Any]:
    return {"competency_id": world.communication.pk, "rating": "yes", **values}


def test_draft_scorecard_is_started_for_a_panel_member(
    api: ApiClient, world: World, admin: User
) -> None:
    response = api.post(
        "/scorecards",
        {
            "interview_id": world.interview.pk,
            "interviewer_id": world.interviewer.pk,
            "overall_recommendation": "no",
            "ratings": [_rating(world, evidence="Clear answers", candidate_comment="Well said")],
            "private_notes": "Internal only",
        },
    )
    assert response.status_code == 201, response.content
    scorecard = Scorecard.objects.get(pk=response.json()["id"])
    assert (scorecard.interviewer, scorecard.submitted_at, scorecard.private_notes) == (
        world.interviewer, None, "Internal only",
    )  # fmt: skip
    rating = scorecard.ratings.get()
    assert (rating.competency, rating.rating, rating.candidate_comment) == (
        world.communication, "yes", "Well said",
    )  # fmt: skip
    assert response.json()["ratings"][0]["competency_name"] == "Communication"
    assert AuditEvent.objects.filter(action="scorecard.create", actor=admin).exists()


def test_scorecard_is_updated_then_submitted(api: ApiClient, world: World) -> None:
    created = api.post(
        "/scorecards",
        {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk},
    ).json()
    path = f"/scorecards/{created['id']}"
    updated = api.put(
        path,
        {"overall_recommendation": "strong_no", "ratings": [_rating(world, rating="no")],
         "key_takeaways": "Needs depth"},
    )  # fmt: skip
    assert updated.status_code == 200, updated.content
    assert updated.json()["submitted_at"] is None
    submitted = api.post(f"{path}/submit")
    assert submitted.status_code == 200, submitted.content
    scorecard = Scorecard.objects.get(pk=created["id"])
    assert scorecard.submitted_at is not None
    assert (scorecard.overall_recommendation, scorecard.key_takeaways) == (
        "strong_no",
        "Needs depth",
    )
    assert scorecard.ratings.get().rating == "no"
    # The key's person is the actor in the audit log; the interviewer, on whose behalf the
    # key filled it, is named beside.
    event = AuditEvent.objects.get(action="scorecard.submit")
    assert event.actor is not None and event.actor != world.interviewer
    assert event.data["on_behalf_of"] == world.interviewer.pk
    error = assert_error(api.put(path, {"overall_recommendation": "yes"}), 400, "refused")
    assert "already submitted" in error["message"]


def test_an_operators_key_is_the_actor_of_a_scorecard_it_submits_not_the_interviewer(
    org: Organization, world: World
) -> None:
    operator = ApiClient(make_key(org, None))
    created = operator.post(
        "/scorecards",
        {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
         "overall_recommendation": "yes", "ratings": [_rating(world)]},
    ).json()  # fmt: skip
    assert operator.post(f"/scorecards/{created['id']}/submit").status_code == 200
    # The interviewer did not submit it: a key that acts for no one is recorded as no one.
    event = AuditEvent.objects.get(action="scorecard.submit")
    assert event.actor is None
    assert event.data["on_behalf_of"] == world.interviewer.pk


def test_the_interviewer_submitting_their_own_scorecard_is_on_no_ones_behalf(
    org: Organization, world: World
) -> None:
    # An admin on the panel, with a key of their own.
    Membership.objects.filter(organization=org, user=world.interviewer).update(role="admin")
    own = ApiClient(make_key(org, world.interviewer))
    created = own.post(
        "/scorecards",
        {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
         "overall_recommendation": "yes", "ratings": [_rating(world)], "submit": True},
    )  # fmt: skip
    assert created.status_code == 201, created.content
    event = AuditEvent.objects.get(action="scorecard.submit")
    assert event.actor == world.interviewer
    assert "on_behalf_of" not in event.data


def test_scorecard_can_be_submitted_in_one_call(api: ApiClient, world: World) -> None:
    response = api.post(
        "/scorecards",
        {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
         "overall_recommendation": "yes", "ratings": [_rating(world)], "submit": True},
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["submitted_at"] is not None


def test_submitting_without_a_recommendation_or_rating_is_refused(
    api: ApiClient, world: World
) -> None:
    body = {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
            "submit": True}  # fmt: skip
    error = assert_error(api.post("/scorecards", body), 400, "refused")
    assert {field["field"] for field in error["fields"]} == {"overall", "ratings"}
    assert not Scorecard.objects.exists()  # all or nothing: no half-made draft either


def test_rating_a_competency_of_another_job_is_refused(
    api: ApiClient, world: World, org: Organization
) -> None:
    elsewhere = factories.CompetencyFactory(job=factories.JobFactory(organization=org))
    ratings = [_rating(world), {"competency_id": elsewhere.pk, "rating": "yes"}]
    body = {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
            "ratings": ratings}  # fmt: skip
    error = assert_error(api.post("/scorecards", body), 400, "refused")
    # Named as the client sent it, like every other field: the rating's place in the list.
    assert error["fields"][0]["field"] == "ratings.1.competency_id"
    assert not Scorecard.objects.exists()


def test_rating_one_competency_twice_is_refused_not_collapsed(api: ApiClient, world: World) -> None:
    ratings = [_rating(world, rating="no"), _rating(world, rating="strong_yes")]
    body = {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
            "ratings": ratings}  # fmt: skip
    error = assert_error(api.post("/scorecards", body), 422, "invalid_request")
    assert error["fields"][0]["field"] == "ratings"
    assert str(world.communication.pk) in error["fields"][0]["message"]
    assert not Scorecard.objects.exists()


def test_only_panel_members_get_a_scorecard_and_only_one(
    api: ApiClient, world: World, recruiter: User
) -> None:
    body = {"interview_id": world.interview.pk, "interviewer_id": recruiter.pk}
    error = assert_error(api.post("/scorecards", body), 400, "refused")
    assert error["fields"][0]["field"] == "interviewer_id"
    body["interviewer_id"] = world.interviewer.pk
    assert api.post("/scorecards", body).status_code == 201
    assert_error(api.post("/scorecards", body), 400, "refused")
    assert Scorecard.objects.count() == 1


@pytest.mark.parametrize(
    "ratings",
    [[{"competency_id": 1, "rating": "great"}], [{"rating": "yes"}],
     [{"competency_id": 1, "rating": "yes", "evidence": "x" * 50_001}]],
)  # fmt: skip
def test_scorecard_with_bad_ratings_is_422(api: ApiClient, world: World, ratings: Any) -> None:
    body = {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
            "ratings": ratings}  # fmt: skip
    error = assert_error(api.post("/scorecards", body), 422, "invalid_request")
    assert error["fields"][0]["field"].startswith("ratings.0")


def test_scorecards_filter_by_submission(api: ApiClient, world: World) -> None:
    draft = factories.ScorecardFactory(interview=world.interview, submitted_at=None)
    done = factories.ScorecardFactory(interview=world.interview)
    assert [s["id"] for s in api.get("/scorecards", submitted=False).json()["items"]] == [draft.pk]
    assert [s["id"] for s in api.get("/scorecards", submitted=True).json()["items"]] == [done.pk]
    assert len(api.get("/scorecards", interview=world.interview.pk).json()["items"]) == 2


TOO_OLD = "She seems too old for a startup."


def test_submitting_a_comment_the_guard_blocks_is_refused_naming_the_field(
    api: ApiClient, world: World
) -> None:
    body = {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
            "overall_recommendation": "no", "submit": True,
            "ratings": [{"competency_id": world.design.pk, "rating": "no"},
                        _rating(world, candidate_comment=f"Clear answers. {TOO_OLD}")]}  # fmt: skip
    error = assert_error(api.post("/scorecards", body), 400, "refused")
    [field] = error["fields"]
    assert field["field"] == "ratings.1.candidate_comment"
    assert "too old» is blocked by the safe-feedback guard: Age" in field["message"]
    assert "Try: Describe the job-related evidence instead" in field["message"]
    assert error["message"] == field["message"]
    assert not Scorecard.objects.exists()  # nothing saved, not even the draft
    # A draft keeps it; submitting that draft as saved is refused the same way.
    del body["submit"]
    created = api.post("/scorecards", body)
    assert created.status_code == 201, created.content
    path = f"/scorecards/{created.json()['id']}"
    listed = [r["competency_id"] for r in api.get(path).json()["ratings"]]
    error = assert_error(api.post(f"{path}/submit"), 400, "refused")
    place = listed.index(world.communication.pk)
    assert [f["field"] for f in error["fields"]] == [f"ratings.{place}.candidate_comment"]
    error = assert_error(
        api.put(
            path,
            {
                "overall_recommendation": "no",
                "submit": True,
                "ratings": [_rating(world, candidate_comment=TOO_OLD)],
            },
        ),
        400,
        "refused",
    )
    assert [f["field"] for f in error["fields"]] == ["ratings.0.candidate_comment"]
    assert Scorecard.objects.get().submitted_at is None
    # Rewritten, it is submitted.
    rewritten = "Your answers on retries were clear and well structured."
    body = {"overall_recommendation": "no", "submit": True,
            "ratings": [_rating(world, candidate_comment=rewritten)]}  # fmt: skip
    response = api.put(path, body)
    assert response.status_code == 200, response.content
    assert response.json()["submitted_at"] is not None


def test_a_blocked_comment_saved_earlier_is_named_where_the_scorecard_lists_it(
    api: ApiClient, world: World
) -> None:
    body = {"interview_id": world.interview.pk, "interviewer_id": world.interviewer.pk,
            "ratings": [{"competency_id": world.design.pk, "rating": "no"},
                        _rating(world, candidate_comment=TOO_OLD)]}  # fmt: skip
    path = f"/scorecards/{api.post('/scorecards', body).json()['id']}"
    listed = [r["competency_id"] for r in api.get(path).json()["ratings"]]
    # The update sends only the other rating: the saved comment is still checked on submit.
    update = {"overall_recommendation": "no", "submit": True,
              "ratings": [{"competency_id": world.design.pk, "rating": "mixed"}]}  # fmt: skip
    error = assert_error(api.put(path, update), 400, "refused")
    place = listed.index(world.communication.pk)
    assert [f["field"] for f in error["fields"]] == [f"ratings.{place}.candidate_comment"]
    assert api.get(path).json()["submitted_at"] is None
