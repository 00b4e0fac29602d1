from __future__ import annotations

import datetime as dt
import os
import secrets
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from heardback.core.demo import DEMO_USERS, SIZES, demo_create
from heardback.feedback.services import feedback_notes_draft_bulk, rejected_applications


class Command(BaseCommand):
    help = (
        "Set up the demo organization (slug 'demo') with realistic data, then serve the app "
        "on HOST:PORT (default 127.0.0.1:8000) with the background worker until Ctrl-C."
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
        call_command("migrate", interactive=False, verbosity=0)
        password = os.environ.get("HEARDBACK_DEMO_PASSWORD") or secrets.token_urlsafe(9)
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
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo organization 'demo' is ready. Sign in as:"))
        for email, (role, _name) in DEMO_USERS.items():
            self.stdout.write(f"  {role:<12} {email:<28} password: {password}")
        if options["no_serve"]:
            return
        self._serve(options["host"], options["port"])

    def _serve(self, host: str, port: str) -> None:
        heardback = [sys.executable, "-m", "heardback.cli"]
        self.stdout.write(f"\nOpen http://{host}:{port}/ — Ctrl-C stops the server and the worker.")
        self.stdout.flush()
        # Children run in their own session so Ctrl-C reaches only this process, which then
        # stops each child once (a second signal would make the worker abandon its task).
        children = [
            subprocess.Popen(
                [*heardback, "serve", "--host", host, "--port", str(port)], start_new_session=True
            ),
            subprocess.Popen([*heardback, "worker"], start_new_session=True),
        ]
        interrupted = False
        exited: list[str] = []
        try:
            while not exited:
                exited = [
                    name
                    for name, child in zip(("the server", "the worker"), children, strict=True)
                    if child.poll() is not None
                ]
                time.sleep(0.5)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGINT if interrupted else signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
        if not interrupted:
            raise CommandError(f"Stopped because {' and '.join(exited)} exited; see above.")
        self.stdout.write("Stopped.")
