"""Import runs: queued by an upload, run by the worker's task, recorded for the page and API."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.http import Http404
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import DjangoAssertNumQueries, Settings

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Application, Candidate, Interview, Scorecard
from heardback.integrations.models import ImportRun
from heardback.integrations.selectors import (
    import_run_get_for_user,
    import_run_summary_rows,
    import_runs_for_organization,
)
from heardback.integrations.services import (
    RunProgress,
    import_run_execute,
    import_run_from_path,
    import_run_start,
    import_runs_fail_abandoned,
)
from heardback.integrations.tasks import run_import
from tests import factories
from tests.integrations.conftest import FIXTURES, fixture_files, model_counts, zip_of

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _upload(files: dict[str, bytes]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile("dump.zip", zip_of(files), content_type="application/zip")]


def _start(org: Organization, user: User, files: dict[str, bytes], **options: object) -> ImportRun:
    return import_run_start(
        organization=org,
        user=user,
        source=str(options.pop("source", "greenhouse")),
        files=_upload(files),
        **options,  # type: ignore[arg-type]
    )


def test_the_worker_task_imports_an_uploaded_zip_after_commit(
    org: Organization,
    recruiter: User,
    settings: Settings,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
    _private_upload_dir: Path,
) -> None:
    settings.TASKS = IMMEDIATE

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        run = _start(org, recruiter, fixture_files("greenhouse"))

    run.refresh_from_db()
    assert run.status == "succeeded"
    assert Application.objects.filter(organization=org).count() == 5
    assert Scorecard.objects.filter(organization=org).count() == 5
    assert run.summary["applications"] == {"created": 5, "updated": 0, "unchanged": 0, "skipped": 2}
    assert ("scorecards", 5, 0, 0, 2) in import_run_summary_rows(run)
    assert {"job": "Robotics Software Engineer", "competency": "Python"} in run.new_competencies
    assert any("stong_yes" in p["message"] for p in run.problems)  # a warning, kept
    assert (run.error_count, run.started_at is not None, run.finished_at is not None) == (
        0,
        True,
        True,
    )
    # The uploaded files are gone once the run ends.
    assert run.upload_dir == "" and not any(_private_upload_dir.iterdir())


def test_starting_a_run_enqueues_one_task_for_the_worker(
    org: Organization,
    recruiter: User,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        run = _start(org, recruiter, fixture_files("greenhouse"))

    task = DBTaskResult.objects.get()
    assert task.task_path == "heardback.integrations.tasks.run_import"
    assert task.args_kwargs["args"] == [run.pk]
    run.refresh_from_db()
    assert run.status == "queued"


def test_a_dump_with_bad_records_fails_with_every_problem_and_saves_nothing(
    org: Organization, recruiter: User
) -> None:
    files = fixture_files("greenhouse")
    applications = json.loads(files["applications.json"])
    applications[0]["status"] = "pending_review"
    files["applications.json"] = json.dumps(applications).encode()
    files["jobs.json"] = b'[{"id": 1,'
    before = model_counts()

    run = import_run_execute(_start(org, recruiter, files))

    assert run.status == "failed"
    assert model_counts()["hiring.Application"] == before["hiring.Application"] == 0
    errors = [p for p in run.problems if p["severity"] == "error"]
    assert run.error_count == len(errors) >= 2
    assert {
        "severity": "error",
        "file": "applications.json",
        "record": "2200000001",
        "field": "status",
        "message": "unknown value 'pending_review' (expected one of active, rejected, hired, "
        "converted)",
    } in errors
    assert any(p["file"] == "jobs.json" and p["record"].startswith("line 1") for p in errors)
    assert run.summary == {}


def test_a_dry_run_reports_the_counts_and_saves_nothing(org: Organization, recruiter: User) -> None:
    run = import_run_execute(
        _start(org, recruiter, fixture_files("lever"), source="lever", dry_run=True)
    )

    assert run.status == "succeeded" and run.dry_run
    assert run.summary["applications"]["created"] > 0
    assert not Candidate.objects.filter(organization=org).exists()


def test_a_csv_upload_imports_its_one_file(org: Organization, admin: User) -> None:
    upload = SimpleUploadedFile(
        "scorecards.csv", (FIXTURES / "csv" / "scorecards.csv").read_bytes()
    )
    run = import_run_start(organization=org, user=admin, source="csv", files=[upload])

    run = import_run_execute(run)

    assert run.status == "succeeded", run.problems
    assert Scorecard.objects.filter(organization=org).exists()


def test_a_run_is_executed_once_even_if_its_task_comes_twice(
    org: Organization, recruiter: User
) -> None:
    run = _start(org, recruiter, fixture_files("greenhouse"))
    import_run_execute(run)
    finished_at = ImportRun.objects.get().finished_at

    again = import_run_execute(ImportRun.objects.get())

    assert again.status == "succeeded" and again.finished_at == finished_at
    assert Application.objects.count() == 5


def test_a_run_whose_files_were_removed_fails_clearly(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    run = _start(org, recruiter, fixture_files("greenhouse"))
    for path in (_private_upload_dir / run.upload_dir).iterdir():
        path.unlink()
    (_private_upload_dir / run.upload_dir).rmdir()

    run = import_run_execute(run)

    assert run.status == "failed"
    assert run.problems[0]["message"] == "The uploaded files are gone; upload them again."


def test_progress_is_recorded_by_phase_not_by_record(
    org: Organization, recruiter: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    run = _start(org, recruiter, fixture_files("greenhouse"))
    progress = RunProgress(run.pk)

    with django_assert_max_num_queries(2):
        for done in range(10_000):
            progress("Reading candidates.json", done, 10_000)
        progress("Reading applications.json", 0, 20)

    run.refresh_from_db()
    assert (run.phase, run.progress_done, run.progress_total) == (
        "Reading applications.json",
        0,
        20,
    )


def test_the_run_ends_with_its_last_phase_recorded(org: Organization, recruiter: User) -> None:
    run = import_run_execute(_start(org, recruiter, fixture_files("greenhouse")))
    assert (run.phase, run.progress_done, run.progress_total) == ("Saving", 1, 1)


def test_the_command_line_records_its_run_without_a_user(org: Organization) -> None:
    call_command(
        "import", "greenhouse", str(FIXTURES / "greenhouse"), "--org", "acme",
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    run = ImportRun.objects.get()
    assert (run.created_by, run.status, run.file_names) == (None, "succeeded", ["greenhouse"])
    assert run.summary["applications"]["created"] == 5
    assert (FIXTURES / "greenhouse" / "jobs.json").exists(), "the command's files are left alone"


def test_a_recruiter_sees_runs_of_their_organization_only(
    org: Organization, recruiter: User, admin: User, outsider: User, interviewer: User
) -> None:
    run = _start(org, recruiter, fixture_files("greenhouse"))
    manager = factories.UserFactory(email="hana@acme.example")
    factories.MembershipFactory(organization=org, user=manager, role="hiring_manager")

    assert import_run_get_for_user(user=recruiter, run_id=run.pk) == run
    assert import_run_get_for_user(user=admin, run_id=run.pk) == run
    for user in (outsider, interviewer, manager):
        with pytest.raises(Http404):
            import_run_get_for_user(user=user, run_id=run.pk)
    with pytest.raises(Http404):
        import_run_get_for_user(user=recruiter, run_id="not-a-number")


def test_runs_of_an_organization_are_listed_newest_first(
    org: Organization, other_org: Organization, recruiter: User, outsider: User
) -> None:
    first = _start(org, recruiter, fixture_files("greenhouse"))
    second = _start(org, recruiter, fixture_files("greenhouse"))
    _start(other_org, outsider, fixture_files("greenhouse"))

    assert list(import_runs_for_organization(organization=org)) == [second, first]


def test_an_interview_imported_by_upload_matches_the_command_line(
    org: Organization, recruiter: User
) -> None:
    """The upload path runs the very same importer: an upload after the command changes nothing."""
    call_command(
        "import", "greenhouse", str(FIXTURES / "greenhouse"), "--org", "acme",
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    interviews = Interview.objects.count()

    run = import_run_execute(_start(org, recruiter, fixture_files("greenhouse")))

    assert Interview.objects.count() == interviews
    assert all(counts["created"] == 0 for counts in run.summary.values())


@pytest.mark.django_db(transaction=True)
def test_the_page_sees_progress_while_the_import_transaction_is_open(
    org: Organization,
) -> None:
    """Read by another connection, as the polling page would, during the write phases."""
    reader = connections.create_connection(DEFAULT_DB_ALIAS)
    seen: list[str] = []

    def look(phase: str, done: int, total: int) -> None:
        if phase.startswith("Writing"):
            with reader.cursor() as cursor:
                cursor.execute("SELECT phase FROM integrations_importrun")
                seen.append(cursor.fetchone()[0])

    try:
        run, report = import_run_from_path(
            organization=org, source="greenhouse", path=FIXTURES / "greenhouse", progress=look
        )
    finally:
        reader.close()

    assert report is not None and report.committed
    if connection.vendor == "sqlite":
        # One writer at a time: the page says "Saving" until the import commits.
        assert set(seen) == {"Saving"}
    else:
        assert "Writing scorecards" in seen
    run.refresh_from_db()
    assert run.status == "succeeded"


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_dump_at_once_create_everything_once(org: Organization) -> None:
    """A recruiter double-submits, or the command and an upload overlap: no twins."""
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run_one() -> None:
        try:
            start.wait(timeout=10)
            import_run_from_path(
                organization=org, source="greenhouse", path=FIXTURES / "greenhouse"
            )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run_one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(ImportRun.objects.values_list("status", flat=True)) == ["succeeded"] * 2
    assert Application.objects.filter(organization=org).count() == 5
    assert Candidate.objects.filter(organization=org).count() == 7


def test_a_run_that_cannot_be_queued_fails_and_removes_its_files(
    org: Organization,
    recruiter: User,
    settings: Settings,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
    _private_upload_dir: Path,
) -> None:
    assert run_import.queue_name == "default"
    # A misconfigured deployment whose backend serves no "default" queue refuses the task.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["elsewhere"]}
    }

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        run = _start(org, recruiter, fixture_files("greenhouse"))

    run.refresh_from_db()
    assert run.status == "failed"
    assert run.problems[0]["message"].startswith("The import could not be queued")
    assert not any(_private_upload_dir.iterdir())


def test_a_failed_command_line_import_is_recorded_with_its_problems(
    org: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("greenhouse")
    (directory / "jobs.json").write_text("[{")

    with pytest.raises(CommandError, match="Import failed with 1 problem"):
        call_command(
            "import", "greenhouse", str(directory), "--org", "acme",
            stdout=StringIO(), stderr=StringIO(),
        )  # fmt: skip

    run = ImportRun.objects.get()
    assert (run.status, run.error_count) == ("failed", 1)
    assert run.problems[0]["file"] == "jobs.json"
    assert directory.is_dir(), "the command's files are left alone"


def test_a_run_whose_worker_died_is_marked_failed_by_the_sweep(
    org: Organization, recruiter: User, _private_upload_dir: Path
) -> None:
    stuck = _start(org, recruiter, fixture_files("greenhouse"))
    upload = _private_upload_dir / stuck.upload_dir
    assert upload.is_dir()
    fresh = _start(org, recruiter, fixture_files("greenhouse"))
    now = timezone.now()
    ImportRun.objects.filter(pk=stuck.pk).update(
        status="running", started_at=now - dt.timedelta(hours=4)
    )
    ImportRun.objects.filter(pk=fresh.pk).update(
        status="running", started_at=now - dt.timedelta(minutes=5)
    )

    assert import_runs_fail_abandoned(now=now) == 1
    assert import_runs_fail_abandoned(now=now) == 0

    stuck.refresh_from_db()
    assert stuck.status == "failed" and stuck.finished_at is not None
    assert "worker stopped" in stuck.problems[0]["message"]
    assert not upload.exists() and stuck.upload_dir == ""
    assert ImportRun.objects.get(pk=fresh.pk).status == "running"
    assert not Application.objects.exists()
