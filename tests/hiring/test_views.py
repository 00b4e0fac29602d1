from __future__ import annotations

import pytest
from django.test import Client

from heardback.accounts.models import Organization, User
from tests import factories

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page(client: Client) -> None:
    response = client.get("/jobs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_login_page_asks_for_email_and_password(client: Client) -> None:
    response = client.get("/login/")
    assert response.status_code == 200
    assert b'type="email"' in response.content
    assert b'name="password"' in response.content


def test_recruiter_signs_in_with_email_and_sees_the_jobs(client: Client, org: Organization) -> None:
    recruiter = factories.UserFactory(email="rita@acme.example")
    factories.MembershipFactory(organization=org, user=recruiter, role="recruiter")
    job = factories.JobFactory(organization=org, title="Data Analyst")
    factories.StageFactory(job=job, name="Recruiter screen", position=0)

    response = client.post(
        "/login/",
        {"username": "rita@acme.example", "password": "correct horse battery staple"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/jobs/"
    assert "Data Analyst" in response.content.decode()
    assert "Recruiter screen" in response.content.decode()


def test_wrong_password_is_a_clear_error(client: Client, org: Organization) -> None:
    factories.UserFactory(email="rita@acme.example")
    response = client.post("/login/", {"username": "rita@acme.example", "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_outsider_never_sees_another_organizations_jobs(
    outsider_client: Client, org: Organization
) -> None:
    factories.JobFactory(organization=org, title="Acme secret role")
    response = outsider_client.get("/jobs/")
    assert "Acme secret role" not in response.content.decode()
    assert outsider_client.post("/organization/switch/", {"org": "acme"}).status_code == 404


def test_job_list_refuses_post(recruiter_client: Client) -> None:
    assert recruiter_client.post("/jobs/").status_code == 405


def test_job_list_queries_do_not_grow_with_jobs(
    recruiter_client: Client, org: Organization, django_assert_max_num_queries: object
) -> None:
    for _ in range(15):
        job = factories.JobFactory(organization=org)
        stage = factories.StageFactory(job=job)
        factories.ApplicationFactory.create_batch(2, organization=org, job=job, stage=stage)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        assert recruiter_client.get("/jobs/").status_code == 200


def test_healthz_answers() -> None:
    assert Client().get("/healthz").content == b"ok"


@pytest.fixture
def application(org: Organization) -> object:
    job = factories.JobFactory(organization=org, title="Data Analyst")
    stage = factories.StageFactory(job=job, name="Screen", position=0)
    factories.StageFactory(job=job, name="Onsite", position=1)
    factories.RejectionReasonFactory(organization=org, name="Skills below the bar")
    return factories.ApplicationFactory(organization=org, job=job, stage=stage)


def test_pipeline_board_shows_candidates_per_stage(
    recruiter_client: Client, application: object
) -> None:
    response = recruiter_client.get(f"/jobs/{application.job_id}/")  # type: ignore[attr-defined]
    assert application.candidate.full_name in response.content.decode()  # type: ignore[attr-defined]


def test_pipeline_search_filters_candidates(recruiter_client: Client, application: object) -> None:
    response = recruiter_client.get(f"/jobs/{application.job_id}/?q=nobody-matches")  # type: ignore[attr-defined]
    assert application.candidate.full_name not in response.content.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    ["/jobs/{job}/", "/applications/{app}/"],
)
def test_outsider_gets_404_on_every_page(
    outsider_client: Client, application: object, path: str
) -> None:
    url = path.format(job=application.job_id, app=application.pk)  # type: ignore[attr-defined]
    assert outsider_client.get(url).status_code == 404


@pytest.mark.parametrize("action", ["reject", "advance"])
def test_outsider_cannot_decide(outsider_client: Client, application: object, action: str) -> None:
    response = outsider_client.post(f"/applications/{application.pk}/{action}/", {})  # type: ignore[attr-defined]
    assert response.status_code == 404


def test_recruiter_rejects_with_a_reason(recruiter_client: Client, application: object) -> None:
    from heardback.hiring.models import RejectionReason

    reason = RejectionReason.objects.get(name="Skills below the bar")
    response = recruiter_client.post(
        f"/applications/{application.pk}/reject/",
        {"reason": reason.pk},
        follow=True,  # type: ignore[attr-defined]
    )
    application.refresh_from_db()  # type: ignore[attr-defined]
    assert application.status == "rejected"  # type: ignore[attr-defined]
    assert "Draft the feedback note" in response.content.decode()


def test_rejecting_without_a_reason_is_a_clear_error_and_changes_nothing(
    recruiter_client: Client, application: object
) -> None:
    response = recruiter_client.post(f"/applications/{application.pk}/reject/", {"reason": ""})  # type: ignore[attr-defined]
    assert response.status_code == 400
    application.refresh_from_db()  # type: ignore[attr-defined]
    assert application.status == "active"  # type: ignore[attr-defined]


def test_interviewer_cannot_reject(client: Client, org: Organization, application: object) -> None:
    interviewer = factories.UserFactory(email="ivy@acme.example")
    factories.MembershipFactory(organization=org, user=interviewer, role="interviewer")
    factories.InterviewFactory(application=application).interviewers.add(interviewer)
    client.force_login(interviewer)
    reason = factories.RejectionReasonFactory(organization=org)
    response = client.post(f"/applications/{application.pk}/reject/", {"reason": reason.pk})  # type: ignore[attr-defined]
    assert response.status_code == 403
    application.refresh_from_db()  # type: ignore[attr-defined]
    assert application.status == "active"  # type: ignore[attr-defined]


def test_advance_moves_to_a_later_stage(recruiter_client: Client, application: object) -> None:
    onsite = application.job.stages.get(name="Onsite")  # type: ignore[attr-defined]
    recruiter_client.post(f"/applications/{application.pk}/advance/", {"stage": onsite.pk})  # type: ignore[attr-defined]
    application.refresh_from_db()  # type: ignore[attr-defined]
    assert application.stage == onsite  # type: ignore[attr-defined]


def test_decision_forms_refuse_get(recruiter_client: Client, application: object) -> None:
    assert recruiter_client.get(f"/applications/{application.pk}/reject/").status_code == 405  # type: ignore[attr-defined]


def test_labels_follow_french_typography_on_a_french_page(
    recruiter_client: Client, recruiter: User, org: Organization
) -> None:
    # "Recruteur: Dana" was a French label with the English colon glued to it.
    recruiter.language = "fr"
    recruiter.save()
    job = factories.JobFactory(organization=org, title="Data Analyst", recruiter=recruiter)
    html = recruiter_client.get(f"/jobs/{job.pk}/").content.decode()
    assert "Recruteur\u00a0:" in html
    assert "Recruteur:" not in html
