"""Candidate links: issue, resolve, revoke, replace, re-issue by email."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation

from heardback.accounts.models import User
from heardback.accounts.services import audit, audit_many
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail
from heardback.portal import tokens
from heardback.portal.models import CandidateLink
from heardback.portal.services.common import (
    CANDIDATE_VIA,
    LAST_USED_GRANULARITY,
    REISSUE_APPLICATIONS_MAX,
    clean_text,
)
from heardback.portal.services.emails import candidate_email_enqueue, local_date, recruiter_mailbox
from heardback.portal.texts import texts_for

logger = logging.getLogger(__name__)


def candidate_link_token(link: CandidateLink) -> str:
    """The raw token of a link, recomputed from the secret (it is never stored)."""
    return tokens.token_for(application_id=link.application_id, nonce=link.nonce)


def candidate_link_url(link: CandidateLink) -> str:
    """The address of a link: {HEARDBACK_BASE_URL}/p/<token>/."""
    return f"{settings.HEARDBACK_BASE_URL}/p/{candidate_link_token(link)}/"


FEED_FORMATS = ("json", "ics")


def candidate_link_feed_url(link: CandidateLink, fmt: str = "json") -> str:
    """The address of the link's read-only status feed (JSON or iCalendar)."""
    token = tokens.feed_token_for(application_id=link.application_id, nonce=link.nonce)
    return f"{settings.HEARDBACK_BASE_URL}/p/feed/{link.pk}/{token}.{fmt}"


def candidate_link_feed_resolve(link_id: int | str, token: str) -> CandidateLink | None:
    """The live link whose feed `token` opens, else None: unknown, tampered, another link's,
    expired, revoked and rotated-secret feeds alike."""
    if not tokens.token_well_formed(token):
        return None
    try:
        link = CandidateLink.objects.select_related("organization", "application").get(
            pk=int(link_id)
        )
    except (CandidateLink.DoesNotExist, ValueError, TypeError):
        return None
    expected = tokens.feed_token_for(application_id=link.application_id, nonce=link.nonce)
    if not hmac.compare_digest(expected, token):
        return None
    if not link.is_live() or not _matches_secret(link):
        return None
    return link


