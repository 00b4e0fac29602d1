"""Outbox throughput: 2,000 emails through the outbox vs raw smtplib, same sink, same run.

    .venv/bin/python benchmarks/outbox_throughput.py [--emails 2000] [--repeat 3] [--workers 2]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/...

The SMTP sink (aiosmtpd on 127.0.0.1) runs in its own process, as a real server would, so it
does not compete with the sender for the GIL. Each round queues fresh notes, then sends the
very same messages (same Message-ID, Date, text and HTML) four times, over one connection:

- raw smtplib, Django rendering: Django renders each message (`message().as_bytes()`, what
  Django's SMTP backend does), `smtplib.sendmail` sends it: the issue's baseline;
- raw smtplib, the outbox's renderer: the same bytes, rendered by `delivery.render()` inside
  the loop; the gap to the outbox is then the database alone (claims and commits);
- raw smtplib with bytes rendered beforehand: the network and the server alone (a ceiling);
- the outbox: claim a batch, render, send, commit the outcome of each email. It also
  measures the duplicate window: the time between the sink's final "250" and the commit of
  the "sent" state, for every email.

With --portal-links the notes carry the portal link placeholder, as the feedback engine writes
them: the worker then issues each candidate's link (portal.services.candidate_link_issue) and
puts it in before sending.

With no DATABASE_URL it uses a fresh SQLite file in a temporary directory; with a PostgreSQL
URL it creates (and drops) a scratch database on that server.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import multiprocessing
import os
import pstats
import re
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from email.utils import parseaddr
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.MULTILINE | re.IGNORECASE)


# --- The sink, in a child process ---------------------------------------------------------


def _sink(port: int, pipe: Connection) -> None:
    import threading

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    lock = threading.Lock()
    accepted: list[tuple[str, float]] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            match = MESSAGE_ID.search(envelope.original_content or b"")
            with lock:
                accepted.append((match.group(1).decode() if match else "", time.time()))
            return "250 2.0.0 OK: queued"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port, server_hostname="sink")
    controller.start()
    pipe.send("ready")
    while (command := pipe.recv()) != "stop":
        with lock:
            if command == "drain":
                pipe.send(list(accepted))
                accepted.clear()
            else:
                pipe.send(len(accepted))
    controller.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- The scratch database -----------------------------------------------------------------


def _database_url(tmp: Path) -> tuple[str, str | None]:
    """The URL to use and, for PostgreSQL, the scratch database to drop afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp / 'benchmark.sqlite3'}", None
    import psycopg

    parts = urlsplit(url)
    name = f"heardback_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), urlunsplit(parts._replace(path="/postgres"))


