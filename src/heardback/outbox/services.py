"""The outbox: every email is a row written in the transaction that decided to send it.

Services never call `send_mail`. They write `OutboundEmail` rows; workers claim due rows,
send them over one connection per batch and commit each outcome as soon as the server answers.
docs/delivery.md states the guarantees and the one window where a duplicate is possible.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape as html_escape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, connection, connections, transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Job
from heardback.outbox import delivery
from heardback.outbox.models import OutboundEmail
from heardback.portal.links import (
    PORTAL_TOKEN_PLACEHOLDER,
    placeholder_neutralize,
    portal_links_replace,
)

logger = logging.getLogger(__name__)
Status = OutboundEmail.Status
RATE_WINDOW = timedelta(minutes=1)


class OutboxError(ValidationError):
    """An outbox action refused for a reason the user can act on."""


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


# --- Enqueueing ---------------------------------------------------------------------------


def organization_sender(organization: Organization) -> str:
    """The organization's From: "Sender Name" <sender_email>, else DEFAULT_FROM_EMAIL."""
    if not organization.sender_email:
        return str(settings.DEFAULT_FROM_EMAIL)
    name = organization.sender_name or organization.name
    return delivery.mailbox(name, organization.sender_email, field="from_email")


def _email_build(
    *,
    organization: Organization,
    to: str,
    subject: str,
    text: str,
    html: str,
    reply_to: str | None,
    idempotency_key: str,
    scheduled_for: datetime | None,
    related_note: FeedbackNote | None,
    application: Application | None,
    kind: str,
    headers: dict[str, str] | None,
    from_email: str | None,
) -> OutboundEmail:
    """A validated, unsaved row: bad addresses and line breaks are refused before any write."""
    if application is None:
        # Nobody's link goes in an email without an application: a placeholder here came from
        # text someone typed (a candidate's name, a job title) and must stay inert text.
        subject = placeholder_neutralize(subject)
        text, html = placeholder_neutralize(text), placeholder_neutralize(html)
    from_email = from_email or organization_sender(organization)
    delivery.validate_address(to, field="to")
    delivery.validate_address(from_email, field="from_email")
    if reply_to:
        delivery.validate_address(reply_to, field="reply_to")
    email = OutboundEmail(
        organization=organization,
        kind=kind,
        note=related_note,
        application=application,
        idempotency_key=idempotency_key,
        message_id=delivery.new_message_id(from_email),
        from_email=from_email,
        to=to,
        reply_to=reply_to or "",
        subject=subject,
        text=text,
        html=html,
        headers={**(headers or {}), "Date": delivery.date_header(scheduled_for)},
        scheduled_for=scheduled_for,
        next_attempt_at=scheduled_for or timezone.now(),
    )
    email.full_clean(
        exclude=["organization", "note", "application"],
        validate_unique=False,
        validate_constraints=False,
    )
    return email


def _requeue(email: OutboundEmail, scheduled_for: datetime | None) -> None:
    """Give a cancelled email (never claimed since) a new life with the same Message-ID."""
    email.headers = {**email.headers, "Date": delivery.date_header(scheduled_for)}
    OutboundEmail.objects.filter(pk=email.pk, status=Status.CANCELLED).update(
        status=Status.QUEUED,
        attempts=0,
        scheduled_for=scheduled_for,
        next_attempt_at=scheduled_for or timezone.now(),
        last_error="",
        headers=email.headers,
    )
    email.refresh_from_db()


def _deliver_after_commit() -> None:
    """Ask a worker to deliver now instead of at the next sweep, once the rows are committed."""

    def nudge() -> None:
        from heardback.outbox.tasks import deliver_due

        try:
            deliver_due.enqueue()
        except Exception:
            # Only latency is lost: the periodic sweep delivers every due row on its own.
            logger.exception("could not enqueue outbox delivery; the sweep will deliver")

    transaction.on_commit(nudge)


