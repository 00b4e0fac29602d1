"""The recruiters' queue at /questions/: answering candidates, confirming erasures."""

from __future__ import annotations

import pytest
from django.test import Client

from heardback.accounts.models import AuditEvent, User
from heardback.outbox.models import OutboundEmail
from heardback.portal import services
from heardback.portal.models import ErasureRequest, PortalQuestion
from tests.portal.conftest import Portal, deliver_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(candidate: Portal) -> PortalQuestion:
    candidate.post("questions/", {"body": "Can I <b>reapply</b> in spring?"})
    return PortalQuestion.objects.get()


def answer(client: Client, question: PortalQuestion, text: str = "Yes, from March.") -> object:
    return client.post(f"/questions/{question.pk}/answer/", {"answer": text})


def test_the_recruiter_sees_open_questions_escaped(
    recruiter_client: Client, question: PortalQuestion
) -> None:
    response = recruiter_client.get("/questions/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ada Lovelace" in page and "Backend Engineer" in page
    assert "Can I &lt;b&gt;reapply&lt;/b&gt; in spring?" in page
    assert "<b>reapply</b>" not in page


def test_answering_emails_the_candidate_with_their_link_and_reply_to_the_recruiter(
    recruiter_client: Client, recruiter: User, question: PortalQuestion, candidate: Portal
) -> None:
    response = answer(recruiter_client, question)

    assert response.status_code == 302  # type: ignore[attr-defined]
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("Yes, from March.", recruiter)
    email = OutboundEmail.objects.get(kind="portal_answer")
    assert email.to == "Ada Lovelace <ada@mail.example>"
    assert email.reply_to == "Rita <rita@acme.example>"
    assert email.subject == "Answer to your question about Backend Engineer"
    assert "Yes, from March." in email.text and "Can I <b>reapply</b> in spring?" in email.text
    assert "Can I &lt;b&gt;reapply&lt;/b&gt; in spring?" in email.html
    assert candidate.token not in email.text + email.html  # the worker puts the link in
    [sent] = [m for m in deliver_now() if m.to == [email.to]]
    assert services.candidate_link_url(candidate.link) in sent.body
    assert AuditEvent.objects.filter(action="portal.question_answer", actor=recruiter).exists()


def test_the_answer_shows_in_the_candidates_thread(
    recruiter_client: Client, question: PortalQuestion, candidate: Portal
) -> None:
    answer(recruiter_client, question, "Yes <i>really</i>.")

    page = candidate.get().content.decode()
    assert "Yes &lt;i&gt;really&lt;/i&gt;." in page
    assert "Waiting for an answer" not in page


def test_a_question_is_answered_once(recruiter_client: Client, question: PortalQuestion) -> None:
    answer(recruiter_client, question)

    response = answer(recruiter_client, question, "Again")

    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "already been answered" in response.content.decode()  # type: ignore[attr-defined]
    assert OutboundEmail.objects.filter(kind="portal_answer").count() == 1


def test_an_empty_answer_is_refused(recruiter_client: Client, question: PortalQuestion) -> None:
    response = answer(recruiter_client, question, "   ")

    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Write an answer first." in response.content.decode()  # type: ignore[attr-defined]
    question.refresh_from_db()
    assert question.answered_at is None


def test_anonymous_is_sent_to_sign_in(question: PortalQuestion) -> None:
    client = Client()

    response = client.get("/questions/")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/questions/"
    assert answer(client, question).status_code == 302  # type: ignore[attr-defined]
    question.refresh_from_db()
    assert question.answered_at is None


def test_an_outsider_gets_404_on_another_organizations_questions(
    outsider_client: Client, question: PortalQuestion
) -> None:
    page = outsider_client.get("/questions/").content.decode()
    assert "Ada" not in page and "reapply" not in page

    assert answer(outsider_client, question).status_code == 404  # type: ignore[attr-defined]
    question.refresh_from_db()
    assert question.answered_at is None


def test_an_interviewer_cannot_use_the_queue(interviewer: User, question: PortalQuestion) -> None:
    client = Client()
    client.force_login(interviewer)

    assert client.get("/questions/").status_code == 403
    assert answer(client, question).status_code == 404  # type: ignore[attr-defined]


def test_unknown_ids_are_404(recruiter_client: Client) -> None:
    assert recruiter_client.post("/questions/999/answer/", {"answer": "x"}).status_code == 404
    assert recruiter_client.post("/questions/erasures/999/confirm/").status_code == 404


def test_the_wrong_method_is_refused(recruiter_client: Client, question: PortalQuestion) -> None:
    assert recruiter_client.get(f"/questions/{question.pk}/answer/").status_code == 405
    assert recruiter_client.post("/questions/").status_code == 405


def test_erasure_requests_wait_on_the_queue_page(
    recruiter_client: Client, candidate: Portal
) -> None:
    candidate.post("erasure/")

    page = recruiter_client.get("/questions/").content.decode()

    erasure = ErasureRequest.objects.get()
    assert f'action="/questions/erasures/{erasure.pk}/confirm/"' in page
    assert "Erase Ada Lovelace" in page


def test_an_outsider_cannot_confirm_another_organizations_erasure(
    outsider_client: Client, candidate: Portal
) -> None:
    candidate.post("erasure/")
    erasure = ErasureRequest.objects.get()

    response = outsider_client.post(f"/questions/erasures/{erasure.pk}/confirm/")

    assert response.status_code == 404
    assert ErasureRequest.objects.get().completed_at is None


def test_a_question_holding_the_link_placeholder_is_kept_and_its_notice_queued(
    candidate: Portal,
) -> None:
    """It once answered 500 and lost the question."""
    response = candidate.post("questions/", {"body": "Is http://x/p/PORTAL-TOKEN/ my page?"})
    assert response.status_code == 302
    question = PortalQuestion.objects.get()
    assert "PORTAL-TOKEN" not in question.body and "PORTAL\u2011TOKEN" in question.body
    notice = OutboundEmail.objects.get(kind="portal_question")
    assert "PORTAL\u2011TOKEN" in notice.text
