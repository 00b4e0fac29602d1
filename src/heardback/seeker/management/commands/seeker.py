"""`heardback seeker`: the companion for one person on their own machine (single-user mode).

heardback seeker --email me@example.com          make (or reuse) the account, print how to sign in
heardback seeker --email me@example.com --password-stdin
heardback seeker --sweep                         run the reminders now (the worker does it too)
"""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.seeker import services


class Command(BaseCommand):
    help = "Set up the job-seeker companion for one person (single-user local mode)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", help="The seeker's email address (their sign-in).")
        parser.add_argument(
            "--password-stdin", action="store_true", help="Read the password from standard input."
        )
        parser.add_argument(
            "--sweep", action="store_true", help="Run the reminder rules and digests now."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["sweep"]:
            summary = services.seeker_sweep()
            self.stdout.write(
                f"seekers {summary.seekers}, feeds read {summary.feeds_read}, "
                f"answered {summary.answered}, reminders {summary.raised}, "
                f"digests {summary.digests}"
            )
            if not options["email"]:
                return
        if not options["email"]:
            raise CommandError("Give --email (or --sweep).")
        password = sys.stdin.readline().rstrip("\n") if options["password_stdin"] else None
        try:
            user, created = services.seeker_local(email=options["email"], password=password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"{'Created' if created else 'Ready'}: {user.email} is a job seeker. "
            f"Sign in at {settings.HEARDBACK_BASE_URL}/me/login/"
            + ("" if password or user.has_usable_password() else
               " after setting a password: heardback changepassword " + user.email)
        )  # fmt: skip
