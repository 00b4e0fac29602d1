"""Outbox throughput: 2,000 emails through the outbox vs raw smtplib, same sink, same run.

    .venv/bin/python benchmarks/outbox_throughput.py [--emails 2000] [--repeat 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/...

The SMTP sink (aiosmtpd on 127.0.0.1) runs in its own process, as a real server would, so it
does not compete with the sender for the GIL. Each round queues fresh notes, then sends the
very same messages twice: first raw (pre-rendered bytes, `smtplib.sendmail` over one
connection: the ceiling), then through the outbox (claim, build, send, commit per email, one
connection per batch). It also measures the duplicate window: the time between the sink's
final "250" and the commit of the "sent" state, for every email.

With no DATABASE_URL it uses a fresh SQLite file in a temporary directory; with a PostgreSQL
URL it creates (and drops) a scratch database on that server.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import re
import socket
import statistics
import sys
import tempfile
import time
import uuid
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


def _seed(round_: int, emails: int) -> Any:
    from heardback.accounts.models import Organization, User
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
    FeedbackNote.objects.bulk_create(
        FeedbackNote(organization=org, application=a, subject="Your application — thank you",
                     text=text, html=f"<p>{text}</p>", status="approved")
        for a in applications
    )  # fmt: skip
    return org


def _raw(messages: list[tuple[str, str, bytes]], host: str, port: int) -> float:
    import smtplib

    started = time.perf_counter()
    with smtplib.SMTP(host, port, timeout=30) as smtp:
        for sender, recipient, data in messages:
            smtp.sendmail(sender, [recipient], data)
    return time.perf_counter() - started


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--emails", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=None, help="Default: OUTBOX_BATCH_SIZE.")
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
    from django.core.mail import get_connection
    from django.core.management import call_command

    from heardback.outbox import delivery
    from heardback.outbox.models import OutboundEmail
    from heardback.outbox.services import feedback_notes_queue, outbound_emails_deliver_due

    call_command("migrate", verbosity=0)
    commits = _Commits()
    outbox_log = logging.getLogger("heardback.outbox.services")
    outbox_log.addHandler(commits)
    outbox_log.setLevel(logging.DEBUG)
    outbox_log.propagate = False

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    batch = args.batch_size or settings.OUTBOX_BATCH_SIZE
    print(f"{args.emails} emails × {args.repeat} rounds; database {engine}; batch {batch}")
    raw_rates, outbox_rates, queue_rates, windows = [], [], [], []
    try:
        for round_ in range(args.repeat):
            org = _seed(round_, args.emails)
            started = time.perf_counter()
            queued = feedback_notes_queue(actor=None, organization=org)
            queue_rates.append(queued / (time.perf_counter() - started))
            backend = get_connection()
            rows = OutboundEmail.objects.filter(organization=org, status="queued").order_by("id")
            messages = [
                (str(message.from_email), email.to.rpartition("<")[2].rstrip(">"),
                 message.message().as_bytes(linesep="\r\n"))
                for email in rows
                for message in [delivery.build_message(email, backend)]
            ]  # fmt: skip

            raw = _raw(messages, "127.0.0.1", port)
            assert parent.send("drain") or len(parent.recv()) == args.emails
            started = time.perf_counter()
            summary = outbound_emails_deliver_due(batch_size=args.batch_size)
            elapsed = time.perf_counter() - started
            assert summary.sent == args.emails, summary
            parent.send("drain")
            accepted = parent.recv()
            windows += [commits.at[mid] - at for mid, at in accepted if mid in commits.at]
            raw_rates.append(args.emails / raw)
            outbox_rates.append(args.emails / elapsed)
            print(
                f"  round {round_ + 1}: raw smtplib {args.emails / raw:7.0f}/s, "
                f"outbox {args.emails / elapsed:7.0f}/s ({elapsed / raw:.0%} of the raw time), "
                f"queueing {queue_rates[-1]:7.0f}/s"
            )
    finally:
        parent.send("stop")
        sink.join(timeout=10)
        if admin_url is not None:
            _drop(admin_url, database_url)

    raw_rate, outbox_rate = statistics.median(raw_rates), statistics.median(outbox_rates)
    ms = [w * 1000 for w in windows]
    print(
        f"\nmedian: raw {raw_rate:.0f} emails/s, outbox {outbox_rate:.0f} emails/s "
        f"= {outbox_rate / raw_rate:.0%} of raw; queueing {statistics.median(queue_rates):.0f}/s"
    )
    print(
        f"duplicate window (sink's 250 → commit of 'sent'), {len(ms)} emails: "
        f"p50 {_percentile(ms, 50):.2f} ms, p90 {_percentile(ms, 90):.2f} ms, "
        f"p99 {_percentile(ms, 99):.2f} ms, max {max(ms):.2f} ms"
    )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")


if __name__ == "__main__":
    main()
