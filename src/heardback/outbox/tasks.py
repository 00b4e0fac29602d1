"""Background tasks of the outbox (Django Tasks API; `heardback worker` runs them)."""

from __future__ import annotations

import dataclasses

from django_tasks import task

from heardback.outbox.services import outbound_emails_deliver_due


@task()
def deliver_due() -> dict[str, int]:
    """Deliver every email that is due now; enqueued after commit by the outbox services."""
    return dataclasses.asdict(outbound_emails_deliver_due())
