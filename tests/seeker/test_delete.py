"""Deleting a companion account: with the password, everything goes, files too; audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from heardback.accounts.models import AuditEvent, User
from heardback.outbox.models import OutboundEmail
from heardback.seeker.models import (
    Digest,
    Document,
    Interview,
    JobApplication,
    Reminder,
    Seeker,
    WeeklySummary,
)
from heardback.seeker.services import seeker_sweep
from tests import factories
from tests.seeker.conftest import application, local, make_seeker

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase 42"
PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # the password guesses counted by user id
    return Path(settings.MEDIA_ROOT)


def full_seeker(email: str, company: str) -> tuple[Seeker, Client]:
    seeker = make_seeker(email, active_min=0)
    seeker.user.set_password(PASSWORD)
    seeker.user.save()
    client = Client()
    client.force_login(seeker.user)
    app = application(
        seeker, company=company, applied_on=dt.date(2026, 1, 1), feed_url="/p/feed/x.json"
    )
    Interview.objects.create(application=app, starts_at=local("Europe/Paris", 2026, 1, 5, 9))
    file = SimpleUploadedFile("cv.pdf", PDF)
    response = client.post(f"/me/applications/{app.pk}/documents/new/", {"file": file})
    assert response.status_code == 302
    return seeker, client


def test_a_seeker_deletes_their_account_and_everything_in_it(
    media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    seeker, client = full_seeker("sam@example.com", "Globex")
    other, _other_client = full_seeker("olga@example.com", "Hooli")
    with time_machine.travel(local("Europe/Paris", 2026, 1, 12, 9, 0), tick=False):
        seeker_sweep()  # reminders, a digest and a weekly summary for both
    assert Reminder.objects.filter(seeker=seeker).exists()
    assert OutboundEmail.objects.filter(to="sam@example.com").count() == 2
    page = client.get("/me/delete/")
    assert page.status_code == 200 and "1 application(s) and 1 document(s)" in page.content.decode()
    assert client.get("/me/settings/").content.decode().count("/me/delete/") == 1

    wrong = client.post("/me/delete/", {"password": "not it"})
    assert wrong.status_code == 400 and "This is not your password." in wrong.content.decode()
    assert Seeker.objects.filter(pk=seeker.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/me/delete/", {"password": PASSWORD})
    assert response.status_code == 200 and "Account deleted" in response.content.decode()
    assert not User.objects.filter(email="sam@example.com").exists()
    for model in (JobApplication, Interview, Document, Digest, WeeklySummary):
        assert model.objects.count() == 1, model  # the other seeker's alone
    assert not Reminder.objects.filter(seeker_id=seeker.pk).exists()
    assert Reminder.objects.filter(seeker=other).exists()
    # Files on disk: the other seeker's stays, this seeker's folder is gone.
    assert [p.parent.name for p in media.rglob("*.pdf")] == [str(other.pk)]
    assert not (media / "seeker" / str(seeker.pk)).exists()
    # The outbox keeps its delivery records, not what they said nor to whom.
    assert not OutboundEmail.objects.filter(to="sam@example.com").exists()
    assert not OutboundEmail.objects.filter(text__contains="Globex").exists()
    assert OutboundEmail.objects.filter(to="olga@example.com").count() == 2
    event = AuditEvent.objects.get(action="seeker.delete")
    assert event.object_id == str(seeker.pk)
    assert event.data == {
        "applications": 1, "interviews": 1, "reminders": event.data["reminders"],
        "documents": 1, "subscriptions": 1, "emails_redacted": 2, "account_deleted": True,
    }  # fmt: skip
    assert event.data["reminders"] >= 1 and "sam" not in str(event.data)
    # Signed out, and the account cannot sign in again.
    assert client.get("/me/").status_code == 302
    assert not Client().login(email="sam@example.com", password=PASSWORD)


def test_a_member_of_an_organization_keeps_their_sign_in(
    django_capture_on_commit_callbacks: Any,
) -> None:
    seeker, client = full_seeker("rita@example.com", "Globex")
    factories.MembershipFactory(user=seeker.user, role="recruiter")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/me/delete/", {"password": PASSWORD}).status_code == 200
    assert User.objects.filter(email="rita@example.com").exists()
    assert not Seeker.objects.exists() and not JobApplication.objects.exists()
    assert AuditEvent.objects.get(action="seeker.delete").data["account_deleted"] is False


def test_password_guesses_are_limited(settings: Any) -> None:
    seeker, client = full_seeker("sam@example.com", "Globex")
    for _ in range(10):
        assert client.post("/me/delete/", {"password": "guess"}).status_code == 400
    assert client.post("/me/delete/", {"password": PASSWORD}).status_code == 429
    assert Seeker.objects.filter(pk=seeker.pk).exists()


def test_only_a_seeker_can_delete_their_own_account(recruiter_client: Client) -> None:
    assert recruiter_client.post("/me/delete/", {"password": PASSWORD}).status_code == 404
    assert Client().post("/me/delete/", {"password": PASSWORD}).status_code == 302
