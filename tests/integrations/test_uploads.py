"""Checking an upload before anything is kept: names, sizes and zips that try to escape."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.integrations.models import ImportRun
from heardback.integrations.services import import_run_start
from tests.integrations.conftest import fixture_files, model_counts, zip_of

pytestmark = pytest.mark.django_db


def _zip(files: dict[str, bytes], name: str = "dump.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, zip_of(files), content_type="application/zip")


def _start(
    org: Organization, user: User, files: list[SimpleUploadedFile], source: str = "greenhouse"
) -> ImportRun:
    return import_run_start(organization=org, user=user, source=source, files=files)


def _refused(
    org: Organization,
    user: User,
    files: list[SimpleUploadedFile],
    upload_dir: Path,
    source: str = "greenhouse",
) -> str:
    """Start an import that must be refused; return the message, check nothing was kept."""
    before = model_counts()
    with pytest.raises(ValidationError) as caught:
        _start(org, user, files, source)
    assert model_counts() == before
    assert not ImportRun.objects.exists()
    assert not upload_dir.exists() or not any(upload_dir.iterdir())
    return " ".join(caught.value.messages)


def test_a_zip_of_the_dump_is_kept_privately_and_queued(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    run = _start(org, recruiter, [_zip(fixture_files("greenhouse"))])

    assert (run.status, run.source, run.created_by) == ("queued", "greenhouse", recruiter)
    kept = _private_upload_dir / run.upload_dir
    assert sorted(p.name for p in kept.iterdir()) == sorted(fixture_files("greenhouse"))
    assert stat.S_IMODE(kept.stat().st_mode) == 0o700
    assert AuditEvent.objects.filter(action="import_run.start", actor=recruiter).exists()


def test_a_zip_with_the_dump_in_one_folder_is_accepted(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    files = {f"gh-dump/{name}": data for name, data in fixture_files("greenhouse").items()}
    files["__MACOSX/gh-dump/._jobs.json"] = b"resource fork"
    files["gh-dump/.DS_Store"] = b"finder"

    run = _start(org, recruiter, [_zip(files)])

    assert "jobs.json" in run.file_names and ".DS_Store" not in run.file_names


def test_the_files_themselves_can_be_uploaded(org: Organization, recruiter: User) -> None:
    files = [SimpleUploadedFile(n, d) for n, d in fixture_files("lever").items()]
    run = _start(org, recruiter, files, source="lever")
    assert set(run.file_names) == set(fixture_files("lever"))


@pytest.mark.parametrize(
    "path",
    [
        "../jobs.json",
        "gh/../../jobs.json",
        "/etc/jobs.json",
        "C:/dump/jobs.json",
        "dump\\..\\jobs.json",
    ],
)
def test_a_zip_whose_paths_escape_is_refused(
    org: Organization, recruiter: User, _private_upload_dir: Path, path: str
) -> None:
    files = fixture_files("greenhouse")
    files[path] = files.pop("jobs.json")
    message = _refused(org, recruiter, [_zip(files)], _private_upload_dir)
    assert "unsafe path" in message and path.replace("\\", "\\\\") in message
    assert not (_private_upload_dir.parent / "jobs.json").exists()


def test_a_zip_holding_a_link_is_refused(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in fixture_files("greenhouse").items():
            if name != "jobs.json":
                archive.writestr(name, data)
        link = zipfile.ZipInfo("jobs.json")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    upload = SimpleUploadedFile("dump.zip", buffer.getvalue())
    assert "link" in _refused(org, recruiter, [upload], _private_upload_dir)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    files = fixture_files("greenhouse")
    files["scorecards.json"] = b" " * (60 * 1024 * 1024)  # deflates about a thousand times
    message = _refused(org, recruiter, [_zip(files)], _private_upload_dir)
    assert "zip bomb" in message


def test_a_zip_that_unpacks_past_the_upload_limit_is_refused(
    org: Organization, recruiter: User, _private_upload_dir: Path, settings: Settings
) -> None:
    settings.HEARDBACK_IMPORT_MAX_UPLOAD_MB = 0.01  # 10 KB for the whole dump
    message = _refused(org, recruiter, [_zip(fixture_files("greenhouse"))], _private_upload_dir)
    assert "the limit for one import" in message


def test_a_file_over_the_importers_limit_is_refused_with_their_message(
    org: Organization, recruiter: User, _private_upload_dir: Path, settings: Settings
) -> None:
    settings.HEARDBACK_IMPORT_MAX_FILE_MB = 0.001  # 1 KB per file
    files = [SimpleUploadedFile(n, d) for n, d in fixture_files("greenhouse").items()]
    message = _refused(org, recruiter, files, _private_upload_dir)
    assert "scorecards.json: file is 0.0 MB, over the 0 MB limit." in message


def test_a_zip_that_lies_about_its_sizes_is_stopped_while_unpacking(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    data = bytearray(zip_of(fixture_files("greenhouse")))
    # Claim in the central directory that jobs.json unpacks to 3 bytes: it does not.
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(b"jobs.json")] != b"jobs.json":
        entry = data.find(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = (3).to_bytes(4, "little")
    upload = SimpleUploadedFile("dump.zip", bytes(data))
    assert "The zip is damaged" in _refused(org, recruiter, [upload], _private_upload_dir)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([], "Choose a .zip of the dump, or its files."),
        ([("notes.txt", b"hi")], "notes.txt is not a file of a greenhouse dump"),
        ([("jobs.json", b"[]")], "Missing required file(s) for greenhouse: candidates.json"),
        ([("dump.zip", b"not a zip at all")], "dump.zip is not a valid .zip file."),
        (
            [("dump.zip", zip_of({"jobs.json": b"[]"})), ("jobs.json", b"[]")],
            "Upload either one .zip or the individual files, not both.",
        ),
        (
            [("dump.zip", zip_of({"a/jobs.json": b"[]", "b/candidates.json": b"[]"}))],
            "in one folder, not several",
        ),
        (
            [("dump.zip", zip_of({"x/y/jobs.json": b"[]"}))],
            "'x/y/jobs.json' is in a sub-folder",
        ),
    ],
)
def test_an_upload_that_is_not_a_dump_gets_a_clear_message(
    org: Organization,
    recruiter: User,
    _private_upload_dir: Path,
    files: list[tuple[str, bytes]],
    expected: str,
) -> None:
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    assert expected in _refused(org, recruiter, uploads, _private_upload_dir)


def test_a_csv_import_takes_exactly_one_csv(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    two = [SimpleUploadedFile("a.csv", b"x"), SimpleUploadedFile("b.csv", b"y")]
    assert "exactly one .csv" in _refused(org, recruiter, two, _private_upload_dir, "csv")
    json_file = [SimpleUploadedFile("a.json", b"[]")]
    assert "exactly one .csv" in _refused(org, recruiter, json_file, _private_upload_dir, "csv")


def test_an_unknown_source_is_refused(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    upload = [_zip(fixture_files("greenhouse"))]
    assert "Unknown source 'workday'" in _refused(
        org, recruiter, upload, _private_upload_dir, "workday"
    )


def test_an_interviewer_cannot_start_an_import(org: Organization, interviewer: User) -> None:
    with pytest.raises(PermissionDenied):
        _start(org, interviewer, [_zip(fixture_files("greenhouse"))])
    assert not ImportRun.objects.exists()


def test_someone_of_another_organization_cannot_start_an_import(
    org: Organization, outsider: User
) -> None:
    with pytest.raises(PermissionDenied):
        _start(org, outsider, [_zip(fixture_files("greenhouse"))])
