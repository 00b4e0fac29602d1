from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from heardback.outbox.services import outbound_emails_deliver_due


class Command(BaseCommand):
    help = (
        "Deliver the emails that are due now (queued, scheduled for now, retries, rows a stopped "
        "worker left), then exit. `heardback worker` does the same continuously."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=None, help="Emails per connection.")

    def handle(self, *args: Any, **options: Any) -> None:
        summary = outbound_emails_deliver_due(batch_size=options["batch_size"])
        self.stdout.write(
            f"Sent {summary.sent}, retried {summary.retried}, "
            f"bounced {summary.bounced}, failed {summary.failed}."
        )