def _drop(admin_url: str, database_url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- The benchmark ------------------------------------------------------------------------


class _Commits(logging.Handler):
    """When each "sent" state was committed: the outbox logs right after the commit."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.at: dict[str, float] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "delivered %s":
            self.at[str(record.args[0])] = record.created  # type: ignore[index]


def _seed(round_: int, emails: int, *, links: bool) -> Any:
    from heardback.accounts.models import Organization, User
    from heardback.core.links import PORTAL_URL_PLACEHOLDER
    from heardback.feedback.models import FeedbackNote
    from heardback.hiring.models import Application, Candidate, Job

    org = Organization.objects.create(
        slug=f"bench{round_}", name="Acme", sender_name="Acme Talent",
        sender_email="jobs@acme.example",
    )  # fmt: skip
    recruiter, _ = User.objects.get_or_create(email="rita@acme.example", full_name="Éloïse")
    job = Job.objects.create(organization=org, title="Backend Engineer", recruiter=recruiter)
    candidates = Candidate.objects.bulk_create(
        Candidate(organization=org, first_name="Zoë", last_name=f"Nguyễn {i}",
                  email=f"candidate{round_}-{i}@mail.example")
        for i in range(emails)
    )  # fmt: skip
    applications = Application.objects.bulk_create(
        Application(organization=org, candidate=c, job=job) for c in candidates
    )
    text = "Dear Zoë,\n\nThank you for the time you gave us. " * 12
    html = f"<p>{text}</p>"
    if links:
        # As the feedback engine writes it: the worker puts the candidate's own link in.
        text += f"\n\nYour page: {PORTAL_URL_PLACEHOLDER}\n"
        html += f'<p><a href="{PORTAL_URL_PLACEHOLDER}">Your page</a></p>'
    FeedbackNote.objects.bulk_create(
        FeedbackNote(organization=org, application=a, subject="Your application — thank you",
                     text=text, html=html, status="approved")
        for a in applications
    )  # fmt: skip
    return org


def _raw(
    messages: list[tuple[str, str, Any]],
    host: str,
    port: int,
    *,
    render: Callable[[Any], bytes] | None,
) -> float:
    """Seconds to send every message with smtplib over one connection.

    `render`: how each message becomes bytes inside the timed loop (what any sender has to
    do); None when the bytes were rendered beforehand (the network and the server alone).
    """
    import smtplib

    started = time.perf_counter()
    with smtplib.SMTP(host, port, timeout=30) as smtp:
        for sender, recipient, message in messages:
            smtp.sendmail(sender, [recipient], render(message) if render else message)
    return time.perf_counter() - started


def _django_render(message: Any) -> bytes:
    return bytes(message.message().as_bytes(linesep="\r\n"))


def _outbox_worker(pipe: Connection, batch_size: int | None) -> None:
    """One more worker process (--workers): delivers on request, reports its commit times."""
    import django

    django.setup()
    from heardback.outbox.services import outbound_emails_deliver_due

    commits = _listen_for_commits()
    while pipe.recv() == "deliver":
        sent = outbound_emails_deliver_due(batch_size=batch_size).sent
        pipe.send((sent, dict(commits.at)))
        commits.at.clear()


def _listen_for_commits() -> _Commits:
    commits = _Commits()
    outbox_log = logging.getLogger("heardback.outbox.services")
    outbox_log.addHandler(commits)
    outbox_log.setLevel(logging.DEBUG)
    outbox_log.propagate = False
    return commits


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--emails", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=None, help="Default: OUTBOX_BATCH_SIZE.")
    parser.add_argument("--workers", type=int, default=1, help="Outbox worker processes.")
    parser.add_argument(
        "--portal-links",
        action="store_true",
        help="Notes carry the portal link placeholder: the worker issues and fills each link.",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="Profile the outbox's sends (cProfile) and print where its time goes.",
    )
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="heardback-bench-"))
    port = _free_port()
    parent, child = multiprocessing.get_context("spawn").Pipe()
    sink = multiprocessing.get_context("spawn").Process(target=_sink, args=(port, child))
    sink.start()
    assert parent.recv() == "ready"

    database_url, admin_url = _database_url(tmp)
    os.environ.update(
        DATABASE_URL=database_url,
        HEARDBACK_VAR_DIR=str(tmp),
        SECRET_KEY="benchmark-only",
        EMAIL_URL=f"smtp://127.0.0.1:{port}?timeout=30",
        OUTBOX_RATE_PER_MINUTE=str(10**9),
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="heardback.settings",
    )
    os.environ.pop("EMAIL_BACKEND", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from heardback.feedback.sending import feedback_notes_queue
    from heardback.outbox import delivery
    from heardback.outbox.models import OutboundEmail
    from heardback.outbox.services import outbound_emails_deliver_due

    call_command("migrate", verbosity=0)
    commits = _listen_for_commits()
    workers = []
    for _ in range(args.workers - 1):
        here, there = multiprocessing.get_context("spawn").Pipe()
        process = multiprocessing.get_context("spawn").Process(
            target=_outbox_worker, args=(there, args.batch_size)
        )
        process.start()
        workers.append((process, here))

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    batch = args.batch_size or settings.OUTBOX_BATCH_SIZE
    print(
        f"{args.emails} emails × {args.repeat} rounds; database {engine}; batch {batch}; "
        f"{args.workers} outbox worker process(es); "
        f"portal links {'on' if args.portal_links else 'off'}"
    )
    rates: dict[str, list[float]] = {name: [] for name in ("django", "same", "bytes", "outbox")}
    queue_rates: list[float] = []
    windows: list[float] = []
    try:
        for round_ in range(args.repeat):
            org = _seed(round_, args.emails, links=args.portal_links)
            started = time.perf_counter()
            queued = feedback_notes_queue(actor=None, organization=org)
            queue_rates.append(queued / (time.perf_counter() - started))
            rows = list(OutboundEmail.objects.filter(organization=org, status="queued"))
            rows.sort(key=lambda email: email.pk)
            triples = [(parseaddr(e.from_email)[1], parseaddr(e.to)[1], e) for e in rows]
            sends = {
                # Django renders each message inside the loop, as Django's SMTP backend does.
                "django": ([(f, t, delivery.build_message(e)) for f, t, e in triples],
                           _django_render),
                # The outbox's own renderer (the same bytes, cheaper) inside the loop.
                "same": (triples, delivery.render),
                # Bytes rendered before the clock starts: the network and the server alone.
                "bytes": ([(f, t, delivery.render(e)) for f, t, e in triples], None),
            }  # fmt: skip
            for name, (messages, render) in sends.items():
                elapsed = _raw(messages, "127.0.0.1", port, render=render)
                rates[name].append(args.emails / elapsed)
            parent.send("drain")
            assert len(parent.recv()) == len(sends) * args.emails

            started = time.perf_counter()
            for _, pipe in workers:
                pipe.send("deliver")
            profiler = cProfile.Profile() if args.profile else None
            if profiler is not None:
                profiler.enable()
            sent = outbound_emails_deliver_due(batch_size=args.batch_size).sent
            if profiler is not None:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            for _, pipe in workers:
                their_sent, their_commits = pipe.recv()
                sent += their_sent
                commits.at.update(their_commits)
            elapsed = time.perf_counter() - started
            assert sent == args.emails, sent
            rates["outbox"].append(args.emails / elapsed)
            parent.send("drain")
            accepted = parent.recv()
            windows += [commits.at[mid] - at for mid, at in accepted if mid in commits.at]
            print(
                f"  round {round_ + 1}: outbox {rates['outbox'][-1]:5.0f}/s; raw smtplib: "
                f"Django rendering {rates['django'][-1]:5.0f}/s, outbox renderer "
                f"{rates['same'][-1]:5.0f}/s, pre-rendered bytes {rates['bytes'][-1]:5.0f}/s; "
                f"queueing {queue_rates[-1]:5.0f}/s"
            )
    finally:
        for process, pipe in workers:
            pipe.send("stop")
            process.join(timeout=10)
        parent.send("stop")
        sink.join(timeout=10)
        if admin_url is not None:
            _drop(admin_url, database_url)

    outbox = rates["outbox"]
    print(f"\nmedian outbox {statistics.median(outbox):.0f} emails/s; as a share of raw smtplib")
    for name, label in (
        ("django", "Django rendering (the issue's baseline)"),
        ("same", "the outbox's renderer"),
        ("bytes", "pre-rendered bytes (a ceiling)"),
    ):
        ratios = [o / r for o, r in zip(outbox, rates[name], strict=True)]
        print(
            f"  {label}: {statistics.median(rates[name]):.0f}/s; outbox / raw per round "
            + ", ".join(f"{r:.0%}" for r in ratios)
            + f"; median {statistics.median(ratios):.0%}"
        )
    print(f"queueing {statistics.median(queue_rates):.0f} notes/s")
    ms = [w * 1000 for w in windows]
    print(
        f"duplicate window (sink's 250 → commit of 'sent'), {len(ms)} emails: "
        f"p50 {_percentile(ms, 50):.2f} ms, p90 {_percentile(ms, 90):.2f} ms, "
        f"p99 {_percentile(ms, 99):.2f} ms, max {max(ms):.2f} ms"
    )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
