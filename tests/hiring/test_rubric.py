"""The rubric editor: who may edit a job's competencies, what is saved, what the guard refuses."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.hiring import rubric_services
from heardback.hiring.models import Competency, Job
from tests import factories

pytestmark = pytest.mark.django_db

BLOCKED_TIP = "Practise more, and remember older candidates often struggle here."


@pytest.fixture
def job(org: Organization) -> Job:
    return factories.JobFactory(organization=org, title="Data Analyst")


@pytest.fixture
def competency(job: Job) -> Competency:
    return factories.CompetencyFactory(
        job=job, name="SQL", description="", needs_description=True, position=0
    )


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form(competency: Competency, **changes: Any) -> dict[str, Any]:
    """The competency's form as the browser posts it, with some fields changed."""
    values: dict[str, Any] = {
        "name": competency.name,
        "description": competency.description,
        "weight": competency.weight,
        "bar": competency.bar,
        "position": competency.position,
        "tips": competency.tips,
        **{f"descriptor_{level}": text for level, text in competency.descriptors.items()},
        **changes,
    }
    return {f"c{competency.pk}-{key}": value for key, value in values.items()}


def _new(**values: Any) -> dict[str, Any]:
    defaults = {"name": "Data modelling", "weight": 2, "bar": "yes", "position": ""}
    return {f"new-{key}": value for key, value in {**defaults, **values}.items()}


# --- Who may edit ------------------------------------------------------------------------------


def test_recruiter_sees_the_rubric_with_each_competency_as_a_form(
    recruiter_client: Client, job: Job, competency: Competency
) -> None:
    response = recruiter_client.get(f"/jobs/{job.pk}/rubric/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'name="c{competency.pk}-name"' in page
    assert 'value="SQL"' in page
    assert "showed this skill clearly" in page  # the "yes" descriptor, editable
    assert "Needs a description" in page
    assert f"/jobs/{job.pk}/rubric/library/" in page


def test_job_page_links_to_its_rubric(recruiter_client: Client, job: Job) -> None:
    assert f"/jobs/{job.pk}/rubric/" in recruiter_client.get(f"/jobs/{job.pk}/").content.decode()


def test_interviewer_cannot_open_or_change_the_rubric(
    interviewer: User, job: Job, competency: Competency
) -> None:
    client = _client(interviewer)
    assert client.get(f"/jobs/{job.pk}/rubric/").status_code == 403
    response = client.post(f"/competencies/{competency.pk}/", _form(competency, name="Hacked"))
    assert response.status_code == 403
    assert client.post(f"/competencies/{competency.pk}/delete/").status_code == 403
    assert client.post(f"/jobs/{job.pk}/rubric/library/add/", {"key": "sql"}).status_code == 403
    competency.refresh_from_db()
    assert competency.name == "SQL"


def test_the_jobs_hiring_manager_edits_it_but_not_another_jobs_rubric(
    org: Organization, job: Job, competency: Competency
) -> None:
    manager = factories.UserFactory(email="hana@acme.example")
    factories.MembershipFactory(organization=org, user=manager, role="hiring_manager")
    job.hiring_manager = manager
    job.save()
    other_job = factories.JobFactory(organization=org)
    client = _client(manager)

    assert client.get(f"/jobs/{job.pk}/rubric/").status_code == 200
    assert client.get(f"/jobs/{other_job.pk}/rubric/").status_code == 403
    response = client.post(f"/competencies/{competency.pk}/", _form(competency, weight=3))
    assert response.status_code == 302
    competency.refresh_from_db()
    assert competency.weight == 3


def test_outsider_gets_404_for_another_organizations_job_and_competency(
    outsider_client: Client, job: Job, competency: Competency
) -> None:
    assert outsider_client.get(f"/jobs/{job.pk}/rubric/").status_code == 404
    assert outsider_client.get(f"/jobs/{job.pk}/rubric/library/").status_code == 404
    response = outsider_client.post(f"/competencies/{competency.pk}/", _form(competency, name="X"))
    assert response.status_code == 404
    assert outsider_client.post(f"/competencies/{competency.pk}/delete/").status_code == 404
    assert outsider_client.post(f"/jobs/{job.pk}/rubric/add/", _new()).status_code == 404
    add = outsider_client.post(f"/jobs/{job.pk}/rubric/library/add/", {"key": "communication"})
    assert add.status_code == 404
    assert Competency.objects.filter(job=job).count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, job: Job) -> None:
    response = client.get(f"/jobs/{job.pk}/rubric/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_wrong_methods_are_refused(
    recruiter_client: Client, job: Job, competency: Competency
) -> None:
    assert recruiter_client.post(f"/jobs/{job.pk}/rubric/").status_code == 405
    assert recruiter_client.get(f"/competencies/{competency.pk}/").status_code == 405
    assert recruiter_client.get(f"/competencies/{competency.pk}/delete/").status_code == 405
    assert recruiter_client.get(f"/jobs/{job.pk}/rubric/library/add/").status_code == 405