@transaction.atomic
def email_enqueue(
    *,
    organization: Organization,
    to: str,
    subject: str,
    text: str,
    html: str,
    reply_to: str | None,
    idempotency_key: str,
    scheduled_for: datetime | None = None,
    related_note: FeedbackNote | None = None,
    application: Application | None = None,
    kind: str = "",
    headers: dict[str, str] | None = None,
    from_email: str | None = None,
) -> OutboundEmail:
    """Queue one email, once per idempotency key; a worker sends it after the commit.

    `application`: the application whose candidate receives it; needed when the text holds
    the portal link placeholder, which the worker fills with that candidate's link.
    """
    email = _email_build(
        organization=organization, to=to, subject=subject, text=text, html=html,
        reply_to=reply_to, idempotency_key=idempotency_key, scheduled_for=scheduled_for,
        related_note=related_note, application=application, kind=kind, headers=headers,
        from_email=from_email,
    )  # fmt: skip
    existing = (
        OutboundEmail.objects.select_for_update().filter(idempotency_key=idempotency_key).first()
    )
    if existing is not None:
        if existing.status == Status.CANCELLED:
            _requeue(existing, scheduled_for)
            _deliver_after_commit()
        return existing
    try:
        with transaction.atomic():
            email.save()
    except IntegrityError:
        # A concurrent enqueue of the same key committed first: theirs is the one email.
        return OutboundEmail.objects.get(idempotency_key=idempotency_key)
    if email.next_attempt_at <= timezone.now():
        _deliver_after_commit()
    return email


def _note_email(
    note: FeedbackNote, *, sender: str, scheduled_for: datetime | None
) -> OutboundEmail:
    application = note.application
    candidate, recruiter = application.candidate, application.job.recruiter
    if not candidate.email:
        raise ValidationError({"to": gettext("The candidate has no email address.")})
    return _email_build(
        organization=note.organization,
        to=delivery.mailbox(candidate.full_name, candidate.email, field="to"),
        reply_to=(
            delivery.mailbox(recruiter.full_name, recruiter.email, field="reply_to")
            if recruiter is not None
            else ""
        ),
        subject=note.subject,
        text=note.text,
        html=note.html,
        idempotency_key=f"feedback_note:{note.pk}:v{note.version}",
        scheduled_for=scheduled_for,
        related_note=note,
        application=application,
        kind="feedback_note",
        headers=None,
        from_email=sender,
    )


@transaction.atomic
def feedback_notes_queue(
    *,
    actor: User | None,
    organization: Organization,
    job: Job | None = None,
    note: FeedbackNote | None = None,
    at: datetime | None = None,
) -> int:
    """Queue the approved current notes (all, a job's, or one) for delivery now or `at`."""
    sender = organization_sender(organization)
    notes = (
        FeedbackNote.objects.select_for_update(of=("self",))
        .filter(organization=organization, is_current=True, status=FeedbackNote.Status.APPROVED)
        .select_related("organization", "application__candidate", "application__job__recruiter")
        .order_by("id")
    )
    if job is not None:
        notes = notes.filter(application__job=job)
    if note is not None:
        notes = notes.filter(pk=note.pk)
    built: list[OutboundEmail] = []
    refused: dict[int, str] = {}
    for approved in notes:
        try:
            built.append(_note_email(approved, sender=sender, scheduled_for=at))
        except ValidationError as error:
            # One unreachable candidate must not hold back everyone else's feedback: the note
            # stays approved and says why, for the recruiter to fix and send again.
            refused[approved.pk] = "Not sent: " + " ".join(error.messages)
    keys = [email.idempotency_key for email in built]
    existing = {
        email.idempotency_key: email
        for email in OutboundEmail.objects.select_for_update().filter(idempotency_key__in=keys)
    }
    for email in built:
        previous = existing.get(email.idempotency_key)
        if previous is not None and previous.status == Status.CANCELLED:
            _requeue(previous, at)
    OutboundEmail.objects.bulk_create(
        [email for email in built if email.idempotency_key not in existing], batch_size=500
    )
    queued = [email.note_id for email in built]
    FeedbackNote.objects.filter(pk__in=queued).update(
        status=FeedbackNote.Status.QUEUED, scheduled_for=at, last_error=""
    )
    for pk, reason in refused.items():
        FeedbackNote.objects.filter(pk=pk).update(last_error=reason)
    audit(
        organization=organization, actor=actor, action="feedback.queue", obj=job,
        count=len(queued), refused=len(refused), scheduled_for=at.isoformat() if at else None,
    )  # fmt: skip
    if queued and (at is None or at <= timezone.now()):
        _deliver_after_commit()
    return len(queued)


