"""Page latency under concurrent load: the pages a recruiter opens daily vs a bare view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heardback_bench \\
        .venv/bin/python benchmarks/pages.py [--reuse] [--clients 8] [--rounds 5]

Builds the large demo organization in DATABASE_URL (or reuses it with --reuse) and drafts its
feedback notes, starts the production server (`heardback serve`: gunicorn, its default two
workers of four threads) on loopback, signs in as the demo recruiter, then sends requests from
`--clients` threads, each on its own keep-alive connection, to these pages in turn:

- the pipeline of the demo's biggest job (`/jobs/<pk>/`, active candidates by stage),
- the feedback review queue (`/feedback/`, first page of every current note),
- one note of that job (`/feedback/<pk>/`, the note with its sources and versions),
- the sent log (`/feedback/sent/`, first page, newest first),
- the closure dashboard (`/closure/`),
- `/healthz`, a bare Django view through the same middleware, server and session cookie.

Before measuring, the notes of one job are approved and queued as a recruiter would, so the
sent log has rows to show (the demo sends none).

Each round runs every page for `--requests` requests per client after a warm-up, so a change
in the machine's load touches all three alike. Prints p50/p95 per page, their ratio to the bare
view, and the CPU time each request cost the server and PostgreSQL (read from /proc, so it
holds whatever else the machine runs). Target (issues #7, #17): p95 <= 200 ms for every page;
exits 1 if a page misses it. The demo organization (slug "demo") in DATABASE_URL is replaced.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import _demo_db

TARGET_P95_MS = 200.0
PASSWORD = "benchmark"  # _demo_db.demo()


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=["small", "large"], default="large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="Keep the demo in DATABASE_URL.")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent client threads.")
    parser.add_argument("--requests", type=int, default=25, help="Per client, page and round.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")
    return parser.parse_args()


def django_setup() -> None:
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL (PostgreSQL: the target is for the large demo on it).")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heardback.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def prepare(args: argparse.Namespace) -> tuple[int, int, dict[str, int]]:
    """The demo with its notes drafted and one job's queued; the biggest job's pk, one of its
    notes' pk and what the pages will show."""
    from django.db import connection
    from django.db.models import Count, Q

    from heardback.feedback.models import FeedbackNote
    from heardback.feedback.services import feedback_notes_draft_bulk
    from heardback.hiring.models import Job

    organization = _demo_db.demo(args)
    started = time.perf_counter()
    drafted = feedback_notes_draft_bulk(actor=None, organization=organization).drafted
    if drafted:
        print(f"drafted {drafted:,} notes in {time.perf_counter() - started:.1f} s")
    job = (
        Job.objects.filter(organization=organization)
        .annotate(
            total=Count("applications"),
            active=Count("applications", filter=Q(applications__status="active")),
        )
        .order_by("-active", "-total")
        .first()
    )
    assert job is not None
    note = _queue_one_job(organization, job)
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of the bulk load: fresh planner statistics
        # (without them the 10,000-row joins are planned as if they held 40 rows) and the
        # visibility map that lets the queue's counts come from their index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    current = FeedbackNote.objects.filter(organization=organization, is_current=True)
    shown = {
        "applications": job.total,  # type: ignore[attr-defined]
        "active": job.active,  # type: ignore[attr-defined]
        "notes": current.count(),
        "in sent log": current.filter(status__in=["queued", "sent", "failed"]).count(),
    }
    return job.pk, note, shown


