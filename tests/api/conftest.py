"""API personas: keys for Acme (all scopes, acting for its admin) and for the outsider Globex."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from heardback.accounts.models import Organization, User
from heardback.api.scopes import SCOPES
from heardback.api.services import api_key_create
from heardback.hiring.models import Application, Competency, Interview, Job, PipelineStage
from tests import factories

BASE = "/api/v1"


class ApiClient:
    """A test client that sends one API key (or none) with every request."""

    def __init__(self, raw_key: str | None = None, authorization: str | None = None) -> None:
        self.client = Client()
        self.headers = {}
        if raw_key is not None:
            self.headers["Authorization"] = f"Bearer {raw_key}"
        if authorization is not None:
            self.headers["Authorization"] = authorization

    def request(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        url = path if path.startswith("http") else f"{BASE}{path}"
        call = getattr(self.client, method.lower())
        if method.upper() in ("GET", "DELETE"):
            return call(url, query, headers=self.headers)
        if body is None:  # as `curl -X POST` without -d: no body, no Content-Type
            return self.client.generic(method.upper(), url, headers=self.headers)
        return call(
            url, data=json.dumps(body), content_type="application/json", headers=self.headers
        )

    def get(self, path: str, **query: Any) -> Any:
        return self.request("GET", path, **query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, body)

    def put(self, path: str, body: Any = None) -> Any:
        return self.request("PUT", path, body)


def make_key(organization: Organization, user: User | None, scopes: list[str] | None = None) -> str:
    _, raw_key = api_key_create(
        organization=organization,
        user=user,
        name="Test tool",
        scopes=list(SCOPES) if scopes is None else scopes,
    )
    return raw_key


@pytest.fixture
def acme_key(org: Organization, admin: User) -> str:
    return make_key(org, admin)


@pytest.fixture
def api(acme_key: str) -> ApiClient:
    """Acme's integration: every scope, acting for Alice, Acme's admin."""
    return ApiClient(acme_key)


@pytest.fixture
def outsider_api(other_org: Organization) -> ApiClient:
    """Globex's integration, every scope: must never reach Acme's data."""
    globex_admin = factories.UserFactory(email="gina@globex.example", full_name="Gina")
    factories.MembershipFactory(organization=other_org, user=globex_admin, role="admin")
    return ApiClient(make_key(other_org, globex_admin))


@dataclass
class World:
    """Acme's hiring, as a sync tool finds it: one job, one active application, one interview."""

    job: Job
    screen: PipelineStage
    onsite: PipelineStage
    communication: Competency
    design: Competency
    reason: Any
    application: Application
    interview: Interview
    interviewer: User


@pytest.fixture
def world(org: Organization, recruiter: User, interviewer: User) -> World:
    job = factories.JobFactory(organization=org, title="Backend Engineer", recruiter=recruiter)
    screen = factories.StageFactory(job=job, name="Screen", position=0)
    onsite = factories.StageFactory(job=job, name="Onsite", position=1)
    communication = factories.CompetencyFactory(job=job, name="Communication", position=0)
    design = factories.CompetencyFactory(job=job, name="System design", position=1)
    reason = factories.RejectionReasonFactory(organization=org, name="Skills gap")
    application = factories.ApplicationFactory(
        organization=org, job=job, stage=screen, candidate__first_name="Priya"
    )
    interview = factories.InterviewFactory(application=application, name="Technical")
    interview.interviewers.add(interviewer)
    return World(
        job=job,
        screen=screen,
        onsite=onsite,
        communication=communication,
        design=design,
        reason=reason,
        application=application,
        interview=interview,
        interviewer=interviewer,
    )


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is an error of the one API shape; its details are returned."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "fields"}
    assert error["code"] == code
    assert error["message"]
    for field in error["fields"]:
        assert set(field) == {"field", "message"}
    return error


@pytest.fixture(autouse=True)
def _private_upload_dir(settings: Any, tmp_path: Any) -> None:
    """Dumps uploaded through the API wait here, per test, not under the shared VAR_DIR."""
    settings.HEARDBACK_IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")


@pytest.fixture(autouse=True)
def _no_rate_limit(settings: Any) -> None:
    """Schemathesis alone sends ~1,700 requests with one key: only the rate-limit tests limit."""
    settings.HEARDBACK_API_RATE = "1000000/m"
