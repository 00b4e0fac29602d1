"""My data: the export holds only the candidate's own data; erasure removes it, counts stay."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from heardback.accounts.models import AuditEvent, User
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Candidate
from heardback.outbox.models import OutboundEmail
from heardback.portal import selectors, services
from heardback.portal.models import (
    CandidateLink,
    Consent,
    ErasureRequest,
    FeedbackRating,
    PortalQuestion,
    SurveyResponse,
)
from tests.portal.conftest import MakePortal, Portal

pytestmark = pytest.mark.django_db

SURVEY = {"knew_where_they_stood": "4", "respectful_of_time": "5", "would_apply_again": "3"}


def test_the_export_holds_the_candidates_own_data(candidate: Portal) -> None:
    candidate.post("questions/", {"body": "When can I reapply?"})
    candidate.post("consents/", {"kind": "partners", "action": "grant"})
    candidate.post("rating/", {"score": "4", "comment": "Useful."})

    response = candidate.get("data.json")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="my-application-data.json"'
    data = json.loads(response.content)
    assert data["organization"] == "Acme"
    assert data["candidate"]["email"] == "ada@mail.example"
    assert data["candidate"]["phone"] == "+33 6 12 34 56 78"
    [application] = data["applications"]
    assert application["job"] == "Backend Engineer"
    assert application["status"] == "rejected"
    assert [i["name"] for i in application["interviews"]] == ["Technical interview"]
    assert application["interviews"][0]["scheduled_at"]
    assert "thank you for the technical interview" in application["feedback"][0]["text"]
    assert application["questions"][0]["question"] == "When can I reapply?"
    assert application["feedback_rating"]["score"] == 4
    assert [c["kind"] for c in data["consents"]] == ["partners"]


def test_the_export_carries_the_candidates_own_link_not_the_placeholder(
    candidate: Portal, make_portal: MakePortal
) -> None:
    # A second application of the same candidate, whose first link was replaced.
    other = make_portal(email="ada@mail.example", note_text="Dear Ada, about the data role.")
    other.application.candidate = candidate.application.candidate
    other.application.save(update_fields=["candidate"])
    services.candidate_link_revoke(actor=None, link=other.link)
    current = services.candidate_link_url(
        services.candidate_link_issue(application=other.application)
    )

    data = json.loads(candidate.get("data.json").content)

    own, second = data["applications"]
    assert own["portal_link"] == f"http://testserver{candidate.path}"
    assert own["feedback"][0]["text"].endswith(f"anything: http://testserver{candidate.path}")
    assert second["portal_link"] == current != f"http://testserver{other.path}"
    assert second["feedback"][0]["text"].endswith(f"anything: {current}")
    assert "PORTAL-TOKEN" not in json.dumps(data)


def test_the_export_never_holds_evidence_private_notes_or_other_people(
    candidate: Portal, other_candidate: Portal, interviewer: User
) -> None:
    FeedbackNote.objects.create(
        organization=candidate.application.organization,
        application=candidate.application,
        version=2,
        is_current=False,
        subject="Draft",
        text="UNSENT DRAFT",
        html="<p>x</p>",
    )

    text = candidate.get("data.json").content.decode()

    for secret in ("PRIVATE", "EVIDENCE", "TAKEAWAY", "UNSENT DRAFT", "Grace", "Hopper"):
        assert secret not in text
    assert interviewer.email not in text and "Ivan" not in text
    assert "rita@acme.example" not in text


def test_erasure_is_requested_once_and_audited(candidate: Portal) -> None:
    candidate.post("erasure/")
    candidate.post("erasure/")

    assert ErasureRequest.objects.count() == 1
    event = AuditEvent.objects.get(action="portal.erasure_request")
    assert (event.actor, event.data["via"]) == (None, "candidate via portal")
    assert "You asked us to erase your data." in candidate.get().content.decode()


def test_confirmed_erasure_removes_personal_data_and_keeps_the_aggregates(
    candidate: Portal, other_candidate: Portal, recruiter: User, recruiter_client: Client
) -> None:
    candidate.post("questions/", {"body": "Ada's question about her commute"})
    question = PortalQuestion.objects.get()
    services.portal_question_answer(actor=recruiter, question=question, answer="Dear Ada, yes.")
    candidate.post("rating/", {"score": "4", "comment": "Ada liked it"})
    candidate.post("survey/", SURVEY)
    candidate.post("consents/", {"kind": "other_roles", "action": "grant"})
    candidate.post("erasure/")
    before = selectors.portal_feedback_summary(candidate.application.organization)

    response = recruiter_client.post(
        f"/questions/erasures/{ErasureRequest.objects.get().pk}/confirm/"
    )

    assert response.status_code == 302
    person = Candidate.objects.get(pk=candidate.application.candidate_id)
    assert (person.full_name, person.email, person.phone, person.resume_text) == (
        "Erased candidate",
        "",
        "",
        "",
    )
    note = FeedbackNote.objects.get(application=candidate.application)
    assert "Ada" not in note.text + note.html + note.subject
    question.refresh_from_db()
    assert "Ada" not in question.body + question.answer
    assert FeedbackRating.objects.get().comment == ""
    assert not CandidateLink.objects.filter(
        application=candidate.application, revoked_at__isnull=True
    ).exists()
    assert candidate.get().status_code == 404
    assert not Consent.objects.filter(withdrawn_at__isnull=True).exists()
    assert OutboundEmail.objects.filter(kind__startswith="portal").count() == 2
    for email in OutboundEmail.objects.all():
        copy = f"{email.to} {email.subject} {email.text} {email.html}"
        assert "Ada" not in copy and "ada@" not in copy and "commute" not in copy, email.kind
    assert OutboundEmail.objects.filter(to="Rita <rita@acme.example>").exists()
    # Counts, ratings and survey scores stay for the organization's analytics.
    after = selectors.portal_feedback_summary(candidate.application.organization)
    assert after["feedback_ratings"] == before["feedback_ratings"]
    assert after["survey"] == before["survey"]
    assert after["questions"] == before["questions"]
    assert SurveyResponse.objects.count() == 1
    erasure = ErasureRequest.objects.get()
    assert (erasure.completed_by, erasure.completed_at is not None) == (recruiter, True)
    assert AuditEvent.objects.filter(action="candidate.erase", actor=recruiter).exists()
    # The other candidate is untouched.
    assert "Dear Grace" in other_candidate.get().content.decode()


def test_an_erasure_is_carried_out_once(candidate: Portal, recruiter_client: Client) -> None:
    candidate.post("erasure/")
    erasure = ErasureRequest.objects.get()
    recruiter_client.post(f"/questions/erasures/{erasure.pk}/confirm/")

    response = recruiter_client.post(f"/questions/erasures/{erasure.pk}/confirm/")

    assert response.status_code == 400
    assert AuditEvent.objects.filter(action="candidate.erase").count() == 1


def test_erasure_cancels_a_note_not_yet_delivered(candidate: Portal, recruiter: User) -> None:
    FeedbackNote.objects.filter(application=candidate.application).update(status="approved")

    services.candidate_erase(actor=recruiter, candidate=candidate.application.candidate)

    assert FeedbackNote.objects.get(application=candidate.application).status == "cancelled"


def test_erasure_takes_them_out_of_digests_and_interviewers_free_text(
    candidate: Portal, other_candidate: Portal, recruiter: User, recruiter_client: Client
) -> None:
    """A reminder digest listing them and an interviewer's notes naming them (with a health
    detail) keep nothing that identifies them; the rest of those texts stays."""
    from heardback.hiring.models import Scorecard, ScorecardRating
    from heardback.outbox.services import email_enqueue

    ada = candidate.application.candidate
    digest = email_enqueue(
        organization=candidate.application.organization,
        to="Rita <rita@acme.example>",
        subject="heardback: 2 candidates are waiting on you",
        text=f"- {ada.full_name}, Backend Engineer: due Mon\n- Grace Hopper, Backend Engineer",
        html=f"<li>{ada.full_name}, Backend Engineer</li><li>Grace Hopper</li>",
        reply_to=None,
        idempotency_key="digest:test",
        kind="closure_digest",
    )
    card = Scorecard.objects.filter(application=candidate.application).first()
    assert card is not None
    card.private_notes = (
        f"{ada.first_name} mentioned her diabetes diagnosis. Reach her at {ada.email}. "
        "Strong on SQL."
    )
    card.save()
    rating = ScorecardRating.objects.filter(scorecard=card).first()
    if rating is not None:
        rating.evidence = f"{ada.full_name} walked through the incident clearly."
        rating.save()
    candidate.post("erasure/")

    recruiter_client.post(f"/questions/erasures/{ErasureRequest.objects.get().pk}/confirm/")

    digest.refresh_from_db()
    assert ada.first_name not in digest.text + digest.html and "Grace Hopper" in digest.text
    card.refresh_from_db()
    assert ada.first_name not in card.private_notes and ada.email not in card.private_notes
    assert "diabetes" not in card.private_notes and "Strong on SQL." in card.private_notes
    if rating is not None:
        rating.refresh_from_db()
        assert ada.first_name not in rating.evidence and "incident" in rating.evidence
    event = AuditEvent.objects.get(action="candidate.erase")
    assert "ratings" in event.data["kept"] and event.data["emails_naming"] >= 1
