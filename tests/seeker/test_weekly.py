"""The weekly summary email: the seeker's weekday from 08:00 their time, once a week."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client

from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.seeker.models import Seeker, WeeklySummary
from heardback.seeker.services import seeker_sweep, weekly_summary_send
from tests.seeker.conftest import application, local, make_seeker

pytestmark = pytest.mark.django_db


def weeklies() -> list[str]:
    return list(
        OutboundEmail.objects.filter(kind="seeker_weekly")
        .order_by("id")
        .values_list("idempotency_key", flat=True)
    )


def sweep_at(zone: str, *when: int) -> None:
    with time_machine.travel(local(zone, *when), tick=False):
        seeker_sweep()
        seeker_sweep()


def test_on_monday_from_0800_local_once_a_week_across_the_spring_dst_change() -> None:
    # Paris moves to summer time on Sunday 29 March 2026: 08:00 is 07:00 UTC before, 06:00 after.
    seeker = make_seeker("sam@example.com", "Europe/Paris", active_min=0)
    application(seeker, company="Initech", applied_on=dt.date(2026, 3, 18))
    application(seeker, company="Hooli", applied_on=dt.date(2026, 3, 27), stage="interviewing")
    sweep_at("Europe/Paris", 2026, 3, 22, 9, 0)  # a Sunday: not the day
    sweep_at("Europe/Paris", 2026, 3, 23, 7, 59)  # Monday, too early
    assert weeklies() == []
    sweep_at("Europe/Paris", 2026, 3, 23, 8, 0)
    sweep_at("Europe/Paris", 2026, 3, 23, 18, 0)
    sweep_at("Europe/Paris", 2026, 3, 25, 9, 0)
    assert weeklies() == [f"seeker_weekly:{seeker.pk}:2026-03-23"]
    # After the change: 07:30 local (05:30 UTC) is still too early, 08:00 local is 06:00 UTC.
    sweep_at("Europe/Paris", 2026, 3, 30, 7, 30)
    assert len(weeklies()) == 1
    with time_machine.travel(dt.datetime(2026, 3, 30, 6, 0, tzinfo=dt.UTC), tick=False):
        seeker_sweep()
    sweep_at("Europe/Paris", 2026, 3, 30, 9, 0)  # 07:00 UTC, the old 08:00: no second one
    assert weeklies() == [
        f"seeker_weekly:{seeker.pk}:2026-03-23", f"seeker_weekly:{seeker.pk}:2026-03-30",
    ]  # fmt: skip
    outbound_emails_deliver_due()
    second = [m for m in mail.outbox if "this week" in m.subject][-1]
    assert second.to == ["sam@example.com"]
    # The seven days before Monday 30 March: Hooli was sent on the 27th, Initech before.
    assert "23 March – 29 March" in second.subject
    assert "Applications sent: 1" in second.body and "Active applications: 2" in second.body
    assert "/me/settings/" in second.body


def test_the_chosen_weekday_in_the_seekers_zone_across_the_autumn_change() -> None:
    # New York leaves summer time on Sunday 1 November 2026; the seeker chose Tuesday.
    seeker = make_seeker("ny@example.com", "America/New_York", weekly_day=1, active_min=0)
    sweep_at("America/New_York", 2026, 10, 26, 9, 0)  # Monday
    assert weeklies() == []
    # Tuesday 08:00 in New York is still Tuesday 12:00 UTC; Monday 23:30 local is Tuesday UTC.
    sweep_at("America/New_York", 2026, 10, 26, 23, 30)
    assert weeklies() == []
    sweep_at("America/New_York", 2026, 10, 27, 8, 5)
    sweep_at("America/New_York", 2026, 11, 3, 7, 55)  # after the change, still too early
    assert len(weeklies()) == 1
    sweep_at("America/New_York", 2026, 11, 3, 8, 0)
    assert [w.day for w in WeeklySummary.objects.filter(seeker=seeker).order_by("day")] == [
        dt.date(2026, 10, 27), dt.date(2026, 11, 3),
    ]  # fmt: skip


def test_never_twice_a_week_even_when_the_day_changes_midweek(seeker_client: Client) -> None:
    seeker = Seeker.objects.get()
    seeker.active_min = 0
    seeker.save()
    sweep_at("Europe/Paris", 2026, 5, 4, 9, 0)  # Monday
    assert len(weeklies()) == 1
    with time_machine.travel(local("Europe/Paris", 2026, 5, 5, 12, 0), tick=False):
        data = {
            "time_zone": "Europe/Paris", "thank_you_hours": 24, "follow_up_days": 7,
            "follow_ups_max": 2, "ghosted_days": 21, "active_min": 0, "email_digest": "on",
            "email_weekly": "on", "weekly_day": 3,
        }  # fmt: skip
        assert seeker_client.post("/me/settings/", data).status_code == 302
    sweep_at("Europe/Paris", 2026, 5, 7, 9, 0)  # Thursday of the same week
    assert len(weeklies()) == 1
    sweep_at("Europe/Paris", 2026, 5, 14, 9, 0)  # Thursday of the next week
    assert len(weeklies()) == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklySummary.objects.create(
            seeker=seeker, week=dt.date(2026, 5, 11), day=dt.date(2026, 5, 12)
        )


def test_no_weekly_email_when_turned_off() -> None:
    seeker = make_seeker("sam@example.com", email_weekly=False, active_min=0)
    with time_machine.travel(local("Europe/Paris", 2026, 5, 4, 9, 0), tick=False):
        assert weekly_summary_send(seeker) is None
        seeker_sweep()
    assert weeklies() == [] and not WeeklySummary.objects.exists()


def test_a_weekly_summary_in_french() -> None:
    seeker = make_seeker("sam@example.com", active_min=0)
    seeker.user.language = "fr"
    seeker.user.save()
    application(seeker, applied_on=dt.date(2026, 5, 1))
    sweep_at("Europe/Paris", 2026, 5, 4, 9, 0)
    email = OutboundEmail.objects.get(kind="seeker_weekly")
    assert "Candidatures envoyées\u00a0: 1" in email.text, email.text
    assert "mai" in email.subject
