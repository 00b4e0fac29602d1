"""The one error shape for malformed requests and crashes; the schema and docs page."""

from __future__ import annotations

import typing

import pytest
from django.test import Client

from heardback.accounts.models import Language
from heardback.api import selectors
from heardback.api.schemas import base as schemas
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import (
    Application,
    AttributeRating,
    Interview,
    Job,
    OverallRecommendation,
    PipelineStage,
    RejectionReason,
)
from heardback.integrations.models import ImportRun
from tests.api.conftest import ApiClient, World, assert_error

pytestmark = pytest.mark.django_db


def test_body_that_is_not_json_is_400(api: ApiClient) -> None:
    response = api.client.post(
        "/api/v1/candidates", "{not json", content_type="application/json", headers=api.headers
    )
    assert_error(response, 400, "bad_request")


def test_validation_errors_name_the_nested_field(api: ApiClient, world: World) -> None:
    response = api.post(
        "/jobs", {"title": "SRE", "competencies": [{"name": "Go"}, {"name": "Rust", "bar": "ok"}]}
    )
    error = assert_error(response, 422, "invalid_request")
    assert [f["field"] for f in error["fields"]] == ["competencies.1.bar"]


def test_a_post_without_a_body_uses_the_defaults_or_says_a_body_is_needed(
    api: ApiClient,
) -> None:
    # `curl -X POST "$HB/feedback-notes/approve-clean"`, as the guide writes it: no body at all.
    response = api.post("/feedback-notes/approve-clean")
    assert (response.status_code, response.json()) == (200, {"approved": 0, "needs_review": 0})
    error = assert_error(api.post("/jobs"), 422, "invalid_request")
    assert "JSON body" in error["message"]
    assert [f["field"] for f in error["fields"]] == [""]


def test_an_unknown_field_is_refused_not_ignored(api: ApiClient, world: World) -> None:
    # A misspelt optional field ("sends_notes") would otherwise be dropped without a word:
    # here, every rejection with this "spam" reason would send a note.
    body = {"name": "Spam", "category": "other", "sends_notes": False}
    error = assert_error(api.post("/rejection-reasons", body), 422, "invalid_request")
    assert [f["field"] for f in error["fields"]] == ["sends_notes"]
    body = {"title": "SRE", "competencies": [{"name": "Go", "weigth": 3}]}
    error = assert_error(api.post("/jobs", body), 422, "invalid_request")
    assert [f["field"] for f in error["fields"]] == ["competencies.0.weigth"]
    assert not Job.objects.filter(title="SRE").exists()


def test_an_unknown_filter_is_refused_not_ignored(api: ApiClient, world: World) -> None:
    # `?state=draft` for `?status=draft` would list every note, as if filtered.
    error = assert_error(api.get("/feedback-notes", state="draft"), 422, "invalid_request")
    assert [f["field"] for f in error["fields"]] == ["state"]
    assert api.get("/applications", job=world.job.pk, limit=1).status_code == 200


def test_a_crash_answers_500_in_the_same_shape(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(**kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(selectors, "jobs_for_organization", crash)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/jobs", headers=api.headers)
    error = assert_error(response, 500, "server_error")
    assert "bug" not in error["message"]


def test_schema_and_docs_page_are_served_without_a_key() -> None:
    client = Client()
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "heardback API"
    assert schema["components"]["securitySchemes"]["ApiKeyAuth"]["scheme"] == "bearer"
    reject = schema["paths"]["/api/v1/applications/{application_id}/reject"]["post"]
    assert reject["x-scope"] == "write:hiring"
    assert set(reject["responses"]) >= {"200", "401", "403", "404", "422"}
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    # Swagger UI is served from our own static files, not a CDN.
    assert b"/static/ninja/swagger-ui-bundle.js" in page.content


@pytest.mark.parametrize(
    ("literal", "choices"),
    [
        (schemas.JobStatus, Job.Status.values),
        (schemas.StageKind, PipelineStage.Kind.values),
        (schemas.Rating, AttributeRating.values),
        (schemas.Overall, OverallRecommendation.values),
        (schemas.ApplicationStatus, Application.Status.values),
        (schemas.Decision, Application.Decision.values),
        (schemas.InterviewKind, Interview.Kind.values),
        (schemas.ReasonCategory, RejectionReason.Category.values),
        (schemas.NoteStatus, FeedbackNote.Status.values),
        (schemas.Verdict, FeedbackNote.Verdict.values),
        (schemas.ImportSource, ImportRun.Source.values),
        (schemas.ImportStatus, ImportRun.Status.values),
        (schemas.Language, Language.values),
    ],
)
def test_schema_choices_are_the_models_choices(literal: object, choices: list[str]) -> None:
    assert list(typing.get_args(literal)) == list(choices)


def test_a_body_over_the_limit_answers_413_in_the_one_error_shape(api: ApiClient) -> None:
    response = api.post("/jobs", {"title": "x" * 3_000_000})
    assert_error(response, 413, "too_large")


def test_a_multipart_body_without_its_boundary_answers_400_in_the_one_error_shape(
    api: ApiClient,
) -> None:
    # An upload tool that forgets the boundary: the body cannot be read, and nothing is done.
    response = api.client.post(
        "/api/v1/imports",
        data=b"source=csv",
        content_type="multipart/form-data",
        headers=api.headers,
    )
    assert_error(response, 400, "bad_request")
