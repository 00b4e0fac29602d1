"""The rubric editor: collapsed competencies, reordered by drag or by arrows; library search."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.hiring.models import Competency, Job
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(org: Organization) -> Job:
    return factories.JobFactory(organization=org, title="Data Analyst", language="en")


@pytest.fixture
def rubric(job: Job) -> list[Competency]:
    return [
        factories.CompetencyFactory(job=job, name=name, position=position)
        for position, name in enumerate(("SQL", "Statistics", "Communication"))
    ]


def order(job: Job) -> list[str]:
    return list(job.competencies.order_by("position", "id").values_list("name", flat=True))


def shown(html: str) -> list[str]:
    return re.findall(r'<h2 id="competency-\d+-title">([^<]+)</h2>', html)


def test_every_competency_is_collapsed_at_first(
    recruiter_client: Client, job: Job, rubric: list[Competency]
) -> None:
    html = recruiter_client.get(f"/jobs/{job.pk}/rubric/").content.decode()
    assert html.count('<details class="competency-body">') == 3
    assert '<details class="competency-body" open>' not in html


def test_the_competency_just_added_or_saved_opens(
    recruiter_client: Client, job: Job, rubric: list[Competency]
) -> None:
    html = recruiter_client.get(f"/jobs/{job.pk}/rubric/", {"open": rubric[1].pk}).content.decode()
    assert html.count('<details class="competency-body" open>') == 1
    opened = html[html.index('<details class="competency-body" open>') :]
    assert shown(opened)[0] == "Statistics"


def test_dragging_posts_the_new_order_which_is_kept(
    recruiter_client: Client, recruiter: User, job: Job, rubric: list[Competency]
) -> None:
    sql, statistics, communication = rubric
    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/order/",
        {"order": f"{communication.pk},{sql.pk},{statistics.pk}"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 204
    assert order(job) == ["Communication", "SQL", "Statistics"]
    html = recruiter_client.get(f"/jobs/{job.pk}/rubric/").content.decode()
    assert shown(html) == ["Communication", "SQL", "Statistics"]
    event = AuditEvent.objects.get(action="rubric.reorder")
    assert event.actor == recruiter
    assert event.data["after"] == [communication.pk, sql.pk, statistics.pk]


def test_the_arrows_move_a_competency_without_script(
    recruiter_client: Client, job: Job, rubric: list[Competency]
) -> None:
    sql, statistics, communication = rubric
    response = recruiter_client.post(f"/competencies/{communication.pk}/move/", {"direction": "up"})
    assert response["Location"] == f"/jobs/{job.pk}/rubric/#competency-{communication.pk}"
    assert order(job) == ["SQL", "Communication", "Statistics"]
    recruiter_client.post(f"/competencies/{sql.pk}/move/", {"direction": "down"})
    assert order(job) == ["Communication", "SQL", "Statistics"]
    # The first cannot go higher, nor the last lower: nothing changes.
    recruiter_client.post(f"/competencies/{communication.pk}/move/", {"direction": "up"})
    recruiter_client.post(f"/competencies/{statistics.pk}/move/", {"direction": "down"})
    recruiter_client.post(f"/competencies/{statistics.pk}/move/", {"direction": "sideways"})
    assert order(job) == ["Communication", "SQL", "Statistics"]


@pytest.mark.parametrize(
    "posted", ["", "abc", "1,2", "{a},{b}", "{a},{b},{c},{c}", "{a},{b},{foreign}"]
)
def test_an_order_that_is_not_exactly_the_rubric_changes_nothing(
    recruiter_client: Client,
    job: Job,
    rubric: list[Competency],
    other_org: Organization,
    posted: str,
) -> None:
    foreign = factories.CompetencyFactory(
        job=factories.JobFactory(organization=other_org), name="Foreign"
    )
    a, b, c = (competency.pk for competency in rubric)
    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/order/",
        {"order": posted.format(a=a, b=b, c=c, foreign=foreign.pk)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code in (400, 409)
    assert order(job) == ["SQL", "Statistics", "Communication"]


def test_outsiders_and_interviewers_cannot_reorder(
    outsider_client: Client, job: Job, rubric: list[Competency], interviewer: User
) -> None:
    sql, statistics, communication = rubric
    posted = {"order": f"{communication.pk},{sql.pk},{statistics.pk}"}
    assert outsider_client.post(f"/jobs/{job.pk}/rubric/order/", posted).status_code == 404
    assert (
        outsider_client.post(f"/competencies/{sql.pk}/move/", {"direction": "down"}).status_code
        == 404
    )
    client = Client()
    client.force_login(interviewer)
    assert client.post(f"/jobs/{job.pk}/rubric/order/", posted).status_code == 403
    assert client.post(f"/competencies/{sql.pk}/move/", {"direction": "down"}).status_code == 403
    assert order(job) == ["SQL", "Statistics", "Communication"]


def test_reordering_refuses_get(
    recruiter_client: Client, job: Job, rubric: list[Competency]
) -> None:
    assert recruiter_client.get(f"/jobs/{job.pk}/rubric/order/").status_code == 405
    assert recruiter_client.get(f"/competencies/{rubric[0].pk}/move/").status_code == 405


def test_searching_the_library_keeps_the_matching_competencies(
    recruiter_client: Client, job: Job
) -> None:
    html = recruiter_client.get(f"/jobs/{job.pk}/rubric/library/", {"q": "API"}).content.decode()
    names = re.findall(r'<h3 id="library-[^"]+">([^<]+)</h3>', html)
    assert "API design" in names
    assert "Conception d&#x27;API" in names  # other languages are searched too
    assert "Communication" not in names
    assert "competencies match “API”" in html


def test_library_search_ignores_case_and_accents(recruiter_client: Client, job: Job) -> None:
    html = recruiter_client.get(
        f"/jobs/{job.pk}/rubric/library/", {"q": "resolution PROBLEMES"}
    ).content.decode()
    names = re.findall(r'<h3 id="library-[^"]+">([^<]+)</h3>', html)
    assert names == ["Résolution de problèmes"]


def test_a_library_search_that_finds_nothing_says_so(recruiter_client: Client, job: Job) -> None:
    html = recruiter_client.get(
        f"/jobs/{job.pk}/rubric/library/", {"q": "<script>zzz"}
    ).content.decode()
    assert "0 competencies match “&lt;script&gt;zzz”" in html
    assert "<script>zzz" not in html
