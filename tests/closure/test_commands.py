"""`heardback closure report|sweep|policy`, and the demo organization's real numbers."""

from __future__ import annotations

import datetime as dt
import json
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from heardback.accounts.models import User
from heardback.closure.models import ClosurePolicy
from heardback.closure.selectors import closure_report
from heardback.closure.services import closure_sweep
from heardback.demo.services import demo_create
from tests.closure.conftest import MakeApplication, Team, paris

pytestmark = pytest.mark.django_db


def closure(*args: str) -> str:
    out = StringIO()
    call_command("closure", *args, stdout=out)
    return out.getvalue()


def test_sweep_prints_what_it_did(team: Team, make_application: MakeApplication) -> None:
    make_application(paris(2026, 3, 2, 10))
    with time_machine.travel(paris(2026, 3, 4, 9), tick=False):
        output = closure("sweep")
        again = closure("sweep")
    assert "Clocks: 1 created, 0 updated. Reminders: 1 in 1 digest(s)." in output
    assert "Clocks: 0 created, 0 updated. Reminders: 0 in 0 digest(s)." in again


def test_report_prints_the_dashboards_figures_as_json(
    team: Team, make_application: MakeApplication
) -> None:
    make_application(paris(2026, 3, 2, 10), first_name="Late")
    make_application(paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 11)})
    with time_machine.travel(paris(2026, 3, 10, 9), tick=False):
        closure_sweep()
        data = json.loads(closure("report", "--org", "acme", "--json"))
        expected = closure_report(organization=team.org)

    assert data["organization"] == "acme"
    assert data["waiting"] == expected.waiting == 2
    assert data["overdue"] == 2
    assert {s["state"]: s["count"] for s in data["states"]}["awaiting_decision"] == 1
    assert data["closure_rate_30"] == {"days": 30, "in_time": 0, "owed": 0, "rate": None}
    assert data["overdue_by_interviewer"][0]["name"] == "Ivan"
    assert data["holding_updates_due"] == 1  # the other's decision is due at 10:00
    assert data["clocks_updated_at"] == "2026-03-10T08:00:00Z"


def test_report_without_json_is_a_readable_table(
    team: Team, make_application: MakeApplication
) -> None:
    make_application(paris(2026, 3, 2, 10))
    with time_machine.travel(paris(2026, 3, 10, 9), tick=False):
        table = closure("report", "--org", "acme", "--refresh")
    assert "Closure report: Acme (acme), Europe/Paris" in table
    assert re.search(r"\n  Awaiting scorecards +1   overdue 1\n", table)
    assert re.search(r"\nFeedback in time, 30 days +— \(none due\)\n", table)
    assert re.search(r"Overdue scorecards per interviewer:\n  Ivan +1\n", table)


def test_report_refuses_an_unknown_organization(team: Team) -> None:
    with pytest.raises(CommandError, match="No organization with slug 'nope'"):
        closure("report", "--org", "nope")


def test_policy_shows_and_changes_holidays_and_holding_updates(team: Team) -> None:
    assert "holding updates manual (at most 2)" in closure("policy", "--org", "acme")
    output = closure(
        "policy",
        "--org",
        "acme",
        "--holidays",
        "2026-12-25,2026-12-24",
        "--holding-updates",
        "auto",
        "--max-holding-updates",
        "3",
    )
    assert "holidays: 2026-12-24, 2026-12-25" in output
    policy = ClosurePolicy.objects.get(organization=team.org)
    assert (policy.holding_updates, policy.max_holding_updates) == ("auto", 3)
    with pytest.raises(CommandError, match="'Christmas' is not a date"):
        closure("policy", "--org", "acme", "--holidays", "Christmas")
    with pytest.raises(CommandError):
        closure("policy", "--org", "acme", "--max-holding-updates", "99")
    assert ClosurePolicy.objects.get(organization=team.org).max_holding_updates == 3


DEMO_TODAY = dt.date(2026, 11, 25)
DEMO_NOW = dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)  # Wednesday, 10:00 in Paris


def test_on_the_demo_organization_the_dashboard_and_the_report_agree_on_real_numbers() -> None:
    demo = demo_create(seed=1, size="small", today=DEMO_TODAY, password="demo-pass-1")
    with time_machine.travel(DEMO_NOW, tick=False):
        summary = closure_sweep()
        data = json.loads(closure("report", "--org", "demo", "--json"))
        client = Client()
        client.force_login(User.objects.get(email="recruiter@demo.example"))
        page = client.get("/closure/").content.decode()

    assert summary.clocks_created == demo.counts["applications"]
    assert summary.digests > 0 and summary.reminders > 0
    assert data["waiting"] > 50 and data["overdue"] > 0
    for figure in data["states"]:
        if figure["state"] in ("awaiting_scorecards", "awaiting_decision"):
            assert figure["count"] > 0
    assert data["overdue_by_recruiter"][0]["email"] == "recruiter@demo.example"
    assert f'<span class="kpi-value" data-kpi="waiting">{data["waiting"]}</span>' in page
    assert f'<span class="kpi-value" data-kpi="overdue">{data["overdue"]}</span>' in page
