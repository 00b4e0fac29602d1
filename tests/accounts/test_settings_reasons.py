"""Rejection reasons under Settings: every organization starts with a set; admins edit it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.accounts.services import organization_create
from heardback.feedback.engine import guard
from heardback.hiring.models import PipelineStage, RejectionReason
from heardback.hiring.reason_services import default_reasons
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(admin: User) -> Client:
    client = Client()
    client.force_login(admin)
    return client


def _reason(**changes: Any) -> dict[str, Any]:
    values = {
        "name": "Exercise below the bar",
        "category": "skills_gap",
        "explanation_en": "The practical exercise did not yet show the level the role needs.",
        "explanation_fr": "L'exercice pratique n'a pas encore montré le niveau attendu.",
        "stages": ["interview", "final"],
        "sends_note": "on",
        **changes,
    }
    return {f"reason-{key}": value for key, value in values.items() if value is not None}


# --- Defaults ---------------------------------------------------------------------------------


def test_a_new_organization_starts_with_a_reason_for_every_category() -> None:
    organization = organization_create(actor=None, slug="newco", name="NewCo")
    reasons = RejectionReason.objects.filter(organization=organization)
    assert {r.category for r in reasons} == set(RejectionReason.Category.values)
    explained = reasons.exclude(explanation_en="").exclude(explanation_fr="")
    assert {r.category for r in explained} == set(RejectionReason.Category.values)
    # The one left without words: after interviews, the note names the gap the scorecards show.
    assert [r.name for r in reasons.filter(sends_note=True, explanation_en="")] == [
        "Skills below the level the role needs"
    ]
    assert AuditEvent.objects.filter(
        organization=organization, action="rejection_reason.defaults"
    ).exists()


def test_duplicates_and_spam_send_no_note_by_default() -> None:
    organization = organization_create(actor=None, slug="newco", name="NewCo")
    silent = RejectionReason.objects.filter(organization=organization, sends_note=False)
    assert sorted(silent.values_list("name", flat=True)) == ["Duplicate application", "Spam"]


def test_default_explanations_fit_their_stages() -> None:
    """An explanation about another finalist never reaches someone screened out, and the
    explanations for an early stage never speak of interviews."""
    by_name = {r.name: r for r in default_reasons()}
    assert set(by_name["Another candidate was chosen"].stages) <= {"final", "offer"}
    for reason in default_reasons():
        assert set(reason.stages) <= set(PipelineStage.Kind.values)
        if reason.stages and set(reason.stages) <= {"application_review", "screen"}:
            assert "interview" not in reason.explanation_en.lower()
            assert "entretien" not in reason.explanation_fr.lower()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_default_explanation_passes_the_guard(language: str) -> None:
    """A new organization's reasons reach candidates word for word: not one may be blocked
    (an admin's own reason is refused for less), or every note with it would be."""
    for reason in default_reasons():
        text = getattr(reason, f"explanation_{language}")
        # Empty only where the note has better words of its own (the gap the scorecards show)
        # or sends nothing.
        assert text or reason.category == "skills_gap" or not reason.sends_note, reason.name
        findings = guard.check(text, lang=language, context="candidate")
        assert [f for f in findings if f.severity == "block"] == [], (reason.name, text)


def test_org_create_command_gives_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("org", "create", "fresh", "--name", "Fresh")
    organization = Organization.objects.get(slug="fresh")
    assert RejectionReason.objects.filter(organization=organization).count() == len(
        default_reasons()
    )
    assert f"starts with {len(default_reasons())} rejection reasons" in capsys.readouterr().out


# --- The settings page ------------------------------------------------------------------------


def test_admin_sees_the_reasons_page_linked_from_the_settings(
    admin_client: Client, org: Organization
) -> None:
    factories.RejectionReasonFactory(organization=org, name="Role closed", category="role_closed")
    page = admin_client.get("/settings/rejection-reasons/").content.decode()
    assert "Role closed" in page
    assert 'href="/settings/rejection-reasons/"' in admin_client.get("/settings/").content.decode()


def test_admin_adds_a_reason_with_its_stages_and_it_is_audited(
    admin_client: Client, org: Organization, admin: User
) -> None:
    response = admin_client.post("/settings/rejection-reasons/add/", _reason())
    assert response.status_code == 302
    reason = RejectionReason.objects.get(organization=org, name="Exercise below the bar")
    assert (reason.category, reason.stages, reason.sends_note) == (
        "skills_gap",
        ["interview", "final"],
        True,
    )
    assert AuditEvent.objects.filter(
        organization=org, actor=admin, action="rejection_reason.create"
    ).exists()


def test_admin_marks_a_reason_no_note(admin_client: Client, org: Organization) -> None:
    admin_client.post("/settings/rejection-reasons/add/", _reason(name="Spam", sends_note=None))
    assert RejectionReason.objects.get(organization=org, name="Spam").sends_note is False


def test_admin_edits_a_reason(admin_client: Client, org: Organization, admin: User) -> None:
    reason = factories.RejectionReasonFactory(organization=org, name="Old", category="other")
    url = f"/settings/rejection-reasons/{reason.pk}/"
    assert "Old" in admin_client.get(url).content.decode()

    response = admin_client.post(url, _reason(name="Exercise", stages=["final"]))

    assert response.status_code == 302
    reason.refresh_from_db()
    assert (reason.name, reason.category, reason.stages) == ("Exercise", "skills_gap", ["final"])
    event = AuditEvent.objects.get(organization=org, action="rejection_reason.update")
    assert event.data["name"] == "Exercise"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"category": "vibes"}, "Select a valid choice."),
        ({"stages": ["lunch"]}, "Select a valid choice."),
        ({"explanation_en": "You seem too old for this team."}, "blocked by the safe-feedback"),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_changes_nothing(
    admin_client: Client, org: Organization, changes: dict[str, Any], message: str
) -> None:
    response = admin_client.post("/settings/rejection-reasons/add/", _reason(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not RejectionReason.objects.filter(organization=org).exists()


def test_a_second_reason_with_the_same_name_is_refused(
    admin_client: Client, org: Organization
) -> None:
    factories.RejectionReasonFactory(organization=org, name="Exercise below the bar")
    response = admin_client.post("/settings/rejection-reasons/add/", _reason())
    assert response.status_code == 400
    assert "already a reason with this name" in response.content.decode()


def test_non_admins_cannot_see_or_change_reasons(
    recruiter_client: Client, org: Organization
) -> None:
    reason = factories.RejectionReasonFactory(organization=org, name="Kept")
    assert recruiter_client.get("/settings/rejection-reasons/").status_code == 403
    assert recruiter_client.post("/settings/rejection-reasons/add/", _reason()).status_code == 403
    url = f"/settings/rejection-reasons/{reason.pk}/"
    assert recruiter_client.post(url, _reason(name="Changed")).status_code == 403
    reason.refresh_from_db()
    assert reason.name == "Kept"


def test_an_admin_elsewhere_cannot_see_or_edit_this_organizations_reasons(
    org: Organization, other_org: Organization
) -> None:
    reason = factories.RejectionReasonFactory(organization=org, name="Acme only")
    stranger = factories.UserFactory(email="olga@globex.example")
    factories.MembershipFactory(organization=other_org, user=stranger, role="admin")
    client = Client()
    client.force_login(stranger)
    assert "Acme only" not in client.get("/settings/rejection-reasons/").content.decode()
    url = f"/settings/rejection-reasons/{reason.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, _reason(name="Taken")).status_code == 404
    reason.refresh_from_db()
    assert reason.name == "Acme only"


def test_anonymous_and_wrong_methods(client: Client, admin_client: Client) -> None:
    assert client.get("/settings/rejection-reasons/")["Location"].startswith("/login/")
    assert admin_client.get("/settings/rejection-reasons/add/").status_code == 405
    assert admin_client.post("/settings/rejection-reasons/").status_code == 405
