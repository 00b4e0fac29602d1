"""API keys: shown once, stored hashed, scoped, revocable, acting for an admin."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from heardback.accounts.models import AuditEvent, Membership, Organization, User
from heardback.api.models import ApiKey
from heardback.api.selectors import api_key_for_raw_key, api_keys_for_organization
from heardback.api.services import api_key_create, api_key_revoke
from tests.api.conftest import ApiClient, assert_error

pytestmark = pytest.mark.django_db


def test_key_is_returned_once_and_only_its_hash_is_stored(org: Organization, admin: User) -> None:
    api_key, raw_key = api_key_create(
        organization=org, user=admin, name="Greenhouse sync", scopes=["write:hiring", "read"]
    )
    assert raw_key.startswith(f"hb_{api_key.prefix}_") and len(raw_key) > 40
    stored = ApiKey.objects.filter(pk=api_key.pk).values().get()
    assert raw_key not in json.dumps(stored, default=str)
    assert api_key.key_hash != raw_key and len(api_key.key_hash) == 64
    # Scopes are kept in the catalogue's order, whatever order they were asked in.
    assert api_key.scopes == ["read", "write:hiring"]
    assert api_key_for_raw_key(raw_key=raw_key) == api_key


def test_creating_and_revoking_are_audited_without_the_secret(
    org: Organization, admin: User
) -> None:
    api_key, raw_key = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    api_key_revoke(api_key=api_key, user=admin)
    api_key_revoke(api_key=api_key, user=admin)  # twice: nothing more happens
    events = list(AuditEvent.objects.filter(object_type="api.apikey").order_by("id"))
    assert [(e.action, e.actor) for e in events] == [
        ("api_key.create", admin),
        ("api_key.revoke", admin),
    ]
    assert events[0].data["prefix"] == api_key.display_prefix
    # The secret is everything after the prefix; it may itself hold "_".
    secret = raw_key.removeprefix(f"hb_{api_key.prefix}_")
    assert len(secret) >= 40
    assert all(secret not in json.dumps(e.data) for e in events)


@pytest.mark.parametrize(
    ("name", "scopes", "field"),
    [("", ["read"], "name"), ("CI", [], "scopes"), ("CI", ["read", "admin"], "scopes"),
     ("x" * 101, ["read"], "name")],
)  # fmt: skip
def test_key_needs_a_name_and_known_scopes(
    org: Organization, admin: User, name: str, scopes: list[str], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        api_key_create(organization=org, user=admin, name=name, scopes=scopes)
    assert field in error.value.message_dict
    assert not ApiKey.objects.exists()


def test_only_admins_manage_keys(org: Organization, admin: User, recruiter: User) -> None:
    with pytest.raises(PermissionDenied):
        api_key_create(organization=org, user=recruiter, name="Mine", scopes=["read"])
    api_key, _ = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    with pytest.raises(PermissionDenied):
        api_key_revoke(api_key=api_key, user=recruiter)
    api_key.refresh_from_db()
    assert api_key.revoked_at is None


def test_organizations_see_only_their_keys(
    org: Organization, other_org: Organization, admin: User
) -> None:
    mine, _ = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    api_key_create(organization=other_org, user=None, name="Theirs", scopes=["read"])
    assert list(api_keys_for_organization(organization=org)) == [mine]


def test_revoked_key_stops_working_at_once(org: Organization, admin: User) -> None:
    api_key, raw_key = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    client = ApiClient(raw_key)
    assert client.get("/jobs").status_code == 200
    api_key_revoke(api_key=api_key, user=admin)
    assert_error(client.get("/jobs"), 401, "unauthenticated")


def test_key_stops_working_when_its_admin_leaves(org: Organization, admin: User) -> None:
    _, raw_key = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    Membership.objects.filter(user=admin, organization=org).delete()
    assert_error(ApiClient(raw_key).get("/jobs"), 401, "unauthenticated")


def test_key_stops_working_when_its_admin_is_deactivated(org: Organization, admin: User) -> None:
    _, raw_key = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    User.objects.filter(pk=admin.pk).update(is_active=False)
    assert_error(ApiClient(raw_key).get("/jobs"), 401, "unauthenticated")


def test_last_use_is_recorded_at_most_once_a_minute(org: Organization, admin: User) -> None:
    api_key, raw_key = api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    client = ApiClient(raw_key)
    start = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client.get("/jobs")
    with time_machine.travel(start + dt.timedelta(seconds=30), tick=False):
        client.get("/jobs")
    api_key.refresh_from_db()
    assert api_key.last_used_at == start
    with time_machine.travel(start + dt.timedelta(minutes=2), tick=False):
        client.get("/jobs")
    api_key.refresh_from_db()
    assert api_key.last_used_at == start + dt.timedelta(minutes=2)


# --- Command line -------------------------------------------------------------------------


def test_command_line_creates_lists_and_revokes(
    org: Organization, admin: User, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("apikey", "create", "--org", "acme", "--name", "ATS sync",
                 "--scope", "read", "--scope", "write:feedback", "--user", admin.email)  # fmt: skip
    raw_key = capsys.readouterr().out.strip()
    api_key = api_key_for_raw_key(raw_key=raw_key)
    assert api_key is not None
    assert (api_key.name, api_key.scopes, api_key.created_by) == (
        "ATS sync", ["read", "write:feedback"], admin,
    )  # fmt: skip

    call_command("apikey", "list", "--org", "acme")
    listing = capsys.readouterr().out
    assert api_key.display_prefix in listing and "ATS sync" in listing and "active" in listing
    assert raw_key.split("_", 2)[2] not in listing  # the secret (it may hold "_" itself)

    call_command("apikey", "revoke", "--org", "acme", api_key.display_prefix)
    assert "Revoked" in capsys.readouterr().out
    assert api_key_for_raw_key(raw_key=raw_key) is None
    call_command("apikey", "list", "--org", "acme")
    assert "revoked" in capsys.readouterr().out


def test_command_line_key_without_user_acts_for_no_one(
    org: Organization, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("apikey", "create", "--org", "acme", "--name", "Ops", "--scope", "read")
    api_key = api_key_for_raw_key(raw_key=capsys.readouterr().out.strip())
    assert api_key is not None and api_key.created_by is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "--org", "nope", "--name", "X", "--scope", "read"], "No organization"),
        (["create", "--org", "acme", "--name", " ", "--scope", "read"], "name"),
        (["create", "--org", "acme", "--name", "X", "--scope", "read", "--user", "x@y.z"],
         "No user"),
        (["revoke", "--org", "acme", "hb_00000000"], "No key"),
    ],
)  # fmt: skip
def test_command_line_refuses_clearly(org: Organization, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("apikey", *args)


def test_command_line_user_must_be_an_admin(org: Organization, recruiter: User) -> None:
    with pytest.raises(CommandError, match="not an admin"):
        call_command("apikey", "create", "--org", "acme", "--name", "X", "--scope", "read",
                     "--user", recruiter.email)  # fmt: skip
    assert not ApiKey.objects.exists()


@pytest.mark.parametrize(
    ("role", "reads", "sends_feedback"),
    [("admin", True, True), ("hiring_manager", True, True), ("interviewer", False, False)],
)
def test_a_key_acts_with_its_persons_role_of_today(
    org: Organization, admin: User, recruiter: User, role: str, reads: bool, sends_feedback: bool
) -> None:
    """A key made by an admin later demoted to interviewer reads and approves nothing more."""
    _, raw_key = api_key_create(
        organization=org, user=admin, name="CI", scopes=["read", "write:feedback"]
    )
    client = ApiClient(raw_key)
    assert client.get("/scorecards").status_code == 200
    Membership.objects.filter(user=admin, organization=org).update(role=role)
    scorecards = client.get("/scorecards")
    approve = client.post("/feedback-notes/999999/approve", {})
    if reads:
        assert scorecards.status_code == 200
    else:
        assert_error(scorecards, 403, "forbidden")
    if sends_feedback:
        assert_error(approve, 404, "not_found")
    else:
        assert_error(approve, 403, "forbidden")
