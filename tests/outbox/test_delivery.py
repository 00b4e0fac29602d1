"""Delivery against a real SMTP server on loopback: what arrives, once, and what a failure does."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterator

import pytest
import time_machine
from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend
from django.utils import timezone
from pytest_django.fixtures import Settings

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.feedback.sending import feedback_notes_queue
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import (
    DeliverySummary,
    outbound_emails_claim,
    outbound_emails_deliver_due,
)
from tests import factories
from tests.outbox.conftest import MakeNote
from tests.outbox.smtp import SmtpSink, free_port

# Committed for real (no test transaction around them): delivery runs the code production runs,
# each "sent" committed on its own the moment the server accepts the email.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        yield traveller


def deliver() -> DeliverySummary:
    return outbound_emails_deliver_due(worker="test-worker")


def queue_one(
    org: Organization, recruiter: User, make_note: MakeNote, **fields: str
) -> FeedbackNote:
    note = make_note(**fields)
    feedback_notes_queue(actor=recruiter, organization=org)
    return note


def test_an_approved_note_arrives_once_as_text_and_html(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    note = queue_one(org, recruiter, make_note, email="ada@mail.example")

    assert deliver().sent == 1

    [received] = smtp_sink.received()
    message = received.message
    assert received.rcpt_tos == ["ada@mail.example"]
    assert message.get_content_type() == "multipart/alternative"
    assert received.text.strip() == note.text
    assert "<p>Dear Ada,</p>" in received.html
    note.refresh_from_db()
    assert (note.status, note.last_error) == ("sent", "")
    assert note.sent_at is not None
    assert abs(note.sent_at - timezone.now()) < dt.timedelta(minutes=1)
    assert OutboundEmail.objects.get().sent_at == note.sent_at


def test_the_email_comes_from_the_organization_with_reply_to_the_recruiter(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    queue_one(org, recruiter, make_note)
    deliver()

    message = smtp_sink.received()[0].message
    email = OutboundEmail.objects.get()
    assert message["From"] == "Acme <jobs@acme.example>"
    assert message["Reply-To"] == "Rita <rita@acme.example>"
    assert message["Message-ID"] == email.message_id
    assert message["Date"].datetime is not None
    assert email.status == "sent"


def test_accented_names_and_bodies_arrive_intact(
    org: Organization, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    eloise = factories.UserFactory(email="eloise@acme.example", full_name="Éloïse Émond")
    job = factories.JobFactory(organization=org, recruiter=eloise)
    make_note(
        first_name="Zoë", last_name="Nguyễn", email="zoe@mail.example", job=job,
        subject="Votre candidature — merci, Zoë", text="Chère Zoë,\n\nMerci pour l'entretien. ✨",
        html="<p>Chère Zoë,</p><p>Merci pour l'entretien. ✨</p>",
    )  # fmt: skip
    feedback_notes_queue(actor=eloise, organization=org)
    deliver()

    [received] = smtp_sink.received()
    message = received.message
    assert message["To"].addresses[0].display_name == "Zoë Nguyễn"
    assert message["Reply-To"].addresses[0].display_name == "Éloïse Émond"
    assert message["Subject"] == "Votre candidature — merci, Zoë"
    assert received.text.strip() == "Chère Zoë,\n\nMerci pour l'entretien. ✨"
    assert "<p>Chère Zoë,</p>" in received.html


def test_a_note_gets_the_candidates_private_link_only_in_the_email_it_sends(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
) -> None:
    from heardback.core.links import PORTAL_TOKEN_PLACEHOLDER, PORTAL_URL_PLACEHOLDER

    queue_one(
        org, recruiter, make_note, text=f"Your page: {PORTAL_URL_PLACEHOLDER}",
        html=f'<p><a href="{PORTAL_URL_PLACEHOLDER}">Your page</a></p>',
    )  # fmt: skip
    smtp_sink.stall_after_accept_next(settings.EMAIL_TIMEOUT + 0.5)  # kept, then sent again
    deliver()
    clock.shift(dt.timedelta(minutes=1))
    deliver()

    first, second = smtp_sink.wait_for(2)
    link = first.text.split("Your page: ")[1].strip()
    assert link.startswith(f"{settings.HEARDBACK_BASE_URL}/p/")
    assert PORTAL_TOKEN_PLACEHOLDER not in link
    assert f'href="{link}"' in first.html
    assert second.text == first.text  # a retry carries the same link
    assert PORTAL_TOKEN_PLACEHOLDER in OutboundEmail.objects.get().text


def test_a_batch_is_delivered_over_one_connection(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    for _ in range(10):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)

    assert deliver().sent == 10

    assert len({m.peer for m in smtp_sink.received()}) == 1


def test_an_email_accepted_just_before_the_next_one_is_refused_is_still_marked_sent(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    first, second, third = (
        make_note(first_name=name, email=f"{name.lower()}@mail.example")
        for name in ("Ada", "Grace", "Linus")
    )
    feedback_notes_queue(actor=recruiter, organization=org)
    # The first email goes through; the server then refuses the second at MAIL FROM and
    # hangs up, while the first one's "sent" is being committed.
    smtp_sink.delay_next(0, at="MAIL")
    smtp_sink.fail_next("421 4.3.2 Service shutting down", at="MAIL")

    assert deliver() == DeliverySummary(sent=2, retried=1)

    statuses = {
        note.pk: (note.status, note.emails.get().status)
        for note in FeedbackNote.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    }
    assert statuses == {
        first.pk: ("sent", "sent"),
        second.pk: ("queued", "queued"),
        third.pk: ("sent", "sent"),
    }
    assert [to for m in smtp_sink.received() for to in m.rcpt_tos] == [
        "ada@mail.example",
        "linus@mail.example",
    ]


def test_the_next_batches_reuse_the_connection_and_a_failure_opens_a_new_one(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    settings: Settings,
) -> None:
    settings.OUTBOX_BATCH_SIZE = 3
    for _ in range(8):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)
    smtp_sink.drop_next(at="DATA")  # the first email: kept by nobody, connection gone

    assert deliver() == DeliverySummary(sent=7, retried=1)

    peers = [m.peer for m in smtp_sink.received()]
    assert len(peers) == 7
    assert len(set(peers)) == 1  # one connection after the drop, for all three batches


def test_each_email_of_a_batch_carries_its_own_candidates_link(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    from heardback.core.links import PORTAL_URL_PLACEHOLDER
    from heardback.portal.services import candidate_link_resolve

    notes = [
        make_note(first_name=name, email=f"{name[:2].lower()}@mail.example",
                  text=f"Dear {name}, your page: {PORTAL_URL_PLACEHOLDER}")
        for name in ("Ada", "Grace", "Linus", "Zoë")
    ]  # fmt: skip
    feedback_notes_queue(actor=recruiter, organization=org)

    assert deliver().sent == 4

    for note in notes:
        [received] = smtp_sink.to(note.application.candidate.email)
        token = received.text.split("/p/")[1].split("/")[0]
        link = candidate_link_resolve(token)
        assert link is not None
        assert link.application_id == note.application_id


def test_a_link_that_cannot_be_issued_holds_back_only_its_own_email(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import OperationalError

    from heardback.core.links import PORTAL_URL_PLACEHOLDER
    from heardback.portal.services import links as portal_links

    notes = [
        make_note(first_name=name, email=f"{name.lower()}@mail.example",
                  text=f"Your page: {PORTAL_URL_PLACEHOLDER}")
        for name in ("Ada", "Grace", "Linus")
    ]  # fmt: skip
    feedback_notes_queue(actor=recruiter, organization=org)
    issue = portal_links.candidate_links_issue

    def issue_except_for_grace(*, applications: list[object], **kwargs: object) -> object:
        # Grace's row stays locked: the batch that includes her fails, then her link alone.
        if notes[1].application in applications:
            raise OperationalError("could not obtain lock on row in relation")
        return issue(applications=applications, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(portal_links, "candidate_links_issue", issue_except_for_grace)

    assert deliver() == DeliverySummary(sent=2, retried=1)

    assert [m.rcpt_tos for m in smtp_sink.received()] == [
        ["ada@mail.example"],
        ["linus@mail.example"],
    ]
    notes[1].refresh_from_db()
    assert notes[1].status == "queued"
    assert "Portal link: could not obtain lock" in notes[1].last_error


@pytest.mark.parametrize(
    ("reply", "at"),
    [
        ("451 4.7.1 Greylisted, try again later", "RCPT"),
        ("421 4.3.2 Service shutting down", "MAIL"),
        ("452 4.3.1 Insufficient system storage", "DATA"),
        # Our sender refused for good is our configuration, not the candidate's address: it
        # is retried (the operator can fix it) and never marked as the candidate's bounce.
        ("553 5.7.1 Sender address not allowed for this account", "MAIL"),
    ],
)
def test_a_temporary_refusal_is_retried_later_and_the_email_arrives_once(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
    reply: str,
    at: str,
) -> None:
    note = queue_one(org, recruiter, make_note)
    smtp_sink.fail_next(reply, at=at)  # type: ignore[arg-type]

    assert deliver().retried == 1
    note.refresh_from_db()
    assert note.status == "queued"
    assert reply.split()[0] in note.last_error
    assert deliver() == DeliverySummary()  # not due yet: it waits for its backoff

    clock.shift(dt.timedelta(seconds=31))
    assert deliver().sent == 1

    assert len(smtp_sink.received()) == 1
    note.refresh_from_db()
    assert (note.status, note.last_error) == ("sent", "")


def test_retries_back_off_exponentially_with_jitter(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
) -> None:
    queue_one(org, recruiter, make_note)
    smtp_sink.fail_next("451 4.7.1 Try again later", at="RCPT", times=4)
    waits = []
    for _ in range(4):
        before = timezone.now()
        deliver()
        email = OutboundEmail.objects.get()
        waits.append((email.next_attempt_at - before).total_seconds())
        clock.move_to(email.next_attempt_at)

    # 30 s, 60 s, 120 s, 240 s ceilings; each wait is between half the ceiling and all of it.
    for wait, ceiling in zip(waits, [30, 60, 120, 240], strict=True):
        assert ceiling / 2 - 1 <= wait <= ceiling + 1
    assert deliver().sent == 1
    assert OutboundEmail.objects.get().attempts == 5


def test_after_the_last_attempt_the_email_fails_and_the_recruiter_is_told(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
    settings: Settings,
) -> None:
    settings.OUTBOX_MAX_ATTEMPTS = 3
    note = queue_one(org, recruiter, make_note)
    smtp_sink.fail_next("451 4.7.1 Try again later", at="RCPT", times=3)

    summaries = []
    for _ in range(3):
        summaries.append(deliver())
        clock.shift(dt.timedelta(hours=1))

    assert [(s.retried, s.failed) for s in summaries] == [(1, 0), (1, 0), (0, 1)]
    assert OutboundEmail.objects.get().status == "failed"
    note.refresh_from_db()
    assert note.status == "failed"
    assert note.last_error.startswith("Gave up after 3 attempts: ")
    assert "451 4.7.1 Try again later" in note.last_error
    assert AuditEvent.objects.filter(action="outbox.fail", organization=org).exists()
    assert smtp_sink.received() == []


@pytest.mark.parametrize(
    ("reply", "at"),
    [("550 5.1.1 No such user here", "RCPT"), ("554 5.7.1 Message rejected as spam", "DATA")],
)
def test_a_permanent_refusal_bounces_and_the_note_fails_with_the_reason(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    reply: str,
    at: str,
) -> None:
    note = queue_one(org, recruiter, make_note)
    smtp_sink.fail_next(reply, at=at)  # type: ignore[arg-type]

    assert deliver().bounced == 1

    assert OutboundEmail.objects.get().status == "bounced"
    note.refresh_from_db()
    assert note.status == "failed"
    assert note.last_error.startswith("Bounced: ")
    assert reply in note.last_error
    event = AuditEvent.objects.get(action="outbox.bounce")
    assert (event.organization, event.data["about"]) == (org, note.pk)
    assert deliver() == DeliverySummary()  # a bounce is never retried


def test_a_bounce_does_not_stop_the_rest_of_the_batch(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    for name in ["Ada", "Grace", "Linus"]:
        make_note(first_name=name, email=f"{name.lower()}@mail.example")
    feedback_notes_queue(actor=recruiter, organization=org)
    smtp_sink.fail_next("550 5.1.1 No such user here", at="RCPT")

    summary = deliver()

    assert (summary.sent, summary.bounced) == (2, 1)
    assert sorted(m.rcpt_tos[0] for m in smtp_sink.received()) == [
        "grace@mail.example",
        "linus@mail.example",
    ]


def test_a_connection_dropped_during_data_is_retried_and_the_email_arrives_once(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
) -> None:
    queue_one(org, recruiter, make_note)
    smtp_sink.drop_next(at="DATA")

    assert deliver().retried == 1
    assert "SMTPServerDisconnected" in OutboundEmail.objects.get().last_error

    clock.shift(dt.timedelta(minutes=1))
    assert deliver().sent == 1
    assert len(smtp_sink.received()) == 1


@pytest.mark.parametrize("at", ["RCPT", "DATA"])
def test_a_reply_slower_than_the_timeout_is_retried_and_the_email_arrives_once(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
    at: str,
) -> None:
    queue_one(org, recruiter, make_note)
    smtp_sink.delay_next(settings.EMAIL_TIMEOUT + 1, at=at)  # type: ignore[arg-type]

    assert deliver().retried == 1
    assert "timed out" in OutboundEmail.objects.get().last_error

    clock.shift(dt.timedelta(minutes=1))
    assert deliver().sent == 1
    assert len(smtp_sink.received()) == 1


def test_a_final_reply_that_times_out_may_deliver_twice_but_with_one_message_id(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
) -> None:
    # The server accepts the message but its "250" comes after our timeout: we cannot know it
    # arrived, so we send again. The candidate's mail client sees the same Message-ID twice.
    queue_one(org, recruiter, make_note)
    smtp_sink.stall_after_accept_next(settings.EMAIL_TIMEOUT + 0.5)

    assert deliver().retried == 1
    clock.shift(dt.timedelta(minutes=1))
    assert deliver().sent == 1

    copies = smtp_sink.wait_for(2)
    assert len(copies) == 2
    assert {c.message_id for c in copies} == {OutboundEmail.objects.get().message_id}


def test_an_unreachable_server_retries_the_whole_batch_without_waiting_on_each_email(
    org: Organization, recruiter: User, make_note: MakeNote, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 1
    for _ in range(5):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)

    assert deliver().retried == 5

    assert set(OutboundEmail.objects.values_list("status", "attempts")) == {("queued", 1)}
    assert "ConnectionRefusedError" in OutboundEmail.objects.first().last_error  # type: ignore[union-attr]


def test_the_rate_limit_holds_the_rest_back_until_the_next_minute(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
    settings: Settings,
) -> None:
    settings.OUTBOX_RATE_PER_MINUTE = 3
    for _ in range(5):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)

    assert deliver().sent == 3
    assert deliver().sent == 0
    assert OutboundEmail.objects.filter(status="queued").count() == 2

    clock.shift(dt.timedelta(seconds=61))
    assert deliver().sent == 2
    assert len(smtp_sink.received()) == 5


def test_one_organization_at_its_rate_limit_does_not_hold_back_another(
    org: Organization,
    other_org: Organization,
    recruiter: User,
    outsider: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    settings: Settings,
) -> None:
    settings.OUTBOX_RATE_PER_MINUTE = 2
    for _ in range(6):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)
    job = factories.JobFactory(organization=other_org, recruiter=outsider)
    application = factories.ApplicationFactory(organization=other_org, job=job)
    FeedbackNote.objects.create(
        organization=other_org, application=application, subject="Hi", text="Thanks.",
        html="<p>Thanks.</p>", status="approved",
    )  # fmt: skip
    feedback_notes_queue(actor=outsider, organization=other_org)

    assert deliver().sent == 3

    by_org = {m.message["From"].addresses[0].domain for m in smtp_sink.received()}
    assert by_org == {"acme.example", "globex.example"}


def test_a_scheduled_email_waits_for_its_time(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
) -> None:
    make_note()
    at = timezone.now() + dt.timedelta(hours=3)
    feedback_notes_queue(actor=recruiter, organization=org, at=at)

    assert deliver().sent == 0
    clock.move_to(at + dt.timedelta(seconds=1))
    assert deliver().sent == 1
    assert len(smtp_sink.received()) == 1


def test_an_email_claimed_by_a_worker_that_died_is_sent_after_its_lease_with_the_same_id(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
) -> None:
    queue_one(org, recruiter, make_note)
    [claimed] = outbound_emails_claim(worker="worker-that-dies")

    assert deliver().sent == 0  # the lease still holds: maybe that worker is just slow

    clock.shift(dt.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))
    assert deliver().sent == 1

    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts) == ("sent", 2)
    assert [m.message_id for m in smtp_sink.received()] == [claimed.message_id]


def test_a_row_abandoned_on_every_attempt_fails_instead_of_looping_forever(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
    settings: Settings,
) -> None:
    settings.OUTBOX_MAX_ATTEMPTS = 2
    note = queue_one(org, recruiter, make_note)
    for _ in range(2):
        assert outbound_emails_claim(worker="worker-that-dies")
        clock.shift(dt.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))

    assert deliver().sent == 0

    note.refresh_from_db()
    assert note.status == "failed"
    assert "may or may not have reached the candidate" in note.last_error


def test_the_task_enqueued_after_commit_delivers_without_waiting_for_the_sweep(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    settings: Settings,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    make_note()

    feedback_notes_queue(actor=recruiter, organization=org)  # its commit enqueues the task

    assert len(smtp_sink.received()) == 1
    assert OutboundEmail.objects.get().status == "sent"


def test_the_console_backend_prints_the_email_for_the_demo(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    queue_one(org, recruiter, make_note)

    assert deliver().sent == 1

    assert OutboundEmail.objects.get().message_id in capsys.readouterr().out


def test_the_sent_state_is_committed_within_moments_of_the_servers_250(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for _ in range(100):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)

    with caplog.at_level("DEBUG", logger="heardback.outbox.services"):
        assert deliver().sent == 100

    committed = {
        r.args[0]: r.created  # type: ignore[index]
        for r in caplog.records
        if r.msg == "delivered %s"
    }
    windows = [committed[m.message_id] - m.accepted_at for m in smtp_sink.received()]
    assert all(w > 0 for w in windows)
    assert statistics.median(windows) < 0.05
    # Committed on its own (autocommit, not inside a test transaction): both rows say so.
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert set(FeedbackNote.objects.values_list("status", flat=True)) == {"sent"}
    assert not OutboundEmail.objects.filter(sent_at__isnull=True).exists()


def test_a_database_failure_while_recording_sent_stops_the_round_and_loses_nothing(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import OperationalError

    from heardback.outbox.services import record as recorder

    for _ in range(10):
        make_note()
    feedback_notes_queue(actor=recruiter, organization=org)
    record, calls = recorder.sent, []

    def record_until_the_database_goes(email: OutboundEmail) -> None:
        calls.append(email.pk)
        if len(calls) == 3:
            raise OperationalError("server closed the connection unexpectedly")
        record(email)

    monkeypatch.setattr(recorder, "sent", record_until_the_database_goes)
    with pytest.raises(OperationalError):
        deliver()

    # The round stops at once: the email whose "sent" was not recorded (and at most the one
    # sent meanwhile) waits for its lease; nothing else went out.
    assert OutboundEmail.objects.filter(status="sent").count() == 2
    assert len(smtp_sink.received()) <= 4
    monkeypatch.setattr(recorder, "sent", record)
    clock.shift(dt.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))
    deliver()

    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    copies = Counter(m.message_id for m in smtp_sink.received())
    assert len(copies) == 10
    assert sum(copies.values()) <= 12  # a copy again only for what was not recorded


def test_the_smtp_backend_is_the_one_configured_by_the_sink(smtp_sink: SmtpSink) -> None:
    # Other test packages (browser tests) reuse the fixture: it must really point Django at it.
    from django.core.mail import get_connection

    backend = get_connection()
    assert isinstance(backend, EmailBackend)
    assert (backend.host, backend.port) == ("127.0.0.1", smtp_sink.port)
