from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from heardback.seeker.models import JobApplication, Seeker
from tests import factories


def local(zone: str, *args: int) -> dt.datetime:
    """An aware wall-clock time in `zone`."""
    return dt.datetime(*args, tzinfo=ZoneInfo(zone))  # type: ignore[misc]


def make_seeker(email: str, zone: str = "Europe/Paris", **settings: object) -> Seeker:
    user = factories.UserFactory(email=email, full_name=email.split("@")[0].title())
    return Seeker.objects.create(user=user, time_zone=zone, **settings)


@pytest.fixture
def seeker(db: None) -> Seeker:
    return make_seeker("sam@example.com")


@pytest.fixture
def other_seeker(db: None) -> Seeker:
    return make_seeker("olga@example.com")


@pytest.fixture
def seeker_client(seeker: Seeker) -> Client:
    client = Client()
    client.force_login(seeker.user)
    return client


def application(seeker: Seeker, **fields: object) -> JobApplication:
    defaults: dict[str, object] = {"company": "Globex", "role": "Data analyst", "stage": "applied"}
    return JobApplication.objects.create(seeker=seeker, **{**defaults, **fields})
