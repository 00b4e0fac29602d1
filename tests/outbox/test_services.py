"""Queueing, cancelling and refusing: what the outbox promises before anything is sent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.feedback.models import FeedbackNote
from heardback.feedback.sending import feedback_notes_queue
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import (
    OutboxError,
    email_enqueue,
    outbound_email_cancel,
    outbound_emails_claim,
)
from tests.outbox.conftest import MakeNote

pytestmark = pytest.mark.django_db


def enqueue(org: Organization, **overrides: str) -> OutboundEmail:
    fields = {
        "to": "Ada Lovelace <ada@mail.example>",
        "subject": "Your application",
        "text": "Thank you.",
        "html": "<p>Thank you.</p>",
        "reply_to": "Rita <rita@acme.example>",
        "idempotency_key": "test:1",
        **overrides,
    }
    return email_enqueue(organization=org, **fields)  # type: ignore[arg-type]


def test_queueing_approved_notes_makes_one_email_each_and_marks_them_queued(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    notes = [make_note(first_name="Ada"), make_note(first_name="Grace")]
    draft = make_note(first_name="Linus", status=FeedbackNote.Status.DRAFT)

    assert feedback_notes_queue(actor=recruiter, organization=org) == 2

    emails = OutboundEmail.objects.order_by("id")
    assert [e.about_id for e in emails] == [n.pk for n in notes]
    assert {e.idempotency_key for e in emails} == {f"feedback_note:{n.pk}:v1" for n in notes}
    assert all(e.status == "queued" for e in emails)
    assert [FeedbackNote.objects.get(pk=n.pk).status for n in notes] == ["queued", "queued"]
    assert FeedbackNote.objects.get(pk=draft.pk).status == "draft"
    assert AuditEvent.objects.filter(action="feedback.queue", data__count=2).exists()


def test_queueing_one_note_leaves_the_other_approved_notes_alone(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    one, other = make_note(), make_note()

    assert feedback_notes_queue(actor=recruiter, organization=org, note=one) == 1

    assert OutboundEmail.objects.get().about_id == one.pk
    other.refresh_from_db()
    assert other.status == "approved"


def test_queueing_twice_still_makes_one_email_per_note(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    make_note()
    feedback_notes_queue(actor=recruiter, organization=org)

    assert feedback_notes_queue(actor=recruiter, organization=org) == 0
    assert OutboundEmail.objects.count() == 1


def test_enqueueing_the_same_key_twice_returns_the_first_email(org: Organization) -> None:
    first = enqueue(org)
    second = enqueue(org, subject="Something else")

    assert second.pk == first.pk
    assert second.message_id == first.message_id
    assert OutboundEmail.objects.get().subject == "Your application"


def test_each_email_gets_its_own_message_id_in_the_sender_domain(org: Organization) -> None:
    one, two = enqueue(org, idempotency_key="a"), enqueue(org, idempotency_key="b")

    assert one.message_id != two.message_id
    assert one.message_id.startswith("<") and one.message_id.endswith("@acme.example>")
    assert one.from_email == "Acme <jobs@acme.example>"


def test_an_organization_without_sender_falls_back_to_the_default_from(
    org: Organization,
) -> None:
    org.sender_email = ""
    org.save()

    assert enqueue(org).from_email == "heardback <noreply@localhost>"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("to", "Eve\r\nBcc: everyone@evil.example <eve@mail.example>"),
        ("to", "Eve\n <eve@mail.example>"),
        ("reply_to", "Rita\r\n <rita@acme.example>"),
        ("subject", "Hello\r\nBcc: everyone@evil.example"),
    ],
)
def test_line_breaks_in_names_and_subjects_are_refused_before_anything_is_queued(
    org: Organization, field: str, value: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        enqueue(org, **{field: value})

    assert field in refused.value.message_dict
    assert "Line breaks" in " ".join(refused.value.message_dict[field])
    assert not OutboundEmail.objects.exists()


def test_a_bad_address_is_refused_with_a_clear_error(org: Organization) -> None:
    with pytest.raises(ValidationError, match="not a valid email address"):
        enqueue(org, to="Ada <not-an-address>")


def test_typed_placeholder_text_in_an_email_without_a_candidate_stays_inert(
    org: Organization,
) -> None:
    """A job titled "…PORTAL-TOKEN…" must not stop the email (it once stopped every digest)."""
    email = enqueue(org, subject="PORTAL-TOKEN role", text=f"Job: {PORTAL_URL_PLACEHOLDER}")
    assert "PORTAL-TOKEN" not in email.subject + email.text
    assert "PORTAL\u2011TOKEN" in email.text


def test_a_candidate_name_with_a_line_break_is_not_queued_and_the_note_says_why(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    good = make_note(first_name="Ada")
    bad = make_note(first_name="Eve\r\nBcc: everyone@evil.example")

    assert feedback_notes_queue(actor=recruiter, organization=org) == 1

    assert OutboundEmail.objects.get().about_id == good.pk
    bad.refresh_from_db()
    assert bad.status == "approved"
    assert "Line breaks are not allowed" in bad.last_error


def test_a_candidate_without_email_is_not_queued_and_the_note_says_why(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    note = make_note(email="")

    assert feedback_notes_queue(actor=recruiter, organization=org) == 0

    note.refresh_from_db()
    assert (note.status, note.last_error) == (
        "approved",
        "Not sent: The candidate has no email address.",
    )


def test_queueing_for_later_schedules_the_email_and_the_note(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    note = make_note()
    at = timezone.now() + dt.timedelta(days=2)

    feedback_notes_queue(actor=recruiter, organization=org, at=at)

    email = OutboundEmail.objects.get()
    assert (email.scheduled_for, email.next_attempt_at) == (at, at)
    note.refresh_from_db()
    assert note.scheduled_for == at


def test_cancelling_before_a_worker_claims_puts_the_note_back_to_approved(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    note = make_note()
    feedback_notes_queue(
        actor=recruiter, organization=org, at=timezone.now() + dt.timedelta(days=1)
    )

    email = outbound_email_cancel(actor=recruiter, email=OutboundEmail.objects.get())

    assert email.status == "cancelled"
    note.refresh_from_db()
    assert (note.status, note.scheduled_for) == ("approved", None)
    assert AuditEvent.objects.filter(action="outbox.cancel", actor=recruiter).exists()


def test_cancelling_after_a_worker_claimed_the_email_is_refused(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    note = make_note()
    feedback_notes_queue(actor=recruiter, organization=org)
    [claimed] = outbound_emails_claim(worker="worker-1")

    with pytest.raises(OutboxError, match="sending; it can no longer be cancelled"):
        outbound_email_cancel(actor=recruiter, email=claimed)

    note.refresh_from_db()
    assert note.status == "queued"


def test_a_cancelled_note_queued_again_keeps_its_one_email_and_message_id(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    make_note()
    feedback_notes_queue(actor=recruiter, organization=org)
    email = outbound_email_cancel(actor=recruiter, email=OutboundEmail.objects.get())

    assert feedback_notes_queue(actor=recruiter, organization=org) == 1

    again = OutboundEmail.objects.get()
    assert (again.pk, again.message_id, again.status) == (email.pk, email.message_id, "queued")


def test_queueing_asks_a_worker_to_deliver_once_the_transaction_commits(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    make_note(), make_note()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # type: ignore[operator]
        feedback_notes_queue(actor=recruiter, organization=org)
    assert not DBTaskResult.objects.exists()  # nothing before the commit

    for callback in callbacks:
        callback()
    task = DBTaskResult.objects.get()
    assert task.task_path == "heardback.outbox.tasks.deliver_due"


def test_queueing_for_later_does_not_wake_a_worker_now(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    make_note()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        feedback_notes_queue(
            actor=recruiter, organization=org, at=timezone.now() + dt.timedelta(hours=1)
        )

    assert not DBTaskResult.objects.exists()
