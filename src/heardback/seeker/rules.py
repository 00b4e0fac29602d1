"""The companion's reminder rules: plain data in, due reminders out. No Django, no clock.

Every rule is counted on the seeker's local calendar (their IANA time zone): "7 quiet days"
means seven local dates, and a reminder due "on a date" is due at `DAY_STARTS` local time,
so it keeps its wall-clock time across a daylight-saving change. The caller passes `now`
(an aware datetime), the seeker's zone and thresholds, their applications, and the keys of
the reminders that already exist: a key is never due twice.

Keys say what makes a reminder unique:
  thank_you:i<interview>                   one per interview
  follow_up:a<application>:<base>:<n>      the n-th (1…follow_ups_max) since the last contact
  ghosted:a<application>:<base>            once per silence since the last contact
  feedback:a<application>                  once per rejected application
  keep_applying:<ISO year>-W<week>         at most once a local week
A contact from the employer moves <base>: the reminders of the old silence are never due again
(the service cancels the open ones), and a new silence counts from the new date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo

# A reminder due "on a date" is due at this local time; a digest never goes out before it.
DAY_STARTS = dt.time(8, 0)
# A thank-you is suggested this long after an interview starts (the interview is over).
THANK_YOU_AFTER = dt.timedelta(hours=1)

ACTIVE_STAGES = frozenset({"applied", "interviewing", "offer"})


class Kind(StrEnum):
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    GHOSTED = "ghosted"
    FEEDBACK = "feedback"
    KEEP_APPLYING = "keep_applying"


@dataclass(frozen=True)
class Thresholds:
    """The seeker's own settings (the defaults follow common advice for job seekers)."""

    thank_you_hours: int = 24
    follow_up_days: int = 7
    follow_ups_max: int = 2
    ghosted_days: int = 21
    active_min: int = 5


@dataclass(frozen=True)
class InterviewIn:
    id: int
    starts_at: dt.datetime  # aware
    thank_you_sent: bool = False


@dataclass(frozen=True)
class ApplicationIn:
    id: int
    stage: str
    applied_on: dt.date | None = None
    # The last day the employer was heard from (a call, an email, a status from the feed).
    last_contact_on: dt.date | None = None
    # The date the employer promised the next step for.
    next_step_due: dt.date | None = None
    # The day the application was rejected, for the feedback request.
    rejected_on: dt.date | None = None
    # The employer's feedback arrived (through the feed, or noted by the seeker).
    feedback_received: bool = False
    interviews: tuple[InterviewIn, ...] = field(default_factory=tuple)


@dataclass(frozen=True, order=True)
class Due:
    due_at: dt.datetime
    key: str
    kind: Kind
    application_id: int | None = None
    interview_id: int | None = None


