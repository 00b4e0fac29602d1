"""Changing one's own password: every role, Django's validators, the session kept, the audit row."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization, User
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/account/password/"
OLD = "correct horse battery staple"  # the factories' password
NEW = "violet otter canoe 1947"


def signed_in(user: User, **client_options: bool) -> Client:
    client = Client(**client_options)
    client.force_login(user)
    return client


def change(old: str = OLD, new: str = NEW, confirm: str | None = None) -> dict[str, str]:
    return {
        "old_password": old,
        "new_password1": new,
        "new_password2": new if confirm is None else confirm,
    }


def password_is(user: User, password: str) -> bool:
    user.refresh_from_db()
    return user.check_password(password)


# --- Who may change a password -----------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "recruiter", "interviewer"])
def test_every_role_sees_the_page_and_its_link(role: str, request: pytest.FixtureRequest) -> None:
    client = signed_in(request.getfixturevalue(role))
    html = client.get(URL).content.decode()
    assert '<h1 id="password-title">Change password</h1>' in html
    assert 'name="old_password"' in html and 'autocomplete="current-password"' in html
    assert 'name="new_password1"' in html and 'name="new_password2"' in html
    assert "at least 8 characters" in html  # the validators' help
    assert f'href="{URL}"' in client.get("/scorecards/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, recruiter: User) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"
    assert client.post(URL, change()).status_code == 302
    assert password_is(recruiter, OLD)


def test_wrong_methods_are_refused(recruiter_client: Client) -> None:
    assert recruiter_client.delete(URL).status_code == 405


def test_the_form_is_protected_against_cross_site_requests(recruiter: User) -> None:
    client = signed_in(recruiter, enforce_csrf_checks=True)
    assert client.post(URL, change()).status_code == 403
    assert password_is(recruiter, OLD)

    client.get(URL)
    token = client.cookies["csrftoken"].value
    assert client.post(URL, {**change(), "csrfmiddlewaretoken": token}).status_code == 302
    assert password_is(recruiter, NEW)


# --- Refused changes ---------------------------------------------------------------------------


def test_a_wrong_current_password_changes_nothing(
    recruiter_client: Client, recruiter: User
) -> None:
    response = recruiter_client.post(URL, change(old="not my password"))
    assert response.status_code == 200
    assert "That is not your current password." in response.content.decode()
    assert password_is(recruiter, OLD)
    assert not AuditEvent.objects.filter(action="user.password_change").exists()


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ("x7#kq", "This password is too short. It must contain at least 8 characters."),
        ("password123", "This password is too common."),
    ],
)
def test_the_password_validators_apply(
    recruiter_client: Client, recruiter: User, new: str, reason: str
) -> None:
    response = recruiter_client.post(URL, change(new=new))
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert password_is(recruiter, OLD)


def test_the_new_password_must_be_typed_twice_alike(
    recruiter_client: Client, recruiter: User
) -> None:
    response = recruiter_client.post(URL, change(confirm=NEW + "!"))
    assert response.status_code == 200
    assert "The two password fields didn’t match." in response.content.decode()
    assert password_is(recruiter, OLD)


# --- A successful change -----------------------------------------------------------------------


def test_the_password_changes_and_this_browser_stays_signed_in(recruiter: User) -> None:
    client = signed_in(recruiter)
    elsewhere = signed_in(recruiter)  # another browser, signed in with the old password

    response = client.post(URL, change(), follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert "Your password has been changed." in response.content.decode()
    assert password_is(recruiter, NEW)
    assert client.get("/scorecards/").status_code == 200
    gone = elsewhere.get("/scorecards/")
    assert gone.status_code == 302 and gone["Location"].startswith("/login/")

    login = {"username": recruiter.email}
    assert Client().post("/login/", {**login, "password": OLD}).status_code == 200
    assert Client().post("/login/", {**login, "password": NEW}).status_code == 302


def test_each_organization_of_the_user_records_the_change_without_the_password(
    recruiter: User,
    org: Organization,
    other_org: Organization,
    caplog: pytest.LogCaptureFixture,
) -> None:
    factories.MembershipFactory(organization=other_org, user=recruiter, role="interviewer")
    caplog.set_level(logging.DEBUG)

    signed_in(recruiter).post(URL, change())

    events = AuditEvent.objects.filter(action="user.password_change")
    assert {e.organization for e in events} == {org, other_org}
    for event in events:
        assert event.actor == recruiter
        assert (event.object_type, event.object_id) == ("accounts.user", str(recruiter.pk))
        assert event.data == {}
    assert NEW not in caplog.text and OLD not in caplog.text


def test_a_user_without_an_organization_changes_their_password_too(db: None) -> None:
    loner = factories.UserFactory(email="lou@example.com")
    response = signed_in(loner).post(URL, change())
    assert response.status_code == 302
    assert password_is(loner, NEW)
    assert not AuditEvent.objects.exists()


# --- Languages ---------------------------------------------------------------------------------


def test_a_french_user_changes_their_password_in_french(recruiter: User) -> None:
    User.objects.filter(pk=recruiter.pk).update(language="fr")
    client = signed_in(recruiter)

    html = client.get(URL).content.decode()
    assert '<html lang="fr"' in html
    assert '<h1 id="password-title">Modifier le mot de passe</h1>' in html
    assert "Mot de passe actuel" in html and "Nouveau mot de passe" in html
    assert "Change password" not in html

    refused = client.post(URL, change(old="faux")).content.decode()
    assert "Ce n’est pas votre mot de passe actuel." in refused
    short = client.post(URL, change(new="x7#kq")).content.decode()
    assert "Ce mot de passe est trop court." in short

    done = client.post(URL, change(), follow=True).content.decode()
    assert "Votre mot de passe a été modifié." in done
