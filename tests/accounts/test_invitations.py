"""Nobody joins an organization without accepting an invitation sent to their address."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.test import Client

from heardback.accounts.models import AuditEvent, Invitation, Membership, Organization, User
from heardback.outbox.models import OutboundEmail
from tests import factories


@pytest.fixture
def admin_client(admin: User) -> Client:
    client = Client()
    client.force_login(admin)
    return client


def _invite(client: Client, email: str, role: str = "interviewer") -> str:
    response = client.post(
        "/settings/members/add/", {"add-email": email, "add-role": role}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def _link(email: str) -> str:
    sent = OutboundEmail.objects.filter(kind="invitation", to=email).latest("pk")
    match = re.search(r"http://testserver(/invite/[A-Za-z0-9_-]{43}/)", sent.text)
    assert match, sent.text
    return match.group(1)


def test_inviting_says_the_same_whether_or_not_the_address_has_an_account(
    admin_client: Client, org: Organization, other_org: Organization
) -> None:
    person = factories.UserFactory(email="pat@elsewhere.example")
    factories.MembershipFactory(organization=other_org, user=person, role="admin")
    known = _invite(admin_client, "PAT@elsewhere.example")
    unknown = _invite(admin_client, "nobody@elsewhere.example")
    assert "Invitation sent to pat@elsewhere.example" in known
    assert "Invitation sent to nobody@elsewhere.example" in unknown
    # Nobody joined, no account was made, and the existing account is untouched.
    assert not Membership.objects.filter(organization=org, user=person).exists()
    assert not User.objects.filter(email="nobody@elsewhere.example").exists()
    assert person.check_password("correct horse battery staple")
    assert OutboundEmail.objects.filter(kind="invitation").count() == 2


def test_a_new_person_sets_a_password_and_joins(admin_client: Client, org: Organization) -> None:
    _invite(admin_client, "newbie@acme.example", role="recruiter")
    link = _link("newbie@acme.example")
    visitor = Client()
    page = visitor.get(link)
    assert page.status_code == 200 and "Join Acme" in page.content.decode()
    response = visitor.post(
        link,
        {
            "full_name": "New Bie",
            "password1": "a tidy long secret",
            "password2": "a tidy long secret",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="newbie@acme.example")
    assert user.check_password("a tidy long secret")
    assert Membership.objects.get(organization=org, user=user).role == "recruiter"
    assert visitor.get("/settings/members/").status_code == 403  # signed in, as a recruiter
    assert AuditEvent.objects.filter(action="invitation.accept", organization=org).exists()
    # The link is spent.
    assert Client().get(link).status_code == 404


def test_a_password_like_the_address_is_refused(admin_client: Client) -> None:
    _invite(admin_client, "samira.haddad@acme.example")
    link = _link("samira.haddad@acme.example")
    response = Client().post(
        link, {"full_name": "Samira", "password1": "samira.haddad", "password2": "samira.haddad"}
    )
    assert response.status_code == 200
    assert "too similar" in response.content.decode()
    assert not User.objects.filter(email="samira.haddad@acme.example").exists()


def test_someone_with_an_account_signs_in_to_accept_and_keeps_their_password(
    admin_client: Client, org: Organization
) -> None:
    person = factories.UserFactory(email="pat@elsewhere.example")
    _invite(admin_client, "pat@elsewhere.example")
    link = _link("pat@elsewhere.example")
    refused = Client().post(
        link,
        {
            "full_name": "Pat",
            "password1": "another long secret",
            "password2": "another long secret",
        },
    )
    assert "sign in to accept" in refused.content.decode()
    assert person.check_password("correct horse battery staple")
    client = Client()
    client.force_login(person)
    assert client.post(link).status_code == 302
    assert Membership.objects.get(organization=org, user=person).role == "interviewer"


def test_someone_signed_in_with_another_address_cannot_accept(
    admin_client: Client, org: Organization, recruiter: User
) -> None:
    _invite(admin_client, "pat@elsewhere.example")
    link = _link("pat@elsewhere.example")
    client = Client()
    client.force_login(recruiter)
    client.post(link)
    assert not Membership.objects.filter(
        organization=org, user__email="pat@elsewhere.example"
    ).exists()


def test_whoever_accepts_takes_over_an_imported_placeholders_scorecards(
    org: Organization, admin: User
) -> None:
    placeholder = User.objects.create_user(f"gh-user-7@org-{org.pk}.import.invalid", None)
    factories.MembershipFactory(organization=org, user=placeholder, role="interviewer")
    scorecard = factories.ScorecardFactory(
        interview__application__organization=org, interviewer=placeholder
    )
    scorecard.interview.interviewers.add(placeholder)
    person = factories.UserFactory(email="kofi@fernhill.example")
    from heardback.accounts import invitations

    invitation = invitations.invitation_create(
        actor=admin, organization=org, email="kofi@fernhill.example", role="interviewer",
        placeholder=placeholder,
    )  # fmt: skip
    invitations.invitation_send(actor=admin, invitation=invitation)
    client = Client()
    client.force_login(person)
    assert client.post(_link("kofi@fernhill.example")).status_code == 302
    scorecard.refresh_from_db()
    assert scorecard.interviewer == person
    assert list(scorecard.interview.interviewers.all()) == [person]
    placeholder.refresh_from_db()
    assert not placeholder.is_active
    assert not Membership.objects.filter(user=placeholder).exists()


@pytest.mark.parametrize("fault", ["tampered", "expired", "revoked", "malformed"])
def test_a_bad_link_gives_the_same_404(admin_client: Client, org: Organization, fault: str) -> None:
    _invite(admin_client, "pat@elsewhere.example")
    link = _link("pat@elsewhere.example")
    invitation = Invitation.objects.get(email="pat@elsewhere.example")
    client = Client()
    if fault == "tampered":
        link = link[:-3] + ("A" if link[-3] != "A" else "B") + "/"
    elif fault == "revoked":
        admin_client.post(f"/settings/invitations/{invitation.pk}/revoke/")
    elif fault == "malformed":
        link = "/invite/not-a-token/"
    if fault == "expired":
        with time_machine.travel(invitation.expires_at, tick=False):
            response = client.get(link)
    else:
        response = client.get(link)
    assert response.status_code == 404
    assert "This invitation link does not work" in response.content.decode()


def test_an_admin_elsewhere_cannot_send_or_withdraw_this_organizations_invitations(
    admin_client: Client, outsider_client: Client, outsider: User, other_org: Organization
) -> None:
    Membership.objects.filter(user=outsider).update(role="admin")
    _invite(admin_client, "pat@elsewhere.example")
    invitation = Invitation.objects.get()
    for action in ("send", "revoke"):
        response = outsider_client.post(f"/settings/invitations/{invitation.pk}/{action}/")
        assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_open
    assert OutboundEmail.objects.filter(kind="invitation").count() == 1
