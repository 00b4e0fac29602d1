"""Business-day arithmetic in an organization's time zone: pure functions, no ORM.

Deadlines are counted on local dates (zoneinfo) and converted back to aware UTC. A due time
therefore keeps its local wall-clock time across a DST change: "two business days after
Friday 10:00 in Paris" is Tuesday 10:00 in Paris, whatever the UTC offset did on Sunday.
Business days are Monday to Friday minus the organization's holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Holidays = frozenset[dt.date]
NO_HOLIDAYS: Holidays = frozenset()
# A few years of holidays at most; more is a data-entry error, not a policy.
MAX_HOLIDAYS = 400


@lru_cache(maxsize=256)
def zone(name: str, *, fallback: ZoneInfo | None = None) -> ZoneInfo:
    """The ZoneInfo for an IANA name; for an unknown one, `fallback`, else ValueError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if fallback is not None:
            return fallback
        raise ValueError(
            f"Unknown time zone {name!r}; use an IANA name like Europe/Paris."
        ) from None


def parse_holidays(values: Iterable[object]) -> Holidays:
    """ISO dates ("2026-12-25") to a set of dates; ValueError naming the first bad value."""
    days = set()
    for value in values:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            days.add(value)
            continue
        try:
            days.add(dt.date.fromisoformat(str(value).strip()))
        except ValueError:
            raise ValueError(f"{value!r} is not a date; write holidays as 2026-12-25.") from None
    if len(days) > MAX_HOLIDAYS:
        raise ValueError(f"At most {MAX_HOLIDAYS} holidays, got {len(days)}.")
    return frozenset(days)


def is_business_day(day: dt.date, holidays: Holidays = NO_HOLIDAYS) -> bool:
    """Monday to Friday, and not a holiday."""
    return day.weekday() < 5 and day not in holidays


def next_business_day(day: dt.date, holidays: Holidays = NO_HOLIDAYS) -> dt.date:
    """The first business day strictly after `day`."""
    day += dt.timedelta(days=1)
    while not is_business_day(day, holidays):
        day += dt.timedelta(days=1)
    return day


@lru_cache(maxsize=8192)
def add_business_days_to_date(day: dt.date, days: int, holidays: Holidays = NO_HOLIDAYS) -> dt.date:
    """The `days`-th business day after `day` (`day` itself when `days` is 0)."""
    if days < 0:
        raise ValueError("days must not be negative")
    for _ in range(days):
        day = next_business_day(day, holidays)
    return day


def local_date(moment: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The calendar date of an aware moment in the zone."""
    return moment.astimezone(tz).date()


def from_local(wall: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """A naive local wall-clock time in `tz` as an aware UTC datetime.

    A wall time that does not exist (the hour skipped in spring) lands just after the gap, as
    a clock on the wall would show it; an ambiguous one (the hour repeated in autumn) is the
    first of the two.
    """
    return wall.replace(tzinfo=tz, fold=0).astimezone(dt.UTC)


def add_business_days(
    start: dt.datetime, days: int, tz: ZoneInfo, holidays: Holidays = NO_HOLIDAYS
) -> dt.datetime:
    """The same local time of day, `days` business days after `start`'s local date."""
    local = start.astimezone(tz)
    day = add_business_days_to_date(local.date(), days, holidays)
    return from_local(dt.datetime.combine(day, local.time()), tz)


def add_business_hours(
    start: dt.datetime, hours: float, tz: ZoneInfo, holidays: Holidays = NO_HOLIDAYS
) -> dt.datetime:
    """`hours` of local wall-clock time counted on business days only.

    Weekends and holidays do not count: 24 hours after Friday 15:00 is Monday 15:00, and an
    interview held on a Saturday starts its clock on Monday at midnight.
    """
    if hours < 0:
        raise ValueError("hours must not be negative")
    wall = start.astimezone(tz).replace(tzinfo=None)
    if not is_business_day(wall.date(), holidays):
        wall = dt.datetime.combine(next_business_day(wall.date(), holidays), dt.time())
    remaining = dt.timedelta(hours=hours)
    while True:
        midnight = dt.datetime.combine(wall.date() + dt.timedelta(days=1), dt.time())
        if remaining <= midnight - wall:
            return from_local(wall + remaining, tz)
        remaining -= midnight - wall
        wall = dt.datetime.combine(next_business_day(wall.date(), holidays), dt.time())
