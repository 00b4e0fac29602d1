"""The engine's input as inputs.py builds it from the database: language, stage and reason."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from heardback.accounts.models import Organization, User
from heardback.feedback import engine
from heardback.feedback.inputs import applications_for_notes, note_inputs
from heardback.hiring.models import Application
from tests import factories
from tests.feedback.conftest import rejected_application


def built(org: Organization, application: Application) -> engine.NoteInput:
    return note_inputs(org, applications_for_notes([application.pk]))[0]


@pytest.mark.django_db
def test_a_french_speaker_gets_french_when_the_organization_writes_french(
    org: Organization, recruiter: User
) -> None:
    application = rejected_application(org, recruiter=recruiter)
    application.candidate.language = "fr"
    application.candidate.save()
    factories.JobFactory(organization=org, language="fr")  # the organization writes French
    inp = built(org, application)
    assert inp.candidate.language == "fr"
    assert inp.job.language == "en"  # the rubric: the engine does not quote it in French
    note = engine.compose(inp, guard=lambda text, **_: [])
    assert note.language == "fr" and not note.quality.language_fallback


@pytest.mark.django_db
def test_otherwise_the_jobs_language_and_the_recruiter_is_told(
    org: Organization, recruiter: User
) -> None:
    application = rejected_application(org, recruiter=recruiter)
    application.candidate.language = "fr"
    application.candidate.save()
    inp = built(org, application)
    assert inp.candidate.language == "en"
    assert engine.compose(inp, guard=lambda text, **_: []).quality.language_fallback


@pytest.mark.django_db
def test_the_stage_kind_and_the_reasons_stages_reach_the_engine(
    org: Organization, recruiter: User
) -> None:
    application = rejected_application(org, recruiter=recruiter)
    application.stage.kind = "final"
    application.stage.save()
    reason = application.rejection_reason
    reason.stages = ["final", "offer"]
    reason.save()
    inp = built(org, application)
    assert inp.stage_kind == "final"
    assert inp.decision.reason_stages == ("final", "offer")


@pytest.mark.django_db
def test_without_a_recruiter_the_organization_signs_once(org: Organization) -> None:
    org.sender_name = ""
    org.save()
    application = rejected_application(org)
    note = engine.compose(built(org, application), guard=lambda text, **_: [])
    assert note.text.rstrip().splitlines()[-1] == "Acme"


@pytest.mark.django_db
def test_one_person_on_two_interviews_is_your_interviewer(
    org: Organization, recruiter: User
) -> None:
    """Seen in the API scenarios: a hiring manager ran both interviews, and the note said "One
    interviewer pointed out that …", as if someone else had said otherwise. The drafting path
    lost who wrote each scorecard."""
    application = rejected_application(org, recruiter=recruiter)
    cards = list(application.scorecards.all())
    for card in cards[1:]:
        card.interviewer = cards[0].interviewer
        card.save()
    inp = built(org, application)
    assert {card.interviewer_id for card in inp.scorecards} == {cards[0].interviewer_id}
    note = engine.compose(inp, guard=lambda text, **_: [])
    assert "your interviewer" in note.text.lower() and "one interviewer" not in note.text.lower()


@pytest.mark.django_db
def test_the_partners_offer_names_what_the_partners_pool_would_list(
    org: Organization, recruiter: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pool averages a competency over every application of the candidate: rated strong
    # yes twice here but definitely not three times for another role, Communication is no
    # strength a partner would see, and the note must not say it is.
    from heardback.feedback import inputs

    monkeypatch.setattr(inputs, "HAS_PARTNERS", [lambda organization: True])
    application = rejected_application(org, recruiter=recruiter)
    other_job = factories.JobFactory(organization=org, title="Support Engineer")
    communication = factories.CompetencyFactory(job=other_job, name="Communication")
    other = factories.ApplicationFactory(
        organization=org, job=other_job, candidate=application.candidate
    )
    for day in (3, 4, 5):
        interview = factories.InterviewFactory(
            application=other, scheduled_at=dt.datetime(2026, 10, day, 10, tzinfo=dt.UTC)
        )
        card = factories.ScorecardFactory(interview=interview, overall_recommendation="no")
        factories.ScorecardRatingFactory(
            scorecard=card, competency=communication, rating="definitely_not"
        )
    inp = built(org, application)
    assert inp.partner_strengths == ()
    note = engine.compose(inp, guard=lambda text, **_: [])
    offer = [s.text for s in note.sentences if s.section == "next_steps"][-1]
    assert "the kind of role you applied for" in offer, offer
    assert "Communication" not in offer, offer
    # Without the pool's reading, this application's own ratings would have named it.
    alone = engine.compose(
        dataclasses.replace(inp, partner_strengths=None), guard=lambda text, **_: []
    )
    assert "your strength (Communication)" in alone.text.replace("\n", " ")
