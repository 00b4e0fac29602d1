"""The Imports page: upload a dump, watch it run, read what it changed or what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Application, Scorecard
from heardback.integrations.models import ImportRun
from tests.integrations.conftest import fixture_files, model_counts, zip_of

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _zip(files: dict[str, bytes]) -> SimpleUploadedFile:
    return SimpleUploadedFile("dump.zip", zip_of(files), content_type="application/zip")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _run(org: Organization, **fields: object) -> ImportRun:
    return ImportRun.objects.create(organization=org, source="greenhouse", **fields)


def test_a_recruiter_uploads_a_zip_and_reads_what_it_imported(
    recruiter_client: Client,
    org: Organization,
    settings: Settings,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    settings.TASKS = IMMEDIATE

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = recruiter_client.post(
            "/imports/", {"source": "greenhouse", "upload": [_zip(fixture_files("greenhouse"))]}
        )

    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/{run.pk}/"
    assert Application.objects.filter(organization=org).count() == 5
    assert Scorecard.objects.filter(organization=org).count() == 5
    page = recruiter_client.get(response["Location"]).content.decode()
    assert "Succeeded" in page and "Imported. Everything below is saved." in page
    assert '<th scope="row">applications</th><td>5</td><td>0</td><td>0</td><td>2</td>' in page
    assert "Robotics Software Engineer: Python" in page
    assert "hx-trigger" not in page, "a finished run is not polled"


def test_several_files_can_be_uploaded_from_one_input(
    recruiter_client: Client, org: Organization
) -> None:
    files = [SimpleUploadedFile(n, d) for n, d in fixture_files("lever").items()]
    response = recruiter_client.post(
        "/imports/", {"source": "lever", "upload": files, "dry_run": "on"}
    )
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert run.dry_run and set(run.file_names) == set(fixture_files("lever"))


def test_a_malformed_upload_gets_a_clear_message_and_changes_nothing(
    recruiter_client: Client, org: Organization
) -> None:
    files = fixture_files("greenhouse")
    del files["scorecards.json"]
    before = model_counts()

    response = recruiter_client.post("/imports/", {"source": "greenhouse", "upload": [_zip(files)]})

    assert response.status_code == 400
    assert "Missing required file(s) for greenhouse: scorecards.json." in response.content.decode()
    assert model_counts() == before
    assert not ImportRun.objects.exists()


def test_a_zip_that_escapes_its_folder_is_refused_on_the_page(
    recruiter_client: Client, org: Organization, _private_upload_dir: Path
) -> None:
    files = fixture_files("greenhouse")
    files["../../jobs.json"] = files.pop("jobs.json")

    response = recruiter_client.post("/imports/", {"source": "greenhouse", "upload": [_zip(files)]})

    assert response.status_code == 400
    assert "unsafe path &#x27;../../jobs.json&#x27;" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert not _private_upload_dir.exists() or not any(_private_upload_dir.rglob("*"))


def test_an_upload_without_files_is_refused(recruiter_client: Client, org: Organization) -> None:
    response = recruiter_client.post("/imports/", {"source": "greenhouse"})
    assert response.status_code == 400 and not ImportRun.objects.exists()


def test_a_dump_with_bad_records_shows_every_problem(
    recruiter_client: Client,
    org: Organization,
    settings: Settings,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    settings.TASKS = IMMEDIATE
    files = fixture_files("greenhouse")
    scorecards = json.loads(files["scorecards.json"])
    scorecards[0]["attributes"][0]["rating"] = "maybe"
    files["scorecards.json"] = json.dumps(scorecards).encode()

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        recruiter_client.post("/imports/", {"source": "greenhouse", "upload": [_zip(files)]})

    run = ImportRun.objects.get()
    page = recruiter_client.get(f"/imports/{run.pk}/").content.decode()
    assert "Failed" in page and "1 problem; nothing was imported." in page
    assert "<td>scorecards.json</td><td>6600000001</td><td>attributes[0].rating</td>" in page
    assert not Application.objects.exists()


def test_the_run_page_polls_its_progress_until_the_run_ends(
    recruiter_client: Client, org: Organization
) -> None:
    run = _run(
        org, status="running", phase="Reading candidates.json", progress_done=500,
        progress_total=2000,
    )  # fmt: skip

    page = recruiter_client.get(f"/imports/{run.pk}/").content.decode()
    assert f'hx-get="/imports/{run.pk}/progress/"' in page and 'hx-trigger="every 1s"' in page

    partial = recruiter_client.get(f"/imports/{run.pk}/progress/").content.decode()
    assert partial.startswith('<section id="run-status"')
    assert "Reading candidates.json · 500 of 2000" in partial
    assert '<progress max="2000" value="500">' in partial

    ImportRun.objects.filter(pk=run.pk).update(status="succeeded", finished_at=run.created_at)
    done = recruiter_client.get(f"/imports/{run.pk}/progress/").content.decode()
    assert "hx-trigger" not in done and "Succeeded" in done


def test_a_queued_run_says_it_waits_for_a_worker(
    recruiter_client: Client, org: Organization
) -> None:
    run = _run(org)
    partial = recruiter_client.get(f"/imports/{run.pk}/progress/").content.decode()
    assert "Waiting for a worker" in partial


def test_the_list_shows_each_run_with_who_and_what(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    _run(
        org, created_by=recruiter, status="succeeded", finished_at=org.created_at,
        summary={"applications": {"created": 5, "updated": 1, "unchanged": 2, "skipped": 0}},
    )  # fmt: skip
    _run(org, status="failed", finished_at=org.created_at, error_count=3)

    page = recruiter_client.get("/imports/").content.decode()

    assert "5 created, 1 updated, 2 unchanged" in page
    assert "3 problems" in page
    assert "Rita" in page and "command line" in page


def test_the_list_takes_the_same_queries_for_few_or_many_runs(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert recruiter_client.get("/imports/").status_code == 200
        return len(captured)

    for _ in range(2):
        _run(org, created_by=recruiter)
    few = queries()
    for _ in range(30):
        _run(org, created_by=recruiter)
    assert queries() == few <= 10


def test_the_run_page_and_its_progress_take_a_few_queries(
    recruiter_client: Client, org: Organization, recruiter: User
) -> None:
    run = _run(org, created_by=recruiter, status="running")
    for url in (f"/imports/{run.pk}/", f"/imports/{run.pk}/progress/"):
        with CaptureQueriesContext(connection) as captured:
            recruiter_client.get(url)
        assert len(captured) <= 8, url


def test_anonymous_is_sent_to_sign_in(client: Client, org: Organization) -> None:
    run = _run(org)
    for url in ("/imports/", f"/imports/{run.pk}/", f"/imports/{run.pk}/progress/"):
        assert client.get(url)["Location"].startswith("/login/")


def test_an_outsider_gets_404_for_another_organizations_run(
    outsider_client: Client, org: Organization
) -> None:
    run = _run(org)
    assert outsider_client.get(f"/imports/{run.pk}/").status_code == 404
    assert outsider_client.get(f"/imports/{run.pk}/progress/").status_code == 404
    assert outsider_client.get("/imports/").status_code == 200  # their own, empty list
    assert f"/imports/{run.pk}/" not in outsider_client.get("/imports/").content.decode()


def test_an_interviewer_may_not_import_or_read_runs(interviewer: User, org: Organization) -> None:
    run = _run(org)
    client = _client(interviewer)
    assert client.get("/imports/").status_code == 403
    upload = {"source": "greenhouse", "upload": [_zip(fixture_files("greenhouse"))]}
    assert client.post("/imports/", upload).status_code == 403
    assert client.get(f"/imports/{run.pk}/").status_code == 404
    assert not ImportRun.objects.exclude(pk=run.pk).exists()


def test_the_imports_link_is_shown_to_admins_and_recruiters_only(
    admin: User, recruiter: User, interviewer: User
) -> None:
    link = 'href="/imports/"'
    assert link in _client(admin).get("/imports/").content.decode()
    assert link in _client(recruiter).get("/imports/").content.decode()
    assert link not in _client(interviewer).get("/scorecards/").content.decode()


def test_wrong_methods_are_refused(recruiter_client: Client, org: Organization) -> None:
    run = _run(org)
    assert recruiter_client.delete("/imports/").status_code == 405
    assert recruiter_client.post(f"/imports/{run.pk}/").status_code == 405
    assert recruiter_client.post(f"/imports/{run.pk}/progress/").status_code == 405
