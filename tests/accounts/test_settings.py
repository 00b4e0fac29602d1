"""Organization settings: admins only; policies, sender, members and API keys."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from heardback.accounts.models import AuditEvent, Membership, Organization, User
from heardback.api.models import ApiKey
from heardback.api.selectors import api_key_for_raw_key
from heardback.closure.models import ClosurePolicy
from tests import factories

pytestmark = pytest.mark.django_db

PAGES = ["/settings/", "/settings/members/", "/settings/api-keys/"]


@pytest.fixture
def admin_client(admin: User) -> Client:
    client = Client()
    client.force_login(admin)
    return client


def _policy(**changes: Any) -> dict[str, Any]:
    values = {
        "tone": "formal",
        "reapply_months": 12,
        "show_interviewer_first_names": "on",
        "scorecard_deadline_hours": 48,
        "decision_deadline_days": 3,
        "feedback_deadline_days": 1,
        "default_language": "fr",
        "time_zone": "Europe/Paris",
        **changes,
    }
    return {f"policy-{key}": value for key, value in values.items() if value is not None}


# --- Who may see the settings ------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_admin_sees_each_settings_page(admin_client: Client, path: str) -> None:
    assert admin_client.get(path).status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_recruiters_and_interviewers_are_refused(
    recruiter_client: Client, interviewer: User, path: str
) -> None:
    assert recruiter_client.get(path).status_code == 403
    client = Client()
    client.force_login(interviewer)
    assert client.get(path).status_code == 403


def test_non_admins_cannot_change_anything(recruiter_client: Client, org: Organization) -> None:
    assert recruiter_client.post("/settings/policy/", _policy()).status_code == 403
    sender = {"sender-sender_name": "X", "sender-sender_email": "x@x.example"}
    assert recruiter_client.post("/settings/sender/", sender).status_code == 403
    add = {"add-email": "new@acme.example", "add-role": "admin"}
    assert recruiter_client.post("/settings/members/add/", add).status_code == 403
    key = {"key-name": "CI", "key-scopes": ["read"]}
    assert recruiter_client.post("/settings/api-keys/create/", key).status_code == 403
    org.refresh_from_db()
    assert org.tone == "warm"
    assert not ApiKey.objects.exists()
    assert not Membership.objects.filter(user__email="new@acme.example").exists()


def test_only_admins_see_the_settings_link(admin_client: Client, recruiter_client: Client) -> None:
    assert 'href="/settings/"' in admin_client.get("/jobs/").content.decode()
    assert 'href="/settings/"' not in recruiter_client.get("/jobs/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_wrong_methods_are_refused(admin_client: Client) -> None:
    assert admin_client.post("/settings/").status_code == 405
    assert admin_client.get("/settings/policy/").status_code == 405
    assert admin_client.get("/settings/members/add/").status_code == 405


def test_an_admin_elsewhere_cannot_touch_this_organizations_members_or_keys(
    org: Organization, other_org: Organization, recruiter: User, admin: User
) -> None:
    stranger = factories.UserFactory(email="olga@globex.example")
    factories.MembershipFactory(organization=other_org, user=stranger, role="admin")
    client = Client()
    client.force_login(stranger)
    membership = Membership.objects.get(user=recruiter, organization=org)
    key = ApiKey.objects.create(organization=org, name="Acme CI", prefix="abcd1234", key_hash="x")

    assert client.post(f"/settings/members/{membership.pk}/remove/").status_code == 404
    role = {f"m{membership.pk}-role": "interviewer"}
    assert client.post(f"/settings/members/{membership.pk}/role/", role).status_code == 404
    assert client.post(f"/settings/api-keys/{key.pk}/revoke/").status_code == 404
    assert "Acme CI" not in client.get("/settings/api-keys/").content.decode()
    assert "rita@acme.example" not in client.get("/settings/members/").content.decode()
    membership.refresh_from_db()
    key.refresh_from_db()
    assert membership.role == "recruiter" and key.revoked_at is None


# --- Feedback policy, closure policy, sender ---------------------------------------------------


def test_admin_changes_the_feedback_policy(
    admin_client: Client, admin: User, org: Organization
) -> None:
    response = admin_client.post("/settings/policy/", _policy())
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.tone, org.reapply_months, org.show_interviewer_first_names) == (
        "formal",
        12,
        True,
    )
    assert (
        org.scorecard_deadline_hours,
        org.decision_deadline_days,
        org.feedback_deadline_days,
    ) == (48, 3, 1)
    assert (org.default_language, org.time_zone) == ("fr", "Europe/Paris")
    event = AuditEvent.objects.get(action="organization.policy")
    assert event.actor == admin and event.data["time_zone"] == "Europe/Paris"


@pytest.mark.parametrize(
    "changes",
    [
        {"time_zone": "Mars/Olympus_Mons"},
        {"time_zone": "../../etc/passwd"},
        {"reapply_months": 61},
        {"scorecard_deadline_hours": 0},
        {"tone": "snarky"},
        {"default_language": "de"},
    ],
)
def test_invalid_policy_changes_nothing(
    admin_client: Client, org: Organization, changes: dict[str, Any]
) -> None:
    response = admin_client.post("/settings/policy/", _policy(**changes))
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    org.refresh_from_db()
    assert (org.tone, org.time_zone, org.reapply_months) == ("warm", "UTC", 6)
    assert not AuditEvent.objects.filter(action="organization.policy").exists()


def test_unknown_time_zone_is_named_in_the_error(admin_client: Client) -> None:
    response = admin_client.post("/settings/policy/", _policy(time_zone="Europe/Atlantis"))
    assert "Europe/Atlantis" in response.content.decode()
    assert "is not a time zone" in response.content.decode()


def test_admin_sets_the_closure_policy(admin_client: Client, org: Organization) -> None:
    response = admin_client.post(
        "/settings/closure/",
        {
            "closure-holidays": "2026-12-25\n\n2026-01-01",
            "closure-holding_updates": "auto",
            "closure-max_holding_updates": 3,
            "closure-escalate_after_days": 4,
        },
    )
    assert response.status_code == 302
    policy = ClosurePolicy.objects.get(organization=org)
    assert policy.holidays == ["2026-01-01", "2026-12-25"]
    assert (policy.holding_updates, policy.max_holding_updates, policy.escalate_after_days) == (
        "auto",
        3,
        4,
    )
    page = admin_client.get("/settings/").content.decode()
    assert "2026-01-01\n2026-12-25" in page


def test_a_bad_holiday_is_named_and_nothing_changes(
    admin_client: Client, org: Organization
) -> None:
    response = admin_client.post(
        "/settings/closure/",
        {
            "closure-holidays": "2026-12-25\nChristmas",
            "closure-holding_updates": "auto",
            "closure-max_holding_updates": 11,
            "closure-escalate_after_days": 2,
        },
    )
    assert response.status_code == 400
    assert "&#x27;Christmas&#x27; is not a date" in response.content.decode()
    assert not ClosurePolicy.objects.filter(organization=org, holding_updates="auto").exists()


def test_admin_sets_the_sender(admin_client: Client, org: Organization) -> None:
    response = admin_client.post(
        "/settings/sender/",
        {"sender-sender_name": "Acme Talent", "sender-sender_email": "Talent@Acme.example"},
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.sender_name, org.sender_email) == ("Acme Talent", "talent@acme.example")


@pytest.mark.parametrize(
    "name", ["Acme\r\nBcc: everyone@example.com", "Acme\nTalent", "Acme\rTalent", "Acme\x0bTalent"]
)
def test_sender_name_with_a_line_break_is_refused(
    admin_client: Client, org: Organization, name: str
) -> None:
    response = admin_client.post(
        "/settings/sender/", {"sender-sender_name": name, "sender-sender_email": "t@acme.example"}
    )
    assert response.status_code == 400
    assert "Line breaks and control characters are not allowed" in response.content.decode()
    org.refresh_from_db()
    assert org.sender_name == "Acme" and org.sender_email == "jobs@acme.example"


# --- Members -----------------------------------------------------------------------------------


def test_adding_someone_twice_is_refused(
    admin_client: Client, org: Organization, recruiter: User
) -> None:
    response = admin_client.post(
        "/settings/members/add/", {"add-email": recruiter.email, "add-role": "admin"}
    )
    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    assert Membership.objects.get(user=recruiter, organization=org).role == "recruiter"


def test_admin_changes_a_role(admin_client: Client, org: Organization, recruiter: User) -> None:
    membership = Membership.objects.get(user=recruiter, organization=org)
    admin_client.post(
        f"/settings/members/{membership.pk}/role/", {f"m{membership.pk}-role": "hiring_manager"}
    )
    membership.refresh_from_db()
    assert membership.role == "hiring_manager"
    assert AuditEvent.objects.filter(action="membership.role", object_id=str(membership.pk))


def test_the_last_admin_cannot_step_down_or_remove_themselves(
    admin_client: Client, admin: User, org: Organization
) -> None:
    membership = Membership.objects.get(user=admin, organization=org)
    response = admin_client.post(
        f"/settings/members/{membership.pk}/role/",
        {f"m{membership.pk}-role": "recruiter"},
        follow=True,
    )
    assert "needs at least one admin" in response.content.decode()
    response = admin_client.post(f"/settings/members/{membership.pk}/remove/", follow=True)
    assert "You cannot remove yourself" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "admin"


def test_an_admin_steps_down_once_there_is_another_admin(
    admin_client: Client, admin: User, org: Organization
) -> None:
    factories.MembershipFactory(organization=org, role="admin")
    membership = Membership.objects.get(user=admin, organization=org)
    admin_client.post(
        f"/settings/members/{membership.pk}/role/", {f"m{membership.pk}-role": "recruiter"}
    )
    membership.refresh_from_db()
    assert membership.role == "recruiter"


def test_admin_removes_a_member(admin_client: Client, org: Organization, interviewer: User) -> None:
    membership = Membership.objects.get(user=interviewer, organization=org)
    response = admin_client.post(f"/settings/members/{membership.pk}/remove/", follow=True)
    assert "ivan@acme.example no longer belongs to Acme." in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert User.objects.filter(pk=interviewer.pk).exists()  # the account stays, for its history


# --- API keys ----------------------------------------------------------------------------------


def test_api_key_is_shown_once_and_works(
    admin_client: Client, admin: User, org: Organization
) -> None:
    response = admin_client.post(
        "/settings/api-keys/create/", {"key-name": "Greenhouse sync", "key-scopes": ["read"]}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw_key = response.content.decode().split('<p class="secret"><code>')[1].split("</code>")[0]
    api_key = api_key_for_raw_key(raw_key=raw_key)
    assert api_key is not None and api_key.organization == org
    assert (api_key.name, api_key.scopes, api_key.created_by) == (
        "Greenhouse sync",
        ["read"],
        admin,
    )

    listing = admin_client.get("/settings/api-keys/").content.decode()
    assert raw_key not in listing
    assert api_key.display_prefix in listing and "Greenhouse sync" in listing


def test_api_key_needs_a_name_and_a_known_scope(admin_client: Client) -> None:
    for data in (
        {"key-name": "", "key-scopes": ["read"]},
        {"key-name": "CI", "key-scopes": []},
        {"key-name": "CI", "key-scopes": ["admin:everything"]},
    ):
        response = admin_client.post("/settings/api-keys/create/", data)
        assert response.status_code == 400, data
        assert '<p class="secret">' not in response.content.decode()
    assert not ApiKey.objects.exists()


def test_revoked_key_is_no_longer_listed_as_active_and_stops_working(
    admin_client: Client,
) -> None:
    response = admin_client.post(
        "/settings/api-keys/create/", {"key-name": "Old script", "key-scopes": ["read", "imports"]}
    )
    raw_key = response.content.decode().split('<p class="secret"><code>')[1].split("</code>")[0]
    api_key = ApiKey.objects.get(name="Old script")

    response = admin_client.post(f"/settings/api-keys/{api_key.pk}/revoke/", follow=True)
    page = response.content.decode()
    assert "Revoked Old script" in page
    active = page.split("Active keys")[1].split("revoked key")[0]
    assert "Old script" not in active
    assert f"/settings/api-keys/{api_key.pk}/revoke/" not in page
    assert "1 revoked key" in page
    assert api_key_for_raw_key(raw_key=raw_key) is None


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_settings_pages_queries_do_not_grow_with_members_or_keys(
    admin_client: Client,
    admin: User,
    org: Organization,
    path: str,
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(15):
        factories.MembershipFactory(organization=org, role="interviewer")
        ApiKey.objects.create(
            organization=org, name=f"Key {n}", prefix=f"{n:08x}", key_hash="x", created_by=admin
        )
    with django_assert_max_num_queries(8):
        assert admin_client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [("scorecard_deadline_hours", 0), ("reapply_months", 61), ("time_zone", "Mars/Olympus")],
)
def test_a_new_organization_refuses_what_the_policy_page_refuses(field: str, value: object) -> None:
    """The model guards its fields, so `heardback org create` and the page agree."""
    from django.core.exceptions import ValidationError

    from heardback.accounts.services import organization_create

    with pytest.raises(ValidationError) as refused:
        organization_create(actor=None, slug="mars", name="Mars", **{field: value})
    assert field in refused.value.message_dict
    assert not Organization.objects.filter(slug="mars").exists()


def test_a_checkbox_sits_inside_its_own_label_not_beside_the_next_field(
    admin_client: Client,
) -> None:
    # Rendered bare, the box came after its label and before the next field's label, which the
    # page then showed on one line: "[ ] Scorecards are due (hours after the interview)".
    html = admin_client.get("/settings/").content.decode()
    inside = re.search(
        r'<label class="check" for="id_policy-show_interviewer_first_names">\s*'
        r'<input type="checkbox" name="policy-show_interviewer_first_names"[^>]*>\s*'
        r"Name interviewers by their first name in notes</label>",
        html,
    )
    assert inside is not None
