"""The partner network: partnerships agreed by both admins, pools of consenting candidates
without names, invitations answered on the candidate's page, every step audited on both sides."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from heardback.accounts.models import AuditEvent
from heardback.feedback.inputs import applications_for_notes, note_inputs
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.partners.models import PartnerInvitation, Partnership
from heardback.portal import services as portal
from heardback.portal.models import Consent
from tests.reroute.builders import World, world

pytestmark = pytest.mark.django_db


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def partners(a: World, b: World) -> Partnership:
    signed_in(a.admin).post("/partners/propose/", {"slug": b.org.slug})
    partnership = Partnership.objects.get(proposer=a.org, partner=b.org)
    signed_in(b.admin).post(f"/partners/{partnership.pk}/accept/")
    partnership.refresh_from_db()
    return partnership


def token_of(w: World) -> str:
    return portal.candidate_link_token(portal.candidate_link_issue(application=w.application))


def consent_partners(w: World) -> tuple[Client, str]:
    """Grace agrees on her page to be suggested to partners."""
    token = token_of(w)
    client = Client()
    client.post(f"/p/{token}/consents/", {"kind": "partners", "action": "grant"})
    return client, token


def audited(w: World, action: str) -> bool:
    return AuditEvent.objects.filter(organization=w.org, action=action).exists()


def test_a_partnership_needs_both_admins_and_either_ends_it() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    # A recruiter cannot propose; the proposer cannot accept its own proposal.
    signed_in(a.recruiter).post("/partners/propose/", {"slug": "globex"})
    assert not Partnership.objects.exists()
    signed_in(a.admin).post("/partners/propose/", {"slug": "globex"})
    partnership = Partnership.objects.get()
    signed_in(a.admin).post(f"/partners/{partnership.pk}/accept/")
    partnership.refresh_from_db()
    assert partnership.accepted_at is None
    signed_in(b.admin).post(f"/partners/{partnership.pk}/accept/")
    partnership.refresh_from_db()
    assert partnership.is_live
    assert audited(a, "partners.accept") and audited(b, "partners.accept")
    signed_in(b.admin).post(f"/partners/{partnership.pk}/end/")
    partnership.refresh_from_db()
    assert partnership.ended_at is not None
    assert audited(a, "partners.end") and audited(b, "partners.end")
    # A third organization's admin gets 404 for it.
    c = world("initech", name="Initech")
    assert signed_in(c.admin).post(f"/partners/{partnership.pk}/end/").status_code == 404


def test_the_pool_shows_only_what_the_candidate_allowed() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    client = signed_in(b.recruiter)
    assert "No partner candidate has agreed" in client.get("/partners/pool/").content.decode()
    consent_partners(a)
    pool = client.get("/partners/pool/").content.decode()
    consent = Consent.objects.get(kind="partners")
    assert f"/partners/pool/{consent.pk}/" in pool
    assert "Backend engineering" in pool and "API design" in pool
    profile = client.get(f"/partners/pool/{consent.pk}/").content.decode()
    for secret in ("Grace", "Hopper", "grace@", "PRIVATE-EVIDENCE", "You showed solid"):
        assert secret not in pool and secret not in profile
    assert audited(a, "partners.profile_view") and audited(b, "partners.profile_view")
    assert audited(a, "partners.pool_view") and audited(b, "partners.pool_view")


def test_isolation_non_partners_and_non_consenting_candidates_are_invisible() -> None:
    a, b, c = world("acme", name="Acme"), world("globex", name="Globex"), world("initech")
    partners(a, b)
    consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    # C is nobody's partner: nothing, and the profile's id is a 404.
    outsider = signed_in(c.recruiter)
    assert f"/partners/pool/{consent.pk}/" not in outsider.get("/partners/pool/").content.decode()
    assert outsider.get(f"/partners/pool/{consent.pk}/").status_code == 404
    # A partner never sees a candidate who gave only "other roles here", nor A's own pool.
    a.application.candidate.portal_consents.update(kind="other_roles")
    assert signed_in(b.recruiter).get(f"/partners/pool/{consent.pk}/").status_code == 404
    # A sees none of its own candidates in its partners' pool, nor B's non-consenting ones.
    pool = signed_in(a.recruiter).get("/partners/pool/").content.decode()
    assert "No partner candidate has agreed" in pool


def test_withdrawn_or_expired_consent_removes_the_profile_at_once() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    candidate, token = consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    client = signed_in(b.recruiter)
    assert client.get(f"/partners/pool/{consent.pk}/").status_code == 200
    candidate.post(f"/p/{token}/consents/", {"kind": "partners", "action": "withdraw"})
    assert client.get(f"/partners/pool/{consent.pk}/").status_code == 404
    assert f"/partners/pool/{consent.pk}/" not in client.get("/partners/pool/").content.decode()
    assert client.post(f"/partners/pool/{consent.pk}/", {"job_title": "SRE"}).status_code == 404
    # Granted again, then expired: gone too.
    candidate.post(f"/p/{token}/consents/", {"kind": "partners", "action": "grant"})
    fresh = Consent.objects.filter(kind="partners", withdrawn_at__isnull=True).get()
    assert client.get(f"/partners/pool/{fresh.pk}/").status_code == 200
    Consent.objects.filter(pk=fresh.pk).update(
        granted_at=timezone.now() - timedelta(days=400), expires_at=timezone.now()
    )
    assert client.get(f"/partners/pool/{fresh.pk}/").status_code == 404


def test_ending_the_partnership_closes_the_pool() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partnership = partners(a, b)
    consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    signed_in(a.admin).post(f"/partners/{partnership.pk}/end/")
    assert signed_in(b.recruiter).get(f"/partners/pool/{consent.pk}/").status_code == 404


def test_an_invitation_shares_contact_details_only_once_accepted() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    candidate, token = consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    client = signed_in(b.recruiter)
    response = client.post(
        f"/partners/pool/{consent.pk}/",
        {"job_title": "Staff Go Engineer", "message": "We loved your API work."},
    )
    assert response.status_code == 302
    invitation = PartnerInvitation.objects.get()
    assert audited(a, "partners.invite") and audited(b, "partners.invite")
    sent = client.get("/partners/invitations/").content.decode()
    assert "Staff Go Engineer" in sent and "grace@" not in sent and "Grace" not in sent
    outbound_emails_deliver_due()
    (message,) = mail.outbox
    assert "Globex" in message.subject and "Staff Go Engineer" in message.body
    page = candidate.get(f"/p/{token}/").content.decode()
    assert "Share my contact details with Globex" in page
    candidate.post(f"/p/{token}/partners/{invitation.pk}/", {"action": "accept"})
    sent = client.get("/partners/invitations/").content.decode()
    assert "Grace Hopper" in sent and "grace@acme-mail.example" in sent
    assert audited(a, "partners.contact_share") and audited(b, "partners.contact_share")


@pytest.mark.parametrize("ticked", [True, False])
def test_the_resume_reaches_the_partner_only_when_the_candidate_ticks_it(ticked: bool) -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    a.application.candidate.resume_text = "RESUME-7c2e: eight years of Go payment services."
    a.application.candidate.save()
    partners(a, b)
    candidate, token = consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    client = signed_in(b.recruiter)
    client.post(f"/partners/pool/{consent.pk}/", {"job_title": "Staff Go Engineer"})
    invitation = PartnerInvitation.objects.get()
    assert "RESUME-7c2e" not in client.get("/partners/invitations/").content.decode()
    page = candidate.get(f"/p/{token}/").content.decode()
    assert "Also share the résumé I applied with" in page
    answer = {"action": "accept", **({"share_resume": "on"} if ticked else {})}
    candidate.post(f"/p/{token}/partners/{invitation.pk}/", answer)
    sent = client.get("/partners/invitations/").content.decode()
    assert "Grace Hopper" in sent
    assert ("RESUME-7c2e" in sent) is ticked
    event = AuditEvent.objects.get(organization=b.org, action="partners.contact_share")
    assert event.data["resume_shared"] is ticked


def test_a_declined_invitation_shares_no_resume_even_ticked() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    a.application.candidate.resume_text = "RESUME-7c2e"
    a.application.candidate.save()
    partners(a, b)
    candidate, token = consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    client = signed_in(b.recruiter)
    client.post(f"/partners/pool/{consent.pk}/", {"job_title": "SRE"})
    invitation = PartnerInvitation.objects.get()
    candidate.post(
        f"/p/{token}/partners/{invitation.pk}/", {"action": "decline", "share_resume": "on"}
    )
    invitation.refresh_from_db()
    assert invitation.status == "declined" and not invitation.resume_shared
    assert "RESUME-7c2e" not in client.get("/partners/invitations/").content.decode()


def test_another_candidates_link_cannot_answer_an_invitation() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    consent_partners(a)
    consent = Consent.objects.get(kind="partners")
    signed_in(b.recruiter).post(f"/partners/pool/{consent.pk}/", {"job_title": "SRE"})
    invitation = PartnerInvitation.objects.get()
    stranger = token_of(b)  # a Globex candidate's own link
    response = Client().post(f"/p/{stranger}/partners/{invitation.pk}/", {"action": "accept"})
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "sent"


def test_the_candidate_adds_location_and_languages_to_the_profile() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    candidate, token = consent_partners(a)
    candidate.post(
        f"/p/{token}/partners/profile/", {"location": "Lyon", "languages": "French, English"}
    )
    pool = signed_in(b.recruiter).get("/partners/pool/?q=lyon").content.decode()
    assert "Lyon" in pool and "French, English" in pool


def test_the_note_offers_the_partner_option_only_with_partners() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    (inp,) = note_inputs(a.org, applications_for_notes([a.application.pk]))
    assert not inp.policy.partners
    partners(a, b)
    (inp,) = note_inputs(a.org, applications_for_notes([a.application.pk]))
    assert inp.policy.partners
    from heardback.feedback.engine import compose

    text = " ".join(compose(inp).text.split())
    assert "to our partner organizations" in text
    assert text.count("application page") == 1
    assert "not your name unless you accept" in text


def test_erasure_removes_what_the_candidate_told_partners() -> None:
    from heardback.partners.models import PartnerProfile
    from heardback.portal.services import candidate_erase

    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    candidate, token = consent_partners(a)
    candidate.post(f"/p/{token}/partners/profile/", {"location": "Lyon", "languages": "Basque"})
    consent = Consent.objects.get(kind="partners")
    signed_in(b.recruiter).post(
        f"/partners/pool/{consent.pk}/", {"job_title": "SRE", "message": "Hi from Globex"}
    )
    candidate_erase(actor=a.admin, candidate=a.application.candidate)
    assert not PartnerProfile.objects.exists()
    assert PartnerInvitation.objects.get().message == ""
    assert signed_in(b.recruiter).get(f"/partners/pool/{consent.pk}/").status_code == 404
