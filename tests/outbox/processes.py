"""Several real processes on one real database: scratch databases and the scenario steps.

pytest-django's SQLite test database lives in memory, invisible to other processes, so the
multi-process tests run every step in subprocesses against a scratch database: a SQLite file
in tmp_path, or a fresh PostgreSQL database when DATABASE_URL points at PostgreSQL.

Run as a module for one step (the environment chooses the database):
    python -m tests.outbox.processes seed --notes 1000
    python -m tests.outbox.processes claim --barrier /tmp/barrier --limit 5
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
HEARDBACK = str(Path(sys.executable).parent / "heardback")


@contextmanager
def scratch_database(tmp_path: Path) -> Iterator[str]:
    """A DATABASE_URL for an empty database that other processes can share."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    name = f"heardback_scratch_{uuid.uuid4().hex[:12]}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def process_env(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HEARDBACK_VAR_DIR": str(var_dir),
        "SECRET_KEY": "multi-process-test-only",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        # Compiled modules cached outside the source tree: the first process (migrate) pays
        # for compiling, the workers started and killed afterwards start in a fraction of it.
        "PYTHONPYCACHEPREFIX": str(var_dir / "pycache"),
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def heardback(*args: str, env: dict[str, str], timeout: float = 120) -> str:
    """Run a heardback command to completion; its stdout."""
    result = subprocess.run(
        [HEARDBACK, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def step(*args: str, env: dict[str, str], timeout: float = 120) -> Any:
    """Run one step of this module in a fresh process; its JSON output."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.outbox.processes", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def query(database_url: str, sql: str) -> list[tuple[Any, ...]]:
    """Read the scratch database from the test process, without Django."""
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=20) as db:
            return db.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as db:
        return db.execute(sql).fetchall()  # type: ignore[arg-type]


# --- Steps, run inside a subprocess -----------------------------------------------------------


def _seed(notes: int) -> dict[str, Any]:
    """An organization with `notes` approved notes, queued for delivery now."""
    from heardback.accounts.models import Organization, User
    from heardback.feedback.models import FeedbackNote
    from heardback.feedback.sending import feedback_notes_queue
    from heardback.hiring.models import Application, Candidate, Job

    org = Organization.objects.create(
        slug="acme", name="Acme", sender_name="Acme Talent", sender_email="jobs@acme.example"
    )
    recruiter = User.objects.create_user("rita@acme.example", None, full_name="Rita")
    job = Job.objects.create(organization=org, title="Backend Engineer", recruiter=recruiter)
    candidates = Candidate.objects.bulk_create(
        Candidate(organization=org, first_name="Zoë", last_name=f"Nguyễn {i}",
                  email=f"candidate{i}@mail.example")
        for i in range(notes)
    )  # fmt: skip
    applications = Application.objects.bulk_create(
        Application(organization=org, candidate=c, job=job, status="rejected", decision="reject",
                    decided_at=c.created_at)
        for c in candidates
    )  # fmt: skip
    FeedbackNote.objects.bulk_create(
        FeedbackNote(organization=org, application=a, subject="Your application",
                     text="Thank you for your time.\n\nÉloïse", html="<p>Thank you.</p>",
                     status="approved")
        for a in applications
    )  # fmt: skip
    return {"queued": feedback_notes_queue(actor=None, organization=org)}


def _claim(barrier: Path, limit: int) -> list[int]:
    """Say ready, wait for the go, then claim batches until nothing is left."""
    from django.db import connection

    from heardback.outbox.services import outbound_emails_claim

    connection.ensure_connection()
    (barrier / f"ready-{os.getpid()}").touch()
    while not (barrier / "go").exists():
        time.sleep(0.005)
    claimed: list[int] = []
    while batch := outbound_emails_claim(worker=f"claimer-{os.getpid()}", limit=limit):
        claimed += [email.pk for email in batch]
    return claimed


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="step", required=True)
    seed = sub.add_parser("seed")
    seed.add_argument("--notes", type=int, required=True)
    claim = sub.add_parser("claim")
    claim.add_argument("--barrier", type=Path, required=True)
    claim.add_argument("--limit", type=int, default=5)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heardback.settings")
    import django

    django.setup()
    result: Any = _seed(args.notes) if args.step == "seed" else _claim(args.barrier, args.limit)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
