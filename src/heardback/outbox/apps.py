from __future__ import annotations

from django.apps import AppConfig
from django.conf import settings


class OutboxConfig(AppConfig):
    name = "heardback.outbox"
    label = "outbox"

    def ready(self) -> None:
        from heardback.core import mail, periodic
        from heardback.outbox.services import email_enqueue, outbound_emails_deliver_due

        # Apps below the outbox queue their emails through core.mail.
        mail.register_enqueue(email_enqueue)

        # The sweep alone delivers everything (scheduled sends, retries, rows a dead worker
        # left behind); the task enqueued after each commit only makes fresh emails faster.
        periodic.register(
            "outbox.sweep", outbound_emails_deliver_due, every=settings.OUTBOX_SWEEP_SECONDS
        )
