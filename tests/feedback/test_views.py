from __future__ import annotations

import pytest
from django.test import Client

from heardback.accounts.models import Organization, User
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(rejected: Application) -> FeedbackNote:
    return services.feedback_note_draft(actor=None, application=rejected)


def test_queue_lists_the_drafted_notes(recruiter_client: Client, note: FeedbackNote) -> None:
    response = recruiter_client.get("/feedback/")
    assert response.status_code == 200
    assert note.application.candidate.full_name in response.content.decode()


def test_queue_filters_by_guard_verdict(recruiter_client: Client, note: FeedbackNote) -> None:
    response = recruiter_client.get("/feedback/?verdict=block")
    assert note.application.candidate.full_name not in response.content.decode()


def test_note_page_shows_the_email_and_its_sources(
    recruiter_client: Client, note: FeedbackNote
) -> None:
    page = recruiter_client.get(f"/feedback/{note.pk}/").content.decode()
    assert note.subject in page
    assert "Sources" in page
    assert "Asked sharp clarifying questions" in page  # the cited candidate-safe comment


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/feedback/{pk}/"),
        ("get", "/feedback/{pk}/edit/"),
        ("post", "/feedback/{pk}/edit/"),
        ("post", "/feedback/{pk}/approve/"),
        ("post", "/feedback/{pk}/regenerate/"),
        ("post", "/feedback/{pk}/send/"),
        ("post", "/feedback/{pk}/cancel/"),
    ],
)
def test_outsider_gets_404_for_every_note_page(
    outsider_client: Client, note: FeedbackNote, method: str, path: str
) -> None:
    response = getattr(outsider_client, method)(path.format(pk=note.pk))
    assert response.status_code == 404
    note.refresh_from_db()
    assert (note.status, note.is_current) == ("draft", True)


def test_anonymous_is_sent_to_sign_in(client: Client, note: FeedbackNote) -> None:
    assert client.get(f"/feedback/{note.pk}/")["Location"].startswith("/login/")


def test_interviewers_have_no_access_to_the_queue(
    client: Client, interviewer: User, note: FeedbackNote
) -> None:
    client.force_login(interviewer)
    assert client.get("/feedback/").status_code == 403
    assert client.get(f"/feedback/{note.pk}/").status_code == 404


def test_recruiter_edits_and_the_edit_is_a_new_version(
    recruiter_client: Client, note: FeedbackNote
) -> None:
    response = recruiter_client.post(
        f"/feedback/{note.pk}/edit/",
        {"subject": note.subject, "text": note.text + "\n\nWe also loved your questions."},
        follow=True,
    )
    current = FeedbackNote.objects.get(application=note.application, is_current=True)
    assert current.version == 2
    assert "We also loved your questions." in response.content.decode()


def test_an_empty_edit_is_refused_and_changes_nothing(
    recruiter_client: Client, note: FeedbackNote
) -> None:
    response = recruiter_client.post(f"/feedback/{note.pk}/edit/", {"subject": "", "text": ""})
    assert response.status_code == 400
    assert FeedbackNote.objects.filter(application=note.application).count() == 1


def test_approving_a_blocked_note_is_refused_with_the_reason(
    recruiter_client: Client, recruiter: User, note: FeedbackNote
) -> None:
    blocked = services.feedback_note_edit(
        actor=recruiter, note=note, subject=note.subject, text="Dear Priya, you seem too old."
    )
    response = recruiter_client.post(f"/feedback/{blocked.pk}/approve/")
    assert response.status_code == 400
    assert "Blocked by the safe-feedback guard" in response.content.decode()
    blocked.refresh_from_db()
    assert blocked.status == "draft"


def test_approve_all_clean_approves_clean_drafts(
    recruiter_client: Client, note: FeedbackNote
) -> None:
    recruiter_client.post("/feedback/approve-clean/")
    note.refresh_from_db()
    assert note.status == "approved"


def test_unknown_note_action_is_404(recruiter_client: Client, note: FeedbackNote) -> None:
    assert recruiter_client.post(f"/feedback/{note.pk}/explode/").status_code == 404


def test_note_actions_refuse_get(recruiter_client: Client, note: FeedbackNote) -> None:
    assert recruiter_client.get(f"/feedback/{note.pk}/approve/").status_code == 405


def test_live_guard_check_shows_a_finding_while_typing(recruiter_client: Client) -> None:
    response = recruiter_client.post(
        "/feedback/guard/", {"evidence_1": "Not a culture fit, too old.", "context": "note"}
    )
    assert response.status_code == 200
    assert "too old" in response.content.decode()


def test_queue_page_queries_do_not_grow_with_notes(
    recruiter_client: Client, org: Organization, django_assert_max_num_queries: object
) -> None:
    from tests.feedback.conftest import rejected_application

    for i in range(8):
        rejected_application(org, first_name=f"C{i}")
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    with django_assert_max_num_queries(10):  # type: ignore[operator]
        assert recruiter_client.get("/feedback/").status_code == 200


def test_draft_from_the_application_page(recruiter_client: Client, rejected: Application) -> None:
    response = recruiter_client.post(f"/applications/{rejected.pk}/draft/")
    note = FeedbackNote.objects.get(application=rejected)
    assert response["Location"] == f"/feedback/{note.pk}/"


