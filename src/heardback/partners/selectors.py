"""Reads of the partner network. What a partner may see is decided here, and only here:

- a pool lists the live "partner organizations" consents of candidates of organizations in a
  live partnership with the viewer, keyed by the consent (a withdrawn or expired one is gone,
  and a new grant is a new key, so a partner cannot follow a candidate across grants);
- a profile holds the job family, the strengths in the rubric's words, and the location and
  languages the candidate typed: never a name, an email or an interviewer's text;
- a candidate's contact details reach a partner only through an invitation they accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from heardback.accounts.models import Organization
from heardback.feedback.engine import fit
from heardback.feedback.inputs import strengths_by_candidate
from heardback.hiring.models import Application, Candidate
from heardback.partners.models import PartnerInvitation, PartnerProfile, Partnership
from heardback.portal.models import Consent


def partnerships_for(*, organization: Organization) -> QuerySet[Partnership]:
    """Every partnership the organization proposed or was offered, live ones first."""
    return (
        Partnership.objects.filter(Q(proposer=organization) | Q(partner=organization))
        .select_related("proposer", "partner")
        .order_by("ended_at", "-proposed_at", "-id")
    )


def partnership_get(*, organization: Organization, pk: int) -> Partnership:
    """A partnership the organization is part of, or 404."""
    found = partnerships_for(organization=organization).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def partner_ids(organization: Organization) -> set[int]:
    """The organizations in a live (accepted, unended) partnership with this one."""
    live = Partnership.objects.filter(accepted_at__isnull=False, ended_at__isnull=True)
    ids = set()
    for proposer, partner in live.filter(
        Q(proposer=organization) | Q(partner=organization)
    ).values_list("proposer_id", "partner_id"):
        ids.add(partner if proposer == organization.pk else proposer)
    return ids


def has_partners(organization: Organization) -> bool:
    return bool(partner_ids(organization))


def are_partners(a_id: int, b_id: int) -> bool:
    return Partnership.objects.filter(
        Q(proposer_id=a_id, partner_id=b_id) | Q(proposer_id=b_id, partner_id=a_id),
        accepted_at__isnull=False,
        ended_at__isnull=True,
    ).exists()


def _live_consents(organization: Organization) -> QuerySet[Consent]:
    return Consent.objects.filter(
        organization_id__in=partner_ids(organization),
        kind=Consent.Kind.PARTNERS,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("organization", "candidate")


@dataclass(frozen=True)
class Profile:
    """One candidate as a partner sees them: no name, no email, no interviewer's words."""

    ref: int  # the consent's id
    home: Organization
    family: str
    strengths: list[str]
    location: str
    languages: str
    expires_at: object
    invitation: PartnerInvitation | None = None


def _profiles(organization: Organization, consents: list[Consent]) -> list[Profile]:
    candidate_ids = [c.candidate_id for c in consents]
    strengths = strengths_by_candidate(candidate_ids)
    families = dict(
        Application.objects.filter(candidate_id__in=candidate_ids)
        .order_by("candidate_id", "applied_at", "id")
        .values_list("candidate_id", "job__family")
    )
    extras = {
        p.candidate_id: p for p in PartnerProfile.objects.filter(candidate_id__in=candidate_ids)
    }
    invited = {
        i.candidate_id: i
        for i in PartnerInvitation.objects.filter(
            organization=organization, candidate_id__in=candidate_ids
        ).order_by("created_at", "id")
    }
    profiles = []
    for consent in consents:
        extra = extras.get(consent.candidate_id)
        profiles.append(
            Profile(
                ref=consent.pk,
                home=consent.organization,
                family=families.get(consent.candidate_id, ""),
                strengths=[name for name, _ in strengths.get(consent.candidate_id, [])],
                location=extra.location if extra else "",
                languages=extra.languages if extra else "",
                expires_at=consent.expires_at,
                invitation=invited.get(consent.candidate_id),
            )
        )
    return profiles


def pool(*, organization: Organization, query: str = "", limit: int = 100) -> list[Profile]:
    """The partners' consenting candidates; `query` matches a strength, family or location."""
    consents = list(_live_consents(organization).order_by("-granted_at", "-id")[:1000])
    profiles = _profiles(organization, consents)
    wanted = fit.key(query)
    if wanted:
        profiles = [
            p
            for p in profiles
            if any(wanted in fit.key(s) for s in [*p.strengths, p.family, p.location])
        ]
    return profiles[:limit]


def profile_get(*, organization: Organization, ref: int) -> tuple[Profile, Consent]:
    """One profile of the pool, or 404 (not a partner's, withdrawn, expired, or no such id)."""
    consent = _live_consents(organization).filter(pk=ref).first()
    if consent is None:
        raise Http404
    return _profiles(organization, [consent])[0], consent


def invitations_sent(*, organization: Organization) -> QuerySet[PartnerInvitation]:
    """The organization's invitations; the candidate is read only for the accepted ones."""
    return (
        PartnerInvitation.objects.filter(organization=organization)
        .select_related("home", "candidate", "invited_by")
        .order_by("-created_at", "-id")
    )


def contact(invitation: PartnerInvitation) -> Candidate | None:
    """The candidate's contact details, once they accepted the invitation; else None."""
    if invitation.status != PartnerInvitation.Status.ACCEPTED:
        return None
    return invitation.candidate


def invitation_get_for_candidate(*, candidate_id: int, pk: int) -> PartnerInvitation:
    """An invitation sent to this candidate, whatever its status, or 404."""
    invitation = PartnerInvitation.objects.filter(pk=pk, candidate_id=candidate_id).first()
    if invitation is None:
        raise Http404
    return invitation


def invitations_for_candidate(candidate: Candidate) -> QuerySet[PartnerInvitation]:
    return PartnerInvitation.objects.filter(
        candidate=candidate, status=PartnerInvitation.Status.SENT
    ).select_related("organization")


def consent_live(candidate: Candidate) -> Consent | None:
    return (
        Consent.objects.filter(
            candidate=candidate,
            kind=Consent.Kind.PARTNERS,
            withdrawn_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-granted_at")
        .first()
    )
