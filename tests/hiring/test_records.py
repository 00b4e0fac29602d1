"""Jobs, candidates and interviews created in the web app, by a team without an ATS."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.hiring import services
from heardback.hiring.models import Application, Candidate, Interview, Job, Scorecard
from tests import factories

pytestmark = pytest.mark.django_db


def _job_post(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Data Analyst", "department": "Data", "location": "Lyon", "status": "open",
        "language": "fr", "recruiter": "", "hiring_manager": "",
        "stage_name_0": "Screen", "stage_kind_0": "screen",
        "stage_name_1": "Case study", "stage_kind_1": "interview",
        "stage_name_2": "", "stage_kind_2": "interview",
    }  # fmt: skip
    data.update(overrides)
    return data


@pytest.fixture
def interviewer_client(interviewer: User) -> Client:
    client = Client()
    client.force_login(interviewer)
    return client


@pytest.fixture
def job(org: Organization) -> Job:
    job = factories.JobFactory(organization=org, title="Data Analyst", language="en")
    factories.StageFactory(job=job, name="Screen", position=0)
    factories.StageFactory(job=job, name="Onsite", position=1)
    factories.StageFactory(job=job, name="Offer", position=2, kind="offer")
    return job


@pytest.fixture
def application(org: Organization, job: Job) -> Application:
    return factories.ApplicationFactory(organization=org, job=job, stage=job.stages.first())


# --- Jobs ------------------------------------------------------------------------------------


def test_recruiter_creates_a_job_and_lands_on_its_rubric(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    response = recruiter_client.post("/jobs/new/", _job_post(recruiter=recruiter.pk), follow=True)
    job = Job.objects.get(organization=org, title="Data Analyst")
    assert response.redirect_chain[-1][0] == f"/jobs/{job.pk}/rubric/"
    assert (job.language, job.location, job.recruiter) == ("fr", "Lyon", recruiter)
    assert [(s.name, s.kind) for s in job.stages.all()] == [
        ("Screen", "screen"), ("Case study", "interview"),
    ]  # fmt: skip
    assert AuditEvent.objects.filter(action="job.create", actor=recruiter).exists()


def test_the_new_job_form_offers_the_usual_pipeline(recruiter_client: Client) -> None:
    page = recruiter_client.get("/jobs/new/").content.decode()
    assert 'value="Application review"' in page and 'value="Offer"' in page


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"stage_name_0": "", "stage_name_1": ""},
        {"stage_name_1": "Screen"},  # two stages with one name
        {"recruiter": "999999"},
    ],
)
def test_a_bad_job_is_refused_and_nothing_is_saved(
    recruiter_client: Client, org: Organization, bad: dict[str, object]
) -> None:
    response = recruiter_client.post("/jobs/new/", _job_post(**bad))
    assert response.status_code == 400
    assert not Job.objects.filter(organization=org).exists()


def test_a_recruiter_of_another_organization_cannot_be_named(
    recruiter_client: Client, org: Organization, outsider: User
) -> None:
    response = recruiter_client.post("/jobs/new/", _job_post(hiring_manager=outsider.pk))
    assert response.status_code == 400
    assert not Job.objects.filter(organization=org).exists()


def test_recruiter_edits_a_jobs_basic_fields(
    recruiter_client: Client, job: Job, recruiter: User
) -> None:
    response = recruiter_client.post(
        f"/jobs/{job.pk}/edit/",
        {"title": "Senior Data Analyst", "department": "", "location": "Remote",
         "status": "on_hold", "language": "fr", "recruiter": "", "hiring_manager": recruiter.pk},
    )  # fmt: skip
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.title, job.status, job.hiring_manager) == (
        "Senior Data Analyst",
        "on_hold",
        recruiter,
    )
    assert job.stages.count() == 3
    assert AuditEvent.objects.filter(action="job.update", object_id=str(job.pk)).exists()


def test_editing_with_an_empty_title_changes_nothing(recruiter_client: Client, job: Job) -> None:
    response = recruiter_client.post(f"/jobs/{job.pk}/edit/", {"title": "", "status": "open"})
    assert response.status_code == 400
    job.refresh_from_db()
    assert job.title == "Data Analyst"


@pytest.mark.parametrize("path", ["/jobs/new/", "/jobs/{job}/edit/", "/jobs/{job}/candidates/add/"])
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, job: Job, path: str) -> None:
    response = client.get(path.format(job=job.pk))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    "path",
    ["/jobs/{job}/edit/", "/jobs/{job}/candidates/add/", "/jobs/{job}/candidates/paste/",
     "/applications/{app}/interviews/new/"],
)  # fmt: skip
def test_outsiders_get_404_and_change_nothing(
    outsider_client: Client, job: Job, application: Application, path: str
) -> None:
    url = path.format(job=job.pk, app=application.pk)
    assert (
        outsider_client.post(url, {"title": "Hijacked", "one-first_name": "X"}).status_code == 404
    )
    job.refresh_from_db()
    assert job.title == "Data Analyst" and Candidate.objects.count() == 1


@pytest.mark.parametrize(
    "path",
    ["/jobs/new/", "/jobs/{job}/edit/", "/jobs/{job}/candidates/add/",
     "/jobs/{job}/candidates/paste/", "/applications/{app}/interviews/new/"],
)  # fmt: skip
def test_interviewers_are_refused(
    interviewer_client: Client,
    interviewer: User,
    job: Job,
    application: Application,
    path: str,
) -> None:
    factories.InterviewFactory(application=application).interviewers.add(interviewer)
    url = path.format(job=job.pk, app=application.pk)
    assert interviewer_client.get(url).status_code in (403, 405)
    assert interviewer_client.post(url, _job_post()).status_code == 403
    assert Job.objects.count() == 1


def test_interviewers_see_no_link_to_create_or_edit(interviewer_client: Client, job: Job) -> None:
    assert "/jobs/new/" not in interviewer_client.get("/jobs/").content.decode()
    page = interviewer_client.get(f"/jobs/{job.pk}/").content.decode()
    assert f"/jobs/{job.pk}/edit/" not in page and "/candidates/add/" not in page


def test_recruiters_see_the_links(
    recruiter_client: Client, job: Job, application: Application
) -> None:
    assert "/jobs/new/" in recruiter_client.get("/jobs/").content.decode()
    page = recruiter_client.get(f"/jobs/{job.pk}/").content.decode()
    assert f"/jobs/{job.pk}/edit/" in page and f"/jobs/{job.pk}/candidates/add/" in page
    page = recruiter_client.get(f"/applications/{application.pk}/").content.decode()
    assert f"/applications/{application.pk}/interviews/new/" in page


@pytest.mark.parametrize("path", ["/jobs/{job}/candidates/paste/"])
def test_pasting_refuses_get(recruiter_client: Client, job: Job, path: str) -> None:
    assert recruiter_client.get(path.format(job=job.pk)).status_code == 405


def test_the_forms_refuse_other_methods(recruiter_client: Client, job: Job) -> None:
    assert recruiter_client.put("/jobs/new/").status_code == 405
    assert recruiter_client.delete(f"/jobs/{job.pk}/edit/").status_code == 405


# --- Candidates ------------------------------------------------------------------------------


def test_recruiter_adds_one_candidate_in_the_first_stage(
    recruiter_client: Client, job: Job, recruiter: User
) -> None:
    response = recruiter_client.post(
        f"/jobs/{job.pk}/candidates/add/",
        {"one-first_name": "Camille", "one-last_name": "Martin",
         "one-email": "Camille@Example.com", "one-language": "fr"},
    )  # fmt: skip
    application = Application.objects.get(candidate__first_name="Camille")
    assert response["Location"] == f"/applications/{application.pk}/"
    assert application.stage and application.stage.name == "Screen"
    assert (application.candidate.email, application.candidate.language) == (
        "camille@example.com", "fr",
    )  # fmt: skip
    assert AuditEvent.objects.filter(action="application.create", actor=recruiter).exists()


def test_a_candidate_without_a_first_name_is_refused(recruiter_client: Client, job: Job) -> None:
    response = recruiter_client.post(
        f"/jobs/{job.pk}/candidates/add/", {"one-first_name": "", "one-language": "en"}
    )
    assert response.status_code == 400
    assert not Candidate.objects.exists()


def test_a_known_email_reuses_the_candidate_and_refuses_a_second_active_application(
    recruiter_client: Client, job: Job, application: Application
) -> None:
    email = application.candidate.email
    response = recruiter_client.post(
        f"/jobs/{job.pk}/candidates/add/",
        {"one-first_name": "Again", "one-email": email, "one-language": "en"},
    )
    assert response.status_code == 400
    assert "already has an active application" in response.content.decode()
    assert Candidate.objects.count() == 1 and Application.objects.count() == 1


def test_pasted_lines_add_every_candidate(recruiter_client: Client, job: Job) -> None:
    # The spreadsheet's header line, if pasted too, is not a candidate.
    lines = (
        "Name,Email,Language\n"
        "Camille Martin,camille@example.com,fr\n\nJo Smith,jo@example.com,en\nAda,ada@example.com"
    )
    response = recruiter_client.post(f"/jobs/{job.pk}/candidates/paste/", {"many-lines": lines})
    assert response["Location"] == f"/jobs/{job.pk}/"
    people = {
        (c.first_name, c.last_name, c.language)
        for c in Candidate.objects.filter(applications__job=job)
    }
    assert people == {("Camille", "Martin", "fr"), ("Jo", "Smith", "en"), ("Ada", "", "en")}


@pytest.mark.parametrize(
    ("bad_line", "says"),
    [
        ("Jo Smith,not-an-email,en", "“not-an-email” is not an email address"),
        ("Jo Smith,jo@example.com,de", "the language must be one of en, fr"),
        ("Jo Smith;jo@example.com;en", "expected name, email, language separated by commas"),
        (",jo@example.com,en", "the name is missing"),
    ],
)
def test_one_bad_pasted_line_saves_nothing_and_is_named(
    recruiter_client: Client, job: Job, bad_line: str, says: str
) -> None:
    lines = f"Camille Martin,camille@example.com,fr\n{bad_line}\nAda,ada@example.com,en"
    response = recruiter_client.post(f"/jobs/{job.pk}/candidates/paste/", {"many-lines": lines})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Line 2: {says}" in page and "Line 1" not in page and "Line 3" not in page
    assert "Nothing was saved" in page
    assert not Candidate.objects.exists()


def test_a_line_the_service_refuses_rolls_back_the_lines_before_it(
    recruiter_client: Client, job: Job, application: Application
) -> None:
    lines = f"Camille Martin,camille@example.com,fr\nAgain,{application.candidate.email},en"
    response = recruiter_client.post(f"/jobs/{job.pk}/candidates/paste/", {"many-lines": lines})
    assert response.status_code == 400
    assert "Line 2: This candidate already has an active application" in response.content.decode()
    assert not Candidate.objects.filter(email="camille@example.com").exists()
    assert Application.objects.count() == 1


# --- Interviews and the pipeline -------------------------------------------------------------


def test_recruiter_schedules_an_interview_in_the_organizations_time_zone(
    recruiter_client: Client, org: Organization, application: Application, interviewer: User
) -> None:
    org.time_zone = "Europe/Paris"
    org.save()
    response = recruiter_client.post(
        f"/applications/{application.pk}/interviews/new/",
        {"name": "Case study", "kind": "technical", "date": "2026-12-14", "time": "10:30",
         "interviewers": [interviewer.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    interview = Interview.objects.get(application=application)
    assert interview.scheduled_at == dt.datetime(2026, 12, 14, 9, 30, tzinfo=dt.UTC)
    assert list(interview.interviewers.all()) == [interviewer]
    scorecard = Scorecard.objects.get(interview=interview)
    assert scorecard.interviewer == interviewer and scorecard.submitted_at is None
    assert AuditEvent.objects.filter(action="interview.create").exists()
    # The application's timeline says it as it was typed, in the organization's time.
    page = recruiter_client.get(f"/applications/{application.pk}/").content.decode()
    assert "14 Dec 2026, 10:30" in page


@pytest.mark.parametrize(
    "bad",
    [
        {"interviewers": []},
        {"date": "14/12/2026"},
        {"name": ""},
        {"interviewers": ["999999"]},
    ],
)
def test_a_bad_interview_is_refused_and_nothing_is_saved(
    recruiter_client: Client, application: Application, interviewer: User, bad: dict[str, object]
) -> None:
    data: dict[str, object] = {
        "name": "Case study", "kind": "technical", "date": "2026-12-14", "time": "10:30",
        "interviewers": [interviewer.pk],
    }  # fmt: skip
    data.update(bad)
    response = recruiter_client.post(f"/applications/{application.pk}/interviews/new/", data)
    assert response.status_code == 400
    assert not Interview.objects.exists() and not Scorecard.objects.exists()


def test_the_panel_lists_only_the_organizations_members(
    recruiter_client: Client, application: Application, interviewer: User, outsider: User
) -> None:
    page = recruiter_client.get(f"/applications/{application.pk}/interviews/new/").content.decode()
    assert interviewer.email in page and outsider.email not in page


def test_advance_can_skip_to_any_later_stage_but_not_back(
    recruiter_client: Client, job: Job, application: Application
) -> None:
    offer = job.stages.get(name="Offer")
    page = recruiter_client.get(f"/applications/{application.pk}/").content.decode()
    assert "Onsite" in page and f'value="{offer.pk}"' in page
    recruiter_client.post(f"/applications/{application.pk}/advance/", {"stage": offer.pk})
    application.refresh_from_db()
    assert application.stage == offer
    screen = job.stages.get(name="Screen")
    response = recruiter_client.post(
        f"/applications/{application.pk}/advance/", {"stage": screen.pk}
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.stage == offer


def test_the_service_itself_refuses_a_step_back_or_sideways(
    recruiter: User, job: Job, application: Application
) -> None:
    """The rule lives in the service, so every caller (web, API, imports, the shell) keeps it."""
    offer = job.stages.get(name="Offer")
    services.application_advance(actor=recruiter, application=application, stage=offer)
    for stage in (job.stages.get(name="Screen"), offer):
        with pytest.raises(ValidationError, match="later stage"):
            services.application_advance(actor=recruiter, application=application, stage=stage)
    application.refresh_from_db()
    assert application.stage == offer


def test_a_hiring_manager_creates_a_job_too(client: Client, org: Organization) -> None:
    manager = factories.UserFactory(email="hana@acme.example")
    factories.MembershipFactory(organization=org, user=manager, role="hiring_manager")
    client.force_login(manager)
    response = client.post("/jobs/new/", _job_post(hiring_manager=manager.pk))
    job = Job.objects.get(organization=org)
    assert response["Location"] == f"/jobs/{job.pk}/rubric/"


def test_an_interviewer_here_sees_no_links_on_a_job_even_if_a_decider_elsewhere(
    client: Client, org: Organization, other_org: Organization, job: Job
) -> None:
    person = factories.UserFactory(email="both@acme.example")
    factories.MembershipFactory(organization=org, user=person, role="interviewer")
    factories.MembershipFactory(organization=other_org, user=person, role="recruiter")
    client.force_login(person)
    session = client.session
    session["org"] = other_org.slug
    session.save()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert f"/jobs/{job.pk}/edit/" not in page
    assert client.get(f"/jobs/{job.pk}/edit/").status_code == 403
