"""The outbox: every email is a row written in the transaction that decided to send it.

Services never call `send_mail`. They write `OutboundEmail` rows; workers claim due rows,
send them over one connection per batch and commit each outcome as soon as the server answers.
docs/delivery.md states the guarantees and the one window where a duplicate is possible.

One module per stage, each with its section of docs/delivery.md:

- `enqueue`: write the rows (`email_enqueue`, `email_build` + `emails_enqueue`), cancel,
  redact;
- `claim`: take due rows under a lease, within each organization's rate;
- `deliver`: send a claimed batch over one connection, links filled in memory;
- `record`: commit what the server answered (sent, retried, bounced, failed), with what the
  email kind's listener records (outbox.listeners).

Callers import from here; the names below are the outbox's public services.
"""

from __future__ import annotations

from heardback.outbox.services.claim import RATE_WINDOW, outbound_emails_claim, worker_name
from heardback.outbox.services.deliver import outbound_emails_deliver_due
from heardback.outbox.services.enqueue import (
    OutboxError,
    email_build,
    email_enqueue,
    emails_enqueue,
    organization_sender,
    outbound_email_cancel,
    outbound_emails_redact,
    outbound_emails_scrub,
)
from heardback.outbox.services.record import DeliverySummary

__all__ = [
    "RATE_WINDOW",
    "DeliverySummary",
    "OutboxError",
    "email_build",
    "email_enqueue",
    "emails_enqueue",
    "organization_sender",
    "outbound_email_cancel",
    "outbound_emails_claim",
    "outbound_emails_deliver_due",
    "outbound_emails_redact",
    "outbound_emails_scrub",
    "worker_name",
]