@transaction.atomic
def outbound_email_cancel(*, actor: User | None, email: OutboundEmail) -> OutboundEmail:
    """Cancel an email no worker has claimed; its note goes back to approved."""
    # Compare-and-set against the claim: whichever commits first wins. On PostgreSQL this
    # UPDATE waits for a claimer holding the row and then re-checks `status`.
    cancelled = OutboundEmail.objects.filter(pk=email.pk, status=Status.QUEUED).update(
        status=Status.CANCELLED
    )
    email.refresh_from_db()
    if not cancelled:
        raise OutboxError(
            gettext("This email is %(status)s; it can no longer be cancelled.")
            % {"status": email.get_status_display().lower()}
        )
    if email.note_id is not None:
        FeedbackNote.objects.filter(pk=email.note_id, status=FeedbackNote.Status.QUEUED).update(
            status=FeedbackNote.Status.APPROVED, scheduled_for=None
        )
    audit(organization=email.organization, actor=actor, action="outbox.cancel", obj=email)
    return email


def outbound_emails_redact(
    *, emails: QuerySet[OutboundEmail], text: str, address: str | None = None
) -> int:
    """Erase what these emails said (and, with `address`, to whom); the delivery record stays.

    The ones still queued are cancelled first: nothing erased may go out afterwards.
    """
    emails.filter(status=Status.QUEUED).update(status=Status.CANCELLED)
    changes: dict[str, str] = {"subject": text, "text": text, "html": ""}
    if address is not None:
        changes["to"] = address
    # By id: the queryset may follow relations an UPDATE cannot join on every database.
    return OutboundEmail.objects.filter(pk__in=list(emails.values_list("pk", flat=True))).update(
        **changes
    )


def outbound_emails_scrub(*, emails: QuerySet[OutboundEmail], needles: list[str], to: str) -> int:
    """Replace each needle (a name, an address) wherever these emails hold it; how many changed.

    For emails about someone to someone else (a reminder digest listing candidates): the
    person is taken out, the rest of the email stays.
    """
    query = Q()
    for needle in needles:
        query |= Q(subject__icontains=needle) | Q(text__icontains=needle)
        query |= Q(html__icontains=needle)
    if not needles:
        return 0
    changed = []
    for email in emails.filter(query):
        for field in ("subject", "text", "html"):
            value = getattr(email, field)
            for needle in needles:
                value = re.sub(re.escape(needle), to, value, flags=re.IGNORECASE)
                if field == "html":
                    value = re.sub(re.escape(html_escape(needle)), to, value, flags=re.IGNORECASE)
            setattr(email, field, value)
        changed.append(email)
    OutboundEmail.objects.bulk_update(changed, ["subject", "text", "html"], batch_size=500)
    return len(changed)


# --- Claiming -----------------------------------------------------------------------------


