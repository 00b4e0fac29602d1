"""Every endpoint: no key or a bad one is a 401, a missing scope a 403, another
organization's ids a 404, a wrong method a 405, all in the one error shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.api.scopes import SCOPES
from heardback.api.selectors import api_key_get_by_prefix
from heardback.api.services import api_key_revoke
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Scorecard
from heardback.integrations.models import ImportRun
from heardback.partners.models import Partnership
from heardback.portal.models import Consent
from tests import factories
from tests.api.conftest import ApiClient, World, assert_error, make_key

pytestmark = pytest.mark.django_db


@dataclass
class Ids:
    """Acme's objects, one of each kind an endpoint can name."""

    world: World
    scorecard: Scorecard
    note: FeedbackNote
    run: ImportRun
    partnership: Partnership
    consent: Consent


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: Callable[[Ids], str]
    scope: str
    body: Callable[[Ids], dict[str, Any]] = lambda ids: {}
    names_acme_ids: bool = True

    def call(self, client: ApiClient, ids: Ids) -> Any:
        if self.method == "POST" and self.path(ids) == "/imports":
            return client.client.post("/api/v1/imports", {"source": "csv"}, headers=client.headers)
        return client.request(self.method, self.path(ids), self.body(ids))


def _suggestion(action: str) -> Callable[[Ids], str]:
    return lambda i: f"/applications/{i.note.application_id}/suggestions/{i.world.job.pk}/{action}"


def _scorecard_body(ids: Ids) -> dict[str, Any]:
    return {"interview_id": ids.world.interview.pk, "interviewer_id": ids.world.interviewer.pk}


