"""Business days in the organization's time zone: weekends, holidays, DST, three continents."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heardback.closure import calendar
from heardback.closure.calendar import add_business_days, add_business_hours

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC = dt.UTC


def at(tz: ZoneInfo, *parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=tz)  # type: ignore[misc]


def test_one_business_day_after_friday_is_monday_at_the_same_time() -> None:
    friday = at(PARIS, 2026, 3, 6, 17, 30)
    assert add_business_days(friday, 1, PARIS) == at(PARIS, 2026, 3, 9, 17, 30)


def test_a_weekend_day_counts_from_the_next_business_day() -> None:
    saturday = at(PARIS, 2026, 3, 7, 11)
    assert add_business_days(saturday, 1, PARIS) == at(PARIS, 2026, 3, 9, 11)
    assert add_business_days(saturday, 5, PARIS) == at(PARIS, 2026, 3, 13, 11)


def test_zero_business_days_is_the_start_itself() -> None:
    sunday = at(PARIS, 2026, 3, 8, 11)
    assert add_business_days(sunday, 0, PARIS) == sunday


def test_holidays_are_skipped_like_weekends() -> None:
    # Easter Monday 2026 in France: two business days after Friday land on Wednesday.
    holidays = calendar.parse_holidays(["2026-04-06"])
    friday = at(PARIS, 2026, 4, 3, 15)
    assert add_business_days(friday, 2, PARIS, holidays) == at(PARIS, 2026, 4, 8, 15)
    assert add_business_days(friday, 2, PARIS) == at(PARIS, 2026, 4, 7, 15)


def test_a_due_date_across_the_last_sunday_of_march_in_paris_keeps_its_local_time() -> None:
    # Friday 27 March 2026, 10:00 CET is 09:00 UTC; clocks go forward on Sunday the 29th.
    friday = dt.datetime(2026, 3, 27, 9, tzinfo=UTC)
    due = add_business_days(friday, 2, PARIS)
    assert due.astimezone(PARIS) == at(PARIS, 2026, 3, 31, 10)
    assert due == dt.datetime(2026, 3, 31, 8, tzinfo=UTC)  # 10:00 CEST
    assert due.tzinfo == UTC


def test_new_york_deadlines_cross_both_dst_changes() -> None:
    spring = add_business_days(at(NEW_YORK, 2026, 3, 6, 17), 1, NEW_YORK)
    assert spring == dt.datetime(2026, 3, 9, 21, tzinfo=UTC)  # 17:00 EDT
    autumn = add_business_days(at(NEW_YORK, 2026, 10, 30, 9), 1, NEW_YORK)
    assert autumn == dt.datetime(2026, 11, 2, 14, tzinfo=UTC)  # 09:00 EST


def test_tokyo_counts_in_local_dates_and_skips_golden_week() -> None:
    golden_week = calendar.parse_holidays(["2026-04-29", "2026-05-04", "2026-05-05", "2026-05-06"])
    # 23:30 UTC on Thursday 30 April is already Friday 1 May, 08:30, in Tokyo.
    start = dt.datetime(2026, 4, 30, 23, 30, tzinfo=UTC)
    assert calendar.local_date(start, TOKYO) == dt.date(2026, 5, 1)
    assert add_business_days(start, 1, TOKYO, golden_week) == at(TOKYO, 2026, 5, 7, 8, 30)


def test_scorecard_hours_skip_the_weekend() -> None:
    assert add_business_hours(at(PARIS, 2026, 3, 6, 15), 24, PARIS) == at(PARIS, 2026, 3, 9, 15)
    assert add_business_hours(at(PARIS, 2026, 3, 5, 15), 24, PARIS) == at(PARIS, 2026, 3, 6, 15)
    assert add_business_hours(at(PARIS, 2026, 3, 5, 15), 48, PARIS) == at(PARIS, 2026, 3, 9, 15)


def test_an_interview_on_a_saturday_starts_its_clock_on_monday_morning() -> None:
    saturday = at(PARIS, 2026, 3, 7, 10)
    assert add_business_hours(saturday, 24, PARIS) == at(PARIS, 2026, 3, 10, 0)
    assert add_business_hours(saturday, 6, PARIS) == at(PARIS, 2026, 3, 9, 6)


def test_scorecard_hours_skip_holidays() -> None:
    holidays = calendar.parse_holidays(["2026-03-09"])
    due = add_business_hours(at(PARIS, 2026, 3, 6, 15), 24, PARIS, holidays)
    assert due == at(PARIS, 2026, 3, 10, 15)


def test_a_wall_time_skipped_by_dst_on_a_business_day_lands_after_the_gap() -> None:
    # Cairo springs forward on Friday 24 April 2026 at midnight: 00:30 does not exist.
    cairo = ZoneInfo("Africa/Cairo")
    due = add_business_hours(at(cairo, 2026, 4, 23, 0, 30), 24, cairo)
    assert due.astimezone(cairo).replace(tzinfo=None) == dt.datetime(2026, 4, 24, 1, 30)


def test_bad_holidays_and_zones_are_refused_with_the_value() -> None:
    with pytest.raises(ValueError, match="'25/12/2026' is not a date"):
        calendar.parse_holidays(["2026-01-01", "25/12/2026"])
    with pytest.raises(ValueError, match="Mars/Olympus_Mons"):
        calendar.zone("Mars/Olympus_Mons")
    with pytest.raises(ValueError):
        add_business_days(at(PARIS, 2026, 3, 6, 9), -1, PARIS)


ZONES = st.sampled_from([PARIS, NEW_YORK, TOKYO])
MOMENTS = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2028, 12, 31)).map(
    lambda moment: moment.replace(tzinfo=UTC)
)


@given(start=MOMENTS, days=st.integers(1, 40), tz=ZONES)
def test_a_deadline_always_lands_on_a_later_business_day_at_the_same_local_time(
    start: dt.datetime, days: int, tz: ZoneInfo
) -> None:
    due = add_business_days(start, days, tz)
    local_start, local_due = start.astimezone(tz), due.astimezone(tz)
    assert calendar.is_business_day(local_due.date())
    assert local_due.date() > local_start.date()
    # Same wall-clock time, except a time that did not exist on that day (none in these zones
    # on a business day).
    assert local_due.time() == local_start.time()
    assert add_business_days(start, days + 1, tz) > due


@given(start=MOMENTS, hours=st.integers(0, 120), tz=ZONES)
def test_business_hours_never_end_on_a_weekend_and_grow_with_the_hours(
    start: dt.datetime, hours: int, tz: ZoneInfo
) -> None:
    due = add_business_hours(start, hours, tz)
    assert due >= start
    local = due.astimezone(tz)
    # Ending exactly at midnight closes the last business day, whatever day follows.
    closing = local.time() == dt.time() and calendar.is_business_day(local.date() - dt.timedelta(1))
    assert calendar.is_business_day(local.date()) or closing
    assert add_business_hours(start, hours + 1, tz) > due
