"""A comment the candidate may read cannot be submitted while the safe-feedback guard blocks it,
and is only tagged "Candidate-safe" where the guard passes it, checked again on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from heardback.accounts.models import Organization, User
from heardback.feedback import services as feedback_services
from heardback.feedback.engine import guard
from heardback.hiring import screening, services
from heardback.hiring.models import Competency, Scorecard
from tests import factories
from tests.feedback.conftest import rejected_application

pytestmark = pytest.mark.django_db

TOO_OLD = "She seems too old for a startup."
CLEAN = "Your walk-through of the retry logic was clear and well structured."
AGE_WHY = "Age, and the words that stand for it, cannot be a reason"
AGE_TRY = "Describe the job-related evidence instead"


@pytest.fixture
def draft(org: Organization, interviewer: User) -> Scorecard:
    job = factories.JobFactory(organization=org, title="Backend Engineer")
    factories.CompetencyFactory(job=job, name="Communication", position=0)
    factories.CompetencyFactory(job=job, name="Data modelling", position=1)
    application = factories.ApplicationFactory(
        organization=org, job=job, candidate__first_name="Grace", candidate__last_name="Hopper"
    )
    interview = factories.InterviewFactory(application=application, name="System design")
    interview.interviewers.add(interviewer)
    return factories.ScorecardFactory(
        interview=interview, interviewer=interviewer, overall_recommendation="no_decision",
        submitted_at=None,
    )  # fmt: skip


def _competency(scorecard: Scorecard, name: str) -> Competency:
    return scorecard.application.job.competencies.get(name=name)


def _save(scorecard: Scorecard, comment: str, *, submit: bool = True) -> Scorecard:
    communication = _competency(scorecard, "Communication")
    return services.scorecard_save(
        actor=scorecard.interviewer,
        scorecard=scorecard,
        overall="no",
        ratings={
            communication.pk: services.RatingInput(
                rating="yes", evidence="Explained the retry budget.", candidate_comment=comment
            )
        },
        submit=submit,
    )


# --- The service: the rule for every path ------------------------------------------------------


def test_submitting_a_comment_the_guard_blocks_is_refused_and_saves_nothing(
    draft: Scorecard,
) -> None:
    communication = _competency(draft, "Communication")
    with pytest.raises(ValidationError) as refused:
        _save(draft, TOO_OLD)
    [error] = refused.value.error_dict[f"comment_{communication.pk}"]
    assert error.code == "guard_block"
    assert error.params is not None
    assert "too old" in error.params["text"]  # the span the guard marks
    assert AGE_WHY in error.params["why"]
    assert error.params["suggestion"].startswith(AGE_TRY)
    assert AGE_WHY in error.messages[0] and "too old»" in error.messages[0]
    draft.refresh_from_db()
    assert draft.submitted_at is None
    assert not draft.ratings.exists()


def test_a_remark_only_the_guards_second_opinion_catches_is_refused_too(
    draft: Scorecard,
) -> None:
    # No rule names this one; the learned second opinion reads what people write and blocks a
    # protected word (hearing) said of the candidate. The submit path uses it, as the live check
    # and the "Candidate-safe" label do.
    communication = _competency(draft, "Communication")
    with pytest.raises(ValidationError) as refused:
        _save(draft, "We were concerned your hearing would make the phones difficult.")
    [error] = refused.value.error_dict[f"comment_{communication.pk}"]
    assert error.code == "guard_block"
    assert error.params is not None
    assert "hearing" in error.params["text"]
    draft.refresh_from_db()
    assert draft.submitted_at is None


def test_a_draft_keeps_a_blocked_comment_and_the_submit_of_it_is_refused(
    draft: Scorecard,
) -> None:
    _save(draft, TOO_OLD, submit=False)
    assert draft.ratings.get().candidate_comment == TOO_OLD
    # The API's "submit as last saved" goes through the same rule.
    with pytest.raises(ValidationError, match="too old"):
        services.scorecard_submit(actor=None, scorecard=draft)
    draft.refresh_from_db()
    assert draft.submitted_at is None


def test_a_comment_saved_earlier_and_not_given_again_is_checked_on_submit(
    draft: Scorecard,
) -> None:
    _save(draft, TOO_OLD, submit=False)
    modelling = _competency(draft, "Data modelling")
    with pytest.raises(ValidationError) as refused:
        services.scorecard_save(
            actor=draft.interviewer, scorecard=draft, overall="no",
            ratings={modelling.pk: services.RatingInput(rating="no")}, submit=True,
        )  # fmt: skip
    assert set(refused.value.error_dict) == {f"comment_{_competency(draft, 'Communication').pk}"}


def test_a_warning_does_not_refuse_and_a_rewritten_comment_is_submitted(
    draft: Scorecard,
) -> None:
    warned = "You are overqualified for this role, so the scope would not hold your interest."
    findings = guard.check(warned, lang="en", context="candidate")
    assert findings and guard.verdict(findings) == "warn"
    _save(draft, warned)
    draft.refresh_from_db()
    assert draft.submitted_at is not None


def test_a_clean_comment_is_submitted(draft: Scorecard) -> None:
    _save(draft, CLEAN)
    draft.refresh_from_db()
    assert draft.submitted_at is not None
    assert draft.ratings.get().candidate_comment == CLEAN


def test_submitting_stores_whether_the_guard_blocks_a_text_of_the_scorecard(
    draft: Scorecard,
) -> None:
    """What feedback's review gate asks of every note drafted from it, found once."""
    _save(draft, CLEAN, submit=False)
    draft.refresh_from_db()
    draft.private_notes = "She mentioned she is pregnant, so she may be away soon."
    draft.save()
    assert draft.guard_blocked is None and draft.guard_screened == ""

    services.scorecard_submit(actor=None, scorecard=draft)
    draft.refresh_from_db()
    texts = [draft.key_takeaways, draft.private_notes]
    for rating in draft.ratings.order_by("id"):
        texts += [rating.candidate_comment, rating.evidence]
    assert draft.guard_blocked is True
    assert draft.guard_screened == screening.fingerprint(texts, draft.application.job.language)


