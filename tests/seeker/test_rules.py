"""The reminder rules, pure: plain data and an explicit `now`, across time zones and DST."""

from __future__ import annotations

import datetime as dt

import pytest

from heardback.seeker import rules
from heardback.seeker.rules import ApplicationIn, InterviewIn, Kind, Thresholds
from tests.seeker.conftest import local

T = Thresholds(
    thank_you_hours=24, follow_up_days=7, follow_ups_max=2, ghosted_days=21, active_min=0
)


def keys(now: dt.datetime, zone: str, apps: list[ApplicationIn], t: Thresholds = T, existing=()):
    due = rules.due_reminders(
        now=now, zone=zone, thresholds=t, applications=apps, existing=existing
    )
    return [d.key for d in due]


def test_a_thank_you_is_due_an_hour_after_the_interview_and_not_after_the_window() -> None:
    starts = local("America/New_York", 2026, 3, 6, 15, 0)
    app = ApplicationIn(1, "interviewing", interviews=(InterviewIn(9, starts),))
    assert keys(starts + dt.timedelta(minutes=59), "America/New_York", [app]) == []
    assert keys(starts + dt.timedelta(hours=1), "America/New_York", [app]) == ["thank_you:i9"]
    assert keys(starts + dt.timedelta(hours=23, minutes=59), "America/New_York", [app]) == [
        "thank_you:i9"
    ]
    assert keys(starts + dt.timedelta(hours=24), "America/New_York", [app]) == []
    # Sent already, or raised already: never again.
    sent = ApplicationIn(1, "interviewing", interviews=(InterviewIn(9, starts, True),))
    assert keys(starts + dt.timedelta(hours=2), "America/New_York", [sent]) == []
    assert (
        keys(starts + dt.timedelta(hours=2), "America/New_York", [app], existing={"thank_you:i9"})
        == []
    )


def test_the_thank_you_window_is_counted_in_hours_even_across_a_dst_change() -> None:
    # New York springs forward on 8 March 2026: 24 hours after Saturday 15:00 is Sunday 16:00.
    starts = local("America/New_York", 2026, 3, 7, 15, 0)
    app = ApplicationIn(1, "interviewing", interviews=(InterviewIn(9, starts),))
    assert keys(local("America/New_York", 2026, 3, 8, 15, 59), "America/New_York", [app]) == [
        "thank_you:i9"
    ]
    assert keys(local("America/New_York", 2026, 3, 8, 16, 0), "America/New_York", [app]) == []


@pytest.mark.parametrize(
    ("zone", "due_day", "eight_local_in_utc"),
    [
        # Paris leaves winter time on 29 March 2026: 08:00 there is 06:00 UTC that morning.
        ("Europe/Paris", dt.date(2026, 3, 29), dt.datetime(2026, 3, 29, 6, 0, tzinfo=dt.UTC)),
        # Auckland leaves summer time on 5 April 2026: 08:00 is 20:00 UTC the day before.
        ("Pacific/Auckland", dt.date(2026, 4, 5), dt.datetime(2026, 4, 4, 20, 0, tzinfo=dt.UTC)),
        # Kolkata has no DST and a half-hour offset: 08:00 is 02:30 UTC.
        ("Asia/Kolkata", dt.date(2026, 3, 29), dt.datetime(2026, 3, 29, 2, 30, tzinfo=dt.UTC)),
    ],
)
def test_a_follow_up_is_due_at_eight_local_on_the_seventh_quiet_day(
    zone: str, due_day: dt.date, eight_local_in_utc: dt.datetime
) -> None:
    base = due_day - dt.timedelta(days=7)
    app = ApplicationIn(4, "applied", applied_on=base)
    assert keys(eight_local_in_utc - dt.timedelta(minutes=1), zone, [app]) == []
    assert keys(eight_local_in_utc, zone, [app]) == [f"follow_up:a4:{base}:1"]


def test_the_follow_up_keeps_its_local_time_across_the_autumn_change() -> None:
    # Paris falls back on 25 October 2026: the due time moves from 06:00 to 07:00 UTC.
    app = ApplicationIn(4, "applied", applied_on=dt.date(2026, 10, 18))
    assert keys(dt.datetime(2026, 10, 25, 6, 59, tzinfo=dt.UTC), "Europe/Paris", [app]) == []
    assert keys(dt.datetime(2026, 10, 25, 7, 0, tzinfo=dt.UTC), "Europe/Paris", [app]) == [
        "follow_up:a4:2026-10-18:1"
    ]


def test_the_same_moment_is_a_different_local_day_in_two_zones() -> None:
    app = ApplicationIn(4, "applied", applied_on=dt.date(2026, 6, 1))
    moment = dt.datetime(2026, 6, 7, 23, 30, tzinfo=dt.UTC)  # 8 June 08:30 in Tokyo
    assert keys(moment, "Asia/Tokyo", [app]) == ["follow_up:a4:2026-06-01:1"]
    assert keys(moment, "America/Los_Angeles", [app]) == []  # still 7 June there


def test_a_passed_promised_date_brings_the_follow_up_forward_and_two_at_most() -> None:
    app = ApplicationIn(
        4, "interviewing", applied_on=dt.date(2026, 5, 1), next_step_due=dt.date(2026, 5, 4)
    )
    assert keys(local("Europe/Paris", 2026, 5, 4, 23, 0), "Europe/Paris", [app]) == []
    assert keys(local("Europe/Paris", 2026, 5, 5, 8, 0), "Europe/Paris", [app]) == [
        "follow_up:a4:2026-05-01:1"
    ]
    later = keys(local("Europe/Paris", 2026, 5, 20, 9, 0), "Europe/Paris", [app])
    assert later == ["follow_up:a4:2026-05-01:1", "follow_up:a4:2026-05-01:2"]
    # Settings: a single follow-up, or none.
    one = Thresholds(follow_ups_max=1, active_min=0)
    assert keys(local("Europe/Paris", 2026, 5, 20, 9, 0), "Europe/Paris", [app], one) == [
        "follow_up:a4:2026-05-01:1"
    ]


