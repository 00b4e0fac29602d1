"""Record: what the SMTP server answered, committed at once (sent, retried, bounced, failed)."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from heardback.accounts.services import audit
from heardback.outbox import delivery, listeners
from heardback.outbox.models import OutboundEmail

logger = logging.getLogger(__name__)
Status = OutboundEmail.Status


@dataclass
class DeliverySummary:
    sent: int = 0
    retried: int = 0
    bounced: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return (
            f"sent {self.sent}, retried {self.retried}, "
            f"bounced {self.bounced}, failed {self.failed}"
        )


# The hot path, once per email sent: the ORM spends ~0.7 ms building each of these UPDATEs,
# ten times what the database needs to run and commit it, and every millisecond here is both
# throughput and the width of the duplicate window. Table names come from the models; every
# value is a query parameter. The kind's listener (outbox.listeners) adds its own statement,
# run in the same transaction.
_EMAIL_SENT_SQL = f"""
    UPDATE {OutboundEmail._meta.db_table}
    SET status = %s, sent_at = %s, last_error = '', lease_expires_at = NULL
    WHERE id = %s AND status <> %s
"""  # noqa: S608
# PostgreSQL: the email's UPDATE and the listener's statement in one statement, committed on
# its own (autocommit): one round trip instead of five (BEGIN, UPDATE, UPDATE, COMMIT).
# synchronous_commit is off for this transaction only: the commit is visible to every worker
# at once and survives any crash of ours, but its WAL record reaches the disk up to
# 3 × wal_writer_delay later, instead of making us wait for a disk flush (~4 ms) per email.
# Only a crash of the database server itself in that moment can undo a "sent": the email is
# then sent again, same Message-ID (docs/delivery.md). The WHERE makes the planner evaluate
# set_config() before the update; a data-modifying WITH runs whether or not it is read.
_ASYNCHRONOUS = "WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true))"
_EMAIL_SENT_POSTGRESQL = f"""
    {_ASYNCHRONOUS}
    UPDATE {OutboundEmail._meta.db_table}
    SET status = %s, sent_at = %s, last_error = '', lease_expires_at = NULL
    WHERE id = %s AND status <> %s AND EXISTS (SELECT FROM asynchronous)
"""  # noqa: S608
_EMAIL_SENT_POSTGRESQL_WITH = f"""
    {_ASYNCHRONOUS},
    email AS (
        UPDATE {OutboundEmail._meta.db_table}
        SET status = %s, sent_at = %s, last_error = '', lease_expires_at = NULL
        WHERE id = %s AND status <> %s AND EXISTS (SELECT FROM asynchronous)
    )
"""  # noqa: S608
_EMAIL_SENT_SQLITE = _EMAIL_SENT_SQL.replace("%s", "?")


@functools.cache
def _qmark(sql: str) -> str:
    """A listener's statement with SQLite's placeholders, for the DB-API connection."""
    return sql.replace("%s", "?")


def _sent_statement(email: OutboundEmail, now: object) -> listeners.Statement | None:
    about_id = email.about_id
    if about_id is None:
        return None
    listener = listeners.listener_for(email.kind).sent
    return None if listener is None else listener(about_id, now)


def sent(email: OutboundEmail) -> None:
    # The server has accepted the message: commit that at once. A crash between its "250"
    # and this commit is the only way an email goes out twice (docs/delivery.md). Whoever
    # holds the claim now, the truth is "sent", so this write is not fenced by the token.
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    own = [Status.SENT, now, email.pk, Status.SENT]
    theirs = _sent_statement(email, now)
    if connection.vendor == "postgresql" and connection.get_autocommit():
        with connection.cursor() as cursor:
            if theirs is None:
                cursor.execute(_EMAIL_SENT_POSTGRESQL, own)
            else:
                cursor.execute(_EMAIL_SENT_POSTGRESQL_WITH + theirs[0], [*own, *theirs[1]])
    elif connection.vendor == "sqlite" and connection.get_autocommit():
        # The same transaction as atomic() would run (BEGIN IMMEDIATE, as the settings ask),
        # on the DB-API connection: Django's atomic() and cursor cost a third of it here.
        with connection.wrap_database_errors:
            db = connection.connection
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(_EMAIL_SENT_SQLITE, own)
                if theirs is not None:
                    db.execute(_qmark(theirs[0]), theirs[1])
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
    else:  # inside a caller's transaction (tests): a savepoint of it
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(_EMAIL_SENT_SQL, own)
            if theirs is not None:
                cursor.execute(*theirs)
    logger.debug("delivered %s", email.message_id)


def attempt_failed(
    email: OutboundEmail, failure: delivery.Failure, summary: DeliverySummary
) -> None:
    if failure.bounce:
        if finish(email, status=Status.BOUNCED, reason=f"Bounced: {failure.reason}",
                   action="outbox.bounce"):  # fmt: skip
            summary.bounced += 1
        return
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        reason = f"Gave up after {email.attempts} attempts: {failure.reason}"
        if finish(email, status=Status.FAILED, reason=reason, action="outbox.fail"):
            summary.failed += 1
        return
    with transaction.atomic():
        retried = OutboundEmail.objects.filter(
            pk=email.pk, claimed_by=email.claimed_by, status=Status.SENDING
        ).update(
            status=Status.QUEUED,
            next_attempt_at=timezone.now() + delivery.backoff(email.attempts),
            last_error=failure.reason,
            lease_expires_at=None,
        )
        retrying = listeners.listener_for(email.kind).retrying
        if retried and email.about_id is not None and retrying is not None:
            reason = f"Attempt {email.attempts} failed, will retry: {failure.reason}"
            retrying(email.about_id, reason)
    summary.retried += retried


def finish(email: OutboundEmail, *, status: str, reason: str, action: str) -> bool:
    """Record a final failure on the email, its kind's listener and the audit log; False if
    another worker holds the email now."""
    with transaction.atomic():
        # Fenced by the claim token: a worker whose lease lapsed must not overwrite the
        # outcome of the worker that took the row over.
        done = OutboundEmail.objects.filter(
            pk=email.pk, claimed_by=email.claimed_by, status=Status.SENDING
        ).update(status=status, last_error=reason, lease_expires_at=None)
        if not done:
            return False
        listener = listeners.listener_for(email.kind)
        told = listener.bounced if status == Status.BOUNCED else listener.failed
        if email.about_id is not None and told is not None:
            told(email.about_id, reason)
        audit(
            organization=email.organization, actor=None, action=action, obj=email,
            kind=email.kind, about=email.about_id, to=email.to, reason=reason,
            attempts=email.attempts,
        )  # fmt: skip
    logger.warning("outbox: %s %s: %s", status, email.message_id, reason)
    return True
