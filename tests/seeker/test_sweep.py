"""The rules as the worker runs them: stored once, closed when answered, one digest a day."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction

from heardback.core import periodic
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.seeker.models import Digest, Interview, Reminder, Seeker
from heardback.seeker.services import (
    application_save,
    interview_thank_you_sent,
    seeker_sweep,
)
from tests.seeker.conftest import application, local, make_seeker

pytestmark = pytest.mark.django_db


def open_keys(seeker: Seeker) -> list[str]:
    return sorted(
        Reminder.objects.filter(seeker=seeker, state="open").values_list("key", flat=True)
    )


def test_the_sweep_is_registered_with_the_worker() -> None:
    assert "seeker.sweep" in {job.name for job in periodic.registered()}


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Asia/Kolkata"])
def test_a_thank_you_after_the_interview_once_and_done_when_sent(zone: str) -> None:
    seeker = make_seeker("sam@example.com", zone, active_min=0)
    app = application(seeker, stage="interviewing")
    interview = Interview.objects.create(
        application=app, starts_at=local(zone, 2026, 3, 8, 14, 0), interviewers="Ana Diaz"
    )
    with time_machine.travel(local(zone, 2026, 3, 8, 14, 30), tick=False):
        seeker_sweep()
        assert open_keys(seeker) == []
    with time_machine.travel(local(zone, 2026, 3, 8, 15, 5), tick=False):
        seeker_sweep()
        seeker_sweep()  # a second worker, or the next tick: nothing twice
        assert open_keys(seeker) == [f"thank_you:i{interview.pk}"]
        assert Reminder.objects.filter(seeker=seeker).count() == 1
        interview_thank_you_sent(interview=interview)
        assert open_keys(seeker) == []
    with time_machine.travel(local(zone, 2026, 3, 8, 18, 0), tick=False):
        seeker_sweep()
        assert Reminder.objects.get(seeker=seeker).state == "done"


def test_the_same_reminder_cannot_be_stored_twice() -> None:
    seeker = make_seeker("sam@example.com")
    Reminder.objects.create(
        seeker=seeker, kind="ghosted", key="ghosted:a1:2026-01-01", due_at=local("UTC", 2026, 1, 1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(
            seeker=seeker,
            kind="ghosted",
            key="ghosted:a1:2026-01-01",
            due_at=local("UTC", 2026, 1, 2),
        )


@pytest.mark.parametrize(
    ("zone", "spring"),
    [
        ("Europe/Paris", (2026, 3, 29)),
        ("America/New_York", (2026, 3, 8)),
        ("Australia/Sydney", (2026, 10, 4)),
    ],
)
def test_follow_ups_and_silence_on_local_days_across_a_dst_change(
    zone: str, spring: tuple[int, int, int]
) -> None:
    seeker = make_seeker("sam@example.com", zone, active_min=0)
    applied = dt.date(*spring) - dt.timedelta(days=7)
    app = application(seeker, applied_on=applied)
    with time_machine.travel(local(zone, *spring, 7, 59), tick=False):
        seeker_sweep()
        assert open_keys(seeker) == []
    with time_machine.travel(local(zone, *spring, 8, 0), tick=False):
        seeker_sweep()
        assert open_keys(seeker) == [f"follow_up:a{app.pk}:{applied}:1"]
    with time_machine.travel(local(zone, *spring, 8, 0) + dt.timedelta(days=7), tick=False):
        seeker_sweep()
        assert len(open_keys(seeker)) == 2  # the second and last follow-up
    with time_machine.travel(local(zone, *spring, 8, 0) + dt.timedelta(days=60), tick=False):
        seeker_sweep()
        assert open_keys(seeker)[-1] == f"ghosted:a{app.pk}:{applied}"
        assert Reminder.objects.filter(kind="follow_up").count() == 2  # never a third


def test_an_answer_from_the_employer_cancels_the_open_follow_ups() -> None:
    seeker = make_seeker("sam@example.com", active_min=0)
    app = application(seeker, applied_on=dt.date(2026, 2, 1))
    with time_machine.travel(local("Europe/Paris", 2026, 2, 9, 9, 0), tick=False):
        seeker_sweep()
        assert open_keys(seeker) == [f"follow_up:a{app.pk}:2026-02-01:1"]
        application_save(
            seeker=seeker, application=app, data={"last_contact_on": dt.date(2026, 2, 9)}
        )
        seeker_sweep()
        assert open_keys(seeker) == []
        assert Reminder.objects.get(seeker=seeker).state == "cancelled"
    # The new silence counts from the answer.
    with time_machine.travel(local("Europe/Paris", 2026, 2, 16, 8, 0), tick=False):
        seeker_sweep()
        assert open_keys(seeker) == [f"follow_up:a{app.pk}:2026-02-09:1"]


def test_a_rejection_brings_a_feedback_request_and_a_keep_applying_nudge() -> None:
    seeker = make_seeker("sam@example.com", "America/New_York", active_min=2)
    app = application(seeker, applied_on=dt.date(2026, 11, 1))
    with time_machine.travel(local("America/New_York", 2026, 11, 3, 10, 0), tick=False):
        application_save(seeker=seeker, application=app, data={"stage": "rejected"})
        seeker_sweep()
        assert open_keys(seeker) == [f"feedback:a{app.pk}", "keep_applying:2026-W45"]


def test_one_digest_a_local_day_through_the_outbox(settings: object) -> None:
    seeker = make_seeker("sam@example.com", "Pacific/Auckland", active_min=0)
    application(seeker, company="Initech", role="Analyst", applied_on=dt.date(2026, 3, 28))
    application(seeker, company="Hooli", role="Engineer", applied_on=dt.date(2026, 3, 29))
    with time_machine.travel(local("Pacific/Auckland", 2026, 4, 4, 8, 30), tick=False):
        seeker_sweep()  # Initech's follow-up is due
        seeker_sweep()
        assert Digest.objects.count() == 1
        emails = OutboundEmail.objects.filter(kind="seeker_digest")
        assert emails.count() == 1
    with time_machine.travel(local("Pacific/Auckland", 2026, 4, 5, 7, 0), tick=False):
        seeker_sweep()  # Hooli's is due at 08:00: not before, and no digest before 08:00
        assert Digest.objects.count() == 1
    with time_machine.travel(local("Pacific/Auckland", 2026, 4, 5, 9, 0), tick=False):
        seeker_sweep()
        seeker_sweep()
        assert list(Digest.objects.order_by("day").values_list("day", flat=True)) == [
            dt.date(2026, 4, 4), dt.date(2026, 4, 5),
        ]  # fmt: skip
        outbound_emails_deliver_due()
    sent = [m for m in mail.outbox if m.to == ["sam@example.com"]]
    assert len(sent) == 2
    assert "Initech" in sent[0].body and "Hooli" not in sent[0].body
    assert "Hooli" in sent[1].body and "/me/" in sent[1].body
    assert sent[0].subject == "Your job search today: 1 thing to do"


def test_no_digest_email_when_the_seeker_turned_it_off() -> None:
    seeker = make_seeker("sam@example.com", email_digest=False, active_min=0)
    application(seeker, applied_on=dt.date(2026, 1, 1))
    with time_machine.travel(local("Europe/Paris", 2026, 1, 10, 9, 0), tick=False):
        seeker_sweep()
    assert Digest.objects.get().emailed is False
    assert not OutboundEmail.objects.filter(kind="seeker_digest").exists()


def test_a_digest_in_french_for_a_french_seeker() -> None:
    seeker = make_seeker("sam@example.com", active_min=0)
    seeker.user.language = "fr"
    seeker.user.save()
    application(seeker, applied_on=dt.date(2026, 1, 1))
    with time_machine.travel(local("Europe/Paris", 2026, 1, 10, 9, 0), tick=False):
        seeker_sweep()
    email = OutboundEmail.objects.get(kind="seeker_digest")
    assert "Relancer" in email.text, email.text


def test_the_worker_waits_before_its_first_sweep(monkeypatch: pytest.MonkeyPatch) -> None:
    from heardback.seeker import services, tasks

    calls: list[int] = []
    monkeypatch.setattr(services, "seeker_sweep", lambda: calls.append(1))
    sweep = tasks.PeriodicSweep(started=1000.0, settle=150.0)
    monkeypatch.setattr(tasks.time, "monotonic", lambda: 1100.0)
    sweep()
    assert calls == []
    monkeypatch.setattr(tasks.time, "monotonic", lambda: 1150.0)
    sweep()
    assert calls == [1]