def worker_name() -> str:
    """This process, as written in `claimed_by`: host and pid."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}"


def _recent_attempts(now: datetime, organization_ids: list[int] | None = None) -> dict[int, int]:
    recent = OutboundEmail.objects.filter(last_attempt_at__gt=now - RATE_WINDOW)
    if organization_ids is not None:
        recent = recent.filter(organization_id__in=organization_ids)
    rows = recent.order_by().values("organization_id").annotate(n=Count("id"))
    return {row["organization_id"]: row["n"] for row in rows}


def outbound_emails_claim(*, worker: str, limit: int | None = None) -> list[OutboundEmail]:
    """Claim up to `limit` due emails for one worker, within each organization's send rate."""
    now = timezone.now()
    limit = limit or settings.OUTBOX_BATCH_SIZE
    rate, max_attempts = settings.OUTBOX_RATE_PER_MINUTE, settings.OUTBOX_MAX_ATTEMPTS
    _fail_abandoned(now)
    token = f"{worker}:{uuid.uuid4().hex[:12]}"
    throttled = [org for org, n in _recent_attempts(now).items() if n >= rate]
    with transaction.atomic():
        # PostgreSQL: FOR UPDATE SKIP LOCKED, so workers on several machines each take rows
        # nobody else is looking at and never wait for one another. SQLite ignores it: there
        # the IMMEDIATE transaction already holds the database's only write lock from BEGIN,
        # so no one can claim between this SELECT and the UPDATE below.
        expired = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(status=Status.SENDING, lease_expires_at__lt=now, attempts__lt=max_attempts)
            .exclude(organization_id__in=throttled)
            .order_by("lease_expires_at", "id")
            .values_list("id", "organization_id")[:limit]
        )
        queued = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(status=Status.QUEUED, next_attempt_at__lte=now)
            .exclude(organization_id__in=throttled)
            .order_by("next_attempt_at", "id")
            .values_list("id", "organization_id")
        )
        candidates = list(expired)
        candidates += list(queued[: limit - len(candidates)]) if len(candidates) < limit else []
        if not candidates:
            return []
        organization_ids = sorted({org for _, org in candidates})
        if connection.features.has_select_for_update:
            # Two workers must not both spend the same organization's budget: claimers of an
            # organization take turns (NO KEY: rows pointing at it can still be inserted).
            list(
                Organization.objects.select_for_update(no_key=True)
                .filter(pk__in=organization_ids)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        budget = {org: rate for org in organization_ids}
        for org, n in _recent_attempts(now, organization_ids).items():
            budget[org] -= n
        picked = []
        for pk, org in candidates:
            if budget[org] > 0:
                budget[org] -= 1
                picked.append(pk)
        # Compare-and-set: only rows still due become ours, and we read back only rows that
        # carry our token, so the claim stays exact even if the SELECT above were stale.
        OutboundEmail.objects.filter(pk__in=picked).filter(
            Q(status=Status.QUEUED, next_attempt_at__lte=now)
            | Q(status=Status.SENDING, lease_expires_at__lt=now)
        ).update(
            status=Status.SENDING,
            claimed_by=token,
            lease_expires_at=now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
            last_attempt_at=now,
            attempts=F("attempts") + 1,
        )
    # Without the organizations: only a bounce or a failure needs one (for its audit event).
    return list(
        OutboundEmail.objects.filter(
            pk__in=picked, claimed_by=token, status=Status.SENDING
        ).order_by("next_attempt_at", "id")
    )


def _fail_abandoned(now: datetime) -> None:
    """Give up on rows whose worker died during every allowed attempt."""
    abandoned = list(
        OutboundEmail.objects.filter(
            status=Status.SENDING,
            lease_expires_at__lt=now,
            attempts__gte=settings.OUTBOX_MAX_ATTEMPTS,
        ).select_related("organization")
    )
    for email in abandoned:
        reason = (
            f"The worker sending it stopped during {email.attempts} attempts; "
            "it may or may not have reached the candidate."
        )
        _finish(email, status=Status.FAILED, reason=reason, action="outbox.fail")


# --- Delivering ---------------------------------------------------------------------------


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
            _record_sent(email)
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
                        _record_sent(email)
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
            _record_failure(email, unfilled[email.pk], summary)
            continue
        try:
            backend = transport.get()
        except Exception as error:
            # No connection, no email: the rest of the batch would fail the same way, each
            # after its own timeout. Retry them all later instead.
            failure = delivery.Failure(delivery.judge(error).reason, bounce=False)
            for rest in batch[index:]:
                if rest.pk not in lease.lost:
                    _record_failure(rest, failure, summary)
            return
        try:
            delivery.send(email, backend)
        except Exception as error:
            transport.drop()
            recorder.wait()
            _record_failure(email, delivery.judge(error), summary)
        else:
            recorder.sent(email)
            summary.sent += 1


def _fill_portal_links(batch: list[OutboundEmail]) -> dict[int, delivery.Failure]:
    """Put each candidate's private link where their email has the placeholder, in memory only.

    The stored row keeps the placeholder, so no outbox row ever holds a live link; the link
    is recomputed from its nonce, so every attempt carries the same one. The links a batch
    needs are looked up, and issued the first time, all at once before its first send: a
    few queries and one commit for a hundred emails. Should that fail, each email's link is
    tried on its own, so that one link that cannot be had holds back one email. Returns the
    emails whose link could not be had, to be retried later.
    """
    from heardback.portal.services import candidate_link_url, candidate_links_issue

    waiting = [
        email
        for email in batch
        if PORTAL_TOKEN_PLACEHOLDER in email.text or PORTAL_TOKEN_PLACEHOLDER in email.html
    ]
    unfilled: dict[int, delivery.Failure] = {}
    if not waiting:
        return unfilled
    applications = list(
        Application.objects.filter(pk__in={email.application_id for email in waiting}).only(
            "organization_id"
        )
    )
    try:
        links = candidate_links_issue(applications=applications)
    except Exception:
        logger.exception("outbox: portal links for a batch; trying them one by one")
        links = {}
        for application in applications:
            try:
                links.update(candidate_links_issue(applications=[application]))
            except Exception as error:
                for email in waiting:
                    if email.application_id == application.pk:
                        unfilled[email.pk] = delivery.Failure(f"Portal link: {error}", bounce=False)
    for email in waiting:
        link = links.get(email.application_id or 0)
        if link is None:
            unfilled.setdefault(
                email.pk, delivery.Failure("Portal link: no application to link to.", bounce=False)
            )
            continue
        url = candidate_link_url(link)
        email.text = portal_links_replace(email.text, url)
        email.html = portal_links_replace(email.html, url)
    return unfilled


# The hot path, once per email sent: the ORM spends ~0.7 ms building each of these UPDATEs,
# ten times what the database needs to run and commit it, and every millisecond here is both
# throughput and the width of the duplicate window. Table names come from the models; every
# value is a query parameter.
_EMAIL_SENT_SQL = f"""
    UPDATE {OutboundEmail._meta.db_table}
    SET status = %s, sent_at = %s, last_error = '', lease_expires_at = NULL
    WHERE id = %s AND status <> %s
"""  # noqa: S608
_NOTE_SENT_SQL = f"""
    UPDATE {FeedbackNote._meta.db_table} SET status = %s, sent_at = %s, last_error = ''
    WHERE id = %s
"""  # noqa: S608
# PostgreSQL: both UPDATEs in one statement, committed on its own (autocommit): one round
# trip instead of five (BEGIN, UPDATE, UPDATE, COMMIT). synchronous_commit is off for this
# transaction only: the commit is visible to every worker at once and survives any crash of
# ours, but its WAL record reaches the disk up to 3 × wal_writer_delay later, instead of
# making us wait for a disk flush (~4 ms) per email. Only a crash of the database server
# itself in that moment can undo a "sent": the email is then sent again, same Message-ID
# (docs/delivery.md). The WHERE makes the planner evaluate set_config() before the update.
_SENT_SQL_POSTGRESQL = f"""
    WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true)),
    email AS (
        UPDATE {OutboundEmail._meta.db_table}
        SET status = %(sent)s, sent_at = %(now)s, last_error = '', lease_expires_at = NULL
        WHERE id = %(id)s AND status <> %(sent)s AND EXISTS (SELECT FROM asynchronous)
        RETURNING note_id
    )
    UPDATE {FeedbackNote._meta.db_table} SET status = %(sent)s, sent_at = %(now)s, last_error = ''
    WHERE id = (SELECT note_id FROM email)
"""  # noqa: S608
_EMAIL_SENT_SQLITE = _EMAIL_SENT_SQL.replace("%s", "?")
_NOTE_SENT_SQLITE = _NOTE_SENT_SQL.replace("%s", "?")


def _record_sent(email: OutboundEmail) -> None:
    # The server has accepted the message: commit that at once. A crash between its "250"
    # and this commit is the only way an email goes out twice (docs/delivery.md). Whoever
    # holds the claim now, the truth is "sent", so this write is not fenced by the token.
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    if connection.vendor == "postgresql" and connection.get_autocommit():
        with connection.cursor() as cursor:
            cursor.execute(_SENT_SQL_POSTGRESQL, {"sent": Status.SENT, "now": now, "id": email.pk})
    elif connection.vendor == "sqlite" and connection.get_autocommit():
        # The same transaction as atomic() would run (BEGIN IMMEDIATE, as the settings ask),
        # on the DB-API connection: Django's atomic() and cursor cost a third of it here.
        with connection.wrap_database_errors:
            db = connection.connection
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(_EMAIL_SENT_SQLITE, [Status.SENT, now, email.pk, Status.SENT])
                if email.note_id is not None:
                    db.execute(_NOTE_SENT_SQLITE, [FeedbackNote.Status.SENT, now, email.note_id])
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
    else:  # inside a caller's transaction (tests): a savepoint of it
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(_EMAIL_SENT_SQL, [Status.SENT, now, email.pk, Status.SENT])
            if email.note_id is not None:
                cursor.execute(_NOTE_SENT_SQL, [FeedbackNote.Status.SENT, now, email.note_id])
    logger.debug("delivered %s", email.message_id)


def _record_failure(
    email: OutboundEmail, failure: delivery.Failure, summary: DeliverySummary
) -> None:
    if failure.bounce:
        if _finish(email, status=Status.BOUNCED, reason=f"Bounced: {failure.reason}",
                   action="outbox.bounce"):  # fmt: skip
            summary.bounced += 1
        return
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        reason = f"Gave up after {email.attempts} attempts: {failure.reason}"
        if _finish(email, status=Status.FAILED, reason=reason, action="outbox.fail"):
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
        if retried and email.note_id is not None:
            FeedbackNote.objects.filter(pk=email.note_id).update(
                last_error=f"Attempt {email.attempts} failed, will retry: {failure.reason}"
            )
    summary.retried += retried


def _finish(email: OutboundEmail, *, status: str, reason: str, action: str) -> bool:
    """Record a final failure on the email, its note and the audit log; False if not ours."""
    with transaction.atomic():
        # Fenced by the claim token: a worker whose lease lapsed must not overwrite the
        # outcome of the worker that took the row over.
        done = OutboundEmail.objects.filter(
            pk=email.pk, claimed_by=email.claimed_by, status=Status.SENDING
        ).update(status=status, last_error=reason, lease_expires_at=None)
        if not done:
            return False
        if email.note_id is not None:
            FeedbackNote.objects.filter(pk=email.note_id).update(
                status=FeedbackNote.Status.FAILED, last_error=reason
            )
        audit(
            organization=email.organization, actor=None, action=action, obj=email,
            note=email.note_id, to=email.to, reason=reason, attempts=email.attempts,
        )  # fmt: skip
    logger.warning("outbox: %s %s: %s", status, email.message_id, reason)
    return True
