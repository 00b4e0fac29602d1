"""The demo's partner network, as a newcomer meets it: a second organization in a partnership
with the demo one, a pool of the demo's consenting candidates without names, and a candidate's
page with the partner's invitation waiting."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization
from heardback.demo.services import PARTNER_PROFILES, PARTNER_SLUG, demo_create
from heardback.hiring.models import Application, Candidate, Job
from heardback.outbox.models import OutboundEmail
from heardback.partners.models import PartnerInvitation, PartnerProfile, Partnership
from heardback.portal.models import Consent

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 25)
PASSWORD = "demo-pass-1"


def _signed_in(email: str) -> Client:
    client = Client()
    assert client.login(username=email, password=PASSWORD), email
    return client


def _pool() -> list[object]:
    """Who is in the partner's pool, with what they typed, and who was invited."""
    page = _signed_in("recruiter@northwind.example").get("/partners/pool/").content.decode()
    consents = Consent.objects.filter(kind="partners").order_by("candidate__email")
    profiles = PartnerProfile.objects.order_by("candidate__email")
    return [
        *consents.values_list("candidate__email", flat=True),
        *profiles.values_list("candidate__email", "location", "languages"),
        PartnerInvitation.objects.get().candidate.email,
        len(set(re.findall(r"/partners/pool/(\d+)/", page))),
    ]


def test_the_demo_has_a_partner_organization_in_an_accepted_partnership() -> None:
    summary = demo_create(seed=1, size="small", today=TODAY, password=PASSWORD)
    demo, partner = summary.organization, Organization.objects.get(slug=PARTNER_SLUG)
    assert summary.partner == partner and partner.name == "Northwind Health"
    # Its own trade and open roles, each with a rubric; its own personas.
    jobs = Job.objects.filter(organization=partner, status="open")
    assert jobs.count() >= 3
    assert all(job.competencies.count() >= 4 and job.family for job in jobs)
    assert set(partner.memberships.values_list("user__email", "role")) == {
        ("admin@northwind.example", "admin"),
        ("recruiter@northwind.example", "recruiter"),
    }
    assert not Application.objects.filter(organization=partner).exists()
    # The demo's admin proposed, the partner's admin accepted: audited on both sides.
    partnership = Partnership.objects.get()
    assert (partnership.proposer, partnership.partner) == (demo, partner)
    assert partnership.is_live
    for organization in (demo, partner):
        actions = set(
            AuditEvent.objects.filter(organization=organization).values_list("action", flat=True)
        )
        assert {"partners.propose", "partners.accept", "partners.invite"} <= actions
    # A share of the rejected candidates agreed on their page, each audited there.
    consents = Consent.objects.filter(kind="partners", organization=demo)
    rejected = Application.objects.filter(organization=demo, status="rejected").count()
    assert 10 <= consents.count() <= min(PARTNER_PROFILES, rejected // 4)
    assert summary.partner_profiles == consents.count()
    assert set(consents.values_list("candidate__applications__status", flat=True).distinct()) == {
        "rejected"
    }
    assert (
        AuditEvent.objects.filter(organization=demo, action="portal.consent_grant").count()
        == consents.count()
    )
    # Most of them typed a location and languages; nobody who did not agree has a profile.
    profiles = PartnerProfile.objects.all()
    assert consents.count() // 2 <= profiles.count() < consents.count()
    assert set(profiles.values_list("candidate_id", flat=True)) <= set(
        consents.values_list("candidate_id", flat=True)
    )


def test_the_partners_pool_shows_profiles_without_names_or_emails() -> None:
    demo_create(seed=1, size="small", today=TODAY, password=PASSWORD)
    client = _signed_in("recruiter@northwind.example")
    page = client.get("/partners/pool/").content.decode()
    consents = list(Consent.objects.filter(kind="partners").select_related("candidate"))
    refs = set(re.findall(r"/partners/pool/(\d+)/", page))
    assert refs == {str(c.pk) for c in consents}
    assert "Larkspur Labs" in page
    for profile in PartnerProfile.objects.all():
        assert profile.location in page and profile.languages in page
    # One profile opened: its strengths, and nothing that names the candidate.
    consent = consents[0]
    opened = client.get(f"/partners/pool/{consent.pk}/").content.decode()
    for text in (page, opened):
        for c in Candidate.objects.filter(organization=consent.organization):
            assert c.full_name not in text and c.email not in text and c.phone not in text
    # The demo's own recruiter sees none of its candidates in its partners' pool.
    own = _signed_in("recruiter@demo.example").get("/partners/pool/").content.decode()
    assert not re.findall(r"/partners/pool/(\d+)/", own)


def test_a_candidates_page_shows_the_partners_invitation() -> None:
    out = io.StringIO()
    call_command("demo", "--no-drafts", "--no-serve", stdout=out)
    output = out.getvalue()
    # The partner's personas are printed next to the demo's, with the same password.
    password = re.search(r"admin@demo\.example\s+password: (\S+)", output)
    assert password is not None
    for email in ("admin@northwind.example", "recruiter@northwind.example"):
        assert re.search(rf"{re.escape(email)}\s+password: {re.escape(password[1])}", output)
    url = re.search(r"invitation from the partner: http://testserver(/p/\S+/)", output)
    assert url is not None, output

    invitation = PartnerInvitation.objects.get()
    assert invitation.status == "sent"
    assert OutboundEmail.objects.filter(kind="partner_invitation").count() == 1
    candidate = Client()
    page = candidate.get(url[1]).content.decode()
    assert "Northwind Health, a partner organization, would like to talk to you" in page
    assert invitation.job_title in page
    # The candidate accepts: only now does the partner read their name and email address.
    partner = Client()
    partner.login(username="recruiter@northwind.example", password=password[1])
    name = invitation.candidate.full_name
    assert name not in partner.get("/partners/invitations/").content.decode()
    candidate.post(f"{url[1]}partners/{invitation.pk}/", {"action": "accept"})
    shared = partner.get("/partners/invitations/").content.decode()
    assert name in shared and invitation.candidate.email in shared


def test_the_partner_sees_no_application_of_the_demo() -> None:
    summary = demo_create(seed=1, size="small", today=TODAY, password=PASSWORD)
    partner = _signed_in("recruiter@northwind.example")
    invited = PartnerInvitation.objects.get().candidate.applications.get()
    for application in (invited, Application.objects.filter(organization=summary.organization)[0]):
        assert partner.get(f"/applications/{application.pk}/").status_code == 404
    job = Job.objects.filter(organization=summary.organization)[0]
    assert partner.get(f"/jobs/{job.pk}/").status_code == 404
    # Nor does the demo's recruiter see the partner's jobs.
    theirs = Job.objects.filter(organization=summary.partner)[0]
    assert _signed_in("recruiter@demo.example").get(f"/jobs/{theirs.pk}/").status_code == 404


def test_the_same_seed_gives_the_same_partner_pool() -> None:
    demo_create(seed=3, size="small", today=TODAY, password=PASSWORD)
    first = _pool()
    demo_create(seed=3, size="small", today=TODAY, password=PASSWORD)
    assert _pool() == first
    assert Organization.objects.filter(slug=PARTNER_SLUG).count() == 1
    assert Partnership.objects.count() == 1
