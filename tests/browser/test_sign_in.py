from __future__ import annotations

import datetime as dt

import pytest

from heardback.core.demo import demo_create
from tests.browser.chromium import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_recruiter_signs_in_and_sees_the_demo_jobs(live_server: object, page: object) -> None:
    demo_create(seed=1, size="small", today=dt.date(2026, 11, 25), password="demo-pass-1")

    page.goto(f"{live_server.url}/")  # type: ignore[attr-defined]
    assert page.title().startswith("Sign in")  # type: ignore[attr-defined]
    page.get_by_label("Email").fill("recruiter@demo.example")  # type: ignore[attr-defined]
    page.get_by_label("Password").fill("demo-pass-1")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]

    page.wait_for_url("**/jobs/")  # type: ignore[attr-defined]
    assert page.get_by_role("heading", name="Senior Backend Engineer (Payments)").is_visible()  # type: ignore[attr-defined]
    assert page.locator(".job").count() >= 5  # type: ignore[attr-defined]
    screenshot(page, "jobs")


def test_wrong_password_shows_an_error(live_server: object, page: object) -> None:
    demo_create(seed=1, size="small", today=dt.date(2026, 11, 25), password="demo-pass-1")
    page.goto(f"{live_server.url}/login/")  # type: ignore[attr-defined]
    page.get_by_label("Email").fill("recruiter@demo.example")  # type: ignore[attr-defined]
    page.get_by_label("Password").fill("wrong")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    assert page.get_by_role("alert").is_visible()  # type: ignore[attr-defined]
