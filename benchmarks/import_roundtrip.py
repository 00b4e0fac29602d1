"""Time `export greenhouse` and `import greenhouse` on the large demo (10,000+ applications).

    .venv/bin/python benchmarks/import_roundtrip.py [--size large] [--seed 1] [--repeat 2]

Builds the demo in a throwaway SQLite database (configured before Django starts), exports it as
a Greenhouse v1 dump, imports the dump into a new organization, then imports it again (the
idempotent path: everything unchanged) and once more as a dry run. `--repeat 2` imports two
copies of the candidates and their scorecards, to measure past the demo's size. Prints the
figures published in docs/benchmarks.md. The target: 10,000 applications and 30,000
scorecards in 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _configure(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["HEARDBACK_VAR_DIR"] = str(workdir)
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "heardback.settings"
    import django

    django.setup()


def _timed(label: str, results: dict[str, float], action: Callable[[], T]) -> T:
    started = time.perf_counter()
    value = action()
    results[label] = time.perf_counter() - started
    print(f"{label:<28} {results[label]:7.1f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large", choices=["small", "large"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="Import N copies of the candidates, applications and scorecards (shared jobs and "
        "interviewers), to measure past the demo's size.",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="heardback-bench-") as tmp:
        workdir = Path(tmp)
        _configure(workdir)
        run(workdir, args.size, args.seed, args.repeat)


def _repeat(dump: Path, copies: int) -> None:
    """Append copies 2..N of every candidate, application, interview and scorecard."""
    rewrites = {
        "candidates.json": ("id",),
        "applications.json": ("id", "candidate_id"),
        "scheduled_interviews.json": ("id", "application_id"),
        "scorecards.json": ("id", "application_id", "candidate_id"),
    }
    for name, keys in rewrites.items():
        rows = json.loads((dump / name).read_text())
        out = list(rows)
        for copy in range(2, copies + 1):
            for row in rows:
                twin = {**row, **{k: f"{copy}-{row[k]}" for k in keys}}
                if name == "candidates.json":
                    twin["application_ids"] = [f"{copy}-{i}" for i in row["application_ids"]]
                if name == "scheduled_interviews.json":
                    twin["interviewers"] = [
                        {**p, "scorecard_id": p["scorecard_id"] and f"{copy}-{p['scorecard_id']}"}
                        for p in row["interviewers"]
                    ]
                out.append(twin)
        (dump / name).write_text(json.dumps(out, ensure_ascii=False))


def run(workdir: Path, size: str, seed: int, repeat: int = 1) -> None:
    from django.core.management import call_command

    from heardback.accounts.models import Organization
    from heardback.demo.services import demo_create
    from heardback.hiring.models import Application, Scorecard, ScorecardRating
    from heardback.integrations.exporters import export_greenhouse
    from heardback.integrations.importers import import_greenhouse

    call_command("migrate", interactive=False, verbosity=0)
    results: dict[str, float] = {}
    today = dt.date(2026, 11, 25)
    summary = _timed(
        "demo_create",
        results,
        lambda: demo_create(seed=seed, size=size, today=today, password="bench-pass-1"),
    )
    demo = summary.organization
    dump = workdir / "dump"
    _timed("export greenhouse", results, lambda: export_greenhouse(demo, dump))
    if repeat > 1:
        _repeat(dump, repeat)
    copy = Organization.objects.create(slug="copy", name="Copy")
    runs = {
        "import (new organization)": False,
        "import again (unchanged)": False,
        "import --dry-run": True,
    }
    reports = {
        label: _timed(
            label, results, partial(import_greenhouse, dump, organization=copy, dry_run=dry)
        )
        for label, dry in runs.items()
    }
    for report in reports.values():
        assert report.ok, report.errors

    submitted = Scorecard.objects.filter(submitted_at__isnull=False)
    counts = {
        "applications": Application.objects.filter(organization=copy).count(),
        "scorecards": submitted.filter(organization=copy).count(),
        "ratings": ScorecardRating.objects.filter(scorecard__organization=copy).count(),
    }
    source = {
        "applications": Application.objects.filter(organization=demo).count(),
        "scorecards": submitted.filter(organization=demo).count(),
        "ratings": ScorecardRating.objects.filter(
            scorecard__organization=demo, scorecard__submitted_at__isnull=False
        ).count(),
    }
    assert counts == {k: v * repeat for k, v in source.items()}, (counts, source)
    size_mb = sum(f.stat().st_size for f in dump.iterdir()) / 1_048_576
    print()
    print(
        f"imported {counts['applications']:,} applications, {counts['scorecards']:,} scorecards, "
        f"{counts['ratings']:,} ratings ({size_mb:.1f} MB of JSON); the copy matches the demo"
    )
    unchanged = sum(row[3] for row in reports["import again (unchanged)"].summary_rows())
    print(f"second import: {unchanged:,} objects unchanged, 0 created, 0 updated")
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs"
    print(f"python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {machine}")
    if size == "large" and results["import (new organization)"] > 60:
        sys.exit("import took longer than the 60 s target")


if __name__ == "__main__":
    main()
