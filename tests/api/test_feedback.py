"""Feedback notes through the API: draft, read (current version), edit, approve, send now or
later, cancel a scheduled send."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import outbound_emails_claim
from tests import factories
from tests.api.conftest import ApiClient, World, assert_error, make_key
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
    email = note.emails.get()
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
    assert note.emails.get().next_attempt_at == note.scheduled_for


@time_machine.travel(NOW, tick=False)
def test_sending_in_the_past_or_a_draft_is_refused(api: ApiClient, world: World) -> None:
    draft = _note(world.application)
    assert_error(api.post(f"/feedback-notes/{draft.pk}/send"), 400, "refused")
    FeedbackNote.objects.filter(pk=draft.pk).update(status="approved")
    error = assert_error(
        api.post(f"/feedback-notes/{draft.pk}/send", {"at": "2026-11-01T09:00:00Z"}), 400, "refused"
    )
    assert "past" in error["message"]
    assert [f["field"] for f in error["fields"]] == ["at"]  # the input to change
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


def test_an_edit_is_a_new_version_by_the_keys_person_checked_again(
    api: ApiClient, rejected: Application, admin: User
) -> None:
    drafted = api.post(f"/applications/{rejected.pk}/feedback-note").json()
    response = api.post(
        f"/feedback-notes/{drafted['id']}/edit",
        {"subject": "About your application", "text": "Dear Priya, you are too old for us."},
    )
    assert response.status_code == 201, response.content
    edited = response.json()
    assert (edited["version"], edited["is_current"], edited["status"]) == (2, True, "draft")
    assert edited["subject"] == "About your application"
    assert edited["guard_verdict"] == "block"
    assert [f["category"] for f in edited["guard_findings"]] == ["age"]
    assert FeedbackNote.objects.get(pk=edited["id"]).author == admin
    assert AuditEvent.objects.filter(action="feedback.edit", actor=admin).exists()
    assert not api.get(f"/feedback-notes/{drafted['id']}").json()["is_current"]
    error = assert_error(api.post(f"/feedback-notes/{edited['id']}/approve"), 400, "refused")
    assert "Blocked" in error["message"]
    clean = api.post(
        f"/feedback-notes/{edited['id']}/edit",
        {"subject": "Your application", "text": "Dear Priya,\n\nThank you for your time."},
    ).json()
    assert (clean["version"], clean["guard_verdict"]) == (3, "ok")
    approved = api.post(f"/feedback-notes/{clean['id']}/approve")
    assert approved.json()["status"] == "approved", approved.content


def test_editing_an_old_version_or_a_sent_note_is_refused(
    api: ApiClient, world: World, org: Organization
) -> None:
    body = {"subject": "Your application", "text": "Hi Priya, thank you."}
    old = _note(world.application, version=1, is_current=False)
    error = assert_error(api.post(f"/feedback-notes/{old.pk}/edit", body), 400, "refused")
    assert "old version" in error["message"]
    withdrawn = factories.ApplicationFactory(organization=org, job=world.job, status="withdrawn")
    sent = _note(withdrawn, status="sent", sent_at=timezone.now())
    error = assert_error(api.post(f"/feedback-notes/{sent.pk}/edit", body), 400, "refused")
    assert "sent" in error["message"]
    assert FeedbackNote.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"subject": "Your application", "text": "   "}, 400, "refused"),
        ({"subject": " ", "text": "Hi Priya."}, 400, "refused"),
        (
            {"subject": "Your\r\nBcc: everyone@example.com", "text": "Hi Priya."},
            422,
            "invalid_request",
        ),
        ({"subject": "x" * 301, "text": "Hi Priya."}, 422, "invalid_request"),
        ({"text": "Hi Priya."}, 422, "invalid_request"),
    ],
)
def test_an_edit_needs_a_one_line_subject_and_a_text(
    api: ApiClient, world: World, body: dict[str, str], status: int, code: str
) -> None:
    note = _note(world.application)
    assert_error(api.post(f"/feedback-notes/{note.pk}/edit", body), status, code)
    assert FeedbackNote.objects.count() == 1


def test_edits_need_a_key_that_acts_for_a_person(org: Organization, world: World) -> None:
    note = _note(world.application)
    operator = ApiClient(make_key(org, None))
    response = operator.post(
        f"/feedback-notes/{note.pk}/edit", {"subject": "Your application", "text": "Hi Priya."}
    )
    assert "--user" in assert_error(response, 403, "forbidden")["message"]
    assert FeedbackNote.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_cancelling_a_scheduled_send_approves_the_note_again(
    api: ApiClient, world: World, admin: User
) -> None:
    note = _note(world.application, status="approved", approved_at=timezone.now())
    api.post(f"/feedback-notes/{note.pk}/send", {"at": "2026-12-02T09:00:00Z"})
    response = api.post(f"/feedback-notes/{note.pk}/cancel")
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["scheduled_for"]) == ("approved", None)
    assert note.emails.get().status == "cancelled"
    assert AuditEvent.objects.filter(action="outbox.cancel", actor=admin).exists()
    # Nothing is queued any more: cancelling again is refused, sending again works.
    error = assert_error(api.post(f"/feedback-notes/{note.pk}/cancel"), 400, "refused")
    assert "cancelled" in error["message"]
    assert api.post(f"/feedback-notes/{note.pk}/send").json()["status"] == "queued"


def test_cancelling_a_note_that_was_never_sent_is_refused(api: ApiClient, world: World) -> None:
    note = _note(world.application, status="approved", approved_at=timezone.now())
    error = assert_error(api.post(f"/feedback-notes/{note.pk}/cancel"), 400, "refused")
    assert "no email" in error["message"]
    note.refresh_from_db()
    assert note.status == "approved"


@time_machine.travel(NOW, tick=False)
def test_cancelling_an_email_a_worker_claimed_is_refused(api: ApiClient, world: World) -> None:
    note = _note(world.application, status="approved", approved_at=timezone.now())
    api.post(f"/feedback-notes/{note.pk}/send")
    assert [email.about_id for email in outbound_emails_claim(worker="worker-1")] == [note.pk]
    error = assert_error(api.post(f"/feedback-notes/{note.pk}/cancel"), 400, "refused")
    assert "sending" in error["message"]
    note.refresh_from_db()
    assert note.status == "queued"


@time_machine.travel(NOW, tick=False)
def test_outsider_can_neither_edit_nor_cancel_acmes_note(
    api: ApiClient, outsider_api: ApiClient, world: World
) -> None:
    note = _note(world.application, status="approved", approved_at=timezone.now())
    api.post(f"/feedback-notes/{note.pk}/send", {"at": "2026-12-02T09:00:00Z"})
    body = {"subject": "Hacked", "text": "Hacked."}
    assert_error(outsider_api.post(f"/feedback-notes/{note.pk}/edit", body), 404, "not_found")
    assert_error(outsider_api.post(f"/feedback-notes/{note.pk}/cancel"), 404, "not_found")
    assert note.emails.get().status == "queued"
    assert list(FeedbackNote.objects.values_list("status", "subject")) == [
        ("queued", "Your application")
    ]


def test_a_key_without_write_feedback_can_neither_edit_nor_cancel(
    org: Organization, admin: User, world: World
) -> None:
    note = _note(world.application)
    reader = ApiClient(make_key(org, admin, ["read", "write:hiring"]))
    body = {"subject": "Your application", "text": "Hi Priya."}
    for response in (
        reader.post(f"/feedback-notes/{note.pk}/edit", body),
        reader.post(f"/feedback-notes/{note.pk}/cancel"),
    ):
        assert "write:feedback" in assert_error(response, 403, "forbidden")["message"]
