"""Imports through the API: upload a dump, then poll the run until it says what it did."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from heardback.accounts.models import Organization
from heardback.hiring.models import Application, Scorecard
from heardback.integrations.models import ImportRun
from heardback.integrations.services import import_run_execute
from tests.api.conftest import ApiClient, assert_error

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parents[1] / "integrations" / "fixtures"


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()


def _upload(api: ApiClient, **fields: Any) -> Any:
    return api.client.post("/api/v1/imports", fields, headers=api.headers)


def _greenhouse_zip() -> SimpleUploadedFile:
    return SimpleUploadedFile("dump.zip", _zip(FIXTURES / "greenhouse"), "application/zip")


def test_uploaded_dump_is_queued_then_polled_to_its_summary(
    api: ApiClient, org: Organization
) -> None:
    response = _upload(api, source="greenhouse", files=_greenhouse_zip())
    assert response.status_code == 202, response.content
    queued = response.json()
    assert (queued["status"], queued["dry_run"], queued["source"]) == (
        "queued", False, "greenhouse",
    )  # fmt: skip
    assert queued["progress"]["phase"]  # "Waiting for a worker"
    run = ImportRun.objects.get(pk=queued["id"])
    assert run.organization == org

    import_run_execute(run)  # what the worker does

    done = api.get(f"/imports/{run.pk}").json()
    assert done["status"] == "succeeded"
    assert done["summary"]["applications"]["created"] == 5
    assert done["error_count"] == 0 and done["finished_at"] is not None
    assert any(p["severity"] == "warning" for p in done["problems"])
    assert Application.objects.filter(organization=org).count() == 5
    assert Scorecard.objects.filter(organization=org).count() == 5
    assert [item["id"] for item in api.get("/imports").json()["items"]] == [run.pk]


def test_dry_run_counts_and_saves_nothing(api: ApiClient, org: Organization) -> None:
    response = _upload(api, source="greenhouse", dry_run="true", files=_greenhouse_zip())
    assert response.status_code == 202, response.content
    import_run_execute(ImportRun.objects.get(pk=response.json()["id"]))
    done = api.get(f"/imports/{response.json()['id']}").json()
    assert (done["status"], done["dry_run"]) == ("succeeded", True)
    assert done["summary"]["applications"]["created"] == 5
    assert not Application.objects.exists()


def test_single_csv_file_is_accepted(api: ApiClient) -> None:
    csv = (FIXTURES / "csv" / "scorecards.csv").read_bytes()
    response = _upload(api, source="csv", files=SimpleUploadedFile("export.csv", csv, "text/csv"))
    assert response.status_code == 202, response.content
    assert response.json()["file_names"] == ["export.csv"]


def test_broken_dump_fails_with_its_problems_and_saves_nothing(api: ApiClient) -> None:
    files = {"jobs.json": b"[", "candidates.json": b"[]", "applications.json": b"[]",
             "scorecards.json": b"[]", "rejection_reasons.json": b"[]"}  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    upload = SimpleUploadedFile("dump.zip", buffer.getvalue(), "application/zip")
    response = _upload(api, source="greenhouse", files=upload)
    assert response.status_code == 202, response.content
    import_run_execute(ImportRun.objects.get(pk=response.json()["id"]))
    done = api.get(f"/imports/{response.json()['id']}").json()
    assert done["status"] == "failed" and done["error_count"] >= 1
    assert any(p["file"] == "jobs.json" for p in done["problems"])
    assert done["summary"] == {}
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"source": "workday"}, 422, "invalid_request"),
        ({"source": "greenhouse"}, 422, "invalid_request"),  # no files
        ({"source": "greenhouse", "files": "not-a-file"}, 422, "invalid_request"),
    ],
)
def test_bad_upload_requests_are_422(
    api: ApiClient, fields: dict[str, Any], status: int, code: str
) -> None:
    assert_error(_upload(api, **fields), status, code)
    assert not ImportRun.objects.exists()


def test_upload_the_importer_cannot_use_is_refused(api: ApiClient) -> None:
    upload = SimpleUploadedFile("notes.txt", b"hello", "text/plain")
    error = assert_error(_upload(api, source="greenhouse", files=upload), 400, "refused")
    assert error["fields"]
    assert not ImportRun.objects.exists()


def test_damaged_zip_is_refused(api: ApiClient) -> None:
    upload = SimpleUploadedFile("dump.zip", b"PK\x03\x04 not really", "application/zip")
    assert_error(_upload(api, source="lever", files=upload), 400, "refused")
    assert not ImportRun.objects.exists()


def test_other_organizations_run_is_404(
    outsider_api: ApiClient, api: ApiClient, org: Organization
) -> None:
    run = ImportRun.objects.create(organization=org, source="csv", file_names=["x.csv"])
    assert_error(outsider_api.get(f"/imports/{run.pk}"), 404, "not_found")
    assert api.get(f"/imports/{run.pk}").json()["progress"] == {
        "phase": "Waiting for a worker", "done": 0, "total": 0,
    }  # fmt: skip


def test_a_csv_cut_inside_a_quoted_value_fails_its_run_at_that_line(
    api: ApiClient, org: Organization
) -> None:
    # Before: the unclosed quote swallowed the rest of the file into one value, silently.
    csv = (FIXTURES / "csv" / "scorecards.csv").read_bytes()
    cut = csv[: csv.index(b'"\xc3\x89coute, mais') + 12]
    response = _upload(api, source="csv", files=SimpleUploadedFile("export.csv", cut, "text/csv"))
    assert response.status_code == 202, response.content

    import_run_execute(ImportRun.objects.get(pk=response.json()["id"]))

    done = api.get(f"/imports/{response.json()['id']}").json()
    assert done["status"] == "failed"
    (problem,) = [p for p in done["problems"] if p["severity"] == "error"]
    assert problem["record"] == "line 5" and "never closed" in problem["message"]
    assert not Application.objects.filter(organization=org).exists()