def test_a_french_comment_is_checked_by_the_french_rules(draft: Scorecard) -> None:
    draft.application.candidate.language = "fr"
    draft.application.candidate.save()
    with pytest.raises(ValidationError) as refused:
        _save(draft, "Il est trop vieux pour une startup.")
    [error] = next(iter(refused.value.error_dict.values()))
    assert error.params is not None and "âge" in error.params["why"]


# --- The web form: refused with the reason, and the rewrite offered -------------------------------


@pytest.fixture
def interviewer_client(interviewer: User) -> Client:
    client = Client()
    client.force_login(interviewer)
    return client


def _form(scorecard: Scorecard, comment: str, button: str) -> dict[str, Any]:
    communication = _competency(scorecard, "Communication")
    modelling = _competency(scorecard, "Data modelling")
    return {
        f"rating_{communication.pk}": "strong_yes",
        f"evidence_{communication.pk}": "Explained the retry budget unprompted.",
        f"comment_{communication.pk}": f"Clear answers on retries. {comment}",
        f"rating_{modelling.pk}": "no",
        "overall": "no",
        "key_takeaways": "Strong communicator.",
        "private_notes": "Ask about migrations next time.",
        button: "",
    }


def test_the_form_refuses_the_submit_says_why_and_offers_the_rewrite(
    interviewer_client: Client, draft: Scorecard
) -> None:
    url = reverse("hiring:scorecard-edit", args=[draft.pk])
    response = interviewer_client.post(url, _form(draft, TOO_OLD, "submit"))
    assert response.status_code == 400
    page = response.content.decode()
    communication = _competency(draft, "Communication")
    assert "Not submitted: a comment the candidate may read is blocked" in page
    # On the field itself: why, the words, the suggested rewrite, and a button that keeps
    # only the sentences the guard passes.
    refusal = page.split(f'id="comment-refused-{communication.pk}"')[1].split("</div>")[0]
    assert f"Blocked by the guard: {AGE_WHY}" in refusal
    assert "too old»" in refusal
    assert f"Suggested rewrite: {AGE_TRY}" in refusal
    assert 'data-rewrite="Clear answers on retries."' in refusal
    assert f'aria-describedby="comment-refused-{communication.pk}"' in page
    # What was typed is shown again, not lost.
    assert f"Clear answers on retries. {TOO_OLD}</textarea>" in page
    assert "Ask about migrations next time.</textarea>" in page
    assert '<option value="no" selected>' in page
    draft.refresh_from_db()
    assert draft.submitted_at is None
    assert not draft.ratings.exists()


