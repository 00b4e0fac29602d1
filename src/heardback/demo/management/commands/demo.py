from __future__ import annotations

import datetime as dt
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from types import FrameType
from typing import Any, NoReturn

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from heardback.accounts.models import Organization
from heardback.cli import demo_base_url
from heardback.closure.services import closure_sweep
from heardback.demo.services import (
    DEMO_SLUG,
    DEMO_USERS,
    PARTNER_SLUG,
    PARTNER_USERS,
    SIZES,
    demo_create,
)
from heardback.feedback.services import feedback_notes_draft_bulk, rejected_applications
from heardback.portal.services import candidate_link_url

# How long the server and the worker get to finish what they are doing once asked to stop.
STOP_SECONDS = 20
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Command(BaseCommand):
    help = (
        "Set up the demo organization (slug 'demo') with realistic data and its partner "
        "organization ('demo-partner'), then serve the app "
        "on HOST:PORT (default 127.0.0.1:8000) with the background worker until Ctrl-C or "
        "SIGTERM. Links in emails point there unless HEARDBACK_BASE_URL says otherwise."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data (default 1).")
        parser.add_argument(
            "--size",
            choices=sorted(SIZES),
            default="small",
            help="small (~300 applications) or large (10,000+ and 30,000+ scorecards).",
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Anchor date YYYY-MM-DD for generated dates (default: today).",
        )
        parser.add_argument("--no-serve", action="store_true", help="Seed, then exit.")
        parser.add_argument("--no-drafts", action="store_true", help="Do not draft feedback notes.")
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], str(options["port"])
        if not options["no_serve"]:
            # Before anything is written: a busy port must not cost the existing demo data.
            _port_check(host, port)
        call_command("migrate", interactive=False, verbosity=0)
        password = os.environ.get("HEARDBACK_DEMO_PASSWORD") or secrets.token_urlsafe(9)
        existed = Organization.objects.filter(slug=DEMO_SLUG).exists()
        started = time.monotonic()
        summary = demo_create(
            seed=options["seed"],
            size=options["size"],
            today=options["today"],
            password=password,
            progress=lambda message: self.stdout.write(message),
        )
        counts = ", ".join(f"{n:,} {name}" for name, n in summary.counts.items())
        self.stdout.write(f"Created {counts} in {time.monotonic() - started:.1f} s.")
        if not options["no_drafts"]:
            owed = rejected_applications(organization=summary.organization).count()
            with tqdm(total=owed, desc="Drafting feedback notes", unit="note") as bar:
                drafts = feedback_notes_draft_bulk(
                    actor=None, organization=summary.organization, progress=bar.update
                )
            self.stdout.write(f"Drafted {drafts.drafted:,} notes ({drafts.verdicts}).")
        # The worker's first sweep comes minutes after it starts; until then the closure
        # dashboard would say nobody is waiting. Run it now, as the worker would.
        started = time.monotonic()
        swept = closure_sweep()
        self.stdout.write(
            f"Started {swept.clocks_created + swept.clocks_updated:,} closure clocks "
            f"in {time.monotonic() - started:.1f} s."
        )
        self.stdout.write("")
        if existed:
            self.stdout.write(
                self.style.WARNING(
                    "The demo organization existed: its data was deleted and created again, "
                    "so every id changed and old bookmarks to its pages no longer open."
                )
            )
        self.stdout.write(self.style.SUCCESS("Demo organization 'demo' is ready. Sign in as:"))
        for email, (role, _name) in DEMO_USERS.items():
            self.stdout.write(f"  {role:<12} {email:<28} password: {password}")
        if summary.partner is not None:
            self.stdout.write(
                f"Its partner organization '{PARTNER_SLUG}' ({summary.partner.name}) sees "
                f"{summary.partner_profiles} of its candidates under Partners' candidates. "
                "Sign in as:"
            )
            for email, (role, _name) in PARTNER_USERS.items():
                self.stdout.write(f"  {role:<12} {email:<28} password: {password}")
        if summary.invited is not None:
            self.stdout.write(
                "A candidate's page with an invitation from the partner: "
                f"{candidate_link_url(summary.invited)}"
            )
        self.stdout.write(f"Links in emails point to {settings.HEARDBACK_BASE_URL}/")
        if options["no_serve"]:
            return
        self._serve(host, port)

    def _serve(self, host: str, port: str) -> None:
        heardback = [sys.executable, "-m", "heardback.cli"]
        address = f"{demo_base_url(host, port)}/"
        self.stdout.write(f"\nOpen {address} — Ctrl-C stops the server and the worker.")
        self.stdout.flush()
        # SIGTERM (kill, systemd, docker stop) and SIGHUP (the terminal closed) stop the
        # children as Ctrl-C does; they get SIGTERM (SIGHUP would make gunicorn reload).
        received: list[int] = []

        def stop(_signum: int, _frame: FrameType | None) -> None:
            received.append(signal.SIGTERM)
            raise KeyboardInterrupt

        previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
        # Children run in their own session so Ctrl-C reaches only this process, which then
        # stops each child once (a second signal would make the worker abandon its task).
        children: list[subprocess.Popen[bytes]] = []
        exited: list[str] = []
        try:
            children.append(
                subprocess.Popen(
                    [*heardback, "serve", "--host", host, "--port", port], start_new_session=True
                )
            )
            children.append(subprocess.Popen([*heardback, "worker"], start_new_session=True))
            while not exited:
                exited = [
                    name
                    for name, child in zip(("the server", "the worker"), children, strict=True)
                    if child.poll() is not None
                ]
                time.sleep(0.5)
        except KeyboardInterrupt:
            received.append(signal.SIGINT)
        finally:
            _children_stop(children, received[0] if received else signal.SIGTERM)
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        if not received:
            raise CommandError(f"Stopped because {' and '.join(exited)} exited; see above.")
        self.stdout.write("Stopped.")


def _port_check(host: str, port: str) -> None:
    """Refuse, in one line, a port another program (or another demo) already listens on."""
    if not (port.isdigit() and 0 < int(port) < 65536):
        _port_refuse(host, port, "not a port number")
    try:
        family = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as error:
        _port_refuse(host, port, error.strerror or "unknown host")
    try:
        # As gunicorn binds: SO_REUSEADDR, so a just-closed demo's TIME_WAIT does not count.
        with socket.create_server((host, int(port)), family=family):
            pass
    except OSError as error:
        _port_refuse(host, port, os.strerror(error.errno) if error.errno else str(error))


def _port_refuse(host: str, port: str, reason: str) -> NoReturn:
    raise CommandError(
        f"Cannot serve on {host}:{port}: {reason}. Nothing was changed. Stop what runs there, "
        "or pick another port, e.g. PORT=8001 make demo"
    )


def _children_stop(children: list[subprocess.Popen[bytes]], signum: int) -> None:
    """Ask each child to stop with `signum`; whatever still runs after STOP_SECONDS is killed,
    with its own children (gunicorn's workers share its process group)."""
    for child in children:
        if child.poll() is None:
            child.send_signal(signum)
    deadline = time.monotonic() + STOP_SECONDS
    try:
        for child in children:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        pass  # a second Ctrl-C: stop waiting
    for child in children:
        if child.poll() is None:  # not reaped yet, so its process group is still its own
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
