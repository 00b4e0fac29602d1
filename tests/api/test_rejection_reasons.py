"""Rejection reasons through the API: list them, create one with its stages and "no note"."""

from __future__ import annotations

from typing import Any

import pytest

from heardback.accounts.models import AuditEvent, Organization
from heardback.hiring.models import RejectionReason
from tests import factories
from tests.api.conftest import ApiClient, assert_error

pytestmark = pytest.mark.django_db


def _body(**changes: Any) -> dict[str, Any]:
    return {
        "name": "Exercise below the bar",
        "category": "skills_gap",
        "explanation_en": "The practical exercise did not yet show the level the role needs.",
        "explanation_fr": "L'exercice pratique n'a pas encore montré le niveau attendu.",
        "stages": ["final", "interview"],
        "sends_note": True,
        **changes,
    }


def test_create_a_reason_and_find_it_in_the_list(api: ApiClient, org: Organization) -> None:
    response = api.post("/rejection-reasons", _body())
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["name"] == "Exercise below the bar"
    # Stages come back in pipeline order, whatever order they were sent in.
    assert (created["stages"], created["sends_note"]) == (["interview", "final"], True)
    listed = api.get("/rejection-reasons").json()["items"]
    assert [r["id"] for r in listed] == [created["id"]]
    assert listed[0]["explanation_fr"].startswith("L'exercice pratique")
    assert AuditEvent.objects.filter(organization=org, action="rejection_reason.create").exists()


def test_a_no_note_reason_needs_no_explanation(api: ApiClient, org: Organization) -> None:
    response = api.post(
        "/rejection-reasons", {"name": "Spam", "category": "other", "sends_note": False}
    )
    assert response.status_code == 201, response.content
    reason = RejectionReason.objects.get(organization=org, name="Spam")
    assert (reason.sends_note, reason.stages, reason.explanation_en) == (False, [], "")


def test_a_duplicate_name_is_refused_with_400(api: ApiClient, org: Organization) -> None:
    factories.RejectionReasonFactory(organization=org, name="exercise below the bar")
    error = assert_error(api.post("/rejection-reasons", _body()), 400, "refused")
    assert error["fields"][0]["field"] == "name"
    assert RejectionReason.objects.filter(organization=org).count() == 1


def test_an_explanation_the_guard_blocks_is_refused_with_400(
    api: ApiClient, org: Organization
) -> None:
    response = api.post("/rejection-reasons", _body(explanation_en="You seem too old for us."))
    error = assert_error(response, 400, "refused")
    assert error["fields"][0]["field"] == "explanation_en"
    assert "safe-feedback guard" in error["fields"][0]["message"]
    assert not RejectionReason.objects.filter(organization=org).exists()


@pytest.mark.parametrize(
    "changes",
    [{"category": "vibes"}, {"stages": ["lunch"]}, {"name": ""}, {"sends_note": "maybe"}],
)
def test_a_body_outside_the_schema_is_refused(
    api: ApiClient, org: Organization, changes: dict[str, Any]
) -> None:
    assert_error(api.post("/rejection-reasons", _body(**changes)), 422, "invalid_request")
    assert not RejectionReason.objects.filter(organization=org).exists()


def test_another_organizations_reasons_are_neither_listed_nor_blocking(
    api: ApiClient, outsider_api: ApiClient, org: Organization, other_org: Organization
) -> None:
    factories.RejectionReasonFactory(organization=other_org, name="Exercise below the bar")
    assert api.get("/rejection-reasons").json()["items"] == []
    assert api.post("/rejection-reasons", _body()).status_code == 201
    created = outsider_api.post("/rejection-reasons", _body(name="Globex only"))
    assert created.status_code == 201
    names = [r["name"] for r in api.get("/rejection-reasons").json()["items"]]
    assert names == ["Exercise below the bar"]
    assert RejectionReason.objects.get(name="Globex only").organization == other_org


def test_the_schema_documents_the_create_operation(api: ApiClient) -> None:
    schema = api.get("/openapi.json").json()
    operation = schema["paths"]["/api/v1/rejection-reasons"]["post"]
    assert operation["x-scope"] == "write:hiring"
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    reason_in = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    assert set(reason_in["properties"]) == {
        "name", "category", "explanation_en", "explanation_fr", "stages", "sends_note",
    }  # fmt: skip
    assert reason_in["required"] == ["name", "category"]
