"""`heardback notes send` queues approved notes; `heardback send` delivers what is due."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from heardback.accounts.models import Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.outbox.models import OutboundEmail
from tests import factories
from tests.outbox.conftest import MakeNote
from tests.outbox.smtp import SmtpSink

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_notes_send_queues_the_approved_notes_now(make_note: MakeNote) -> None:
    make_note(), make_note(), make_note(status=FeedbackNote.Status.DRAFT)

    assert run("notes", "send", "--org", "acme") == "Queued 2 notes, sending now.\n"

    assert OutboundEmail.objects.filter(status="queued", scheduled_for=None).count() == 2


@time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC), tick=False)
def test_notes_send_at_a_local_time_schedules_it_in_the_organizations_time_zone(
    org: Organization, make_note: MakeNote
) -> None:
    org.time_zone = "Europe/Paris"
    org.save()
    make_note()

    output = run("notes", "send", "--org", "acme", "--at", "2026-12-01T09:00")

    assert output == "Queued 1 notes, sending for 2026-12-01T09:00:00+01:00.\n"
    assert OutboundEmail.objects.get().scheduled_for == dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)


def test_notes_send_for_one_job_leaves_the_other_jobs_notes_approved(
    org: Organization, recruiter: User, make_note: MakeNote
) -> None:
    other_job = factories.JobFactory(organization=org, recruiter=recruiter)
    make_note()
    other = make_note(job=other_job)

    run("notes", "send", "--org", "acme", "--job", str(other_job.pk))

    assert OutboundEmail.objects.get().about_id == other.pk


def test_notes_send_names_the_notes_it_could_not_queue(make_note: MakeNote) -> None:
    note = make_note(email="")

    output = run("notes", "send", "--org", "acme")

    assert f"not queued {note.pk}: Not sent: The candidate has no email address." in output


@pytest.mark.parametrize("when", ["tomorrow", "2026-13-01T09:00"])
def test_notes_send_refuses_a_time_it_cannot_read(make_note: MakeNote, when: str) -> None:
    make_note()

    with pytest.raises(CommandError, match="ISO-8601"):
        run("notes", "send", "--org", "acme", "--at", when)
    assert not OutboundEmail.objects.exists()


@time_machine.travel(dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC), tick=False)
def test_notes_send_refuses_a_time_already_past(make_note: MakeNote) -> None:
    make_note()

    with pytest.raises(CommandError, match="in the past"):
        run("notes", "send", "--org", "acme", "--at", "2026-12-01T09:00")
    assert not OutboundEmail.objects.exists()


def test_notes_send_refuses_another_organizations_job(
    org: Organization, other_org: Organization
) -> None:
    job = factories.JobFactory(organization=other_org)

    with pytest.raises(CommandError, match="No job"):
        run("notes", "send", "--org", "acme", "--job", str(job.pk))


def test_send_delivers_what_is_due_and_prints_a_summary(
    make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    for name in ["Ada", "Grace", "Linus"]:
        make_note(first_name=name)
    run("notes", "send", "--org", "acme")
    smtp_sink.fail_next("451 4.7.1 Try again later", at="RCPT")
    smtp_sink.fail_next("550 5.1.1 No such user", at="RCPT")

    assert run("send") == "Sent 1, retried 1, bounced 1, failed 0.\n"
    assert len(smtp_sink.received()) == 1


def test_outbox_lists_each_email_with_why_it_is_waiting_or_failed(
    make_note: MakeNote, smtp_sink: SmtpSink, other_org: Organization
) -> None:
    for name in ["Ada", "Grace", "Linus"]:
        make_note(first_name=name, email=f"{name.lower()}@mail.example")
    run("notes", "send", "--org", "acme")
    smtp_sink.fail_next("451 4.7.1 Try again later", at="RCPT")
    smtp_sink.fail_next("550 5.1.1 No such user", at="RCPT")
    run("send")

    printed = run("outbox", "--org", "acme")

    assert printed.splitlines()[0] == (
        "queued 1, sending 0, sent 1, failed 0, bounced 1, cancelled 0"
    )
    assert "queued    1 attempt   Ada Lovelace <ada@mail.example>  next try " in printed
    assert "    ada@mail.example: 451 4.7.1 Try again later" in printed
    assert "bounced   1 attempt   Grace Lovelace <grace@mail.example>" in printed
    assert "    Bounced: grace@mail.example: 550 5.1.1 No such user" in printed
    assert "sent      1 attempt   Linus Lovelace <linus@mail.example>  sent " in printed

    only_bounced = run("outbox", "--org", "acme", "--status", "bounced")
    assert "grace@" in only_bounced and "ada@" not in only_bounced and "linus@" not in only_bounced
    assert run("outbox", "--org", "globex").splitlines() == [
        "queued 0, sending 0, sent 0, failed 0, bounced 0, cancelled 0"
    ]
