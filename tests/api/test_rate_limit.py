"""Each key has its own allowance of requests (HEARDBACK_API_RATE); past it, a 429 that says
when to retry."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured

from heardback.accounts.models import Organization, User
from heardback.settings import envrate
from tests.api.conftest import ApiClient, assert_error, make_key

pytestmark = pytest.mark.django_db
# 15 s into a minute: the window ends in 45 s.
NOW = dt.datetime(2026, 12, 1, 9, 0, 15, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_a_key_past_its_rate_waits_and_other_keys_do_not(
    settings: Any, org: Organization, admin: User
) -> None:
    settings.HEARDBACK_API_RATE = "2/m"
    busy, other = ApiClient(make_key(org, admin)), ApiClient(make_key(org, admin))
    assert [busy.get("/jobs").status_code for _ in range(2)] == [200, 200]
    response = busy.get("/jobs")
    error = assert_error(response, 429, "rate_limited")
    assert response["Retry-After"] == "45"
    assert "45 seconds" in error["message"]
    # Every operation shares the key's allowance, whatever its scope.
    assert_error(busy.post("/candidates", {"first_name": "Lin"}), 429, "rate_limited")
    assert other.get("/jobs").status_code == 200
    with time_machine.travel(NOW + dt.timedelta(seconds=45), tick=False):
        assert busy.get("/jobs").status_code == 200


def test_a_forged_secret_does_not_use_up_the_keys_allowance(
    settings: Any, org: Organization, admin: User
) -> None:
    settings.HEARDBACK_API_RATE = "1/d"
    raw_key = make_key(org, admin)
    forged = raw_key[: raw_key.rindex("_") + 1] + "x" * 43
    assert_error(ApiClient(forged).get("/jobs"), 401, "unauthenticated")
    assert ApiClient(raw_key).get("/jobs").status_code == 200


def test_the_schema_lists_429_for_every_operation(api: ApiClient) -> None:
    schema = api.get("/openapi.json").json()
    for path in schema["paths"].values():
        for operation in path.values():
            assert "429" in operation["responses"]


@pytest.mark.parametrize(
    ("raw", "rate"), [("", "1200/m"), ("30/s", "30/s"), ("5000 / h", "5000/h")]
)
def test_the_rate_setting_reads_a_count_per_period(
    monkeypatch: pytest.MonkeyPatch, raw: str, rate: str
) -> None:
    monkeypatch.setenv("HEARDBACK_API_RATE", raw)
    assert envrate("HEARDBACK_API_RATE", "1200/m") == rate


@pytest.mark.parametrize("raw", ["1200", "0/m", "-5/m", "many/m", "1200/minute", "1200/m/2"])
def test_a_bad_rate_setting_stops_the_start(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("HEARDBACK_API_RATE", raw)
    with pytest.raises(ImproperlyConfigured, match="HEARDBACK_API_RATE"):
        envrate("HEARDBACK_API_RATE", "1200/m")
