"""Writes of the partner network: every one is audited in both organizations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.accounts.services import audit
from heardback.hiring.models import Application, Candidate
from heardback.partners import selectors
from heardback.partners.models import (
    MESSAGE_MAX_LENGTH,
    PartnerInvitation,
    PartnerProfile,
    Partnership,
)
from heardback.portal.models import CandidateLink, Consent
from heardback.portal.services.common import CANDIDATE_VIA, lock_candidate
from heardback.reroute.services import candidate_email

DECIDE = Capability.DECIDE_REJECTIONS


def audit_both(
    *, organizations: tuple[Organization, Organization], actor: User | None, action: str,
    obj: Any, **data: Any,
) -> None:  # fmt: skip
    """The same event in the log of each organization concerned."""
    for organization in organizations:
        audit(organization=organization, actor=actor, action=action, obj=obj, **data)


def _require_admin(actor: User, organization: Organization) -> None:
    if not user_can(user=actor, organization=organization, capability=Capability.MANAGE_MEMBERS):
        raise PermissionDenied


def _require_decider(actor: User, organization: Organization) -> None:
    if not user_can(user=actor, organization=organization, capability=DECIDE):
        raise PermissionDenied


@transaction.atomic
def partnership_propose(*, actor: User, organization: Organization, slug: str) -> Partnership:
    """Propose a partnership to the organization with this slug; its admins accept or not."""
    _require_admin(actor, organization)
    other = Organization.objects.filter(slug=slug.strip().lower()).first()
    if other is None or other.pk == organization.pk:
        raise ValidationError({"slug": _("No other organization has that identifier.")})
    Organization.objects.select_for_update().filter(pk__in=[organization.pk, other.pk]).count()
    if Partnership.objects.filter(
        Q(proposer=organization, partner=other) | Q(proposer=other, partner=organization),
        ended_at__isnull=True,
    ).exists():
        raise ValidationError({"slug": _("A partnership with that organization already exists.")})
    partnership = Partnership.objects.create(
        proposer=organization, partner=other, proposed_by=actor
    )
    audit_both(
        organizations=(organization, other), actor=actor, action="partners.propose",
        obj=partnership, proposer=organization.slug, partner=other.slug,
    )  # fmt: skip
    return partnership


@transaction.atomic
def partnership_accept(*, actor: User, partnership: Partnership) -> Partnership:
    """An admin of the organization the partnership was proposed to accepts it."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    _require_admin(actor, partnership.partner)
    if partnership.accepted_at is not None or partnership.ended_at is not None:
        raise ValidationError(_("This partnership is not waiting for an answer."))
    partnership.accepted_at, partnership.accepted_by = timezone.now(), actor
    partnership.save(update_fields=["accepted_at", "accepted_by"])
    audit_both(
        organizations=(partnership.proposer, partnership.partner), actor=actor,
        action="partners.accept", obj=partnership,
    )  # fmt: skip
    return partnership


