"""Tenant isolation, generated from every URL pattern and API route (not a hand-kept list).

Organization A owns one object of every kind, all with the same id (ID). People of organization
B, in every role, and B's API keys (including one whose person was demoted since) request every
route with that id in every method. Each answer must be the answer for an id that exists
nowhere (MISSING): another organization's object is indistinguishable from no object, never
served, never changed. A route that takes no id is checked once for the same reason by the
import and portal tests; a new route with an id is covered here the day it is added.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from heardback.accounts.models import Invitation, Membership, Organization
from heardback.api.models import ApiKey
from heardback.api.services import api_key_create
from heardback.feedback.models import FeedbackNote
from heardback.integrations.models import ImportRun
from heardback.partners.models import PartnerInvitation, Partnership
from heardback.portal.models import Consent, ErasureRequest, PortalQuestion
from heardback.reroute.models import RoleInvitation
from tests import factories
from tests.tenancy import snapshot

pytestmark = pytest.mark.django_db

ID = 7_340_033
MISSING = ID - 1  # below ID: SQLite numbers new rows after the largest id, ID + 1…
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
ROLES = ["admin", "recruiter", "hiring_manager", "interviewer"]
WEB_METHODS = ["get", "post"]
API_METHODS = ["get", "post", "put"]


def routes() -> Iterator[tuple[str, list[str]]]:
    """Every route of the app (admin aside) whose path carries an id: (route, parameter names)."""

    def walk(patterns: list[Any], prefix: str = "") -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    seen = set()
    for route in walk(get_resolver().url_patterns):
        names = [m["name"] for m in PARAMETER.finditer(route)]
        ids = [
            m for m in PARAMETER.finditer(route) if m["converter"] != "str" or m["name"] != "token"
        ]
        if route.startswith("admin/") or route.startswith("^") or not ids or route in seen:
            continue
        if any(m["converter"] == "path" for m in PARAMETER.finditer(route)):
            continue
        seen.add(route)
        yield route, names


def path_for(route: str, value: int) -> str:
    def fill(match: re.Match[str]) -> str:
        if match["name"] == "action":
            return "approve"
        if match["name"] == "token":
            return "A" * 43
        return str(value)

    return "/" + PARAMETER.sub(fill, route)


def _world_of_a(a: Organization) -> None:
    """One object of every kind in A, each with id ID."""
    person = factories.UserFactory(email="ann@a.example")
    factories.MembershipFactory(organization=a, user=person, role="interviewer", pk=ID)
    job = factories.JobFactory(organization=a, pk=ID)
    competency = factories.CompetencyFactory(job=job, pk=ID)
    factories.StageFactory(job=job, pk=ID)
    reason = factories.RejectionReasonFactory(organization=a, pk=ID)
    candidate = factories.CandidateFactory(organization=a, pk=ID)
    application = factories.ApplicationFactory(
        organization=a, job=job, candidate=candidate, pk=ID, status="rejected",
        decision="reject", decided_at=timezone.now(), rejection_reason=reason,
    )  # fmt: skip
    interview = factories.InterviewFactory(application=application, pk=ID)
    interview.interviewers.add(person)
    scorecard = factories.ScorecardFactory(interview=interview, interviewer=person, pk=ID)
    factories.ScorecardRatingFactory(scorecard=scorecard, competency=competency, pk=ID)
    FeedbackNote.objects.create(
        pk=ID, organization=a, application=application, subject="S", text="T", html="<p>T</p>"
    )
    PortalQuestion.objects.create(pk=ID, organization=a, application=application, body="Q?")
    ErasureRequest.objects.create(pk=ID, organization=a, candidate=candidate)
    ImportRun.objects.create(pk=ID, organization=a, source="csv")
    Invitation.objects.create(pk=ID, organization=a, email="new@a.example", role="recruiter")
    key, _ = api_key_create(organization=a, user=None, name="A's tool", scopes=["read"])
    ApiKey.objects.filter(pk=key.pk).update(id=ID)
    # Re-routing and the partner network: A's candidate agreed to partners, A has a partner
    # (not B), invited her to another role and was invited to by its partner.
    now = timezone.now()
    other_job = factories.JobFactory(organization=a)
    RoleInvitation.objects.create(
        pk=ID, organization=a, candidate=candidate, source=application, job=other_job
    )
    consent = Consent.objects.create(
        pk=ID, organization=a, candidate=candidate, kind="partners", granted_at=now,
        expires_at=now + dt.timedelta(days=30),
    )  # fmt: skip
    partner = factories.OrganizationFactory(slug="a-partner")
    Partnership.objects.create(pk=ID, proposer=a, partner=partner, accepted_at=now)
    PartnerInvitation.objects.create(
        pk=ID, organization=partner, home=a, candidate=candidate, consent=consent, job_title="R"
    )


@pytest.fixture
def a(org: Organization) -> Organization:
    _world_of_a(org)
    return org


def _status(client: Client, method: str, path: str, **extra: Any) -> int:
    if method == "get":
        return client.get(path, **extra).status_code
    return getattr(client, method)(
        path, data="{}", content_type="application/json", **extra
    ).status_code


def test_the_matrix_covers_the_routes_that_take_an_id() -> None:
    found = {route for route, _ in routes()}
    assert "feedback/<int:pk>/" in found and "api/v1/scorecards/<scorecard_id>" in found
    # Re-routing and the partner network through the API (issue 18).
    assert {
        "api/v1/applications/<application_id>/suggestions",
        "api/v1/applications/<application_id>/suggestions/<job_id>/invite",
        "api/v1/applications/<application_id>/suggestions/<job_id>/move",
        "api/v1/partnerships/<partnership_id>/accept",
        "api/v1/partnerships/<partnership_id>/end",
        "api/v1/partner-pool/<profile_id>/invite",
    } <= found
    assert len(found) >= 40


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_people_of_another_organization_cannot_tell_as_ids_from_nothing(
    a: Organization, other_org: Organization, role: str, settings: Any
) -> None:
    # Every route answers below the portal's rate limit (tested in tests/portal): past it, a
    # lookup's answer would depend on how many came before it, not on the id.
    settings.PORTAL_LOOKUPS_PER_MINUTE = 10_000
    client = Client()
    if role != "anonymous":
        user = factories.UserFactory(email=f"{role}@b.example")
        factories.MembershipFactory(organization=other_org, user=user, role=role)
        client.force_login(user)
    before = snapshot(a)
    leaks, not_found = [], 0
    for route, _names in routes():
        if route.startswith("api/"):
            continue
        for method in WEB_METHODS:
            got = _status(client, method, path_for(route, ID))
            expected = _status(client, method, path_for(route, MISSING))
            if got != expected or got in (200, 201, 204):
                leaks.append((method.upper(), route, got, expected))
            not_found += got == 404
    assert leaks == []
    assert snapshot(a) == before
    if role in ("admin", "recruiter"):  # they may use these pages: A's ids are plain 404s
        assert not_found >= 20


@pytest.mark.parametrize("key_of", ["admin", "operator", "admin demoted to interviewer"])
def test_api_keys_of_another_organization_cannot_tell_as_ids_from_nothing(
    a: Organization, other_org: Organization, key_of: str
) -> None:
    person = None
    if key_of != "operator":
        person = factories.UserFactory(email="boss@b.example")
        factories.MembershipFactory(organization=other_org, user=person, role="admin")
    _, raw_key = api_key_create(
        organization=other_org,
        user=person,
        name="B's tool",
        scopes=["read", "write:hiring", "write:feedback", "imports"],
    )
    if key_of.endswith("interviewer"):
        Membership.objects.filter(user=person).update(role="interviewer")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"}
    before = snapshot(a)
    leaks, not_found, forbidden = [], 0, 0
    for route, _names in routes():
        if not route.startswith("api/"):
            continue
        for method in API_METHODS:
            got = _status(Client(), method, path_for(route, ID), **headers)
            expected = _status(Client(), method, path_for(route, MISSING), **headers)
            if got != expected or got in (200, 201, 202, 204):
                leaks.append((method.upper(), route, got, expected))
            not_found += got == 404
            forbidden += got == 403
    assert leaks == []
    assert snapshot(a) == before
    if key_of != "admin demoted to interviewer":
        assert not_found >= 10
    else:  # the key now acts as an interviewer: refused before any id is looked at
        assert forbidden >= 10
