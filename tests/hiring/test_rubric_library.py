"""The competency library: what it offers, and copying an entry into a job's rubric."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.feedback.engine import guard
from heardback.hiring import library
from heardback.hiring.models import AttributeRating, Job
from tests import factories


def test_every_library_text_a_candidate_may_read_passes_the_guard() -> None:
    for entry in library.COMPETENCY_LIBRARY:
        texts = [
            entry["name"],
            entry["description"],
            library.rubric_tips(entry),
            *library.rubric_descriptors(entry).values(),
        ]
        for text in texts:
            findings = guard.check(text, lang=entry["language"], context="candidate")
            assert findings == [], (entry["key"], text)


def test_every_library_entry_is_complete_and_has_a_unique_key() -> None:
    keys = [entry["key"] for entry in library.COMPETENCY_LIBRARY]
    assert len(keys) == len(set(keys))
    for entry in library.COMPETENCY_LIBRARY:
        assert set(entry["descriptors"]) == set(AttributeRating.values), entry["key"]
        assert entry["bar"] in AttributeRating.values
        assert entry["tips"] and entry["description"]


@pytest.fixture
def job(org: Organization) -> Job:
    return factories.JobFactory(organization=org, title="Data Analyst", language="en")


@pytest.mark.django_db
def test_library_page_shows_descriptors_and_tips_in_the_jobs_language_first(
    recruiter_client: Client, job: Job
) -> None:
    page = recruiter_client.get(f"/jobs/{job.pk}/rubric/library/").content.decode()
    assert "Problem solving" in page
    yes = library.rubric_descriptors(library.COMMUNICATION)["yes"]
    assert yes in page
    assert library.rubric_tips(library.COMMUNICATION).split(":")[0] in page
    assert page.index("Problem solving") < page.index("In other languages")
    assert page.index("In other languages") < page.index("Travail en équipe")


@pytest.mark.django_db
def test_adding_from_the_library_copies_the_competency_to_the_end_of_the_rubric(
    recruiter_client: Client, recruiter: User, job: Job
) -> None:
    factories.CompetencyFactory(job=job, name="SQL", position=3)
    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/library/add/", {"key": "communication"}, follow=True
    )
    assert "Added Communication to the rubric" in response.content.decode()
    copied = job.competencies.get(name="Communication")
    entry = library.COMMUNICATION
    assert copied.description == entry["description"]
    assert copied.bar == entry["bar"] and copied.weight == entry["weight"]
    assert copied.descriptors["yes"] == "you " + entry["descriptors"]["yes"]
    assert copied.tips == " ".join(entry["tips"])
    assert copied.position == 4
    assert not copied.needs_description
    event = AuditEvent.objects.get(action="competency.add_from_library")
    assert (event.actor, event.data["key"]) == (recruiter, "communication")


@pytest.mark.django_db
def test_library_entry_already_in_the_rubric_is_not_added_twice(
    recruiter_client: Client, job: Job
) -> None:
    recruiter_client.post(f"/jobs/{job.pk}/rubric/library/add/", {"key": "communication"})
    page = recruiter_client.get(f"/jobs/{job.pk}/rubric/library/").content.decode()
    assert "Already in this job's rubric." in page

    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/library/add/", {"key": "communication"}, follow=True
    )
    assert "already has a competency named Communication" in response.content.decode()
    assert job.competencies.filter(name="Communication").count() == 1


@pytest.mark.django_db
def test_unknown_library_key_adds_nothing(recruiter_client: Client, job: Job) -> None:
    response = recruiter_client.post(
        f"/jobs/{job.pk}/rubric/library/add/", {"key": "../../etc"}, follow=True
    )
    assert "not in the library" in response.content.decode()
    assert not job.competencies.exists()


@pytest.mark.django_db
def test_french_library_entries_copy_with_french_descriptors(
    recruiter_client: Client, org: Organization
) -> None:
    job = factories.JobFactory(organization=org, language="fr")
    page = recruiter_client.get(f"/jobs/{job.pk}/rubric/library/").content.decode()
    assert page.index("Travail en équipe") < page.index("In other languages")
    recruiter_client.post(f"/jobs/{job.pk}/rubric/library/add/", {"key": "fr-teamwork"})
    copied = job.competencies.get()
    assert copied.descriptors["yes"].startswith("vous ")


def test_a_malformed_library_entry_is_named(tmp_path: Path) -> None:
    """The library is data: a bad entry fails loudly, saying which one and why."""
    path = tmp_path / "library.toml"
    path.write_text(
        '[[competency]]\nkey = "x"\nlanguage = "en"\nname = "X"\ndescription = "d"\n'
        'weight = 5\nbar = "yes"\ntips = ["t"]\n[competency.descriptors]\nyes = "did"\n'
    )
    with pytest.raises(library.LibraryError, match=r"entry 1 \(x\): weight must be 1, 2 or 3"):
        library.load_library(path)
