"""The queue's denser rows and its selection: approve or send only the ticked notes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from heardback.outbox.models import OutboundEmail
from tests import factories
from tests.feedback.test_queue_page import rejected_candidates

pytestmark = pytest.mark.django_db


def notes_of(org: Organization) -> list[FeedbackNote]:
    return list(FeedbackNote.objects.filter(organization=org).order_by("pk"))


def test_a_queue_row_shows_the_reason_the_rejection_date_and_the_days_waited(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.select_related("application__rejection_reason").get()
    note.application.decided_at = timezone.now() - dt.timedelta(days=3, hours=2)
    note.application.save()

    page = recruiter_client.get("/feedback/").content.decode()

    assert f"<td>{note.application.rejection_reason.name}</td>" in page
    decided_at = note.application.decided_at
    assert f"<td>{decided_at.day} {decided_at:%b %Y}</td>" in page
    assert "<td>3 days</td>" in page


def test_the_queue_flags_a_note_that_needs_review_in_its_own_column(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 2)
    FeedbackNote.objects.filter(pk=notes_of(org)[0].pk).update(review_reasons=["contradiction"])

    page = recruiter_client.get("/feedback/").content.decode()

    assert page.count('<td><span class="badge warn">Needs review</span></td>') == 1


def test_approving_a_selection_approves_only_the_ticked_notes(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 3)
    first, _, third = notes_of(org)

    response = recruiter_client.post(
        "/feedback/selection/", {"note": [first.pk, third.pk], "action": "approve"}
    )

    assert response.status_code == 302
    assert [n.status for n in notes_of(org)] == ["approved", "draft", "approved"]
    event = AuditEvent.objects.get(action="feedback.approve_clean")
    assert event.actor == recruiter
    assert event.data == {"count": 2, "selected": 2, "notes": [first.pk, third.pk]}


def test_a_selection_never_approves_a_note_that_needs_review(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 2)
    first, second = notes_of(org)
    FeedbackNote.objects.filter(pk=second.pk).update(review_reasons=["contradiction"])

    response = recruiter_client.post(
        "/feedback/selection/", {"note": [first.pk, second.pk], "action": "approve"}, follow=True
    )

    assert [n.status for n in notes_of(org)] == ["approved", "draft"]
    assert "Approved 1 of the 2 selected notes" in response.content.decode()


def test_sending_a_selection_queues_only_the_ticked_approved_notes(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 3)
    services.feedback_notes_approve_clean(actor=recruiter, organization=org)
    _, second, _ = notes_of(org)

    response = recruiter_client.post(
        "/feedback/selection/", {"note": [second.pk], "action": "send"}
    )

    assert response["Location"] == "/feedback/sent/?watch=1"
    assert [n.status for n in notes_of(org)] == ["approved", "queued", "approved"]
    assert list(OutboundEmail.objects.values_list("about_id", flat=True)) == [second.pk]
    assert AuditEvent.objects.filter(action="feedback.queue", actor=recruiter).count() == 1


@pytest.mark.parametrize("action", ["approve", "send"])
def test_another_organizations_note_in_a_selection_is_404_and_changes_nothing(
    recruiter_client: Client,
    org: Organization,
    other_org: Organization,
    recruiter: User,
    action: str,
) -> None:
    rejected_candidates(org, recruiter, 1)
    foreign_recruiter = factories.UserFactory()
    rejected_candidates(other_org, foreign_recruiter, 1)
    if action == "send":
        services.feedback_notes_approve_clean(actor=None, organization=org)
    mine = FeedbackNote.objects.get(organization=org)
    foreign = FeedbackNote.objects.get(organization=other_org)
    before = {n.pk: n.status for n in FeedbackNote.objects.all()}

    response = recruiter_client.post(
        "/feedback/selection/", {"note": [mine.pk, foreign.pk], "action": action}
    )

    assert response.status_code == 404
    assert {n.pk: n.status for n in FeedbackNote.objects.all()} == before
    assert not OutboundEmail.objects.exists()


@pytest.mark.parametrize("ids", [["999999"], ["abc"], [], ["1" * 30]])
def test_an_unknown_or_malformed_id_in_a_selection_is_404(
    recruiter_client: Client, org: Organization, recruiter: User, ids: list[str]
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.get()
    chosen = [str(note.pk), *ids] if ids else []

    response = recruiter_client.post("/feedback/selection/", {"note": chosen, "action": "approve"})

    assert response.status_code == 404
    note.refresh_from_db()
    assert note.status == "draft"


def test_an_old_version_in_a_selection_is_404(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    old = FeedbackNote.objects.get()
    services.feedback_note_edit(actor=recruiter, note=old, subject=old.subject, text="Thank you.")

    response = recruiter_client.post(
        "/feedback/selection/", {"note": [old.pk], "action": "approve"}
    )

    assert response.status_code == 404


def test_an_interviewer_cannot_act_on_a_selection(
    org: Organization, recruiter: User, interviewer: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.get()
    client = Client()
    client.force_login(interviewer)

    response = client.post("/feedback/selection/", {"note": [note.pk], "action": "approve"})

    assert response.status_code in (403, 404)
    note.refresh_from_db()
    assert note.status == "draft"


def test_a_selection_refuses_get_and_an_unknown_action(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.get()
    assert recruiter_client.get("/feedback/selection/").status_code == 405
    response = recruiter_client.post("/feedback/selection/", {"note": [note.pk], "action": "x"})
    assert response.status_code == 400


def test_after_a_selection_the_queue_keeps_its_filters(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.get()
    response = recruiter_client.post(
        "/feedback/selection/",
        {"note": [note.pk], "action": "approve", "next": "?status=draft&page=1"},
    )
    assert response["Location"] == "/feedback/?status=draft&page=1"
    response = recruiter_client.post(
        "/feedback/selection/",
        {"note": [note.pk], "action": "approve", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/feedback/"


@time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), tick=False)
def test_days_waited_stop_counting_once_the_note_is_sent(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.select_related("application").get()
    note.application.decided_at = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    note.application.save()
    FeedbackNote.objects.filter(pk=note.pk).update(
        status="sent", sent_at=dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
    )

    page = recruiter_client.get("/feedback/").content.decode()

    assert "<td>2 days</td>" in page


def test_the_needs_review_filter_lists_every_note_that_needs_review(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    names = rejected_candidates(org, recruiter, 14)
    FeedbackNote.objects.filter(organization=org).exclude(
        application__candidate__first_name__in=["Person00", "Person01"]
    ).update(review_reasons=["contradiction"])

    queue = recruiter_client.get("/feedback/").content.decode()
    # The section apart shows the first ten and leads to the filter for the others.
    section = queue[queue.index('id="review-h"') : queue.index("</section>")]
    assert section.count("<li>") == 10
    assert 'href="?job=&amp;review=1">List all 12 notes that need review</a>' in section

    filtered = recruiter_client.get("/feedback/", {"review": "1"}).content.decode()
    assert 'id="review-h"' not in filtered
    listed = re.findall(r'<a href="/feedback/\d+/">([^<]+)</a>', filtered)
    assert listed == names[2:]


def test_the_new_columns_read_in_french(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    recruiter.language = "fr"
    recruiter.save()
    rejected_candidates(org, recruiter, 1)
    note = FeedbackNote.objects.select_related("application").get()
    note.application.decided_at = timezone.now() - dt.timedelta(days=3, hours=2)
    note.application.save()

    page = recruiter_client.get("/feedback/").content.decode()

    assert "Refus le" in page and "Attente" in page and "Relecture" in page
    assert "<td>3 jours</td>" in page
    assert "Approuver la sélection" in page