ENDPOINTS = {
    "job_list": Endpoint("GET", lambda i: "/jobs", "read", names_acme_ids=False),
    "job_get": Endpoint("GET", lambda i: f"/jobs/{i.world.job.pk}", "read"),
    "job_create": Endpoint(
        "POST", lambda i: "/jobs", "write:hiring",
        lambda i: {"title": "SRE", "recruiter_id": i.world.job.recruiter_id},
    ),
    "candidate_list": Endpoint("GET", lambda i: "/candidates", "read", names_acme_ids=False),
    "candidate_get": Endpoint(
        "GET", lambda i: f"/candidates/{i.world.application.candidate_id}", "read"
    ),
    "candidate_create": Endpoint(
        "POST", lambda i: "/candidates", "write:hiring", lambda i: {"first_name": "Lin"},
        names_acme_ids=False,
    ),
    "application_list": Endpoint("GET", lambda i: "/applications", "read", names_acme_ids=False),
    "application_get": Endpoint("GET", lambda i: f"/applications/{i.world.application.pk}", "read"),
    "application_create": Endpoint(
        "POST", lambda i: "/applications", "write:hiring",
        lambda i: {"candidate_id": i.world.application.candidate_id, "job_id": i.world.job.pk},
    ),
    "application_reject": Endpoint(
        "POST", lambda i: f"/applications/{i.world.application.pk}/reject", "write:hiring",
        lambda i: {"reason_id": i.world.reason.pk},
    ),
    "application_advance": Endpoint(
        "POST", lambda i: f"/applications/{i.world.application.pk}/advance", "write:hiring",
        lambda i: {"stage_id": i.world.onsite.pk},
    ),
    "rejection_reason_list": Endpoint(
        "GET", lambda i: "/rejection-reasons", "read", names_acme_ids=False
    ),
    "rejection_reason_create": Endpoint(
        "POST", lambda i: "/rejection-reasons", "write:hiring",
        lambda i: {"name": "Spam", "category": "other", "sends_note": False},
        names_acme_ids=False,
    ),
    "interview_list": Endpoint("GET", lambda i: "/interviews", "read", names_acme_ids=False),
    "interview_get": Endpoint("GET", lambda i: f"/interviews/{i.world.interview.pk}", "read"),
    "interview_create": Endpoint(
        "POST", lambda i: "/interviews", "write:hiring",
        lambda i: {"application_id": i.world.application.pk, "name": "Onsite"},
    ),
    "scorecard_list": Endpoint("GET", lambda i: "/scorecards", "read", names_acme_ids=False),
    "scorecard_get": Endpoint("GET", lambda i: f"/scorecards/{i.scorecard.pk}", "read"),
    "scorecard_create": Endpoint("POST", lambda i: "/scorecards", "write:hiring", _scorecard_body),
    "scorecard_update": Endpoint("PUT", lambda i: f"/scorecards/{i.scorecard.pk}", "write:hiring"),
    "scorecard_submit": Endpoint(
        "POST", lambda i: f"/scorecards/{i.scorecard.pk}/submit", "write:hiring"
    ),
    "feedback_note_list": Endpoint(
        "GET", lambda i: "/feedback-notes", "read", names_acme_ids=False
    ),
    "feedback_notes_approve_clean": Endpoint(
        "POST", lambda i: "/feedback-notes/approve-clean", "write:feedback",
        lambda i: {"job": i.world.job.pk},
    ),
    "feedback_note_get": Endpoint("GET", lambda i: f"/feedback-notes/{i.note.pk}", "read"),
    "feedback_note_current": Endpoint(
        "GET", lambda i: f"/applications/{i.note.application_id}/feedback-note", "read"
    ),
    "feedback_note_draft": Endpoint(
        "POST", lambda i: f"/applications/{i.note.application_id}/feedback-note",
        "write:feedback",
    ),
    "feedback_note_edit": Endpoint(
        "POST", lambda i: f"/feedback-notes/{i.note.pk}/edit", "write:feedback",
        lambda i: {"subject": "Your application", "text": "Hi Priya, thank you."},
    ),
    "feedback_note_approve": Endpoint(
        "POST", lambda i: f"/feedback-notes/{i.note.pk}/approve", "write:feedback"
    ),
    "feedback_note_send": Endpoint(
        "POST", lambda i: f"/feedback-notes/{i.note.pk}/send", "write:feedback"
    ),
    "feedback_note_cancel": Endpoint(
        "POST", lambda i: f"/feedback-notes/{i.note.pk}/cancel", "write:feedback"
    ),
    "import_list": Endpoint("GET", lambda i: "/imports", "imports", names_acme_ids=False),
    "import_get": Endpoint("GET", lambda i: f"/imports/{i.run.pk}", "imports"),
    "import_create": Endpoint("POST", lambda i: "/imports", "imports", names_acme_ids=False),
    "suggestion_list": Endpoint(
        "GET", lambda i: f"/applications/{i.note.application_id}/suggestions", "read"
    ),
    "suggestion_invite": Endpoint(
        "POST", _suggestion("invite"), "write:hiring",
    ),
    "suggestion_move": Endpoint(
        "POST", _suggestion("move"), "write:hiring",
    ),
    "partnership_list": Endpoint("GET", lambda i: "/partnerships", "read", names_acme_ids=False),
    "partnership_propose": Endpoint(
        "POST", lambda i: "/partnerships", "write:hiring", lambda i: {"slug": "initech"},
        names_acme_ids=False,
    ),
    "partnership_accept": Endpoint(
        "POST", lambda i: f"/partnerships/{i.partnership.pk}/accept", "write:hiring"
    ),
    "partnership_end": Endpoint(
        "POST", lambda i: f"/partnerships/{i.partnership.pk}/end", "write:hiring"
    ),
    "partner_pool": Endpoint("GET", lambda i: "/partner-pool", "read", names_acme_ids=False),
    "partner_pool_invite": Endpoint(
        "POST", lambda i: f"/partner-pool/{i.consent.pk}/invite", "write:hiring",
        lambda i: {"job_title": "SRE"},
    ),
}  # fmt: skip
WITH_IDS = [name for name, endpoint in ENDPOINTS.items() if endpoint.names_acme_ids]


@pytest.fixture
def ids(org: Organization, world: World, admin: User) -> Ids:
    rejected = factories.ApplicationFactory(
        organization=org, job=world.job, status="rejected", decision="reject",
        decided_at=world.application.applied_at, rejection_reason=world.reason,
    )  # fmt: skip
    note = FeedbackNote.objects.create(
        organization=org, application=rejected, subject="Your application", text="Hi", html="Hi"
    )
    scorecard = factories.ScorecardFactory(
        interview=world.interview, interviewer=world.interviewer, submitted_at=None
    )
    run = ImportRun.objects.create(organization=org, source="csv", file_names=["dump.csv"])
    # Acme has a live partner (not the outsider), and the rejected candidate agreed to partners.
    now = timezone.now()
    partnership = Partnership.objects.create(
        proposer=org, partner=factories.OrganizationFactory(slug="initech"), accepted_at=now
    )
    consent = Consent.objects.create(
        organization=org, candidate=rejected.candidate, kind="partners", granted_at=now,
        expires_at=now + dt.timedelta(days=30),
    )  # fmt: skip
    return Ids(
        world=world, scorecard=scorecard, note=note, run=run, partnership=partnership,
        consent=consent,
    )  # fmt: skip


