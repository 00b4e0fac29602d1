"""Feedback notes through the API: draft, read (current version), approve, send now or later."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail
from tests import factories
from tests.api.conftest import ApiClient, World, assert_error
from tests.feedback.conftest import rejected_application

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _note(application: Application, **fields: object) -> FeedbackNote:
    values = {"subject": "Your application", "text": "Hi Priya, thank you.", "html": "<p>Hi</p>"}
    return FeedbackNote.objects.create(
        organization=application.organization, application=application, **{**values, **fields}
    )


@pytest.fixture
def rejected(org: Organization, recruiter: User) -> Application:
    return rejected_application(org, recruiter=recruiter)


def test_drafted_note_is_personal_and_free_of_internal_notes(
    api: ApiClient, rejected: Application
) -> None:
    response = api.post(f"/applications/{rejected.pk}/feedback-note")
    assert response.status_code == 201, response.content
    note = response.json()
    assert "Priya" in note["text"]
    assert "INTERNAL-EVIDENCE-MARKER" not in note["text"]
    assert "PRIVATE-NOTE-MARKER" not in note["text"]
    assert (note["version"], note["is_current"], note["status"]) == (1, True, "draft")
    again = api.post(f"/applications/{rejected.pk}/feedback-note").json()
    assert again["version"] == 2
    current = api.get(f"/applications/{rejected.pk}/feedback-note").json()
    assert current["id"] == again["id"]
    old = api.get(f"/feedback-notes/{note['id']}").json()
    assert (old["version"], old["is_current"]) == (1, False)


def test_active_application_gets_no_note(api: ApiClient, world: World) -> None:
    response = api.post(f"/applications/{world.application.pk}/feedback-note")
    assert "rejected or withdrawn" in assert_error(response, 400, "refused")["message"]
    assert_error(api.get(f"/applications/{world.application.pk}/feedback-note"), 404, "not_found")


def test_notes_list_the_current_versions_filtered(
    api: ApiClient, org: Organization, world: World
) -> None:
    first = factories.ApplicationFactory(organization=org, job=world.job, status="withdrawn")
    second = factories.ApplicationFactory(organization=org, job=world.job, status="withdrawn")
    _note(first, version=1, is_current=False)
    current = _note(first, version=2)
    blocked = _note(second, guard_verdict="block")
    items = api.get("/feedback-notes").json()["items"]
    assert [n["id"] for n in items] == [current.pk, blocked.pk]
    assert [n["id"] for n in api.get("/feedback-notes", verdict="block").json()["items"]] == [
        blocked.pk
    ]
    assert api.get("/feedback-notes", status="sent").json()["items"] == []


def test_approving_respects_the_guard(api: ApiClient, world: World, admin: User) -> None:
    application = world.application
    Application.objects.filter(pk=application.pk).update(status="withdrawn")
    note = _note(application, guard_verdict="warn")
    path = f"/feedback-notes/{note.pk}/approve"
    assert "acknowledge" in assert_error(api.post(path), 400, "refused")["message"]
    response = api.post(path, {"acknowledge_warnings": True})
    assert (response.status_code, response.json()["status"]) == (200, "approved")
    note.refresh_from_db()
    assert (note.approved_by, note.warnings_acknowledged) == (admin, True)
    assert AuditEvent.objects.filter(action="feedback.approve", actor=admin).exists()


def test_blocked_note_is_never_approved(api: ApiClient, world: World) -> None:
    note = _note(world.application, guard_verdict="block")
    error = assert_error(api.post(f"/feedback-notes/{note.pk}/approve"), 400, "refused")
    assert "Blocked" in error["message"]
    note.refresh_from_db()
    assert note.status == "draft"


@time_machine.travel(NOW, tick=False)
def test_sending_now_queues_one_email_to_the_candidate(api: ApiClient, world: World) -> None:
    note = _note(world.application, status="approved", approved_at=timezone.now())
    response = api.post(f"/feedback-notes/{note.pk}/send")
    assert (response.status_code, response.json()["status"]) == (200, "queued"), response.content
    email = OutboundEmail.objects.get(note=note)
    candidate = world.application.candidate
    assert candidate.email in email.to and email.subject == "Your application"
    assert email.next_attempt_at == NOW
    # Sending again does not queue a second email: the note is no longer approved.
    assert_error(api.post(f"/feedback-notes/{note.pk}/send"), 400, "refused")
    assert OutboundEmail.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_sending_later_schedules_in_the_organizations_zone(
    api: ApiClient, org: Organization, world: World
) -> None:
    Organization.objects.filter(pk=org.pk).update(time_zone="Europe/Paris")
    note = _note(world.application, status="approved", approved_at=timezone.now())
    response = api.post(f"/feedback-notes/{note.pk}/send", {"at": "2026-12-02T09:00"})
    assert response.status_code == 200, response.content
    note.refresh_from_db()
    assert note.scheduled_for == dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    assert OutboundEmail.objects.get(note=note).next_attempt_at == note.scheduled_for


@time_machine.travel(NOW, tick=False)
def test_sending_in_the_past_or_a_draft_is_refused(api: ApiClient, world: World) -> None:
    draft = _note(world.application)
    assert_error(api.post(f"/feedback-notes/{draft.pk}/send"), 400, "refused")
    FeedbackNote.objects.filter(pk=draft.pk).update(status="approved")
    error = assert_error(
        api.post(f"/feedback-notes/{draft.pk}/send", {"at": "2026-11-01T09:00:00Z"}), 400, "refused"
    )
    assert "past" in error["message"]
    assert_error(
        api.post(f"/feedback-notes/{draft.pk}/send", {"at": "soon"}), 422, "invalid_request"
    )
    assert not OutboundEmail.objects.exists()


def test_candidate_without_an_email_is_told_not_queued(api: ApiClient, world: World) -> None:
    world.application.candidate.email = ""
    world.application.candidate.save()
    note = _note(world.application, status="approved", approved_at=timezone.now())
    error = assert_error(api.post(f"/feedback-notes/{note.pk}/send"), 400, "refused")
    assert "no email address" in error["message"]
    note.refresh_from_db()
    assert note.status == "approved"
