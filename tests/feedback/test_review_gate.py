"""The review gate: notes a person must read are never approved in bulk, and say why."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from heardback.accounts.models import Organization, User
from heardback.feedback import review, services
from heardback.feedback.models import FeedbackNote
from heardback.hiring import screening
from heardback.hiring.models import Application, Scorecard, ScorecardRating
from tests import factories
from tests.feedback.conftest import rejected_application

pytestmark = pytest.mark.django_db

BIASED = "She mentioned she is pregnant, so she may be away soon."


def _draft(application: Application) -> FeedbackNote:
    return services.feedback_note_draft(actor=None, application=application)


@pytest.mark.parametrize("where", ["private_notes", "key_takeaways", "evidence", "comment"])
def test_a_blocked_remark_anywhere_in_a_scorecard_marks_the_note_for_review(
    org: Organization, where: str
) -> None:
    application = rejected_application(org)
    scorecard = Scorecard.objects.filter(application=application).first()
    assert scorecard is not None
    rating = ScorecardRating.objects.filter(scorecard=scorecard).first()
    assert rating is not None
    if where in ("private_notes", "key_takeaways"):
        setattr(scorecard, where, BIASED)
        scorecard.save()
    else:
        field = "evidence" if where == "evidence" else "candidate_comment"
        setattr(rating, field, BIASED)
        rating.save()

    note = _draft(application)

    assert note.review_reasons == ["scorecard_blocked"]
    assert "pregnant" not in note.text


def test_a_clean_application_needs_no_review(org: Organization) -> None:
    assert _draft(rejected_application(org)).review_reasons == []


def test_a_draft_scorecard_does_not_count(org: Organization) -> None:
    application = rejected_application(org)
    interview = factories.InterviewFactory(application=application, name="Extra")
    factories.ScorecardFactory(interview=interview, private_notes=BIASED, submitted_at=None)
    assert _draft(application).review_reasons == []


def test_a_reason_the_scorecards_do_not_support_needs_review(org: Organization) -> None:
    """Rejected for a skills gap although every rating met the bar: the engine doubts it."""
    application = rejected_application(org)
    ScorecardRating.objects.filter(scorecard__application=application).update(rating="yes")
    note = _draft(application)
    assert note.quality["reason_unsupported"] is True
    assert "reason_unsupported" in note.review_reasons


def test_approve_all_clean_leaves_notes_needing_review_and_one_can_still_be_approved(
    org: Organization,
) -> None:
    clean = rejected_application(org, first_name="Ana")
    flagged = rejected_application(org, first_name="Bo", private_notes=BIASED)
    summary = services.feedback_notes_draft_bulk(actor=None, organization=org)
    assert summary.needs_review == 1

    assert services.feedback_notes_approve_clean(actor=None, organization=org) == 1

    flagged_note = FeedbackNote.objects.get(application=flagged)
    assert FeedbackNote.objects.get(application=clean).status == "approved"
    assert flagged_note.status == "draft"
    approved = services.feedback_note_approve(actor=None, note=flagged_note)
    assert approved.status == "approved"


def test_an_edit_keeps_the_scorecard_reason_but_not_the_engines(
    org: Organization, recruiter: User
) -> None:
    note = _draft(rejected_application(org, private_notes=BIASED))
    FeedbackNote.objects.filter(pk=note.pk).update(
        review_reasons=["reason_unsupported", "scorecard_blocked"]
    )
    note.refresh_from_db()
    edited = services.feedback_note_edit(
        actor=recruiter, note=note, subject=note.subject, text=note.text + "\n\nThank you."
    )
    assert edited.review_reasons == ["scorecard_blocked"]


def test_engine_reasons_are_read_from_old_and_new_quality_reports() -> None:
    assert review.engine_review_reasons({"reason_unsupported": False}) == []
    assert review.engine_review_reasons({"reason_unsupported": True}) == ["reason_unsupported"]
    new = {"reason_unsupported": True, "review_reasons": ["reason_unsupported", "contradiction"]}
    assert review.engine_review_reasons(new) == ["reason_unsupported", "contradiction"]
    assert review.engine_review_reasons({}) == []


def test_contradictions_are_named_in_the_reason() -> None:
    with translation.override("en"):
        labels = review.review_labels(["contradiction"], {"contradictions": ["Testing: both"]})
    assert labels == ["The note contradicts itself. (Testing: both)"]


def test_bulk_drafting_checks_each_scorecard_text_once(
    org: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(4):
        rejected_application(org, first_name=f"C{i}")
    checked: list[str] = []
    real, real_verdict = screening.guard.check, screening.guard.verdict

    def counting(text: str, **kwargs: object) -> list[object]:
        checked.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screening, "guard", SimpleNamespace(check=counting, verdict=real_verdict))
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    # Every application repeats the same comment, evidence, take-aways and private note.
    assert len(checked) == len(set(checked)) == 4


def _block_everything(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A guard that blocks every scorecard text (as a new rule might), counting its reads."""
    read: list[str] = []
    real_verdict = screening.guard.verdict

    def blocking(text: str, **kwargs: object) -> list[object]:
        read.append(text)
        return [SimpleNamespace(severity="block")]

    monkeypatch.setattr(screening, "guard", SimpleNamespace(check=blocking, verdict=real_verdict))
    return read


