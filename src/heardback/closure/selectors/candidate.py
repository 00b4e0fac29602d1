"""What the candidate portal says: the date to expect."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import formats, timezone, translation

from heardback.closure import calendar, clock
from heardback.closure.models import ApplicationClock
from heardback.closure.selectors.facts import clock_facts, clock_policy, closure_policy_for
from heardback.hiring.models import Application


@dataclass(frozen=True)
class CandidateView:
    reading: clock.Reading
    promised: dt.date | None
    policy: clock.Policy


def _candidate_view(application: Application, now: dt.datetime | None) -> CandidateView:
    now = now or timezone.now()
    organization = application.organization
    policy = clock_policy(organization, closure_policy_for(organization))
    (tracked,) = clock_facts(applications=Application.objects.filter(pk=application.pk))
    promised = (
        ApplicationClock.objects.filter(application_id=application.pk)
        .values_list("expected_decision_date", flat=True)
        .first()
    )
    return CandidateView(clock.read(tracked.facts, policy, now), promised, policy)


def _expected_date(view: CandidateView, now: dt.datetime) -> dt.date | None:
    reading, today = view.reading, view.policy.today(now)
    if reading.state in clock.UNDECIDED and view.promised and view.promised >= today:
        return view.promised  # what the candidate was told in a holding update
    if reading.state not in clock.WAITING or reading.expects_at is None:
        return None
    expected = calendar.local_date(reading.expects_at, view.policy.zone)
    # A date already behind us is no promise: say nothing rather than something false.
    return expected if expected >= today else None


def expected_date_for(
    application: Application, *, now: dt.datetime | None = None
) -> dt.date | None:
    """The date the candidate will hear from us by, or None when no date can honestly be given."""
    now = now or timezone.now()
    return _expected_date(_candidate_view(application, now), now)


def long_date(day: dt.date, language: str) -> str:
    """'Tuesday 31 March 2026' / 'mardi 31 mars 2026'."""
    with translation.override(language):
        return formats.date_format(day, "l j F Y")