def test_every_operation_of_the_schema_is_in_the_matrix(api: ApiClient) -> None:
    schema = api.get("/openapi.json").json()
    operations = {
        operation["operationId"] for path in schema["paths"].values() for operation in path.values()
    }
    assert operations == set(ENDPOINTS)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_anonymous_gets_401(name: str, ids: Ids) -> None:
    response = ENDPOINTS[name].call(ApiClient(), ids)
    assert_error(response, 401, "unauthenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer hb_0123abcd_not-the-secret",  # well formed, unknown
        "Bearer hb_nothex!!_secret",
        "Bearer ",
        "Token hb_0123abcd_secret",
        "hb_0123abcd_secret",
    ],
)
def test_wrong_or_malformed_key_gets_401(
    name: str, authorization: str, ids: Ids, acme_key: str
) -> None:
    response = ENDPOINTS[name].call(ApiClient(authorization=authorization), ids)
    assert_error(response, 401, "unauthenticated")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_right_prefix_with_the_wrong_secret_gets_401(name: str, ids: Ids, acme_key: str) -> None:
    forged = acme_key[: acme_key.rindex("_") + 1] + "x" * 43
    assert_error(ENDPOINTS[name].call(ApiClient(forged), ids), 401, "unauthenticated")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_revoked_key_gets_401(name: str, ids: Ids, org: Organization, admin: User) -> None:
    raw_key = make_key(org, admin)
    api_key = api_key_get_by_prefix(organization=org, prefix=raw_key.split("_")[1])
    assert api_key is not None
    api_key_revoke(api_key=api_key, user=admin)
    assert_error(ENDPOINTS[name].call(ApiClient(raw_key), ids), 401, "unauthenticated")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_key_without_the_scope_gets_403(
    name: str, ids: Ids, org: Organization, admin: User
) -> None:
    endpoint = ENDPOINTS[name]
    other_scopes = [scope for scope in SCOPES if scope != endpoint.scope]
    response = endpoint.call(ApiClient(make_key(org, admin, other_scopes)), ids)
    error = assert_error(response, 403, "forbidden")
    assert endpoint.scope in error["message"]


@pytest.mark.parametrize("name", WITH_IDS)
def test_outsider_naming_acme_ids_gets_404(name: str, ids: Ids, outsider_api: ApiClient) -> None:
    before = _acme_state(ids)
    assert_error(ENDPOINTS[name].call(outsider_api, ids), 404, "not_found")
    assert _acme_state(ids) == before


def _acme_state(ids: Ids) -> tuple[Any, ...]:
    application, scorecard, note = ids.world.application, ids.scorecard, ids.note
    application.refresh_from_db()
    scorecard.refresh_from_db()
    note.refresh_from_db()
    return (
        application.status, application.stage_id, scorecard.submitted_at, note.status,
        Scorecard.objects.count(), FeedbackNote.objects.count(),
    )  # fmt: skip


@pytest.mark.parametrize(
    "path", ["/jobs", "/candidates", "/applications", "/interviews", "/scorecards",
             "/feedback-notes", "/rejection-reasons", "/imports", "/partnerships"],
)  # fmt: skip
def test_outsider_lists_none_of_acme(path: str, ids: Ids, outsider_api: ApiClient) -> None:
    response = outsider_api.get(path)
    assert response.status_code == 200
    assert response.json() == {"items": [], "next": None}


@pytest.mark.parametrize(
    ("method", "path"),
    [("DELETE", "/jobs"), ("PUT", "/candidates"), ("DELETE", "/applications/1"),
     ("GET", "/applications/1/reject"), ("PATCH", "/scorecards/1")],
)  # fmt: skip
def test_wrong_method_gets_405(method: str, path: str, api: ApiClient) -> None:
    response = getattr(api.client, method.lower())(f"/api/v1{path}", headers=api.headers)
    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"]


def test_unknown_path_gets_404_in_the_same_shape(api: ApiClient) -> None:
    assert_error(api.get("/jobs/1/nothing-here"), 404, "not_found")
