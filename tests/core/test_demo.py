from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from heardback.core.demo import demo_create
from heardback.hiring.models import Application, Candidate, Job, RejectionReason, Scorecard

TODAY = dt.date(2026, 11, 25)


def _snapshot() -> list[tuple[object, ...]]:
    """Everything a user would see of the demo, without database ids."""
    rows = []
    applications = Application.objects.select_related(
        "candidate", "job", "stage", "rejection_reason"
    ).prefetch_related("interviews__interviewers", "scorecards__ratings__competency")
    for a in applications.order_by("candidate__email"):
        rows.append(
            (
                a.candidate.full_name, a.candidate.email, a.candidate.language, a.job.title,
                a.stage.name if a.stage else "", a.status, a.decided_at,
                a.rejection_reason.name if a.rejection_reason else "",
                tuple((i.name, i.scheduled_at, tuple(sorted(u.email for u in i.interviewers.all())))
                      for i in a.interviews.all()),
                tuple(sorted((s.interviewer_id and s.overall_recommendation, s.submitted_at,
                              tuple(sorted((r.competency.name, r.rating, r.evidence)
                                           for r in s.ratings.all())))
                             for s in a.scorecards.all())),
            )
        )  # fmt: skip
    return rows


@pytest.mark.django_db
def test_same_seed_gives_the_same_demo() -> None:
    demo_create(seed=7, size="small", today=TODAY, password="demo-pass-1")
    first = _snapshot()
    demo_create(seed=7, size="small", today=TODAY, password="demo-pass-1")
    assert _snapshot() == first


@pytest.mark.django_db
def test_another_seed_gives_other_candidates() -> None:
    demo_create(seed=1, size="small", today=TODAY, password="demo-pass-1")
    first = set(Candidate.objects.values_list("email", flat=True))
    demo_create(seed=2, size="small", today=TODAY, password="demo-pass-1")
    assert set(Candidate.objects.values_list("email", flat=True)) != first


@pytest.mark.django_db
def test_demo_covers_what_a_recruiter_needs_to_try_the_product() -> None:
    summary = demo_create(seed=1, size="small", today=TODAY, password="demo-pass-1")
    org = summary.organization
    assert org.slug == "demo"
    jobs = Job.objects.filter(organization=org)
    assert jobs.count() >= 5
    for job in jobs:
        assert 4 <= job.competencies.count() <= 7
        assert all(c.tips and len(c.descriptors) == 5 for c in job.competencies.all())
    stages_reached = set(Application.objects.values_list("stage__kind", flat=True))
    assert {"application_review", "screen", "interview", "offer"} <= stages_reached
    assert set(Application.objects.values_list("status", flat=True)) == {
        "active", "rejected", "withdrawn", "hired"
    }  # fmt: skip
    assert set(RejectionReason.objects.values_list("category", flat=True)) == set(
        RejectionReason.Category.values
    )
    assert set(Candidate.objects.values_list("language", flat=True)) == {"en", "fr"}
    assert Scorecard.objects.filter(submitted_at__isnull=True).exists(), "late scorecards"
    assert Scorecard.objects.filter(submitted_at__isnull=False).count() > 200
    emails = set(org.memberships.values_list("user__email", flat=True))
    assert {"admin@demo.example", "recruiter@demo.example", "interviewer@demo.example"} <= emails


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_heardback_demo_boots_and_answers_http(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "HEARDBACK_VAR_DIR": str(tmp_path),
        "HEARDBACK_DEMO_PASSWORD": "demo-pass-1",
        "PORT": str(port),
    }
    env.pop("SECRET_KEY", None)  # the demo must start with nothing configured
    process = subprocess.Popen(
        [sys.executable, "-m", "heardback.cli", "demo", "--no-drafts"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        body = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "Sign in" in body
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        output, _ = process.communicate(timeout=30)
    assert "recruiter@demo.example" in output
    assert "demo-pass-1" in output
    assert process.returncode == 0, output