def test_the_verdict_stored_at_submission_is_read_again_when_the_guard_changes(
    org: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    application = rejected_application(org)
    cards = Scorecard.objects.filter(application=application).order_by("id")
    screening.scorecards_screen(cards.all())  # as submitting each one does
    assert [c.guard_blocked for c in cards.all()] == [False, False]
    before = cards.all()[0].guard_screened
    read = _block_everything(monkeypatch)

    # Same guard, same texts: the stored verdicts stand, no scorecard text is read again.
    assert _draft(application).review_reasons == []
    assert read == []

    # The guard's rules changed (a new version): the texts are read again, the verdict kept.
    monkeypatch.setattr(screening, "guard_version", lambda: "the next rules")
    assert _draft(application).review_reasons == ["scorecard_blocked"]
    assert read
    first = cards.all()[0]  # the one that decided (the gate stops at a blocked scorecard)
    assert first.guard_blocked is True
    assert first.guard_screened not in ("", before)
    read.clear()
    assert _draft(application).review_reasons == ["scorecard_blocked"]
    assert read == []


def test_a_text_changed_after_submission_is_read_again(org: Organization) -> None:
    application = rejected_application(org)
    cards = Scorecard.objects.filter(application=application).order_by("id")
    screening.scorecards_screen(cards.all())
    # An import or an admin rewrites a text without submitting again.
    ScorecardRating.objects.filter(scorecard__application=application).update(evidence=BIASED)

    summary = services.feedback_notes_draft_bulk(actor=None, organization=org)
    assert summary.needs_review == 1
    assert cards.all()[0].guard_blocked is True


# --- Where a person sees it -----------------------------------------------------------------


@pytest.fixture
def flagged(org: Organization) -> FeedbackNote:
    return _draft(rejected_application(org, first_name="Bo", private_notes=BIASED))


def test_the_queue_shows_notes_needing_review_apart_with_why(
    recruiter_client: Client, flagged: FeedbackNote
) -> None:
    page = recruiter_client.get("/feedback/").content.decode()
    assert "Needs review (1)" in page
    assert "A scorecard holds a remark the safe-feedback guard blocks" in page
    assert f'href="/feedback/{flagged.pk}/"' in page


def test_the_queue_says_why_in_french(
    recruiter_client: Client, recruiter: User, flagged: FeedbackNote
) -> None:
    recruiter.language = "fr"
    recruiter.save()
    with translation.override("fr"):
        page = recruiter_client.get("/feedback/", headers={"accept-language": "fr"})
    text = page.content.decode()
    assert "À relire" in text
    assert "Une grille d’évaluation contient une remarque" in text


def test_web_approve_all_clean_leaves_the_flagged_note(
    recruiter_client: Client, flagged: FeedbackNote
) -> None:
    recruiter_client.post("/feedback/approve-clean/")
    flagged.refresh_from_db()
    assert flagged.status == "draft"


def test_the_note_page_and_the_application_page_show_the_flag(
    recruiter_client: Client, flagged: FeedbackNote
) -> None:
    note_page = recruiter_client.get(f"/feedback/{flagged.pk}/").content.decode()
    assert "Needs review" in note_page and "safe-feedback guard blocks" in note_page
    application_page = recruiter_client.get(
        f"/applications/{flagged.application_id}/"
    ).content.decode()
    assert "Needs review" in application_page
    assert "safe-feedback guard blocks" in application_page


def test_cli_approve_all_clean_leaves_and_lists_the_flagged_note(
    org: Organization, flagged: FeedbackNote, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("notes", "approve", "--org", org.slug, "--all-clean")
    out = capsys.readouterr().out
    assert "Approved 0 clean drafts." in out
    assert f"needs review {flagged.pk}: A scorecard holds a remark" in out
    flagged.refresh_from_db()
    assert flagged.status == "draft"


def test_the_jsonl_export_carries_why_a_note_needs_review(
    org: Organization, flagged: FeedbackNote, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("notes", "export", "--org", org.slug, "--format", "jsonl")
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(row["id"], row["review_reasons"]) for row in rows] == [
        (flagged.pk, ["scorecard_blocked"])
    ]