def test_ghosted_after_n_days_and_no_late_follow_up_with_it() -> None:
    app = ApplicationIn(4, "applied", applied_on=dt.date(2026, 1, 1))
    assert keys(local("Europe/Paris", 2026, 1, 22, 7, 59), "Europe/Paris", [app]) == [
        "follow_up:a4:2026-01-01:1", "follow_up:a4:2026-01-01:2",
    ]  # fmt: skip
    assert keys(
        local("Europe/Paris", 2026, 1, 22, 8, 0), "Europe/Paris", [app],
        existing={"follow_up:a4:2026-01-01:1", "follow_up:a4:2026-01-01:2"},
    ) == ["ghosted:a4:2026-01-01"]  # fmt: skip
    # Entered late (two months on), the application gets the silence, not stale follow-ups.
    assert keys(local("Europe/Paris", 2026, 3, 1, 9, 0), "Europe/Paris", [app]) == [
        "ghosted:a4:2026-01-01"
    ]


def test_the_employer_answering_moves_the_silence_so_old_keys_never_come_back() -> None:
    answered = ApplicationIn(
        4, "applied", applied_on=dt.date(2026, 1, 1), last_contact_on=dt.date(2026, 1, 6)
    )
    assert keys(local("Europe/Paris", 2026, 1, 8, 9, 0), "Europe/Paris", [answered]) == []
    assert keys(local("Europe/Paris", 2026, 1, 13, 8, 0), "Europe/Paris", [answered]) == [
        "follow_up:a4:2026-01-06:1"
    ]
    # An interview that took place is contact too.
    interviewed = ApplicationIn(
        4, "interviewing", applied_on=dt.date(2026, 1, 1),
        interviews=(InterviewIn(1, local("Europe/Paris", 2026, 1, 5, 10, 0), True),),
    )  # fmt: skip
    assert keys(local("Europe/Paris", 2026, 1, 12, 8, 0), "Europe/Paris", [interviewed]) == [
        "follow_up:a4:2026-01-05:1"
    ]


@pytest.mark.parametrize("stage", ["rejected", "withdrawn", "signed", "wishlist"])
def test_no_follow_up_or_silence_once_the_application_is_not_active(stage: str) -> None:
    app = ApplicationIn(4, stage, applied_on=dt.date(2026, 1, 1))
    found = keys(local("Europe/Paris", 2026, 3, 1, 9, 0), "Europe/Paris", [app])
    assert not [k for k in found if k.startswith(("follow_up", "ghosted"))]


def test_a_feedback_request_after_a_rejection_unless_the_feedback_came() -> None:
    app = ApplicationIn(4, "rejected", rejected_on=dt.date(2026, 3, 29))
    assert keys(dt.datetime(2026, 3, 29, 5, 59, tzinfo=dt.UTC), "Europe/Paris", [app]) == []
    assert keys(dt.datetime(2026, 3, 29, 6, 0, tzinfo=dt.UTC), "Europe/Paris", [app]) == [
        "feedback:a4"
    ]
    got = ApplicationIn(4, "rejected", rejected_on=dt.date(2026, 3, 29), feedback_received=True)
    assert keys(dt.datetime(2026, 4, 1, tzinfo=dt.UTC), "Europe/Paris", [got]) == []


def test_keep_applying_once_a_local_week_below_the_threshold() -> None:
    t = Thresholds(active_min=3)
    apps = [ApplicationIn(1, "applied"), ApplicationIn(2, "rejected")]
    # Sunday 1 Nov 2026 23:30 in New York is already Monday (week 45) in UTC, not there.
    sunday = local("America/New_York", 2026, 11, 1, 23, 30)
    assert keys(sunday, "America/New_York", apps, t) == ["keep_applying:2026-W44"]
    monday = local("America/New_York", 2026, 11, 2, 8, 0)
    assert keys(monday, "America/New_York", apps, t, existing={"keep_applying:2026-W44"}) == [
        "keep_applying:2026-W45"
    ]
    assert keys(monday, "America/New_York", apps, t, existing={"keep_applying:2026-W45"}) == []
    enough = [ApplicationIn(i, "applied") for i in range(3)]
    assert keys(monday, "America/New_York", enough, t) == []
    signed = [*apps, ApplicationIn(3, "signed")]
    assert keys(monday, "America/New_York", signed, t) == []


def test_a_digest_at_most_once_a_local_day_and_not_before_eight() -> None:
    zone = "Pacific/Auckland"
    early = local(zone, 2026, 4, 5, 7, 59)  # the morning summer time ends
    assert rules.digest_day(now=early, zone=zone, last_digest_on=None, pending=2) is None
    eight = local(zone, 2026, 4, 5, 8, 0)
    assert rules.digest_day(now=eight, zone=zone, last_digest_on=None, pending=2) == dt.date(
        2026, 4, 5
    )
    assert (
        rules.digest_day(now=eight, zone=zone, last_digest_on=dt.date(2026, 4, 5), pending=2)
        is None
    )
    assert (
        rules.digest_day(now=eight, zone=zone, last_digest_on=dt.date(2026, 4, 4), pending=0)
        is None
    )


def test_rules_refuse_a_naive_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        rules.due_reminders(now=dt.datetime(2026, 1, 1), zone="UTC", thresholds=T, applications=[])


def test_kinds_are_the_models_kinds() -> None:
    from heardback.seeker.models import Reminder

    assert {k.value for k in Kind} == set(Reminder.Kind.values)
