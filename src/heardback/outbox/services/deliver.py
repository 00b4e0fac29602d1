"""Deliver: send each claimed batch over one connection, filling candidates' links in memory."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, connections, transaction
from django.utils import timezone

from heardback.core.links import PORTAL_TOKEN_PLACEHOLDER, portal_links_replace
from heardback.outbox import delivery, links
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import record
from heardback.outbox.services.claim import outbound_emails_claim, worker_name
from heardback.outbox.services.record import DeliverySummary

logger = logging.getLogger(__name__)
Status = OutboundEmail.Status


class _Lease:
    """Keeps a batch's claim alive while it is sent; a dead worker's claim simply lapses."""

    def __init__(self, batch: list[OutboundEmail]) -> None:
        self.token = batch[0].claimed_by
        self.seconds = settings.OUTBOX_LEASE_SECONDS
        self.renew_at = time.monotonic() + self.seconds / 2
        self.lost: set[int] = set()

    def holds(self, email: OutboundEmail, remaining: list[OutboundEmail]) -> bool:
        if time.monotonic() >= self.renew_at:
            self._renew([e.pk for e in remaining])
        return email.pk not in self.lost

    def _renew(self, pks: list[int]) -> None:
        self.renew_at = time.monotonic() + self.seconds / 2
        ours = OutboundEmail.objects.filter(
            pk__in=pks, claimed_by=self.token, status=Status.SENDING
        )
        with transaction.atomic():
            ours.update(lease_expires_at=timezone.now() + timedelta(seconds=self.seconds))
            kept = set(ours.values_list("pk", flat=True))
        # A row we were too slow for belongs to another worker now: it sends it, we skip it.
        self.lost.update(set(pks) - kept)


def outbound_emails_deliver_due(
    *, worker: str | None = None, batch_size: int | None = None
) -> DeliverySummary:
    """Deliver every email due now: claim a batch, send it over one connection, repeat."""
    worker = worker or worker_name()
    summary = DeliverySummary()
    transport = _Transport()
    recorder = _Recorder()
    try:
        while batch := outbound_emails_claim(worker=worker, limit=batch_size):
            with _checkpoint_after():
                try:
                    _deliver_batch(batch, summary, transport, recorder)
                finally:
                    recorder.wait()
    finally:
        recorder.close()
        transport.close()
    if summary.sent or summary.retried or summary.bounced or summary.failed:
        logger.info("outbox: %s", summary)
    return summary


@contextmanager
def _checkpoint_after() -> Iterator[None]:
    """SQLite: copy the WAL into the database after a batch, not inside a "sent" commit.

    Left to itself, SQLite checkpoints (and waits for the disk, ~10 ms here) in whichever
    commit makes the WAL pass 1,000 pages: one email in a hundred would have a duplicate
    window forty times longer than the others.
    """
    if connection.vendor != "sqlite" or not connection.get_autocommit():
        yield  # PostgreSQL; or inside a caller's transaction (tests), where none can run
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint")
        (pages,) = cursor.fetchone()
        cursor.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")  # never blocks writers or readers


class _Transport:
    """The backend connection, opened when first needed and kept from one batch to the next."""

    def __init__(self) -> None:
        self.backend: BaseEmailBackend | None = None

    def get(self) -> BaseEmailBackend:
        if self.backend is None:
            self.backend = delivery.open_connection()
        return self.backend

    def drop(self) -> None:
        if self.backend is not None:
            delivery.discard_connection(self.backend)
            self.backend = None

    def close(self) -> None:
        if self.backend is not None:
            delivery.close_connection(self.backend)
            self.backend = None


class _Recorder:
    """PostgreSQL: commits "sent" on a second connection while the worker sends the next email.

    The worker would otherwise wait for the database server after every "250", a round trip
    that costs about as much as the SMTP exchange itself. Each email is handed over the
    moment the server accepts it and committed at once, so the duplicate window (a crash
    between the "250" and that commit) stays what docs/delivery.md says; the worker hands
    over the next email only once the previous one is committed, so a crash sends at most
    two emails again, with their Message-IDs. It also waits for the recorder before any write
    of its own (a failure, the next claim).

    SQLite commits in-process in a fraction of that time, and a thread would only make the
    commit wait for the interpreter lock: there, and inside a caller's transaction (tests),
    which a second connection could not see, "sent" is recorded in the caller's thread.
    """

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[OutboundEmail | None] = queue.SimpleQueue()
        self.pending = 0
        self.done = threading.Condition()
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None

    def sent(self, email: OutboundEmail) -> None:
        if connection.vendor != "postgresql" or not connection.get_autocommit():
            record.sent(email)
            return
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="outbox-recorder", daemon=True)
            self.thread.start()
        # One email in hand at a time: the previous one, committed while this one was being
        # sent, must be done before this one is handed over, or a slow database would let
        # the window (and what a crash sends twice) grow without bound.
        self.wait()
        with self.done:
            self.pending += 1
        self.jobs.put(email)

    def wait(self) -> None:
        """Return once every email handed over is committed (raise what went wrong)."""
        with self.done:
            self.done.wait_for(lambda: self.pending == 0)
        self._raise_error()

    def close(self) -> None:
        if self.thread is not None:
            self.jobs.put(None)
            self.thread.join()
            self.thread = None

    def _raise_error(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error

    def _run(self) -> None:
        try:
            while (email := self.jobs.get()) is not None:
                try:
                    if self.error is None:  # after a failure, the rest wait for their lease
                        record.sent(email)
                except BaseException as error:
                    self.error = error
                finally:
                    with self.done:
                        self.pending -= 1
                        self.done.notify_all()
        finally:
            connections.close_all()  # this thread's own connection


def _deliver_batch(
    batch: list[OutboundEmail],
    summary: DeliverySummary,
    transport: _Transport,
    recorder: _Recorder,
) -> None:
    lease = _Lease(batch)
    unfilled = _fill_portal_links(batch)
    for index, email in enumerate(batch):
        if not lease.holds(email, batch[index:]):
            continue
        if email.pk in unfilled:
            record.attempt_failed(email, unfilled[email.pk], summary)
            continue
        try:
            backend = transport.get()
        except Exception as error:
            # No connection, no email: the rest of the batch would fail the same way, each
            # after its own timeout. Retry them all later instead.
            failure = delivery.Failure(delivery.judge(error).reason, bounce=False)
            for rest in batch[index:]:
                if rest.pk not in lease.lost:
                    record.attempt_failed(rest, failure, summary)
            return
        try:
            delivery.send(email, backend)
        except Exception as error:
            transport.drop()
            recorder.wait()
            record.attempt_failed(email, delivery.judge(error), summary)
        else:
            recorder.sent(email)
            summary.sent += 1


def _fill_portal_links(batch: list[OutboundEmail]) -> dict[int, delivery.Failure]:
    """Put each candidate's private link where their email has the placeholder, in memory only.

    The stored row keeps the placeholder, so no outbox row ever holds a live link; the link
    is recomputed from its nonce, so every attempt carries the same one. The links a batch
    needs are asked for (and issued the first time) all at once before its first send: a
    few queries and one commit for a hundred emails. Should that fail, each application's
    link is asked for on its own, so that one link that cannot be had holds back one email.
    Returns the emails whose link could not be had, to be retried later.
    """
    waiting = [
        email
        for email in batch
        if PORTAL_TOKEN_PLACEHOLDER in email.text or PORTAL_TOKEN_PLACEHOLDER in email.html
    ]
    unfilled: dict[int, delivery.Failure] = {}
    if not waiting:
        return unfilled
    application_ids = sorted({email.application_id for email in waiting if email.application_id})
    addresses: dict[int, str] = {}
    try:
        addresses.update(links.candidate_link_addresses(application_ids))
    except Exception:
        logger.exception("outbox: portal links for a batch; trying them one by one")
        for application_id in application_ids:
            try:
                addresses.update(links.candidate_link_addresses([application_id]))
            except Exception as error:
                for email in waiting:
                    if email.application_id == application_id:
                        unfilled[email.pk] = delivery.Failure(f"Portal link: {error}", bounce=False)
    for email in waiting:
        url = addresses.get(email.application_id or 0)
        if url is None:
            unfilled.setdefault(
                email.pk, delivery.Failure("Portal link: no application to link to.", bounce=False)
            )
            continue
        email.text = portal_links_replace(email.text, url)
        email.html = portal_links_replace(email.html, url)
    return unfilled
