"""The closure dashboard and its holding-update buttons: who may see and do what."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from heardback.accounts.models import User
from heardback.closure.services import closure_sweep
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.hiring.models import Application
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.portal.models import CandidateLink
from heardback.portal.services import candidate_link_url
from tests.closure.conftest import MakeApplication, Team, emails, note_add, paris

pytestmark = pytest.mark.django_db
NOW = paris(2026, 3, 18, 9)
DASHBOARD = "/closure/"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def waiting_on_decision(
    make_application: MakeApplication, team: Team, **fields: object
) -> Application:
    """Interviewed 2 March, scorecard in: the decision was due 9 March."""
    return make_application(
        paris(2026, 3, 2, 10), submitted={team.interviewer: paris(2026, 3, 2, 12)}, **fields
    )


def populate(team: Team, make_application: MakeApplication, n: int) -> None:
    for i in range(n):
        waiting_on_decision(make_application, team, first_name=f"Decide{i}")
        make_application(paris(2026, 3, 17, 10), first_name=f"Score{i}")  # scorecard not late yet
        rejected = make_application(
            first_name=f"Reject{i}",
            status="rejected",
            decision="reject",
            decided_at=paris(2026, 3, 2, 9),
        )
        if i % 2:
            note_add(rejected, status="sent", sent_at=paris(2026, 3, 3, 9))
    closure_sweep()


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_dashboard_shows_waiting_candidates_by_state_and_the_charts(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    populate(team, make_application, 2)

    response = recruiter_client.get(DASHBOARD)

    assert response.status_code == 200
    page = response.content.decode()
    assert '<span class="kpi-value" data-kpi="waiting">5</span>' in page  # 2 + 2 + 1 unsent
    assert '<span class="kpi-value" data-kpi="rate-30">50%</span>' in page
    assert "Decide0 Lovelace" in page and "Reject0 Lovelace" in page
    assert "Reject1 Lovelace" not in page  # feedback delivered: not waiting
    for chart in ("states", "ages", "weeks"):
        assert f'data-chart="{chart}"' in page
    assert page.count("Send holding update") == 2
    assert "Send to all overdue (2)" in page


def test_the_dashboard_filters_by_state(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    populate(team, make_application, 1)

    page = recruiter_client.get(DASHBOARD, {"show": "awaiting_scorecards"}).content.decode()
    assert "Score0 Lovelace" in page and "Decide0 Lovelace" not in page
    page = recruiter_client.get(DASHBOARD, {"show": "holding"}).content.decode()
    assert "Decide0 Lovelace" in page and "Score0 Lovelace" not in page
    # Nonsense falls back to everyone waiting.
    page = recruiter_client.get(DASHBOARD, {"show": "<script>"}).content.decode()
    assert "Score0 Lovelace" in page and "Decide0 Lovelace" in page and "<script>" not in page


def test_before_the_first_sweep_the_dashboard_says_so(recruiter_client: Client, team: Team) -> None:
    page = recruiter_client.get(DASHBOARD).content.decode()
    assert "The clocks have not been computed yet" in page
    assert "Every candidate has heard back" in page


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    response = Client().get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_interviewers_cannot_open_the_dashboard(team: Team) -> None:
    assert client_for(team.interviewer).get(DASHBOARD).status_code == 403


def test_an_outsider_sees_only_their_own_organization(
    team: Team, make_application: MakeApplication, outsider_client: Client
) -> None:
    populate(team, make_application, 1)
    response = outsider_client.get(DASHBOARD)
    assert response.status_code == 200
    assert "Decide0" not in response.content.decode()
    assert response.context["report"].waiting == 0


def test_the_dashboard_only_answers_get(recruiter_client: Client, team: Team) -> None:
    assert recruiter_client.post(DASHBOARD).status_code == 405


def test_its_queries_do_not_grow_with_the_data(
    team: Team,
    make_application: MakeApplication,
    recruiter_client: Client,
    django_assert_max_num_queries: object,
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert recruiter_client.get(DASHBOARD).status_code == 200
        return len(captured.captured_queries)

    populate(team, make_application, 1)
    small = queries()
    populate(team, make_application, 15)
    with django_assert_max_num_queries(16):  # type: ignore[operator]
        recruiter_client.get(DASHBOARD)
    assert queries() == small


# --- Holding updates ----------------------------------------------------------------------------


def holding_url(application: Application) -> str:
    return f"/closure/applications/{application.pk}/holding-update/"


def test_one_click_sends_one_honest_update(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    application = waiting_on_decision(make_application, team)

    response = recruiter_client.post(holding_url(application), {"show": "holding"}, follow=True)

    assert response.redirect_chain == [("/closure/?show=holding", 302)]
    assert "Update sent to Ada Lovelace: they will hear from you by Wednesday 25 March 2026" in (
        response.content.decode()
    )
    (update,) = emails("holding_update")
    assert "we have not made a decision yet" in update.text
    assert "You will hear from us by Wednesday 25 March 2026 at the latest." in update.text
    assert update.reply_to == f"Rita <{team.recruiter.email}>"
    # The worker puts the candidate's own portal link in; the stored row never holds it.
    assert PORTAL_URL_PLACEHOLDER in update.text
    outbound_emails_deliver_due()
    (link,) = CandidateLink.objects.filter(application=application)
    assert candidate_link_url(link) in mail.outbox[-1].body
    assert application.closure_clock.expected_decision_date.isoformat() == "2026-03-25"

    again = recruiter_client.post(holding_url(application), follow=True).content.decode()
    assert "The candidate was promised an answer by Wednesday 25 March 2026." in again
    assert len(emails("holding_update")) == 1


def test_no_update_before_the_decision_is_overdue(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    application = make_application(
        paris(2026, 3, 16, 10), submitted={team.interviewer: paris(2026, 3, 16, 12)}
    )
    page = recruiter_client.post(holding_url(application), follow=True).content.decode()
    assert "The decision is not overdue yet: it is due by Monday 23 March 2026." in page
    assert emails("holding_update") == []


def test_no_update_for_a_candidate_without_an_email_address(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    application = waiting_on_decision(make_application, team, email="")
    page = recruiter_client.post(holding_url(application), follow=True).content.decode()
    assert "The candidate has no email address." in page
    assert emails() == []


def test_send_to_all_overdue_sends_one_each(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    populate(team, make_application, 3)

    response = recruiter_client.post("/closure/holding-updates/", follow=True)

    assert "Holding updates sent: 3." in response.content.decode()
    assert len(emails("holding_update")) == 3
    recruiter_client.post("/closure/holding-updates/")
    assert len(emails("holding_update")) == 3


def test_outsiders_and_interviewers_cannot_send_updates_to_acme_candidates(
    team: Team, make_application: MakeApplication, outsider_client: Client
) -> None:
    application = waiting_on_decision(make_application, team)
    assert outsider_client.post(holding_url(application)).status_code == 404
    assert client_for(team.interviewer).post(holding_url(application)).status_code == 404
    # "Send to all" acts on the outsider's own organization, where nobody is waiting.
    assert outsider_client.post("/closure/holding-updates/").status_code == 302
    assert emails() == []


def test_holding_update_urls_answer_post_only_and_404_for_unknown_ids(
    team: Team, make_application: MakeApplication, recruiter_client: Client
) -> None:
    application = waiting_on_decision(make_application, team)
    assert recruiter_client.get(holding_url(application)).status_code == 405
    assert recruiter_client.get("/closure/holding-updates/").status_code == 405
    assert recruiter_client.post("/closure/applications/999999/holding-update/").status_code == 404
    assert Client().post(holding_url(application)).status_code == 302