def test_outsider_cannot_draft(outsider_client: Client, rejected: Application) -> None:
    assert outsider_client.post(f"/applications/{rejected.pk}/draft/").status_code == 404
    assert not FeedbackNote.objects.exists()


def test_an_interviewer_cannot_draft_or_regenerate_a_note(
    client: Client, interviewer: User, note: FeedbackNote
) -> None:
    """Regenerating replaces a recruiter's hand-edited draft with machine text."""
    note.application.interviews.first().interviewers.add(interviewer)  # on the panel
    client.force_login(interviewer)
    assert client.get(f"/applications/{note.application_id}/").status_code == 200
    response = client.post(f"/applications/{note.application_id}/draft/")
    assert response.status_code == 403
    assert FeedbackNote.objects.filter(application=note.application).count() == 1


@pytest.mark.parametrize("job", ["999999", "abc", "other-org"])
def test_approve_all_clean_refuses_a_job_it_cannot_find(
    recruiter_client: Client, note: FeedbackNote, other_org: Organization, job: str
) -> None:
    """Never widen an unknown job to the whole organization's clean drafts."""
    if job == "other-org":
        from tests import factories

        job = str(factories.JobFactory(organization=other_org).pk)
    response = recruiter_client.post("/feedback/approve-clean/", {"job": job})
    assert response.status_code == 404
    note.refresh_from_db()
    assert note.status == "draft"


def test_a_subject_on_several_lines_is_refused_on_save(
    recruiter_client: Client, note: FeedbackNote
) -> None:
    response = recruiter_client.post(
        f"/feedback/{note.pk}/edit/",
        {"subject": "Your application\r\nBcc: x@evil.example", "text": note.text},
    )
    assert response.status_code == 400
    assert "one line" in response.content.decode()
    assert FeedbackNote.objects.filter(application=note.application).count() == 1


@pytest.mark.parametrize("page", ["9" * 5000, "99999999999999999999", "-1", "٣"])
def test_any_page_number_answers_without_error(
    recruiter_client: Client, note: FeedbackNote, page: str
) -> None:
    assert recruiter_client.get("/feedback/", {"page": page}).status_code == 200
    assert recruiter_client.get("/imports/", {"page": page}).status_code == 200


def test_a_note_not_in_the_candidates_language_says_so(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    from tests.feedback.conftest import rejected_application

    application = rejected_application(org, recruiter=recruiter, first_name="Amélie")
    application.candidate.language = "fr"
    application.candidate.save()
    note = services.feedback_note_draft(actor=None, application=application)
    assert note.language == "en" and note.quality["language_fallback"]
    page = recruiter_client.get(f"/feedback/{note.pk}/").content.decode()
    assert "the candidate prefers Français" in page


def test_a_note_on_a_rubric_in_another_language_says_so(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    """A French-writing organization, an English job: a French candidate's note names the
    English competencies and gives no tips; the page tells the recruiter, the API too."""
    from tests import factories
    from tests.feedback.conftest import rejected_application

    factories.JobFactory(organization=org, title="Poste en français", language="fr")
    application = rejected_application(org, recruiter=recruiter, first_name="Amélie")
    application.candidate.language = "fr"
    application.candidate.save()
    note = services.feedback_note_draft(actor=None, application=application)
    assert note.language == "fr" and note.quality["rubric_language"] == "en"
    page = recruiter_client.get(f"/feedback/{note.pk}/").content.decode()
    assert "rubric is in another language" in page
    english = services.feedback_note_draft(
        actor=None, application=rejected_application(org, recruiter=recruiter, first_name="Ann")
    )
    assert english.quality["rubric_language"] == ""
    assert (
        "rubric is in another language"
        not in recruiter_client.get(f"/feedback/{english.pk}/").content.decode()
    )


def test_a_recruiter_can_ask_for_areas_to_grow_on_a_note_about_pay(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    """Not a skills reason: no areas to grow, unless the recruiter asks for them on that note."""
    from tests.feedback.conftest import rejected_application

    application = rejected_application(org, recruiter=recruiter, category="compensation")
    note = services.feedback_note_draft(actor=None, application=application)
    assert note.quality["development_areas"] == 0
    page = recruiter_client.get(f"/feedback/{note.pk}/").content.decode()
    assert "Regenerate with areas to grow" in page
    response = recruiter_client.post(f"/feedback/{note.pk}/regenerate-with-development/")
    assert response.status_code == 302
    current = FeedbackNote.objects.get(application=application, is_current=True)
    assert current.version == 2 and current.quality["development_areas"] >= 1
    assert "Distributed systems design" in current.text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Dear Priya, you were a shop steward, which worried the panel.", "Trade-union"),
        ("Dear Priya, you turned up in shorts to the interview.", "Appearance"),
    ],
)
def test_the_note_page_names_every_guard_category_in_words(
    recruiter_client: Client, recruiter: User, note: FeedbackNote, text: str, label: str
) -> None:
    edited = services.feedback_note_edit(
        actor=recruiter, note=note, subject=note.subject, text=text
    )
    page = recruiter_client.get(f"/feedback/{edited.pk}/").content.decode()
    assert label in page
    assert "trade_union" not in page and "· appearance" not in page


def test_every_guard_category_has_a_label_on_the_note_page() -> None:
    from heardback.feedback.engine.guard_rules import CATEGORIES
    from heardback.feedback.views import GUARD_CATEGORIES

    assert set(CATEGORIES) | {"second_opinion"} <= set(GUARD_CATEGORIES)
