"""Shared set-up for the database benchmarks: Django on a scratch (or given) database.

By default a fresh SQLite file in a temporary folder; DATABASE_URL selects another database
(its contents are replaced by the demo organization). Import this module before Django.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time

TODAY = dt.date(2026, 11, 25)


def setup(description: str) -> argparse.Namespace:
    """Parse the common options, configure and start Django, migrate."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", choices=["small", "large"], default="large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse", action="store_true", help="Keep the demo already in DATABASE_URL."
    )
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        folder = tempfile.mkdtemp(prefix="heardback-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        os.environ.setdefault("HEARDBACK_VAR_DIR", folder)
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heardback.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return args


def demo(args: argparse.Namespace) -> object:
    """The demo organization (created unless --reuse)."""
    from heardback.accounts.models import Organization
    from heardback.demo.services import demo_create

    if args.reuse and Organization.objects.filter(slug="demo").exists():
        return Organization.objects.get(slug="demo")
    started = time.perf_counter()
    summary = demo_create(seed=args.seed, size=args.size, today=TODAY, password="benchmark")
    print(f"demo {args.size}: {summary.counts} in {time.perf_counter() - started:.1f} s")
    return summary.organization
