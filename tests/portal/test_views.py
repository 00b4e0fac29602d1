"""The candidate's page: what it shows, what it never shows, and how it defends itself."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from heardback.accounts.models import User
from heardback.closure.selectors import expected_date_for
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from heardback.outbox.models import OutboundEmail
from heardback.portal import services
from heardback.portal.models import FeedbackRating, PortalQuestion, SurveyResponse
from heardback.portal.tasks import link_reissue
from heardback.portal.tokens import token_for
from heardback.portal.views import SECURITY_HEADERS
from tests import factories
from tests.portal.conftest import MakePortal, Portal

pytestmark = pytest.mark.django_db

SURVEY = {"knew_where_they_stood": "4", "respectful_of_time": "5", "would_apply_again": "3"}


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


# --- What the page shows ------------------------------------------------------------------


def test_the_page_shows_status_stages_timeline_feedback_and_recruiter(candidate: Portal) -> None:
    response = candidate.get()

    page = html(response)
    assert response.status_code == 200
    assert "<h1>Backend Engineer</h1>" in page
    assert "Not selected" in page
    assert "The process is complete. Your feedback is below." in page
    assert "Application review" in page and "Technical interview" in page
    assert "Offer" not in page  # a stage the candidate never reached
    assert "Dear Ada, thank you for the technical interview." in page
    assert "rita@acme.example" in page
    assert "Feedback sent to you" in page


def test_the_note_links_to_the_page_itself_not_to_the_placeholder(candidate: Portal) -> None:
    page = html(candidate.get())

    assert "PORTAL-TOKEN" not in page
    assert f'href="{services.candidate_link_url(candidate.link)}"' in page


def test_feedback_not_yet_delivered_is_not_shown(make_portal: MakePortal) -> None:
    portal = make_portal(delivered=False)

    page = html(portal.get())

    assert "thank you for the technical interview" not in page
    assert "Your personal feedback will appear here once it has been sent to you." in page
    assert "your personal feedback is being prepared" in page


def test_delivered_feedback_stays_when_a_new_version_is_drafted(candidate: Portal) -> None:
    FeedbackNote.objects.filter(application=candidate.application).update(is_current=False)
    FeedbackNote.objects.create(
        organization=candidate.application.organization,
        application=candidate.application,
        version=2,
        subject="Draft",
        text="DRAFT v2",
        html="<p>DRAFT v2</p>",
    )

    page = html(candidate.get())

    assert "Dear Ada, thank you for the technical interview." in page
    assert "DRAFT v2" not in page


def test_note_markup_is_cleaned_before_it_reaches_the_page(make_portal: MakePortal) -> None:
    portal = make_portal()
    FeedbackNote.objects.filter(application=portal.application).update(
        html='<p style="color:red" onclick="x()">Hi</p><script>alert(1)</script>'
    )

    page = html(portal.get())

    assert "<p>Hi</p>" in page
    assert "<script" not in page and "onclick" not in page and "style=" not in page


def test_interviewer_first_names_are_shown_only_when_the_policy_allows(
    candidate: Portal, interviewer: User
) -> None:
    assert "Ivan" not in html(candidate.get())

    organization = candidate.application.organization
    organization.show_interviewer_first_names = True
    organization.save()

    assert "(with Ivan)" in html(candidate.get())


@pytest.mark.parametrize(
    ("status", "decision", "upcoming", "expected"),
    [
        ("active", "pending", True, "Your next interview is planned."),
        ("active", "advance", False, "You are moving on to the next stage"),
        ("active", "pending", False, "Your interviews are done; the team is making its decision."),
        ("hired", "hire", False, "Congratulations!"),
        ("withdrawn", "pending", False, "You withdrew from this process."),
    ],
)
def test_the_next_step_follows_the_application(
    candidate: Portal, status: str, decision: str, upcoming: bool, expected: str
) -> None:
    Application.objects.filter(pk=candidate.application.pk).update(status=status, decision=decision)
    if upcoming:
        factories.InterviewFactory(
            application=candidate.application,
            name="Final interview",
            scheduled_at=timezone.now() + dt.timedelta(days=2),
        )

    assert expected in html(candidate.get())


def test_the_page_is_in_the_candidates_language_and_the_switcher_sets_a_portal_cookie(
    make_portal: MakePortal,
) -> None:
    portal = make_portal(language="fr", email="camille@mail.example", first_name="Camille")

    assert "Où en est votre candidature" in html(portal.get())

    switched = portal.get(data={"lang": "en"})
    assert "Where you stand" in html(switched)
    cookie = switched.cookies["portal_lang"]
    assert cookie.value == "en" and cookie["path"] == "/p/"
    assert "Where you stand" in html(portal.get())  # the cookie keeps the choice


def test_the_page_fits_a_phone_and_loads_nothing_from_elsewhere(candidate: Portal) -> None:
    page = html(candidate.get())

    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<script" not in page and "style=" not in page and "<style" not in page
    for address in re.findall(r'(?:src|href|action)="([^"]*)"', page):
        assert address.startswith(("/", "?", "mailto:", "http://testserver/")), address


# --- Nothing leaks ------------------------------------------------------------------------


def test_nothing_of_one_candidate_shows_on_anothers_page(
    candidate: Portal, other_candidate: Portal
) -> None:
    candidate.post("questions/", {"body": "ADA-QUESTION about the salary band"})
    other_candidate.post("questions/", {"body": "GRACE-QUESTION about remote work"})

    ada, grace = html(candidate.get()), html(other_candidate.get())

    assert "Dear Ada" in ada and "ADA-QUESTION" in ada
    assert "Grace" not in ada and "GRACE-QUESTION" not in ada and "Hopper" not in ada
    assert "Dear Grace" in grace and "GRACE-QUESTION" in grace
    assert "Ada" not in grace and "ADA-QUESTION" not in grace and "Lovelace" not in grace


def test_one_link_acts_only_on_its_own_application(
    candidate: Portal, other_candidate: Portal
) -> None:
    candidate.post("rating/", {"score": "2"})
    candidate.post("consents/", {"kind": "partners", "action": "grant"})

    assert FeedbackRating.objects.get().application == candidate.application
    assert not other_candidate.application.candidate.portal_consents.exists()
    assert "Yes, since" not in html(other_candidate.get())


def test_the_page_never_shows_internal_evidence_or_private_notes(candidate: Portal) -> None:
    page = html(candidate.get())

    assert "PRIVATE" not in page and "EVIDENCE" not in page and "TAKEAWAY" not in page


# --- Links that do not work ---------------------------------------------------------------


def test_invalid_expired_revoked_and_forged_tokens_get_the_same_404_page(
    make_portal: MakePortal, settings: Settings
) -> None:
    settings.PORTAL_LINK_DAYS = 10
    expired = make_portal(first_name="Expired", email="e@mail.example")
    revoked = make_portal(first_name="Revoked", email="r@mail.example")
    services.candidate_link_revoke(actor=None, link=revoked.link)
    live = make_portal(first_name="Live", email="l@mail.example")
    forged = token_for(application_id=live.application.pk, nonce="0" * 32)
    erased = make_portal(first_name="Erased", email="x@mail.example")
    services.candidate_erase(actor=None, candidate=erased.application.candidate)

    client = Client()
    tokens = ["A" * 43, "not-a-token", revoked.token, forged, erased.token]
    responses = [client.get(f"/p/{token}/") for token in tokens]
    with time_machine.travel(timezone.now() + dt.timedelta(days=11), tick=False):
        responses.append(client.get(f"/p/{expired.token}/"))

    assert {r.status_code for r in responses} == {404}
    assert len({r.content for r in responses}) == 1
    assert "This link does not work" in html(responses[0])
    assert client.get(f"/p/{live.token}/").status_code == 200


def test_a_bad_token_cannot_post_either(candidate: Portal) -> None:
    response = Client().post(f"/p/{'B' * 43}/questions/", {"body": "Hello?"})

    assert response.status_code == 404
    assert PortalQuestion.objects.count() == 0


def test_the_404_page_offers_to_email_a_new_link(candidate: Portal) -> None:
    page = html(Client().get(f"/p/{'C' * 43}/"))

    assert 'action="/p/"' in page and 'name="email"' in page


# --- Headers, methods, rate limit ---------------------------------------------------------


def test_every_portal_response_carries_the_strict_security_headers(
    candidate: Portal, settings: Settings
) -> None:
    responses = [
        candidate.get(),
        candidate.get("data.json"),
        candidate.post("questions/", {"body": "Hello"}),
        candidate.post("questions/", {"body": ""}),
        Client().get(f"/p/{'D' * 43}/"),
        Client().get("/p/"),
        Client().post("/p/", {"email": "nobody@mail.example"}),
        candidate.client.put(candidate.path),
    ]
    settings.PORTAL_LOOKUPS_PER_MINUTE = 0
    responses.append(candidate.get())

    assert [r.status_code for r in responses] == [200, 200, 302, 400, 404, 200, 302, 405, 429]
    for response in responses:
        for name, value in SECURITY_HEADERS.items():
            assert response[name] == value, (response.status_code, name)
    assert SECURITY_HEADERS["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )


def test_portal_pages_set_no_session_or_csrf_cookie(candidate: Portal) -> None:
    response = candidate.get()

    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_the_wrong_method_is_refused(candidate: Portal) -> None:
    assert candidate.post("").status_code == 405
    assert candidate.get("questions/").status_code == 405
    assert candidate.get("erasure/").status_code == 405
    assert candidate.post("data.json").status_code == 405


def test_lookups_are_rate_limited_per_client_address(candidate: Portal, settings: Settings) -> None:
    settings.PORTAL_LOOKUPS_PER_MINUTE = 30
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        codes = [guesser.get(f"/p/{'E' * 42}{i % 10}/").status_code for i in range(30)]
        assert set(codes) == {404}

        beyond = guesser.get(candidate.path)
        assert beyond.status_code == 429
        assert beyond["Retry-After"] == "60"
        assert "Too many requests" in html(beyond)
        assert Client(REMOTE_ADDR="198.51.100.7").get(candidate.path).status_code == 200

        clock.shift(dt.timedelta(seconds=61))
        assert guesser.get(candidate.path).status_code == 200


# --- Questions, ratings, survey -----------------------------------------------------------


def test_a_question_goes_to_the_queue_and_shows_on_the_page_escaped(
    candidate: Portal,
) -> None:
    response = candidate.post("questions/", {"body": "<script>alert('x')</script> & when?"})

    assert response.status_code == 302
    assert response["Location"] == f"{candidate.path}?done=question#question"
    question = PortalQuestion.objects.get()
    assert question.body == "<script>alert('x')</script> & when?"
    page = html(candidate.client.get(response["Location"]))
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; when?" in page
    assert "<script>" not in page
    assert "Your question has been sent." in page
    assert "Waiting for an answer" in page


def test_a_question_tells_the_jobs_recruiter_by_email(candidate: Portal) -> None:
    candidate.post("questions/", {"body": "When can I reapply?"})

    email = OutboundEmail.objects.get(kind="portal_question")
    assert email.to == "Rita <rita@acme.example>"
    assert "When can I reapply?" in email.text
    assert "http://testserver/questions/" in email.text


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Please write your question."),
        ("   \x00 ", "Please write your question."),
        ("x" * 2001, "Your question is too long: at most 2000 characters, please."),
    ],
)
def test_an_empty_or_too_long_question_is_refused(candidate: Portal, body: str, error: str) -> None:
    response = candidate.post("questions/", {"body": body})

    assert response.status_code == 400
    assert error in html(response)
    assert PortalQuestion.objects.count() == 0


def test_control_characters_are_dropped_from_questions(candidate: Portal) -> None:
    candidate.post("questions/", {"body": "Hello\x00 there\x07"})

    assert PortalQuestion.objects.get().body == "Hello there"


def test_a_candidate_waits_for_answers_before_asking_more(candidate: Portal) -> None:
    for n in range(services.OPEN_QUESTIONS_MAX):
        assert candidate.post("questions/", {"body": f"Question {n}"}).status_code == 302

    response = candidate.post("questions/", {"body": "One more"})

    assert response.status_code == 400
    assert "You already have 3 questions waiting for an answer." in html(response)
    assert "One more" in html(response)  # what they typed is kept


def test_rating_the_feedback_and_changing_the_rating(candidate: Portal) -> None:
    candidate.post("rating/", {"score": "2", "comment": "Too short."})
    candidate.post("rating/", {"score": "5", "comment": ""})

    rating = FeedbackRating.objects.get()
    assert (rating.score, rating.comment) == (5, "")
    assert "Thank you: you rated this feedback: 5/5" in html(candidate.get())


@pytest.mark.parametrize("score", ["0", "6", "four", ""])
def test_a_rating_outside_1_to_5_is_refused(candidate: Portal, score: str) -> None:
    response = candidate.post("rating/", {"score": score})

    assert response.status_code == 400
    assert "Please choose a score from 1 to 5." in html(response)
    assert FeedbackRating.objects.count() == 0


def test_feedback_cannot_be_rated_before_it_is_delivered(make_portal: MakePortal) -> None:
    portal = make_portal(delivered=False)

    response = portal.post("rating/", {"score": "5"})

    assert response.status_code == 400
    assert FeedbackRating.objects.count() == 0


def test_the_survey_records_three_scores(candidate: Portal) -> None:
    response = candidate.post("survey/", SURVEY)

    assert response.status_code == 302
    survey = SurveyResponse.objects.get()
    assert (survey.knew_where_they_stood, survey.respectful_of_time, survey.would_apply_again) == (
        4,
        5,
        3,
    )
    assert "Thank you for your answers." in html(candidate.client.get(response["Location"]))


def test_an_incomplete_survey_is_refused(candidate: Portal) -> None:
    response = candidate.post("survey/", {"knew_where_they_stood": "4"})

    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 0


# --- Getting a link -----------------------------------------------------------------------


def test_asking_for_a_link_answers_the_same_for_known_and_unknown_addresses(
    candidate: Portal,
) -> None:
    known = Client().post("/p/", {"email": "ada@mail.example"}, follow=True)
    unknown = Client().post("/p/", {"email": "nobody@mail.example"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain == [("/p/?sent=1", 302)]
    assert known.content == unknown.content
    assert "If we know this address, we have sent a link to it." in html(known)
    # The request only queued the same task for both (timing tells nothing); the worker sends.
    assert OutboundEmail.objects.filter(kind="portal_link").count() == 0
    queued = DBTaskResult.objects.filter(task_path="heardback.portal.tasks.link_reissue")
    assert sorted(r.args_kwargs["kwargs"]["email"] for r in queued) == [
        "ada@mail.example",
        "nobody@mail.example",
    ]
    for result in queued:
        link_reissue.call(**result.args_kwargs["kwargs"])
    assert OutboundEmail.objects.filter(kind="portal_link").count() == 1


def test_asking_for_a_link_with_a_malformed_address_says_so(candidate: Portal) -> None:
    response = Client().post("/p/", {"email": "not an address"})

    assert response.status_code == 400
    assert "Please enter a valid email address." in html(response)


def test_replacing_the_link_from_the_page(candidate: Portal) -> None:
    response = candidate.post("replace/")

    assert response["Location"] == "/p/?sent=1"
    assert candidate.get().status_code == 404
    assert OutboundEmail.objects.filter(kind="portal_link").count() == 1


def test_tokens_do_not_end_up_in_the_error_log(
    candidate: Portal, caplog: pytest.LogCaptureFixture
) -> None:
    candidate.post("questions/", {"body": ""})
    Client().get(f"/p/{'F' * 43}/")

    assert candidate.token not in caplog.text
    assert "F" * 43 not in caplog.text


def test_the_page_gives_the_date_the_closure_clock_expects(make_portal: MakePortal) -> None:
    portal = make_portal(delivered=False)
    Application.objects.filter(pk=portal.application.pk).update(
        status="active", decision="pending", decided_at=None
    )
    factories.InterviewFactory(
        application=portal.application, scheduled_at=timezone.now() - dt.timedelta(hours=3)
    )
    expected = expected_date_for(Application.objects.get(pk=portal.application.pk))

    page = html(portal.get())

    assert expected is not None
    assert "Your interviews are done; the team is making its decision." in page
    assert "<dt>Expected by</dt>" in page
    assert f'<time datetime="{expected:%Y-%m-%d}">{date_format(expected, "j F Y")}</time>' in page


def test_feedback_on_its_way_comes_with_its_expected_date(make_portal: MakePortal) -> None:
    portal = make_portal(delivered=False)
    expected = expected_date_for(portal.application)

    page = html(portal.get())

    assert expected is not None
    assert f'<time datetime="{expected:%Y-%m-%d}">' in page
