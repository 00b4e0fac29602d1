"""Delivery listeners: the outbox tells an email kind's owner what became of its emails, in the
transaction that records it, and knows no model of the apps above it."""

from __future__ import annotations

import pytest

from heardback.accounts.models import Organization, User
from heardback.feedback import sending
from heardback.feedback.models import FeedbackNote
from heardback.feedback.sending import feedback_notes_queue
from heardback.outbox import listeners
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import email_enqueue, outbound_emails_deliver_due
from tests.outbox.conftest import MakeNote
from tests.outbox.smtp import SmtpSink

# Committed for real: "sent" takes the path production takes (BEGIN IMMEDIATE on SQLite).
pytestmark = pytest.mark.django_db(transaction=True)


def test_feedback_registers_its_notes_listener_at_start_up() -> None:
    assert listeners.listener_for(sending.NOTE_KIND) is sending.NOTE_LISTENER
    assert listeners.listener_for("no such kind") == listeners.Listener()


def test_a_note_sent_and_its_email_are_recorded_in_one_commit_or_not_at_all(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    note = make_note()
    feedback_notes_queue(actor=recruiter, organization=org)
    # The note's side of "sent" fails (a table that is not there): the email's must not stay.
    broken = listeners.Listener(sent=lambda about_id, now: ("UPDATE no_such_table SET x = %s", [1]))
    monkeypatch.setitem(listeners._listeners, sending.NOTE_KIND, broken)

    with pytest.raises(Exception, match="no_such_table"):
        outbound_emails_deliver_due(worker="test-worker")

    assert len(smtp_sink.received()) == 1
    # Neither is "sent": after its lease the email goes again, with the same Message-ID.
    assert OutboundEmail.objects.get().status == "sending"
    note.refresh_from_db()
    assert note.status == FeedbackNote.Status.QUEUED


def test_an_email_of_a_kind_nobody_listens_to_is_simply_sent(
    org: Organization, smtp_sink: SmtpSink
) -> None:
    email_enqueue(
        organization=org, to="ada@mail.example", subject="Hello", text="Hello.", html="",
        reply_to=None, idempotency_key="hello:1", kind="hello", about_id=42,
    )  # fmt: skip

    assert outbound_emails_deliver_due(worker="test-worker").sent == 1

    assert [m.rcpt_tos for m in smtp_sink.received()] == [["ada@mail.example"]]
    assert OutboundEmail.objects.get().status == "sent"