# --- Editing -----------------------------------------------------------------------------------


def test_recruiter_describes_an_imported_competency_and_it_no_longer_needs_a_description(
    recruiter_client: Client, recruiter: User, competency: Competency
) -> None:
    response = recruiter_client.post(
        f"/competencies/{competency.pk}/",
        _form(
            competency,
            description="Writes correct, readable queries over several tables.",
            bar="strong_yes",
            weight=3,
            position=4,
            descriptor_mixed="you wrote correct queries, with some help on joins",
            descriptor_no="",
            tips="Practise window functions on a public data set.",
        ),
    )
    assert response.status_code == 302
    competency.refresh_from_db()
    assert competency.description == "Writes correct, readable queries over several tables."
    assert not competency.needs_description
    assert (competency.bar, competency.weight, competency.position) == ("strong_yes", 3, 4)
    assert competency.descriptors["mixed"] == "you wrote correct queries, with some help on joins"
    assert "no" not in competency.descriptors  # a cleared level is gone, not an empty string
    assert competency.tips == "Practise window functions on a public data set."
    event = AuditEvent.objects.get(action="competency.update")
    assert event.actor == recruiter
    assert "description" in event.data["changed"]


def test_invalid_input_changes_nothing(recruiter_client: Client, competency: Competency) -> None:
    for changes in ({"name": ""}, {"weight": 11}, {"bar": "maybe"}, {"position": -1}):
        response = recruiter_client.post(
            f"/competencies/{competency.pk}/",
            _form(competency, description="A new description", **changes),
        )
        assert response.status_code == 400, changes
        assert 'aria-invalid="true"' in response.content.decode()
    competency.refresh_from_db()
    assert competency.description == ""
    assert not AuditEvent.objects.filter(action="competency.update").exists()


def test_two_competencies_of_a_job_cannot_share_a_name(
    recruiter_client: Client, job: Job, competency: Competency
) -> None:
    response = recruiter_client.post(f"/jobs/{job.pk}/rubric/add/", _new(name="sql"))
    assert response.status_code == 400
    assert "already has a competency with that name" in response.content.decode()
    assert job.competencies.count() == 1


def test_guard_blocks_a_tip_and_says_why(recruiter_client: Client, competency: Competency) -> None:
    response = recruiter_client.post(
        f"/competencies/{competency.pk}/", _form(competency, tips=BLOCKED_TIP)
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "blocked by the safe-feedback guard" in page
    assert "Age, and the words that stand for it" in page
    competency.refresh_from_db()
    assert competency.tips == "Practise with a small project and ask for a review."


def test_guard_blocks_a_descriptor_too(recruiter_client: Client, job: Job) -> None:
    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/add/", _new(descriptor_no="you seemed too old for the team")
    )
    assert response.status_code == 400
    assert "blocked by the safe-feedback guard" in response.content.decode()
    assert not job.competencies.exists()


