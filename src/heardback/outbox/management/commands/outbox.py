from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from heardback.core.commands import organization_from_option
from heardback.outbox.models import OutboundEmail
from heardback.outbox.selectors import outbound_emails_list

Status = OutboundEmail.Status


class Command(BaseCommand):
    help = (
        "Where an organization's emails stand: how many are queued, sent, failed or bounced, "
        "and the latest ones with their attempts, next try and why the last one failed. "
        "`heardback outbox --org SLUG [--status failed --status bounced] [--limit N]`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="Slug of the organization.")
        parser.add_argument(
            "--status", action="append", choices=Status.values, help="Only these (repeatable)."
        )
        parser.add_argument("--limit", type=int, default=50, help="How many emails to list.")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        counts, emails = outbound_emails_list(
            organization=organization, statuses=options["status"], limit=options["limit"]
        )
        self.stdout.write(", ".join(f"{s} {counts.get(s, 0)}" for s in Status.values))
        for email in emails:
            self.stdout.write(_line(email))
            if email.last_error and email.status != Status.SENT:
                self.stdout.write(f"    {email.last_error}")


def _line(email: OutboundEmail) -> str:
    if email.status == Status.SENT and email.sent_at:
        when = f"sent {email.sent_at:%Y-%m-%d %H:%M} UTC"
    elif email.status in (Status.QUEUED, Status.SENDING):
        when = f"next try {email.next_attempt_at:%Y-%m-%d %H:%M} UTC"
    else:
        when = ""
    attempts = f"{email.attempts} attempt{'s' if email.attempts != 1 else ''}"
    return f"#{email.pk}  {email.status:<9} {attempts:<11} {email.to}  {when}".rstrip()