def test_the_form_still_saves_a_draft_with_a_blocked_comment(
    interviewer_client: Client, draft: Scorecard
) -> None:
    url = reverse("hiring:scorecard-edit", args=[draft.pk])
    response = interviewer_client.post(url, _form(draft, TOO_OLD, "save"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.submitted_at is None
    assert TOO_OLD in draft.ratings.get(competency__name="Communication").candidate_comment


def test_a_reopened_draft_shows_what_the_guard_blocks_in_its_saved_comment(
    interviewer_client: Client, draft: Scorecard
) -> None:
    _save(draft, TOO_OLD, submit=False)
    communication = _competency(draft, "Communication")
    page = interviewer_client.get(reverse("hiring:scorecard-edit", args=[draft.pk])).content
    live = page.decode().split(f'id="guard-comment-{communication.pk}"')[1].split("</div>")[0]
    assert "Blocked" in live and "too old»" in live and AGE_WHY in live


def test_the_form_submits_the_rewritten_comment(
    interviewer_client: Client, draft: Scorecard
) -> None:
    url = reverse("hiring:scorecard-edit", args=[draft.pk])
    response = interviewer_client.post(url, _form(draft, CLEAN, "submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.submitted_at is not None


# --- "Candidate-safe" only where the guard passes, checked on display ----------------------------


@pytest.fixture
def submitted(draft: Scorecard) -> Scorecard:
    """A scorecard written as an import writes it, around the service: imports are not refused,
    so a blocked comment can be stored, and the pages must not call it candidate-safe."""
    factories.ScorecardRatingFactory(
        scorecard=draft, competency=_competency(draft, "Communication"), candidate_comment=CLEAN
    )
    factories.ScorecardRatingFactory(
        scorecard=draft, competency=_competency(draft, "Data modelling"), candidate_comment=TOO_OLD
    )
    Scorecard.objects.filter(pk=draft.pk).update(overall_recommendation="no")
    draft.submitted_at = draft.created_at
    draft.save(update_fields=["submitted_at"])
    return draft


def _comment_marks(page: str) -> dict[str, str]:
    """Each comment on the page, with the mark before it."""
    marks = {}
    for comment in (CLEAN, TOO_OLD):
        before = page.split(comment)[0]
        marks[comment] = before[before.rindex('<span class="tag') :]
    return marks


def test_the_application_page_tags_only_what_the_guard_passes(
    recruiter_client: Client, submitted: Scorecard
) -> None:
    url = reverse("hiring:application-detail", args=[submitted.application_id])
    response = recruiter_client.get(url)
    assert response.status_code == 200
    marks = _comment_marks(response.content.decode())
    assert "Candidate-safe" in marks[CLEAN]
    assert "Candidate-safe" not in marks[TOO_OLD]
    assert f"Blocked by the guard: {AGE_WHY}" in marks[TOO_OLD]


def test_the_tag_follows_the_rules_of_the_day(
    recruiter_client: Client, submitted: Scorecard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is stored: a comment the rules block tomorrow loses its tag tomorrow."""
    real_check = guard.check

    def stricter(text: str, **options: Any) -> list[guard.Finding]:
        findings = real_check(text, **options)
        if "retry logic" in text:
            start = text.index("retry logic")
            findings.append(
                guard.Finding(
                    start,
                    start + 11,
                    "internal_leak",
                    "block",
                    "test.rule",
                    "A new rule says so.",
                    "Say it otherwise.",
                )
            )
        return findings

    url = reverse("hiring:application-detail", args=[submitted.application_id])
    assert "Candidate-safe" in _comment_marks(recruiter_client.get(url).content.decode())[CLEAN]
    monkeypatch.setattr(guard, "check", stricter)
    marks = _comment_marks(recruiter_client.get(url).content.decode())
    assert "Blocked by the guard: A new rule says so." in marks[CLEAN]
    assert "Candidate-safe" not in marks[CLEAN]


def test_the_notes_sources_panel_tags_only_what_the_guard_passes(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    application = rejected_application(org, recruiter=recruiter, comment=TOO_OLD)
    note = feedback_services.feedback_note_draft(actor=None, application=application)
    page = recruiter_client.get(reverse("feedback:note-detail", args=[note.pk])).content.decode()
    panel = page.split('id="sources-h"')[1]
    assert TOO_OLD in panel  # listed among the scorecard items, since the note cites its card
    assert "Candidate-safe" not in panel
    assert f"Blocked by the guard: {AGE_WHY}" in panel.split(TOO_OLD)[0].rsplit("<li", 1)[1]
