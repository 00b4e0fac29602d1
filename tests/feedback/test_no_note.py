"""Reasons that send no note (duplicates, spam): no note is drafted; the recruiter sees a list."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from heardback.accounts.models import Organization
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from tests import factories
from tests.api.conftest import ApiClient, assert_error, make_key
from tests.feedback.conftest import rejected_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def spam(org: Organization) -> Application:
    application = rejected_application(org, first_name="Zed")
    reason = factories.RejectionReasonFactory(
        organization=org, name="Spam", category="other", sends_note=False
    )
    application.rejection_reason = reason
    application.save()
    return application


def test_bulk_drafting_writes_no_note_for_a_no_note_reason_and_counts_it(
    org: Organization, spam: Application
) -> None:
    kept = rejected_application(org, first_name="Ana")
    summary = services.feedback_notes_draft_bulk(actor=None, organization=org)
    assert (summary.drafted, summary.no_note) == (1, 1)
    assert list(FeedbackNote.objects.values_list("application_id", flat=True)) == [kept.pk]


def test_drafting_one_is_refused_with_the_reason(spam: Application) -> None:
    with pytest.raises(services.FeedbackError, match="no note is sent"):
        services.feedback_note_draft(actor=None, application=spam)
    assert not FeedbackNote.objects.exists()


def test_the_cli_drafts_none_and_says_so(
    org: Organization, spam: Application, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("draft", "--org", org.slug)
    assert "No note for 1 applications rejected for a reason that sends none" in (
        capsys.readouterr().out
    )
    assert not FeedbackNote.objects.exists()


def test_the_web_refuses_to_draft_it(recruiter_client: Client, spam: Application) -> None:
    response = recruiter_client.post(f"/applications/{spam.pk}/draft/", follow=True)
    assert "no note is sent for this reason" in response.content.decode()
    assert not FeedbackNote.objects.exists()


def test_the_api_refuses_to_draft_it(org: Organization, admin: object, spam: Application) -> None:
    api = ApiClient(make_key(org, admin))  # type: ignore[arg-type]
    response = api.post(f"/applications/{spam.pk}/feedback-note")
    assert "no note is sent" in assert_error(response, 400, "refused")["message"]


def test_the_queue_lists_applications_that_get_no_note(
    recruiter_client: Client, spam: Application
) -> None:
    page = recruiter_client.get("/feedback/").content.decode()
    assert "No note will be sent: Spam." in page
    assert f'href="/applications/{spam.pk}/"' in page


def test_the_application_page_says_no_note_instead_of_offering_a_draft(
    recruiter_client: Client, spam: Application
) -> None:
    page = recruiter_client.get(f"/applications/{spam.pk}/").content.decode()
    assert "No note will be sent: Spam." in page
    assert "Draft the feedback note" not in page


def test_another_organizations_no_note_applications_are_not_listed(
    outsider_client: Client, spam: Application
) -> None:
    page = outsider_client.get("/feedback/")
    assert "Zed" not in page.content.decode()