@transaction.atomic
def partnership_end(*, actor: User, organization: Organization, partnership: Partnership) -> None:
    """Either side ends (or declines, or withdraws) the partnership: its pools close at once."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if organization.pk not in (partnership.proposer_id, partnership.partner_id):
        raise PermissionDenied
    _require_admin(actor, organization)
    if partnership.ended_at is not None:
        return
    partnership.ended_at, partnership.ended_by = timezone.now(), actor
    partnership.save(update_fields=["ended_at", "ended_by"])
    audit_both(
        organizations=(partnership.proposer, partnership.partner), actor=actor,
        action="partners.end", obj=partnership, by=organization.slug,
    )  # fmt: skip


def profile_view(*, actor: User, organization: Organization, ref: int) -> selectors.Profile:
    """A partner opens one profile: audited in both organizations."""
    _require_decider(actor, organization)
    profile, consent = selectors.profile_get(organization=organization, ref=ref)
    audit_both(
        organizations=(organization, consent.organization), actor=actor,
        action="partners.profile_view", obj=consent, viewer=organization.slug,
    )  # fmt: skip
    return profile


def pool_view(*, actor: User, organization: Organization, query: str) -> list[selectors.Profile]:
    """A partner lists its pool: one event per organization whose candidates it saw."""
    _require_decider(actor, organization)
    profiles = selectors.pool(organization=organization, query=query)
    by_home: dict[int, list[int]] = {}
    homes = {}
    for p in profiles:
        by_home.setdefault(p.home.pk, []).append(p.ref)
        homes[p.home.pk] = p.home
    for home_id, refs in by_home.items():
        audit_both(
            organizations=(organization, homes[home_id]), actor=actor,
            action="partners.pool_view", obj=None, viewer=organization.slug, consents=refs,
        )  # fmt: skip
    return profiles


def _latest_application(candidate_id: int) -> Application:
    return (
        Application.objects.select_related("candidate", "organization", "job__recruiter")
        .filter(candidate_id=candidate_id)
        .order_by("-applied_at", "-id")[:1]
        .get()
    )


@transaction.atomic
def partner_invite(
    *, actor: User, organization: Organization, ref: int, job_title: str, message: str = ""
) -> PartnerInvitation:
    """Invite the candidate behind a profile to talk about a role; they see it on their page
    and by email, and decide whether the partner may have their contact details."""
    _require_decider(actor, organization)
    consent = selectors.profile_get(organization=organization, ref=ref)[1]
    job_title, message = " ".join(job_title.split()), message.strip()
    if not job_title:
        raise ValidationError({"job_title": _("Name the role you are inviting them to.")})
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError({"message": _("The message is too long.")})
    try:
        with transaction.atomic():
            invitation = PartnerInvitation.objects.create(
                organization=organization, home=consent.organization,
                candidate=consent.candidate, consent=consent, job_title=job_title,
                message=message, invited_by=actor,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(_("This candidate already has an invitation from you.")) from None
    application = _latest_application(consent.candidate_id)
    candidate_email(
        application=application,
        template="partners/emails/invitation",
        context={"invitation": invitation, "partner": organization, "job_title": job_title},
        key=f"partners-invitation-{invitation.pk}",
        kind="partner_invitation",
    )
    audit_both(
        organizations=(organization, consent.organization), actor=actor,
        action="partners.invite", obj=invitation, consent=consent.pk,
    )  # fmt: skip
    return invitation


@transaction.atomic
def partner_invitation_respond(
    *, link: CandidateLink, invitation: PartnerInvitation, accept: bool, share_resume: bool = False
) -> PartnerInvitation:
    """The candidate accepts (the partner now sees their name, email and phone, and the résumé
    they applied with if they chose to share it) or declines."""
    candidate = link.application.candidate
    lock_candidate(candidate)
    invitation = PartnerInvitation.objects.select_related("organization", "home").get(
        pk=invitation.pk
    )
    if (
        invitation.candidate_id != candidate.pk
        or invitation.status != PartnerInvitation.Status.SENT
    ):
        raise ValidationError("not_open")
    if accept and not selectors.are_partners(invitation.organization_id, invitation.home_id):
        raise ValidationError("partnership_ended")
    invitation.status = (
        PartnerInvitation.Status.ACCEPTED if accept else PartnerInvitation.Status.DECLINED
    )
    invitation.responded_at = timezone.now()
    invitation.resume_shared = accept and share_resume and bool(candidate.resume_text.strip())
    invitation.save(update_fields=["status", "responded_at", "resume_shared"])
    audit_both(
        organizations=(invitation.organization, invitation.home), actor=None,
        action="partners.contact_share" if accept else "partners.invitation_decline",
        obj=invitation, via=CANDIDATE_VIA, resume_shared=invitation.resume_shared,
    )  # fmt: skip
    return invitation


@transaction.atomic
def partner_profile_update(*, link: CandidateLink, location: str, languages: str) -> PartnerProfile:
    """The candidate says what partners may read besides their strengths: location, languages."""
    candidate = link.application.candidate
    lock_candidate(candidate)
    if not Consent.objects.filter(
        candidate=candidate, kind=Consent.Kind.PARTNERS, withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists():  # fmt: skip
        raise ValidationError("no_consent")
    profile, _created = PartnerProfile.objects.update_or_create(
        candidate=candidate,
        defaults={
            "organization_id": candidate.organization_id,
            "location": " ".join(location.split())[:200],
            "languages": " ".join(languages.split())[:200],
            "updated_at": timezone.now(),
        },
    )
    audit(
        organization=link.organization, actor=None, action="partners.profile_update",
        obj=profile, via=CANDIDATE_VIA,
    )  # fmt: skip
    return profile


def candidate_erase_partner_data(candidate: Candidate) -> dict[str, int]:
    """On erasure: the profile they typed goes, and partners' messages to them are emptied."""
    deleted, _rows = PartnerProfile.objects.filter(candidate=candidate).delete()
    emptied = PartnerInvitation.objects.filter(candidate=candidate).exclude(message="")
    return {"partner_profiles": deleted, "partner_messages": emptied.update(message="")}
