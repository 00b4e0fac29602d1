from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heardback.closure.services import closure_sweep
from heardback.demo.services import demo_create
from heardback.outbox.models import OutboundEmail
from tests.browser.chromium import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POSITIVE = re.compile(r"^[1-9][0-9]*$")  # a count above zero


def test_demo_recruiter_opens_the_closure_dashboard_and_sends_a_holding_update(
    live_server: object, page: object
) -> None:
    demo_create(seed=1, size="small", today=timezone.localdate(), password="demo-pass-1")
    closure_sweep()
    p: Any = page

    base = live_server.url  # type: ignore[attr-defined]
    p.goto(f"{base}/login/")
    p.get_by_label("Email").fill("recruiter@demo.example")
    p.get_by_label("Password").fill("demo-pass-1")
    p.get_by_role("button", name="Sign in").click()
    # No draft waits for review in the demo, candidates wait to hear back: the closure page.
    p.wait_for_url("**/closure/")

    expect(p.get_by_role("heading", name="Closure", exact=True)).to_be_visible()
    expect(p.locator('[data-kpi="waiting"]')).to_have_text(POSITIVE)
    for state in ("awaiting_scorecards", "awaiting_decision", "awaiting_feedback_approval"):
        expect(p.locator(f'[data-state="{state}"] .count')).to_have_text(POSITIVE)
    for chart in ("states", "ages", "weeks"):
        svg = p.locator(f'svg[data-chart="{chart}"]')
        expect(svg).to_be_visible()
        assert svg.bounding_box()["height"] > 40
    expect(p.locator('svg[data-chart="states"] rect.chart-late')).to_have_count(4)
    expect(p.locator("table.closure-waiting tbody tr").nth(10)).to_be_attached()  # > 10 rows
    screenshot(p, "closure")

    p.get_by_role("link", name="Owed a holding update").click()
    p.wait_for_url("**/closure/?show=holding")
    p.get_by_role("button", name="Send holding update").first.click()
    # The message is on the page the POST redirects to: the server has sent the update by then.
    expect(p.get_by_role("status").get_by_text("Update sent to")).to_be_visible()
    assert OutboundEmail.objects.filter(kind="holding_update").count() == 1
