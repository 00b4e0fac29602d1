"""Jobs (with their stages and rubric) and candidates: read, filter, create."""

from __future__ import annotations

import pytest

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.hiring.models import Candidate, Job
from tests import factories
from tests.api.conftest import ApiClient, World, assert_error

pytestmark = pytest.mark.django_db


def test_job_reads_with_its_pipeline_and_rubric_in_order(api: ApiClient, world: World) -> None:
    job = api.get(f"/jobs/{world.job.pk}").json()
    assert job["title"] == "Backend Engineer"
    assert [s["name"] for s in job["stages"]] == ["Screen", "Onsite"]
    assert [c["name"] for c in job["competencies"]] == ["Communication", "System design"]
    assert job["recruiter_id"] == world.job.recruiter_id


def test_jobs_filter_by_status(api: ApiClient, org: Organization, world: World) -> None:
    factories.JobFactory(organization=org, title="Old role", status="closed")
    titles = [job["title"] for job in api.get("/jobs", status="closed").json()["items"]]
    assert titles == ["Old role"]


def test_job_is_created_with_stages_and_rubric(
    api: ApiClient, recruiter: User, admin: User
) -> None:
    response = api.post(
        "/jobs",
        {
            "title": "Data Engineer",
            "recruiter_id": recruiter.pk,
            "stages": [{"name": "Screen", "kind": "screen"}, {"name": "Onsite", "kind": "final"}],
            "competencies": [
                {"name": "SQL", "bar": "yes", "weight": 2,
                 "descriptors": {"no": "wrote queries with help"}},
                {"name": "Modelling"},
            ],
        },
    )  # fmt: skip
    assert response.status_code == 201, response.content
    job = Job.objects.get(pk=response.json()["id"])
    assert (job.title, job.recruiter, job.language) == ("Data Engineer", recruiter, "en")
    assert [(s.name, s.kind, s.position) for s in job.stages.all()] == [
        ("Screen", "screen", 0),
        ("Onsite", "final", 1),
    ]
    sql = job.competencies.get(name="SQL")
    assert (sql.weight, sql.descriptors) == (2, {"no": "wrote queries with help"})
    # What was sent is read back, so a sync can check the rubric it wrote.
    rubric = api.get(f"/jobs/{job.pk}").json()["competencies"]
    assert [c["descriptors"] for c in rubric] == [{"no": "wrote queries with help"}, {}]
    assert AuditEvent.objects.filter(action="job.create", actor=admin).exists()


def test_job_with_repeated_stage_names_is_refused(api: ApiClient) -> None:
    response = api.post("/jobs", {"title": "SRE", "stages": [{"name": "Call"}, {"name": "Call"}]})
    error = assert_error(response, 400, "refused")
    assert error["fields"][0]["field"] == "stages"
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    ("field", "items"),
    [("competencies", [{"name": "Communication"}, {"name": "communication "}]),
     ("competencies", [{"name": "Go  in production"}, {"name": "Go in production"}]),
     ("stages", [{"name": "Phone screen"}, {"name": "PHONE SCREEN"}])],
)  # fmt: skip
def test_job_with_names_differing_only_in_case_or_spaces_is_refused(
    api: ApiClient, field: str, items: list[dict[str, str]]
) -> None:
    # Two rubric lines a note would name alike ("communication" twice) are one competency
    # typed twice: refused, naming them, and nothing is created.
    response = api.post("/jobs", {"title": "SRE", field: items})
    error = assert_error(response, 400, "refused")
    assert error["fields"][0]["field"] == field
    assert items[0]["name"] in error["fields"][0]["message"]
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    "body",
    [{}, {"title": ""}, {"title": "x" * 201}, {"title": "SRE", "status": "paused"},
     {"title": "SRE", "competencies": [{"name": "Go", "weight": 11}]},
     {"title": "SRE\x00"}],
)  # fmt: skip
def test_job_with_bad_input_is_refused(api: ApiClient, body: dict[str, object]) -> None:
    assert_error(api.post("/jobs", body), 422, "invalid_request")
    assert not Job.objects.exists()


def test_job_recruiter_must_be_a_member(api: ApiClient, outsider: User) -> None:
    assert_error(api.post("/jobs", {"title": "SRE", "recruiter_id": outsider.pk}), 404, "not_found")


def test_candidate_is_created_and_found_by_email(api: ApiClient, org: Organization) -> None:
    response = api.post(
        "/candidates",
        {"first_name": "Lin", "last_name": "Wu", "email": "Lin.Wu@Mail.example", "language": "fr"},
    )
    assert response.status_code == 201
    candidate = Candidate.objects.get(pk=response.json()["id"])
    assert (candidate.organization, candidate.full_name, candidate.email, candidate.language) == (
        org, "Lin Wu", "lin.wu@mail.example", "fr",
    )  # fmt: skip
    found = api.get("/candidates", email="LIN.WU@mail.example").json()["items"]
    assert [c["id"] for c in found] == [candidate.pk]
    assert api.get(f"/candidates/{candidate.pk}").json()["first_name"] == "Lin"


def test_candidate_language_defaults_to_the_organization(api: ApiClient, org: Organization) -> None:
    Organization.objects.filter(pk=org.pk).update(default_language="fr")
    response = api.post("/candidates", {"first_name": "Zoé"})
    assert Candidate.objects.get(pk=response.json()["id"]).language == "fr"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [({"last_name": "Wu"}, 422, "invalid_request"),
     ({"first_name": "Lin", "email": "not an email"}, 400, "refused"),
     ({"first_name": "Lin", "language": "de"}, 422, "invalid_request"),
     ({"first_name": "L\x00n"}, 422, "invalid_request")],
)  # fmt: skip
def test_candidate_with_bad_input_is_refused(
    api: ApiClient, body: dict[str, object], status: int, code: str
) -> None:
    assert_error(api.post("/candidates", body), status, code)
    assert not Candidate.objects.exists()


def test_unknown_ids_are_404(api: ApiClient, world: World) -> None:
    assert_error(api.get("/jobs/999999"), 404, "not_found")
    assert_error(api.get("/candidates/999999"), 404, "not_found")


def test_malformed_ids_are_422(api: ApiClient) -> None:
    for path in ("/jobs/abc", "/jobs/0", "/candidates/99999999999999999999"):
        assert_error(api.get(path), 422, "invalid_request")