def test_htmx_save_swaps_the_card_in_place(
    recruiter_client: Client, competency: Competency
) -> None:
    saved = recruiter_client.post(
        f"/competencies/{competency.pk}/",
        _form(competency, name="SQL and data modelling"),
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    card = saved.content.decode()
    assert card.startswith("<section") and "Saved." in card and "<html" not in card
    assert "SQL and data modelling" in card

    refused = recruiter_client.post(
        f"/competencies/{competency.pk}/",
        _form(competency, tips=BLOCKED_TIP),
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 200  # htmx swaps only 2xx: the card shows the error in place
    assert "blocked by the safe-feedback guard" in refused.content.decode()
    assert "Saved." not in refused.content.decode()


def test_recruiter_writes_a_new_competency_at_the_end_of_the_rubric(
    recruiter_client: Client, job: Job, competency: Competency
) -> None:
    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/add/",
        _new(description="Designs tables that answer the questions asked.", tips="Read a book."),
    )
    assert response.status_code == 302
    created = job.competencies.get(name="Data modelling")
    assert created.position == competency.position + 1
    assert created.organization_id == job.organization_id
    assert AuditEvent.objects.filter(action="competency.create", object_id=str(created.pk))


def test_live_guard_check_reports_the_field_being_typed(recruiter_client: Client) -> None:
    response = recruiter_client.post(
        "/rubric/guard/",
        {"field": "c1-tips", "c1-tips": BLOCKED_TIP, "c1-name": "SQL", "lang": "en"},
    )
    assert response.status_code == 200
    assert "Blocked" in response.content.decode()
    clean = recruiter_client.post("/rubric/guard/", {"field": "c1-name", "c1-name": "SQL"})
    assert "No issues found." in clean.content.decode()


# --- Removing ----------------------------------------------------------------------------------


def test_an_unrated_competency_can_be_removed(
    recruiter_client: Client, job: Job, competency: Competency
) -> None:
    response = recruiter_client.post(f"/competencies/{competency.pk}/delete/", follow=True)
    assert "Removed SQL from the rubric." in response.content.decode()
    assert not job.competencies.exists()
    assert AuditEvent.objects.filter(action="competency.delete", object_id=str(competency.pk))


def test_a_rated_competency_stays_and_the_page_says_why(
    recruiter_client: Client, org: Organization, job: Job, competency: Competency
) -> None:
    application = factories.ApplicationFactory(organization=org, job=job)
    scorecard = factories.ScorecardFactory(interview__application=application)
    factories.ScorecardRatingFactory(scorecard=scorecard, competency=competency)

    page = recruiter_client.get(f"/jobs/{job.pk}/rubric/").content.decode()
    assert f"/competencies/{competency.pk}/delete/" not in page
    assert "Interviewers have rated it once" in page

    response = recruiter_client.post(f"/competencies/{competency.pk}/delete/", follow=True)
    assert "stays in the rubric" in response.content.decode()
    assert job.competencies.filter(pk=competency.pk).exists()


# --- Query counts ------------------------------------------------------------------------------


def test_rubric_page_queries_do_not_grow_with_competencies(
    recruiter_client: Client, org: Organization, job: Job, django_assert_max_num_queries: Any
) -> None:
    competencies = factories.CompetencyFactory.create_batch(12, job=job)
    application = factories.ApplicationFactory(organization=org, job=job)
    scorecard = factories.ScorecardFactory(interview__application=application)
    for competency in competencies:
        factories.ScorecardRatingFactory(scorecard=scorecard, competency=competency)
    with django_assert_max_num_queries(8):
        response = recruiter_client.get(f"/jobs/{job.pk}/rubric/")
    assert response.content.decode().count('<section class="card competency-edit"') == 12


def test_library_page_queries_are_bounded(
    recruiter_client: Client, job: Job, django_assert_max_num_queries: Any
) -> None:
    factories.CompetencyFactory.create_batch(10, job=job)
    with django_assert_max_num_queries(8):
        assert recruiter_client.get(f"/jobs/{job.pk}/rubric/library/").status_code == 200


# --- Services ----------------------------------------------------------------------------------


def test_services_refuse_an_interviewer_whatever_the_caller(
    interviewer: User, job: Job, competency: Competency
) -> None:
    with pytest.raises(PermissionDenied):
        rubric_services.competency_save(
            actor=interviewer, job=job, values=rubric_services.CompetencyValues(name="X")
        )
    with pytest.raises(PermissionDenied):
        rubric_services.competency_add_from_library(actor=interviewer, job=job, key="communication")
    with pytest.raises(PermissionDenied):
        rubric_services.competency_delete(actor=interviewer, competency=competency)
    assert list(job.competencies.all()) == [competency]
