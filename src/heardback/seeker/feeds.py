"""Subscribing an application to the employer's heardback feed, and reading it.

On this instance the feed is read directly, through the same check as its web address
(`portal.services.candidate_link_feed_resolve`): a revoked, replaced or expired portal link
stops the subscription exactly as it stops the address. Only the read-only feed address is
kept, never the portal link the seeker pasted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.portal import selectors as portal_selectors
from heardback.portal import services as portal_services
from heardback.seeker.models import Interview, JobApplication, Reminder, Stage

_FEED_PATH = re.compile(r"^/p/feed/(?P<link>\d+)/(?P<token>[A-Za-z0-9_-]{43})\.(?:json|ics)$")
_PAGE_PATH = re.compile(r"^/p/(?P<token>[A-Za-z0-9_-]{43})(?:/.*)?$")
_KINDS = {"screen": "phone", "technical": "technical", "system_design": "technical",
          "onsite": "onsite", "hiring_manager": "video", "take_home": "other"}  # fmt: skip


def _local(url: str) -> str | None:
    """The path of a URL on this instance, else None."""
    base = urlsplit(settings.HEARDBACK_BASE_URL)
    parts = urlsplit(url.strip())
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    return parts.path


def feed_url_for(url: str) -> str:
    """The read-only feed address for a pasted portal link or feed address; ValidationError
    when it is not a working heardback link of this instance."""
    path = _local(url)
    if path is None:
        raise ValidationError(
            _("Paste the address of an application page of this heardback (%(base)s/p/…).")
            % {"base": settings.HEARDBACK_BASE_URL},
            code="elsewhere",
        )
    link = None
    if match := _FEED_PATH.match(path):
        link = portal_services.candidate_link_feed_resolve(match["link"], match["token"])
    elif match := _PAGE_PATH.match(path):
        link = portal_services.candidate_link_resolve(match["token"])
    if link is None:
        raise ValidationError(
            _("This link does not work: it may have expired or been replaced."), code="dead"
        )
    return portal_services.candidate_link_feed_url(link, "json")


def feed_read(feed_url: str) -> dict[str, Any] | None:
    """What the feed says now, or None when it stopped (or never worked)."""
    path = _local(feed_url)
    match = _FEED_PATH.match(path or "")
    if match is None:
        return None
    link = portal_services.candidate_link_feed_resolve(match["link"], match["token"])
    if link is None:
        return None
    return portal_selectors.portal_feed(link=link)


def _date(value: str | None, tz: ZoneInfo) -> dt.date | None:
    if not value:
        return None
    if "T" in value:
        return dt.datetime.fromisoformat(value).astimezone(tz).date()
    return dt.date.fromisoformat(value)


@transaction.atomic
def application_feed_apply(
    application: JobApplication, data: dict[str, Any], *, now: dt.datetime
) -> bool:
    """Bring the application up to date with the employer's feed; True when the employer said
    something new (their reminders are then cancelled: they answered)."""
    tz = ZoneInfo(application.seeker.time_zone)
    today = now.astimezone(tz).date()
    first = application.feed_checked_at is None
    feedback = data.get("feedback") or {}
    step = data.get("next_step") or {}
    next_step = str(step.get("text", ""))[:500]
    new: dict[str, Any] = {
        "employer_status": str(data.get("status", ""))[:20],
        "employer_next_step": next_step,
        "employer_expected_on": _date(step.get("expected_date"), tz),
        "employer_feedback": str(feedback.get("text", "")),
    }
    before = {name: getattr(application, name) for name in new}
    changed = new != before
    for name, value in new.items():
        setattr(application, name, value)
    fresh_interviews = _interviews_apply(application, data.get("interviews") or [])
    status = new["employer_status"]
    stage = application.stage
    if status == "rejected":
        stage = Stage.REJECTED
    elif status == "withdrawn":
        stage = Stage.WITHDRAWN
    elif status == "hired" and stage not in (Stage.OFFER, Stage.SIGNED):
        stage = Stage.OFFER
    elif status == "active" and data.get("interviews") and stage in (Stage.WISHLIST, Stage.APPLIED):
        stage = Stage.INTERVIEWING
    if stage != application.stage:
        decided = _date(data.get("decided_at"), tz)
        application.stage = stage
        application.stage_changed_on = decided or today
    expected = _date(step.get("expected_date"), tz)
    if expected:
        application.next_step_due = expected
    if next_step and (changed or not application.next_step):
        application.next_step = next_step
    answered = (changed or fresh_interviews) and not first
    if first:
        # What the employer did before the subscription counts as contact on its own date.
        heard = [_date(data.get("decided_at"), tz), _date(feedback.get("sent_at"), tz)]
        latest = max((d for d in heard if d), default=None)
        if latest and (application.last_contact_on is None or latest > application.last_contact_on):
            application.last_contact_on = latest
    elif answered:
        application.last_contact_on = today
        application.employer_answered_at = now
    application.feed_checked_at = now
    application.feed_stopped_at = None
    application.save()
    if answered:
        reminders_answered(application)
    return bool(answered)


def _interviews_apply(application: JobApplication, interviews: list[dict[str, Any]]) -> bool:
    """Add the employer's planned interviews the seeker has not got yet; True if any."""
    added = False
    for item in interviews:
        if not item.get("scheduled_at"):
            continue
        key = f"feed:{item.get('id')}"
        starts_at = dt.datetime.fromisoformat(item["scheduled_at"])
        interview, created = Interview.objects.get_or_create(
            application=application,
            feed_key=key,
            defaults={
                "starts_at": starts_at,
                "kind": _KINDS.get(str(item.get("kind")), "other"),
                "notes": "",
            },
        )
        if not created and interview.starts_at != starts_at:
            interview.starts_at = starts_at
            interview.save(update_fields=["starts_at"])
        added = added or created
    return added


def reminders_answered(application: JobApplication) -> int:
    """Cancel the application's open reminders the employer's news made moot."""
    kinds = [Reminder.Kind.FOLLOW_UP, Reminder.Kind.GHOSTED]
    if application.employer_feedback:
        kinds.append(Reminder.Kind.FEEDBACK)
    return Reminder.objects.filter(
        application=application, state=Reminder.State.OPEN, kind__in=kinds
    ).update(state=Reminder.State.CANCELLED, closed_at=timezone.now())


def application_feed_refresh(
    application: JobApplication, *, now: dt.datetime | None = None
) -> bool:
    """Read the application's feed (on this instance, without HTTP) and apply it."""
    if not application.feed_url:
        return False
    now = now or timezone.now()
    data = feed_read(application.feed_url)
    if data is None:
        if application.feed_stopped_at is None:
            JobApplication.objects.filter(pk=application.pk).update(feed_stopped_at=now)
            application.feed_stopped_at = now
        return False
    return application_feed_apply(application, data, now=now)
