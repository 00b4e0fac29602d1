"""A job's family, level and description through the API: what re-routing needs to suggest
another open role in a rejected candidate's note (found by the fourth API reading: a job made
through the API had no family, so no note ever suggested another role)."""

from __future__ import annotations

from typing import Any

import pytest

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Job
from tests.api.conftest import ApiClient, assert_error

pytestmark = pytest.mark.django_db

CRANE = [
    {"name": "Load control", "weight": 3},
    {"name": "Radio discipline", "weight": 2},
    {"name": "Pre-use checks", "weight": 2},
]
STRADDLE = [
    {"name": "Load control", "weight": 3},
    {"name": "Pre-use checks", "weight": 2},
    {"name": "Radio discipline", "weight": 1},
]

RATED = {"Load control": "strong_yes", "Pre-use checks": "strong_yes", "Radio discipline": "no"}


def _job(api: ApiClient, title: str, rubric: list[dict[str, Any]], **fields: Any) -> dict:
    body = {"title": title, "stages": [{"name": "Practical", "kind": "final"}]}
    response = api.post("/jobs", {**body, "competencies": rubric, **fields})
    assert response.status_code == 201, response.content
    made: dict = response.json()
    return made


def _rejected_note(api: ApiClient, job: dict, interviewer: User) -> str:
    """A candidate strong in load control and pre-use checks and below the bar in radio
    discipline, rejected for that gap at the final stage: the text of their drafted note."""
    candidate = api.post(
        "/candidates", {"first_name": "Mary-Kate", "last_name": "O'Hara",
                        "email": "mk@mail.example", "language": "en"},
    ).json()  # fmt: skip
    application = api.post(
        "/applications",
        {"candidate_id": candidate["id"], "job_id": job["id"], "stage_id": job["stages"][0]["id"]},
    ).json()
    interview = api.post(
        "/interviews",
        {"application_id": application["id"], "name": "Practical", "kind": "onsite",
         "interviewer_ids": [interviewer.pk]},
    ).json()  # fmt: skip
    card = api.post(
        "/scorecards",
        {"interview_id": interview["id"], "interviewer_id": interviewer.pk,
         "overall_recommendation": "no", "submit": True,
         "ratings": [{"competency_id": c["id"], "rating": RATED[c["name"]]}
                     for c in job["competencies"]]},
    )  # fmt: skip
    assert card.status_code == 201, card.content
    reason = api.post("/rejection-reasons", {"name": "Skills", "category": "skills_gap"}).json()
    rejected = api.post(f"/applications/{application['id']}/reject", {"reason_id": reason["id"]})
    assert rejected.status_code == 200, rejected.content
    note = api.post(f"/applications/{application['id']}/feedback-note")
    assert note.status_code == 201, note.content
    text: str = note.json()["text"]
    return text


def test_job_is_created_with_its_family_level_and_description(api: ApiClient) -> None:
    made = _job(
        api, "Port Crane Operator", CRANE, family="  Port  operations ", level=2,
        description="Ship-to-shore crane work at the container terminal.",
    )  # fmt: skip
    assert (made["family"], made["level"]) == ("Port operations", 2)
    assert made["description"] == "Ship-to-shore crane work at the container terminal."
    job = Job.objects.get(pk=made["id"])
    assert (job.family, job.level) == ("Port operations", 2)


def test_job_family_and_level_are_optional(api: ApiClient) -> None:
    made = _job(api, "Port Crane Operator", CRANE)
    assert (made["family"], made["level"], made["description"]) == ("", None, "")


@pytest.mark.parametrize("level", [0, 6, "senior"])
def test_job_with_a_level_out_of_range_is_refused(api: ApiClient, level: object) -> None:
    response = api.post("/jobs", {"title": "Port Crane Operator", "level": level})
    assert_error(response, 422, "invalid_request")


def test_job_with_a_family_too_long_is_refused(api: ApiClient) -> None:
    response = api.post("/jobs", {"title": "Port Crane Operator", "family": "x" * 150})
    assert response.status_code in (400, 422), response.content
    assert not Job.objects.filter(title="Port Crane Operator").exists()


def test_note_suggests_an_open_role_of_the_same_family_made_through_the_api(
    api: ApiClient, interviewer: User
) -> None:
    # One gap, on what the other role weighs least: a role of the same family may still be
    # suggested; one of another (or no) family only with nothing below its bar.
    applied = _job(api, "Port Crane Operator", CRANE, family="Port operations", level=2)
    _job(api, "Straddle Carrier Driver", STRADDLE, family="Port operations", level=2)
    text = _rejected_note(api, applied, interviewer)
    assert "Straddle Carrier Driver" in text


def test_note_suggests_no_role_of_another_family_with_a_gap_in_it(
    api: ApiClient, interviewer: User
) -> None:
    applied = _job(api, "Port Crane Operator", CRANE, family="Port operations", level=2)
    _job(api, "Straddle Carrier Driver", STRADDLE, family="Yard logistics", level=2)
    text = _rejected_note(api, applied, interviewer)
    assert "Straddle Carrier Driver" not in text


def test_note_suggests_no_role_of_another_organization_with_the_same_family(
    api: ApiClient, outsider_api: ApiClient, interviewer: User
) -> None:
    applied = _job(api, "Port Crane Operator", CRANE, family="Port operations", level=2)
    _job(outsider_api, "Straddle Carrier Driver", STRADDLE, family="Port operations", level=2)
    text = _rejected_note(api, applied, interviewer)
    assert "Straddle Carrier Driver" not in text


def test_outsider_reads_no_family_of_our_jobs(
    api: ApiClient, outsider_api: ApiClient, org: Organization
) -> None:
    made = _job(api, "Port Crane Operator", CRANE, family="Port operations")
    assert_error(outsider_api.get(f"/jobs/{made['id']}"), 404, "not_found")
    assert outsider_api.get("/jobs").json()["items"] == []