def _queue_one_job(organization, job) -> int:  # type: ignore[no-untyped-def]
    """Approve the job's clean drafts and queue them (once): the sent log's rows. Returns the
    pk of one of the job's current notes, for the note page."""
    from heardback.accounts.models import User
    from heardback.feedback.models import FeedbackNote
    from heardback.feedback.sending import feedback_notes_queue
    from heardback.feedback.services import feedback_notes_approve_clean

    notes = FeedbackNote.objects.filter(organization=organization, is_current=True)
    if not notes.filter(status__in=["queued", "sent", "failed"]).exists():
        recruiter = User.objects.get(email="recruiter@demo.example")
        feedback_notes_approve_clean(actor=recruiter, organization=organization, job=job)
        queued = feedback_notes_queue(actor=recruiter, organization=organization, job=job, at=None)
        print(f"queued {queued:,} notes of {job.title} for the sent log")
    note = notes.filter(application__job=job).order_by("-id").first()
    assert note is not None
    return note.pk


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(port: int, workers: int) -> subprocess.Popen[bytes]:
    heardback = Path(sys.executable).with_name("heardback")
    env = {**os.environ, "DEBUG": "", "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [heardback, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,  # gunicorn's access log: one line per request
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("The server did not answer /healthz within 30 s.")


def sign_in(port: int) -> str:
    """The Cookie header of a signed-in demo recruiter, through the real login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"http://127.0.0.1:{port}/login/"
    page = opener.open(login).read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, "no CSRF token on the login page"
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": match.group(1),
            "username": "recruiter@demo.example",
            "password": PASSWORD,
        }
    ).encode()
    request = urllib.request.Request(login, data=form, headers={"Referer": login})
    with opener.open(request) as reply:
        # The demo's drafts wait for review: a recruiter lands on the queue (or, once they are
        # all dealt with, on the closure page).
        if "/login/" in reply.url:
            sys.exit(f"Sign-in failed (ended on {reply.url}).")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def hammer(
    port: int, path: str, cookie: str, clients: int, requests: int
) -> tuple[list[float], int]:
    """`clients` threads each send `requests` GETs on one keep-alive connection; ms each."""
    latencies: list[float] = []
    sizes: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Cookie": cookie, "Accept-Language": "en"}
        mine = []
        try:
            connection.request("GET", path, headers=headers)  # warm-up, not measured
            connection.getresponse().read()
            start.wait()
            for _ in range(requests):
                began = time.perf_counter()
                connection.request("GET", path, headers=headers)
                reply = connection.getresponse()
                body = reply.read()
                mine.append((time.perf_counter() - began) * 1000)
                if reply.status != 200:
                    raise RuntimeError(f"{path}: HTTP {reply.status}")
        finally:
            connection.close()
        with lock:
            latencies.extend(mine)
            sizes.append(len(body))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(latencies) != clients * requests:
        sys.exit(f"{path}: some clients failed (see above).")
    return latencies, max(sizes)


def cpu_seconds(server_pid: int, database: str) -> dict[tuple[str, int], float]:
    """CPU seconds used so far by each server process (gunicorn and its workers) and each
    PostgreSQL backend connected to `database`: what requests cost, whatever the neighbours do."""
    tick = os.sysconf("SC_CLK_TCK")
    used: dict[tuple[str, int], float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        seconds = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        if server_pid in (pid, ppid):
            used["web", pid] = seconds
        elif cmdline.startswith("postgres:") and f" {database} " in cmdline:
            used["db", pid] = seconds
    return used


def cpu_spent(
    before: dict[tuple[str, int], float], after: dict[tuple[str, int], float]
) -> tuple[float, float]:
    """Web and database CPU seconds between two snapshots (a backend that exited in between
    is not counted: its last seconds are lost, never negative)."""
    spent = {"web": 0.0, "db": 0.0}
    for key, seconds in after.items():
        spent[key[0]] += seconds - before.get(key, 0.0)
    return spent["web"], spent["db"]


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    args = options()
    django_setup()
    from django.db import connection

    job_pk, note_pk, shown = prepare(args)
    connection.close()
    pages = {
        "pipeline": f"/jobs/{job_pk}/",
        "review queue": "/feedback/",
        "note": f"/feedback/{note_pk}/",
        "sent log": "/feedback/sent/",
        "closure": "/closure/",
        "bare view": "/healthz",
    }
    port = free_port()
    server = serve(port, args.workers)
    try:
        cookie = sign_in(port)
        results: dict[str, list[float]] = {name: [] for name in pages}
        cpu: dict[str, list[float]] = {name: [0.0, 0.0] for name in pages}
        size: dict[str, int] = {}
        database = connection.settings_dict["NAME"]
        for round_ in range(1, args.rounds + 1):
            line = []
            for name, path in pages.items():
                before = cpu_seconds(server.pid, database)
                latencies, size[name] = hammer(port, path, cookie, args.clients, args.requests)
                web, db = cpu_spent(before, cpu_seconds(server.pid, database))
                cpu[name][0] += web
                cpu[name][1] += db
                results[name] += latencies
                line.append(f"{name} p50 {statistics.median(latencies):6.1f} ms")
            print(f"round {round_}: " + ", ".join(line), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=20)

    print()
    print(
        f"{connection.vendor}, large demo: biggest job {shown['applications']:,} applications "
        f"({shown['active']:,} active on its pipeline page), {shown['notes']:,} current notes, "
        f"{shown['in sent log']:,} in the sent log"
    )
    print(
        f"{args.clients} client threads, keep-alive; gunicorn {args.workers} workers x 4 threads;"
        f" {args.rounds} rounds x {args.requests} requests per client and page"
    )
    bare = results["bare view"]
    bare50, bare95 = statistics.median(bare), percentile(bare, 95)
    print(f"{'page':<14}{'requests':>9}{'KB':>7}{'p50 ms':>9}{'p95 ms':>9}{'p50 x bare':>12}"
          f"{'p95 x bare':>12}{'CPU ms/req web':>16}{'db':>6}")  # fmt: skip
    missed = []
    for name, latencies in results.items():
        p50, p95 = statistics.median(latencies), percentile(latencies, 95)
        served = len(latencies) + args.clients * args.rounds  # the CPU covers the warm-ups
        print(
            f"{name:<14}{len(latencies):>9}{size[name] / 1024:>7.1f}{p50:>9.1f}{p95:>9.1f}"
            f"{p50 / bare50:>12.1f}{p95 / bare95:>12.1f}"
            f"{cpu[name][0] * 1000 / served:>16.1f}{cpu[name][1] * 1000 / served:>6.1f}"
        )
        if name != "bare view" and p95 > TARGET_P95_MS:
            missed.append(name)
    print(f"target: p95 <= {TARGET_P95_MS:.0f} ms: " + ("missed by " + ", ".join(missed)
          if missed else "met"))  # fmt: skip
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
