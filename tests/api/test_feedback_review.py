"""Approving in bulk through the API leaves the notes a person must read."""

from __future__ import annotations

import pytest

from heardback.accounts.models import Organization
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from tests import factories
from tests.api.conftest import ApiClient, assert_error
from tests.feedback.conftest import rejected_application

pytestmark = pytest.mark.django_db

BIASED = "She mentioned she is pregnant, so she may be away soon."


@pytest.fixture
def flagged(org: Organization) -> FeedbackNote:
    application = rejected_application(org, first_name="Bo", private_notes=BIASED)
    return services.feedback_note_draft(actor=None, application=application)


def test_api_approve_clean_leaves_the_flagged_note_and_says_so(
    api: ApiClient, org: Organization, flagged: FeedbackNote
) -> None:
    clean = services.feedback_note_draft(
        actor=None, application=rejected_application(org, first_name="Ana")
    )
    response = api.post("/feedback-notes/approve-clean", {})
    assert response.status_code == 200, response.content
    assert response.json() == {"approved": 1, "needs_review": 1}
    flagged.refresh_from_db()
    clean.refresh_from_db()
    assert (flagged.status, clean.status) == ("draft", "approved")
    shown = api.get(f"/feedback-notes/{flagged.pk}").json()
    assert shown["review_reasons"] == ["scorecard_blocked"]


def test_api_approve_clean_of_another_organizations_job_is_404(
    api: ApiClient, other_org: Organization, flagged: FeedbackNote
) -> None:
    job = factories.JobFactory(organization=other_org)
    response = api.post("/feedback-notes/approve-clean", {"job": job.pk})
    assert_error(response, 404, "not_found")
    flagged.refresh_from_db()
    assert flagged.status == "draft"


def test_api_approve_clean_refuses_a_bad_job_id(api: ApiClient, flagged: FeedbackNote) -> None:
    assert_error(api.post("/feedback-notes/approve-clean", {"job": "x"}), 422, "invalid_request")


def test_api_approve_clean_needs_the_feedback_scope(
    org: Organization, admin: object, flagged: FeedbackNote
) -> None:
    from tests.api.conftest import make_key

    reader = ApiClient(make_key(org, admin, ["read"]))  # type: ignore[arg-type]
    assert_error(reader.post("/feedback-notes/approve-clean", {}), 403, "forbidden")


def test_the_list_filters_notes_that_need_review(
    api: ApiClient, org: Organization, flagged: FeedbackNote
) -> None:
    clean = services.feedback_note_draft(
        actor=None, application=rejected_application(org, first_name="Ana")
    )
    flagged_ids = [n["id"] for n in api.get("/feedback-notes", needs_review="true").json()["items"]]
    clean_ids = [n["id"] for n in api.get("/feedback-notes", needs_review="false").json()["items"]]
    assert (flagged_ids, clean_ids) == ([flagged.pk], [clean.pk])


def test_api_says_when_a_note_is_not_in_the_candidates_language(
    api: ApiClient, org: Organization
) -> None:
    """An English-writing organization, a French-speaking candidate: the API flags it."""
    application = rejected_application(org, first_name="Élodie")
    application.candidate.language = "fr"
    application.candidate.save()
    fallback = services.feedback_note_draft(actor=None, application=application)
    native = services.feedback_note_draft(
        actor=None, application=rejected_application(org, first_name="Ana")
    )
    assert api.get(f"/feedback-notes/{fallback.pk}").json()["language_fallback"] is True
    assert api.get(f"/feedback-notes/{native.pk}").json()["language_fallback"] is False
    # Both notes rest on the job's English rubric: neither is in another language than it.
    assert api.get(f"/feedback-notes/{native.pk}").json()["rubric_language"] == ""
