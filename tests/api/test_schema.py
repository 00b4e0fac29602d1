"""Schemathesis over the whole OpenAPI schema: whatever a client sends, never a server error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

from heardback.accounts.models import Organization, User
from heardback.hiring.services import application_reject
from heardback.wsgi import application as wsgi_app
from tests import factories
from tests.api.conftest import World, make_key

# Schemathesis' coverage phase (boundary and invalid values for every parameter) plus a few
# random examples an operation: ~1,700 requests, about 30 s of CPU on either database.
# Deterministic and without an example database on disk, so every run sends the same requests.
CONFIG = {
    "generation": {"max-examples": 8, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},
}


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    # Like Django's test client: the real WSGI handler would close the test's connection (and
    # its transaction) after every request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json", wsgi_app, config=SchemathesisConfig.from_dict(CONFIG)
        )
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def auth_headers(org: Organization, admin: User, world: World) -> dict[str, str]:
    """A key with every scope, on an organization with something behind each kind of id."""
    application_reject(actor=admin, application=world.application, reason=world.reason)
    scorecard = factories.ScorecardFactory(
        interview=world.interview, interviewer=world.interviewer, submitted_at=None
    )
    factories.ScorecardRatingFactory(scorecard=scorecard, competency=world.design)
    return {"Authorization": f"Bearer {make_key(org, admin)}"}


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_no_request_gets_a_server_error(case: Any, auth_headers: dict[str, str]) -> None:
    case.call_and_validate(headers=auth_headers, checks=[not_a_server_error])
