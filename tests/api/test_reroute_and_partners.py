"""The REST API of re-routing and the partner network: the web's rules, through a key.

Suggestions, invitations and moves act as the key's person (the audit says who); partnerships
need an admin's key; the pool holds profiles without a name, email or interviewer's words, and
a withdrawn consent takes the profile out of it at once; another organization's ids are 404s.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from heardback.accounts.models import AuditEvent, Membership, User
from heardback.api.models import ApiKey
from heardback.hiring.models import Application
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.partners.models import PartnerInvitation, Partnership
from heardback.portal.models import Consent
from heardback.reroute.models import RoleInvitation
from tests.api.conftest import ApiClient, assert_error, make_key
from tests.reroute.builders import World, world

pytestmark = pytest.mark.django_db


def key_of(w: World, user: User, scopes: list[str] | None = None) -> ApiClient:
    """A key acting for `user` (made by the admin, as only admins make keys, then handed to
    `user`: it acts with their role, as a key of an admin demoted since would)."""
    raw_key = make_key(w.org, w.admin, scopes)
    made = ApiKey.objects.filter(created_by=w.admin).latest("pk")
    ApiKey.objects.filter(pk=made.pk).update(created_by=user)
    return ApiClient(raw_key)


def consent(w: World, kind: str) -> Consent:
    now = timezone.now()
    return Consent.objects.create(
        organization=w.org, candidate=w.application.candidate, kind=kind, granted_at=now,
        expires_at=now + timedelta(days=365),
    )  # fmt: skip


def partners(a: World, b: World) -> Partnership:
    proposed = key_of(a, a.admin).post("/partnerships", {"slug": b.org.slug})
    assert proposed.status_code == 201, proposed.content
    accepted = key_of(b, b.admin).post(f"/partnerships/{proposed.json()['id']}/accept")
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["status"] == "live"
    return Partnership.objects.get(pk=proposed.json()["id"])


def actors(w: World, action: str) -> list[User | None]:
    return [e.actor for e in AuditEvent.objects.filter(organization=w.org, action=action)]


# --- Suggestions ----------------------------------------------------------------------------


def test_suggestions_rank_the_backend_role_with_its_explanation_never_the_frontend_one() -> None:
    w = world()
    response = key_of(w, w.recruiter, ["read"]).get(f"/applications/{w.application.pk}/suggestions")
    assert response.status_code == 200, response.content
    (only,) = response.json()["items"]
    assert only["job_id"] == w.backend.pk and only["same_family"] is True
    assert only["explanation"].startswith("Strong in") and "Go" in only["strong"]
    assert only["invitation"] is None
    assert "PRIVATE-EVIDENCE" not in response.content.decode()


def test_an_active_application_has_no_suggestion() -> None:
    w = world()
    Application.objects.filter(pk=w.application.pk).update(status="active")
    response = key_of(w, w.recruiter).get(f"/applications/{w.application.pk}/suggestions")
    assert response.json() == {"items": []}


def test_invite_by_api_emails_the_candidate_and_audits_the_keys_person() -> None:
    w = world()
    api = key_of(w, w.recruiter, ["read", "write:hiring"])
    response = api.post(f"/applications/{w.application.pk}/suggestions/{w.backend.pk}/invite")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["job_id"] == w.backend.pk and body["status"] == "sent"
    assert body["explanation"].startswith("Strong in")
    invitation = RoleInvitation.objects.get()
    assert invitation.invited_by == w.recruiter
    assert actors(w, "reroute.role_invite") == [w.recruiter]
    outbound_emails_deliver_due()
    (message,) = mail.outbox
    assert message.to == ["Grace Hopper <grace@acme-mail.example>"]
    # The suggestion now says it was sent; a second invitation is refused in the one shape.
    listed = api.get(f"/applications/{w.application.pk}/suggestions").json()["items"]
    assert listed[0]["invitation"] == "sent"
    again = api.post(f"/applications/{w.application.pk}/suggestions/{w.backend.pk}/invite")
    assert_error(again, 400, "refused")
    assert RoleInvitation.objects.count() == 1


def test_move_needs_the_candidates_consent_and_is_audited_as_the_keys_person() -> None:
    w = world()
    api = key_of(w, w.recruiter, ["write:hiring"])
    path = f"/applications/{w.application.pk}/suggestions/{w.backend.pk}/move"
    error = assert_error(api.post(path), 400, "refused")
    assert "other roles" in error["message"]
    assert not Application.objects.filter(job=w.backend).exists()
    consent(w, Consent.Kind.OTHER_ROLES)
    response = api.post(path)
    assert response.status_code == 201, response.content
    moved = Application.objects.get(job=w.backend)
    assert response.json() == {
        "application_id": moved.pk, "job_id": w.backend.pk,
        "source_application_id": w.application.pk,
    }  # fmt: skip
    assert actors(w, "reroute.role_move") == [w.recruiter]


def test_a_key_without_write_hiring_or_of_an_interviewer_changes_nothing() -> None:
    w = world()
    path = f"/applications/{w.application.pk}/suggestions/{w.backend.pk}/invite"
    assert_error(key_of(w, w.recruiter, ["read"]).post(path), 403, "forbidden")
    assert_error(key_of(w, w.interviewer).post(path), 403, "forbidden")
    assert_error(key_of(w, w.interviewer).get(path.rsplit("/", 2)[0]), 403, "forbidden")
    assert not RoleInvitation.objects.exists()


def test_another_organizations_ids_answer_404() -> None:
    w, other = world(), world("globex", name="Globex")
    api = key_of(w, w.recruiter)
    assert_error(api.get(f"/applications/{other.application.pk}/suggestions"), 404, "not_found")
    for action in ("invite", "move"):
        theirs = f"/applications/{other.application.pk}/suggestions/{w.backend.pk}/{action}"
        their_job = f"/applications/{w.application.pk}/suggestions/{other.backend.pk}/{action}"
        assert_error(api.post(theirs), 404, "not_found")
        assert_error(api.post(their_job), 404, "not_found")
    assert not RoleInvitation.objects.exists()
    assert Application.objects.count() == 2


# --- Partnerships ---------------------------------------------------------------------------


def test_partnerships_need_an_admins_key_on_each_side_and_either_ends_them() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    # A recruiter's key, even with every scope, cannot propose.
    assert_error(key_of(a, a.recruiter).post("/partnerships", {"slug": "globex"}), 403, "forbidden")
    assert not Partnership.objects.exists()
    proposed = key_of(a, a.admin).post("/partnerships", {"slug": "globex"})
    assert proposed.status_code == 201
    pk = proposed.json()["id"]
    assert proposed.json()["status"] == "proposed"
    assert proposed.json()["partner"] == {"slug": "globex", "name": "Globex"}
    # The proposer cannot accept its own proposal; B's recruiter cannot either.
    assert_error(key_of(a, a.admin).post(f"/partnerships/{pk}/accept"), 403, "forbidden")
    assert_error(key_of(b, b.recruiter).post(f"/partnerships/{pk}/accept"), 403, "forbidden")
    accepted = key_of(b, b.admin).post(f"/partnerships/{pk}/accept")
    assert accepted.json()["status"] == "live"
    assert actors(a, "partners.accept") == [b.admin] and actors(b, "partners.accept") == [b.admin]
    listed = key_of(b, b.recruiter, ["read"]).get("/partnerships").json()
    assert [p["id"] for p in listed["items"]] == [pk] and listed["next"] is None
    # An unknown slug is refused in the one error shape.
    error = assert_error(key_of(a, a.admin).post("/partnerships", {"slug": "nope"}), 400, "refused")
    assert error["fields"][0]["field"] == "slug"
    ended = key_of(a, a.admin).post(f"/partnerships/{pk}/end")
    assert ended.json()["status"] == "ended"
    assert actors(b, "partners.end") == [a.admin]
    # A third organization knows nothing of it.
    c = world("initech", name="Initech")
    assert_error(key_of(c, c.admin).post(f"/partnerships/{pk}/end"), 404, "not_found")
    assert key_of(c, c.admin).get("/partnerships").json()["items"] == []


# --- The partner pool -----------------------------------------------------------------------


def test_the_pool_holds_profiles_without_name_email_or_scorecard_text() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    granted = consent(a, Consent.Kind.PARTNERS)
    api = key_of(b, b.recruiter, ["read"])
    response = api.get("/partner-pool")
    assert response.status_code == 200, response.content
    (profile,) = response.json()["items"]
    assert profile["id"] == granted.pk and profile["family"] == "Backend engineering"
    assert "API design" in profile["strengths"] and profile["home"]["slug"] == "acme"
    assert set(profile) == {
        "id", "home", "family", "strengths", "location", "languages", "consent_expires_at",
        "invitation",
    }  # fmt: skip
    body = response.content.decode()
    candidate = a.application.candidate
    for secret in (
        candidate.first_name, candidate.last_name, candidate.email, "PRIVATE-EVIDENCE",
        "You showed solid", candidate.resume_text,
    ):  # fmt: skip
        assert secret not in body
    assert json.loads(body) == response.json()
    # Listing the pool is in both organizations' audit logs, as the key's person.
    assert actors(a, "partners.pool_view") == [b.recruiter]
    assert actors(b, "partners.pool_view") == [b.recruiter]
    assert api.get("/partner-pool", q="api design").json()["items"]
    assert api.get("/partner-pool", q="typescript").json()["items"] == []


def test_a_non_partner_sees_nothing_and_gets_404_for_a_profile() -> None:
    a, b, c = world("acme", name="Acme"), world("globex", name="Globex"), world("initech")
    partners(a, b)
    granted = consent(a, Consent.Kind.PARTNERS)
    outsider = key_of(c, c.admin)
    assert outsider.get("/partner-pool").json() == {"items": []}
    invite = outsider.post(f"/partner-pool/{granted.pk}/invite", {"job_title": "SRE"})
    assert_error(invite, 404, "not_found")
    # A's own key does not see its candidates in its partners' pool either.
    assert key_of(a, a.admin).get("/partner-pool").json() == {"items": []}
    # "Other roles here" alone never reaches a partner.
    Consent.objects.filter(pk=granted.pk).update(kind=Consent.Kind.OTHER_ROLES)
    assert key_of(b, b.admin).get("/partner-pool").json() == {"items": []}
    assert not PartnerInvitation.objects.exists()


def test_withdrawn_or_expired_consent_removes_the_profile_from_the_api_at_once() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    granted = consent(a, Consent.Kind.PARTNERS)
    api = key_of(b, b.recruiter)
    assert [p["id"] for p in api.get("/partner-pool").json()["items"]] == [granted.pk]
    Consent.objects.filter(pk=granted.pk).update(withdrawn_at=timezone.now())
    assert api.get("/partner-pool").json() == {"items": []}
    invite = api.post(f"/partner-pool/{granted.pk}/invite", {"job_title": "SRE"})
    assert_error(invite, 404, "not_found")
    fresh = consent(a, Consent.Kind.PARTNERS)
    assert [p["id"] for p in api.get("/partner-pool").json()["items"]] == [fresh.pk]
    Consent.objects.filter(pk=fresh.pk).update(
        granted_at=timezone.now() - timedelta(days=400), expires_at=timezone.now()
    )
    assert api.get("/partner-pool").json() == {"items": []}
    assert not PartnerInvitation.objects.exists()


def test_a_partner_invites_by_api_without_learning_who_the_candidate_is() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    granted = consent(a, Consent.Kind.PARTNERS)
    api = key_of(b, b.recruiter, ["write:hiring"])
    response = api.post(
        f"/partner-pool/{granted.pk}/invite",
        {"job_title": "Staff Go Engineer", "message": "We liked your API work."},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["profile_id"] == granted.pk and body["status"] == "sent"
    assert set(body) == {"id", "profile_id", "job_title", "status", "created_at"}
    assert "Grace" not in response.content.decode() and "grace@" not in response.content.decode()
    assert actors(a, "partners.invite") == [b.recruiter]
    assert actors(b, "partners.invite") == [b.recruiter]
    outbound_emails_deliver_due()
    (message,) = mail.outbox
    assert "Globex" in message.subject and "Staff Go Engineer" in message.body
    listed = key_of(b, b.recruiter).get("/partner-pool").json()["items"]
    assert listed[0]["invitation"] == "sent"
    # An interviewer's key (demoted since) invites no one.
    Membership.objects.filter(user=b.recruiter).update(role="interviewer")
    again = api.post(f"/partner-pool/{granted.pk}/invite", {"job_title": "SRE"})
    assert_error(again, 403, "forbidden")
    assert PartnerInvitation.objects.count() == 1


def test_a_key_acting_for_no_one_neither_reads_the_pool_nor_invites() -> None:
    a, b = world("acme", name="Acme"), world("globex", name="Globex")
    partners(a, b)
    granted = consent(a, Consent.Kind.PARTNERS)
    operator = ApiClient(make_key(b.org, None))
    assert_error(operator.get("/partner-pool"), 403, "forbidden")
    invite = operator.post(f"/partner-pool/{granted.pk}/invite", {"job_title": "SRE"})
    assert_error(invite, 403, "forbidden")
    assert not AuditEvent.objects.filter(action__startswith="partners.pool").exists()
    assert not PartnerInvitation.objects.exists()
