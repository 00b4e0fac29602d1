"""Rendering the portal's emails (templates/portal/emails/) and queueing them in the outbox."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django.utils import formats, timezone

from heardback.accounts.models import User
from heardback.closure import calendar
from heardback.core import mail
from heardback.hiring.models import Application
from heardback.outbox import delivery
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import email_enqueue
from heardback.portal.texts import texts_for


def local_date(value: datetime, time_zone: str) -> str:
    """A date as the candidate reads it: in the organization's time zone and active language."""
    return formats.date_format(timezone.localtime(value, zone_or_utc(time_zone)), "j F Y")


def zone_or_utc(name: str) -> zoneinfo.ZoneInfo:
    """The named time zone, UTC when the name is unknown (a page must still show a date)."""
    return calendar.zone(name, fallback=zoneinfo.ZoneInfo("UTC"))


def recruiter_mailbox(application: Application, fallback: User | None = None) -> str | None:
    """The Reply-To of a candidate email: the job's recruiter (else `fallback`)."""
    recruiter = application.job.recruiter or fallback
    if recruiter is None:
        return None
    return delivery.mailbox(recruiter.full_name, recruiter.email, field="reply_to")


def candidate_email_enqueue(
    *,
    application: Application,
    name: str,
    context: dict[str, Any],
    key: str,
    reply_to: str | None,
    kind: str,
) -> OutboundEmail | None:
    """Queue a portal email to the application's candidate, in their language (None: no address)."""
    candidate, organization = application.candidate, application.organization
    if not candidate.email:
        return None
    language = candidate.language
    t = texts_for(language)
    context = {
        **context,
        "t": t,
        "lang": language,
        "greeting": t["email_greeting"].format(name=candidate.first_name),
        "signoff": t["email_signoff"].format(org=organization.name),
    }
    subject, text, html = mail.render_email(f"portal/emails/{name}", language, context)
    return email_enqueue(
        organization=organization,
        to=delivery.mailbox(candidate.full_name, candidate.email, field="to"),
        subject=subject,
        text=text,
        html=html,
        reply_to=reply_to,
        idempotency_key=key,
        application=application,
        kind=kind,
    )
