from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from heardback.accounts.models import Membership, Organization, User

pytestmark = pytest.mark.django_db


def test_org_create_makes_an_organization_with_default_policy() -> None:
    call_command("org", "create", "acme", "--name", "Acme Ltd", "--time-zone", "Europe/Paris")
    org = Organization.objects.get(slug="acme")
    assert (org.name, org.time_zone, org.decision_deadline_days) == ("Acme Ltd", "Europe/Paris", 5)


def test_org_create_refuses_a_duplicate_slug_and_changes_nothing() -> None:
    call_command("org", "create", "acme", "--name", "Acme Ltd")
    with pytest.raises(CommandError, match="already exists"):
        call_command("org", "create", "acme", "--name", "Other")
    assert Organization.objects.get(slug="acme").name == "Acme Ltd"


def test_user_create_adds_a_member_with_a_password_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    call_command("org", "create", "acme", "--name", "Acme Ltd")
    monkeypatch.setenv("NEW_PASSWORD", "a long enough password")
    call_command(
        "user", "create", "Rita@Acme.example", "--org", "acme", "--role", "recruiter",
        "--password-env", "NEW_PASSWORD",
    )  # fmt: skip
    user = User.objects.get(email="rita@acme.example")
    assert user.check_password("a long enough password")
    assert Membership.objects.get(user=user).role == "recruiter"


def test_user_create_for_an_unknown_org_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="No organization"):
        call_command("user", "create", "a@b.example", "--org", "nope", "--role", "recruiter",
                     "--no-password")  # fmt: skip
    assert not User.objects.exists()


def test_user_create_refuses_a_bad_email() -> None:
    call_command("org", "create", "acme", "--name", "Acme Ltd")
    with pytest.raises(CommandError, match="email"):
        call_command("user", "create", "not-an-email", "--org", "acme", "--role", "recruiter",
                     "--no-password")  # fmt: skip
    assert not User.objects.exists()