def at_day_start(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """`DAY_STARTS` on a local date, as an aware UTC datetime (DST-proof wall-clock time)."""
    return dt.datetime.combine(day, DAY_STARTS, tzinfo=tz).astimezone(dt.UTC)


def last_heard(application: ApplicationIn, now: dt.datetime, tz: ZoneInfo) -> dt.date | None:
    """The local date a silence counts from: the latest of applying, the employer's last
    contact, and the last interview that took place."""
    dates = [d for d in (application.applied_on, application.last_contact_on) if d]
    dates += [
        i.starts_at.astimezone(tz).date() for i in application.interviews if i.starts_at <= now
    ]
    return max(dates) if dates else None


def _thank_you(application: ApplicationIn, now: dt.datetime, thresholds: Thresholds) -> list[Due]:
    due = []
    for interview in application.interviews:
        # In UTC: arithmetic on a zoned datetime counts wall-clock hours, and a DST night
        # has 23 or 25 of them.
        starts = interview.starts_at.astimezone(dt.UTC)
        suggest_at = starts + THANK_YOU_AFTER
        too_late = starts + dt.timedelta(hours=thresholds.thank_you_hours)
        if interview.thank_you_sent or not suggest_at <= now < too_late:
            continue
        due.append(
            Due(
                suggest_at,
                f"thank_you:i{interview.id}",
                Kind.THANK_YOU,
                application.id,
                interview.id,
            )
        )
    return due


def _silences(
    application: ApplicationIn, now: dt.datetime, tz: ZoneInfo, thresholds: Thresholds
) -> list[Due]:
    if application.stage not in ACTIVE_STAGES:
        return []
    base = last_heard(application, now, tz)
    if base is None:
        return []
    ghosted_on = base + dt.timedelta(days=thresholds.ghosted_days)
    # The first follow-up: the day after a promised date passed, else after N quiet days.
    first = base + dt.timedelta(days=thresholds.follow_up_days)
    if application.next_step_due and application.next_step_due >= base:
        first = min(first, application.next_step_due + dt.timedelta(days=1))
    due = []
    for n in range(1, thresholds.follow_ups_max + 1):
        day = first + dt.timedelta(days=thresholds.follow_up_days * (n - 1))
        if day >= ghosted_on:  # past that, it is a silence, not a wait
            break
        due.append(
            Due(at_day_start(day, tz), f"follow_up:a{application.id}:{base}:{n}",
                Kind.FOLLOW_UP, application.id)
        )  # fmt: skip
    due.append(
        Due(at_day_start(ghosted_on, tz), f"ghosted:a{application.id}:{base}",
            Kind.GHOSTED, application.id)
    )  # fmt: skip
    return due


def _feedback(application: ApplicationIn, tz: ZoneInfo) -> list[Due]:
    if application.stage != "rejected" or application.feedback_received:
        return []
    day = application.rejected_on
    if day is None:
        return []
    return [
        Due(at_day_start(day, tz), f"feedback:a{application.id}", Kind.FEEDBACK, application.id)
    ]


def _keep_applying(
    applications: Sequence[ApplicationIn], now: dt.datetime, tz: ZoneInfo, thresholds: Thresholds
) -> list[Due]:
    active = sum(1 for a in applications if a.stage in ACTIVE_STAGES)
    if thresholds.active_min <= 0 or active >= thresholds.active_min:
        return []
    if any(a.stage == "signed" for a in applications):
        return []  # a contract is signed: the search is over
    today = now.astimezone(tz).date()
    year, week, weekday = today.isocalendar()
    monday = today - dt.timedelta(days=weekday - 1)
    return [Due(at_day_start(monday, tz), f"keep_applying:{year}-W{week:02d}", Kind.KEEP_APPLYING)]


def due_reminders(
    *,
    now: dt.datetime,
    zone: str,
    thresholds: Thresholds,
    applications: Sequence[ApplicationIn],
    existing: Iterable[str] = (),
) -> list[Due]:
    """The reminders due at `now` that do not exist yet, oldest first."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    now = now.astimezone(dt.UTC)
    tz = ZoneInfo(zone)
    known = set(existing)
    candidates: list[Due] = []
    for application in applications:
        candidates += _thank_you(application, now, thresholds)
        candidates += _silences(application, now, tz, thresholds)
        candidates += _feedback(application, tz)
    candidates += _keep_applying(applications, now, tz, thresholds)
    due = [d for d in candidates if d.due_at <= now and d.key not in known]
    # Once a silence counts as "ghosted", a follow-up not yet suggested for it comes too late.
    ghosted = {d.application_id for d in due if d.kind == Kind.GHOSTED}
    due = [d for d in due if not (d.kind == Kind.FOLLOW_UP and d.application_id in ghosted)]
    return sorted(due)


def digest_day(
    *, now: dt.datetime, zone: str, last_digest_on: dt.date | None, pending: int
) -> dt.date | None:
    """The local date of a digest to send now, else None: at most one a local day, never
    before `DAY_STARTS` local time, and only with something in it."""
    local = now.astimezone(ZoneInfo(zone))
    today = local.date()
    if pending <= 0 or local.time() < DAY_STARTS or last_digest_on == today:
        return None
    return today


def weekly_day(
    *, now: dt.datetime, zone: str, weekday: int, last_week: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """(the local date, the Monday of its week) of a weekly summary to send now, else None:
    on the seeker's chosen weekday, never before `DAY_STARTS` local time, once a week."""
    local = now.astimezone(ZoneInfo(zone))
    today = local.date()
    week = today - dt.timedelta(days=today.weekday())
    if today.weekday() != weekday or local.time() < DAY_STARTS or last_week == week:
        return None
    return today, week