def candidate_link_urls(*, link: CandidateLink) -> dict[int, str]:
    """For the data export: the address of each of the link's candidate's applications, as
    their emails carried it (their live link), else this link's own; issues no link."""
    application = link.application
    ids = list(
        Application.objects.filter(candidate_id=application.candidate_id).values_list(
            "pk", flat=True
        )
    )
    own = candidate_link_url(link)
    urls = dict.fromkeys(ids, own)
    live = CandidateLink.objects.filter(
        application_id__in=ids, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("expires_at", "id")  # the latest-expiring last: it wins, as when emails go out
    for other in live.exclude(application_id=application.pk):
        if _matches_secret(other):
            urls[other.application_id] = candidate_link_url(other)
    urls[application.pk] = own
    return urls


def _matches_secret(link: CandidateLink) -> bool:
    # After SECRET_KEY rotates, a stored hash no longer matches what we can compute: the old
    # link must stop working, and no email may carry a token that cannot be looked up.
    expected = tokens.token_hash(candidate_link_token(link))
    return hmac.compare_digest(expected, link.token_hash)


def candidate_link_addresses(application_ids: Sequence[int]) -> dict[int, str]:
    """Each application's link address, issuing links where needed: the outbox's resolver."""
    applications = list(Application.objects.filter(pk__in=application_ids).only("organization_id"))
    issued = candidate_links_issue(applications=applications)
    return {pk: candidate_link_url(link) for pk, link in issued.items()}


def candidate_link_issue(*, application: Application, actor: User | None = None) -> CandidateLink:
    """The application's live link, or a new one valid PORTAL_LINK_DAYS days."""
    return candidate_links_issue(applications=[application], actor=actor)[application.pk]


@transaction.atomic
def candidate_links_issue(
    *, applications: Sequence[Application], actor: User | None = None
) -> dict[int, CandidateLink]:
    """Each application's live link, issuing new ones where needed: a few queries in all.

    The outbox asks for a whole batch's links at once; a single link is the one-item case.
    """
    ids = sorted(application.pk for application in applications)
    # The outbox and a re-issue request may both want a link for the same application at
    # once: the row locks (taken in id order, so two callers never deadlock) make them agree.
    list(Application.objects.select_for_update().filter(pk__in=ids).order_by("pk").values("pk"))
    now = timezone.now()
    live = CandidateLink.objects.filter(
        application_id__in=ids, revoked_at__isnull=True, expires_at__gt=now
    ).order_by("-expires_at", "-id")
    given = {application.pk: application for application in applications}
    links: dict[int, CandidateLink] = {}
    for link in live:
        if link.application_id not in links and _matches_secret(link):
            link.application = given[link.application_id]
            links[link.application_id] = link
    missing = [application for pk, application in given.items() if pk not in links]
    if not missing:
        return links
    # Live links that no longer match the secret (SECRET_KEY rotated) must stop working.
    live.filter(application_id__in=[application.pk for application in missing]).update(
        revoked_at=now
    )
    created = CandidateLink.objects.bulk_create(
        [_link_new(application, now) for application in missing]
    )
    audit_many(
        actor=actor,
        action="portal.link_issue",
        objects=created,
        data=lambda link: {
            "application": link.application_id,
            "expires_at": link.expires_at.isoformat(),
        },
    )
    links.update((link.application_id, link) for link in created)
    return links


def _link_new(application: Application, now: datetime) -> CandidateLink:
    nonce = tokens.nonce_new()
    return CandidateLink(
        organization_id=application.organization_id,
        application=application,
        nonce=nonce,
        token_hash=tokens.token_hash(tokens.token_for(application_id=application.pk, nonce=nonce)),
        created_at=now,
        expires_at=now + timedelta(days=settings.PORTAL_LINK_DAYS),
    )


def candidate_link_resolve(token: str) -> CandidateLink | None:
    """The live link a token opens, else None: unknown, malformed, expired, revoked alike."""
    if not tokens.token_well_formed(token):
        return None
    link = (
        CandidateLink.objects.select_related(
            "organization", "application__candidate", "application__job__recruiter"
        )
        .filter(token_hash=tokens.token_hash(token))
        .first()
    )
    now = timezone.now()
    if link is None or not link.is_live(now) or not _matches_secret(link):
        return None
    if link.last_used_at is None or link.last_used_at < now - LAST_USED_GRANULARITY:
        CandidateLink.objects.filter(pk=link.pk).update(last_used_at=now)
        link.last_used_at = now
    return link


@transaction.atomic
def candidate_link_revoke(*, actor: User | None, link: CandidateLink) -> CandidateLink:
    """Stop a link working at once; the next link for the application gets a new nonce."""
    now = timezone.now()
    if CandidateLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=now):
        link.revoked_at = now
        audit(
            organization=link.organization,
            actor=actor,
            action="portal.link_revoke",
            obj=link,
            **({} if actor else {"via": CANDIDATE_VIA}),
        )
    return link


@transaction.atomic
def candidate_link_replace(*, link: CandidateLink) -> CandidateLink:
    """Revoke a link the candidate shared by mistake and email them a new one."""
    candidate_link_revoke(actor=None, link=link)
    fresh = candidate_link_issue(application=link.application)
    link_email(fresh)
    return fresh


@transaction.atomic
def candidate_link_reissue_request(*, email: str) -> int:
    """Email a link to each application of this address; callers answer alike either way."""
    address = clean_text(email)
    validate_email(address)
    applications = list(
        Application.objects.filter(candidate__email__iexact=address)
        .select_related("organization", "candidate", "job__recruiter")
        .order_by("-applied_at", "-id")[:REISSUE_APPLICATIONS_MAX]
    )
    sent = 0
    for application in applications:
        # The live link is sent again rather than replaced: anyone can type anyone's address
        # here, and that must not break the link a candidate already has.
        try:
            with transaction.atomic():
                link_email(candidate_link_issue(application=application))
        except ValidationError:
            # An address the outbox refuses (an organization's bad sender, say) must neither
            # stop the other applications' links nor tell the visitor this address is known.
            logger.exception("portal: no link email for application %s", application.pk)
            continue
        sent += 1
    return sent


def link_email(link: CandidateLink) -> OutboundEmail | None:
    """Queue the email that gives a candidate their link."""
    application = link.application
    t = texts_for(application.candidate.language)
    with translation.override(application.candidate.language):
        expires = local_date(link.expires_at, application.organization.time_zone)
    return candidate_email_enqueue(
        application=application,
        name="link",
        context={
            "subject": t["email_link_subject"].format(org=application.organization.name),
            "body": t["email_link_body"].format(job=application.job.title),
            "keep": t["email_link_keep"].format(date=expires),
            # The worker puts the application's live link here when it sends the email.
            "url": PORTAL_URL_PLACEHOLDER,
        },
        # At most one email per link an hour, whoever asks: the form cannot flood a mailbox.
        key=f"portal_link:{link.pk}:{timezone.now():%Y%m%d%H}",
        reply_to=recruiter_mailbox(application),
        kind="portal_link",
    )
