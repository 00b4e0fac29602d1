"""Personas, like healthchecks' alice/bob/charlie: one organization and an outsider's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from heardback.accounts.models import Organization, User
from tests import factories
from tests.browser.chromium import browser, page  # noqa: F401  (pytest fixtures, registered once)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    """PBKDF2 is slow on purpose; tests create many users and never need that strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    """A request through LocaleMiddleware leaves its language active in the thread: a French
    page must not turn the next test's command output French."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_rate_limit_counts_left_behind(django_db_blocker: Any) -> None:
    """The sign-in, portal and API counts live in the cache: per process in the tests
    (CACHE_URL=locmem://, pyproject.toml), so it outlives each test and its rollback. Without
    this, one test's portal lookups count against the next one's within the minute and turn a
    page into "too many requests", depending on which tests a worker ran before."""
    with django_db_blocker.unblock():
        cache.clear()


@pytest.fixture
def org(db: None) -> Organization:
    return factories.OrganizationFactory(slug="acme", name="Acme")


@pytest.fixture
def other_org(db: None) -> Organization:
    return factories.OrganizationFactory(slug="globex", name="Globex")


def _member(org: Organization, role: str, email: str) -> User:
    user = factories.UserFactory(email=email, full_name=email.split("@")[0].title())
    factories.MembershipFactory(organization=org, user=user, role=role)
    return user


@pytest.fixture
def admin(org: Organization) -> User:
    return _member(org, "admin", "alice@acme.example")


@pytest.fixture
def recruiter(org: Organization) -> User:
    return _member(org, "recruiter", "rita@acme.example")


@pytest.fixture
def interviewer(org: Organization) -> User:
    return _member(org, "interviewer", "ivan@acme.example")


@pytest.fixture
def outsider(other_org: Organization) -> User:
    """A recruiter of another organization: must never see Acme's data."""
    return _member(other_org, "recruiter", "oscar@globex.example")


@pytest.fixture
def recruiter_client(recruiter: User) -> Client:
    client = Client()
    client.force_login(recruiter)
    return client


@pytest.fixture
def outsider_client(outsider: User) -> Client:
    client = Client()
    client.force_login(outsider)
    return client
