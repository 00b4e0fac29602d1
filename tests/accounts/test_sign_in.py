"""Sign-in: wrong passwords are throttled per account and per address, across processes."""

from __future__ import annotations

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from heardback.accounts.models import User


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()


def _sign_in(email: str, password: str, address: str = "203.0.113.5") -> int:
    response = Client(REMOTE_ADDR=address).post(
        "/login/", {"username": email, "password": password}
    )
    return response.status_code


def test_after_ten_wrong_passwords_even_the_right_one_waits(recruiter: User) -> None:
    recruiter.set_password("the right long password")
    recruiter.save()
    with time_machine.travel("2026-12-07 10:00:00+00:00", tick=False) as traveller:
        for _ in range(10):
            assert _sign_in(recruiter.email, "a wrong guess") == 200
        page = Client(REMOTE_ADDR="198.51.100.9").post(
            "/login/", {"username": recruiter.email, "password": "the right long password"}
        )
        assert page.status_code == 200
        assert "Too many wrong passwords" in page.content.decode()
        traveller.shift(15 * 60)
        assert _sign_in(recruiter.email, "the right long password") == 302


def test_one_address_guessing_many_accounts_is_stopped(recruiter: User, admin: User) -> None:
    with time_machine.travel("2026-12-07 10:00:00+00:00", tick=False):
        for n in range(50):
            _sign_in(f"nobody{n}@acme.example", "guess")
        admin.set_password("the right long password")
        admin.save()
        assert _sign_in(admin.email, "the right long password") == 200
        assert _sign_in(admin.email, "the right long password", address="192.0.2.1") == 302


def test_the_default_cache_is_the_database_shared_by_every_process(
    settings: object, recruiter: User
) -> None:
    """Unset CACHE_URL: the counts live in the migrated table every web process reads."""
    from heardback.settings import cache_settings

    # Django's setting_changed signal rebuilds the cache handlers from this.
    settings.CACHES = {"default": cache_settings("")}  # type: ignore[attr-defined]
    with time_machine.travel("2026-12-07 10:00:00+00:00", tick=False):
        for _ in range(10):
            _sign_in(recruiter.email, "a wrong guess")
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM heardback_cache")
            (rows,) = cursor.fetchone()
        assert rows >= 2
        assert _sign_in(recruiter.email, "correct horse battery staple") == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/login/", "/me/login/"])
def test_the_email_field_is_an_email_input_for_phones(path: str) -> None:
    # A second type attribute ("text", then "email") leaves browsers with the first: no email
    # keyboard on a phone, no address check.
    html = Client().get(path).content.decode()
    field = next(tag for tag in html.split("<input") if 'name="username"' in tag)
    assert field.count("type=") == 1
    assert 'type="email"' in field
