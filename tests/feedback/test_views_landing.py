"""Each person lands where their work is: drafts to review first, then who is still waiting."""

from __future__ import annotations

import pytest
from django.test import Client

from heardback.accounts.models import Organization, User
from heardback.feedback import services
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application
from tests import factories

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def sign_in(client: Client, user: User) -> tuple[str, str]:
    """Sign in through the form; the page landed on and its HTML."""
    user.set_password(PASSWORD)
    user.save()
    response = client.post("/login/", {"username": user.email, "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    return response.redirect_chain[-1][0], response.content.decode()


@pytest.fixture
def note(rejected: Application) -> FeedbackNote:
    return services.feedback_note_draft(actor=None, application=rejected)


@pytest.mark.parametrize("role", ["recruiter", "hiring_manager", "admin"])
def test_a_decider_with_drafts_waiting_lands_on_the_review_queue(
    client: Client, org: Organization, note: FeedbackNote, role: str
) -> None:
    user = factories.UserFactory(email=f"{role}@acme.example")
    factories.MembershipFactory(organization=org, user=user, role=role)

    landed, html = sign_in(client, user)

    assert landed == "/feedback/"
    assert note.application.candidate.full_name in html


def test_with_every_draft_dealt_with_a_recruiter_lands_on_who_is_still_waiting(
    client: Client, recruiter: User, note: FeedbackNote
) -> None:
    services.feedback_note_approve(actor=recruiter, note=note, acknowledge_warnings=True)

    landed, _ = sign_in(client, recruiter)

    assert landed == "/closure/"


def test_a_team_that_has_turned_nobody_down_yet_lands_on_its_jobs(
    client: Client, org: Organization, recruiter: User
) -> None:
    factories.ApplicationFactory(organization=org, job__title="Data Analyst")

    landed, html = sign_in(client, recruiter)

    assert landed == "/jobs/"
    assert "Data Analyst" in html


def test_an_interviewer_still_lands_on_their_scorecards_when_drafts_wait(
    client: Client, interviewer: User, note: FeedbackNote
) -> None:
    landed, _ = sign_in(client, interviewer)
    assert landed == "/scorecards/"


def test_the_landing_follows_the_organization_picked_in_the_switcher(
    client: Client, org: Organization, other_org: Organization, recruiter: User, note: FeedbackNote
) -> None:
    """Drafts of Acme do not send a recruiter working in another organization to a queue of
    that organization's (empty) drafts: there, nobody has been turned down yet."""
    factories.MembershipFactory(organization=other_org, user=recruiter, role="recruiter")
    sign_in(client, recruiter)
    session = client.session
    session["org"] = other_org.slug
    session.save()

    assert client.get("/", follow=True).redirect_chain[-1][0] == "/jobs/"


def test_names_and_titles_are_escaped_in_the_queue_rows_and_the_pipeline_cards(
    recruiter_client: Client, org: Organization, rejected: Application
) -> None:
    """The queue's rows and the board's cards are built in Python: what a candidate typed
    still shows as text, never as markup."""
    rejected.candidate.first_name = '<img src=x onerror="alert(1)">'
    rejected.candidate.save()
    rejected.job.title = "R&D <b>lead</b>"
    rejected.job.save()
    services.feedback_note_draft(actor=None, application=rejected)

    queue = recruiter_client.get("/feedback/").content.decode()
    board = recruiter_client.get(f"/jobs/{rejected.job_id}/?status=").content.decode()

    for html in (queue, board):
        assert "<img src=x" not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "R&amp;D &lt;b&gt;lead&lt;/b&gt;" in queue


def test_an_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_landing_page(
    client: Client,
) -> None:
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/"
