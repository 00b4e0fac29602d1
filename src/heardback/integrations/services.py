"""Import runs: start one from an upload, run it in the worker, record what it did."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import shutil
import tempfile
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.accounts.services import audit
from heardback.integrations import uploads
from heardback.integrations.importers import ImportReport, import_dump
from heardback.integrations.importers.base import ProgressCallback
from heardback.integrations.models import ImportRun

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 1.0  # seconds between two progress writes within one phase


def import_run_start(
    *,
    organization: Organization,
    user: User | None,
    source: str,
    files: Sequence[UploadedFile],
    dry_run: bool = False,
) -> ImportRun:
    """Check an uploaded dump, keep its files privately and queue the import for a worker.

    A bad upload raises ValidationError and leaves nothing behind: no run, no files.
    """
    if user is not None and not user_can(
        user=user, organization=organization, capability=Capability.IMPORT_DATA
    ):
        raise PermissionDenied
    if source not in ImportRun.Source.values:
        raise ValidationError(
            {"source": _("Unknown source %(source)r.") % {"source": source}}, code="source"
        )
    members = uploads.members_of(files, source=source)
    upload_dir = secrets.token_hex(16)
    directory = uploads.uploads_root() / upload_dir
    uploads.store(members, directory)
    try:
        with transaction.atomic():
            run = ImportRun.objects.create(
                organization=organization,
                created_by=user,
                source=source,
                dry_run=dry_run,
                file_names=[m.name for m in members],
                upload_dir=upload_dir,
            )
            audit(
                organization=organization,
                actor=user,
                action="import_run.start",
                obj=run,
                source=source,
                dry_run=dry_run,
                files=run.file_names,
            )
            transaction.on_commit(partial(_enqueue, run.pk))
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return run


def _enqueue(run_id: int) -> None:
    from heardback.integrations.tasks import run_import

    try:
        run_import.enqueue(run_id)
    except Exception:
        logger.exception("could not enqueue import run %s", run_id)
        run = ImportRun.objects.get(pk=run_id)
        if run.status == ImportRun.Status.QUEUED and run.upload_dir:
            shutil.rmtree(uploads.uploads_root() / run.upload_dir, ignore_errors=True)
            _finish(run, None, _("The import could not be queued for a worker; start it again."))


def import_run_execute(run: ImportRun) -> ImportRun:
    """Run a queued import now (the worker's task, or a test), then remove its files.

    Only a queued run is taken, so a task delivered twice runs the import once.
    """
    claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        run.refresh_from_db()
        return run
    run.refresh_from_db()
    directory = uploads.uploads_root() / run.upload_dir if run.upload_dir else None
    try:
        if directory is None or not directory.is_dir():
            return _finish(run, None, _("The uploaded files are gone; upload them again."))
        path = directory / run.file_names[0] if run.source == ImportRun.Source.CSV else directory
        return _run(run, path)
    finally:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)


def import_runs_fail_abandoned(*, now: dt.datetime | None = None) -> int:
    """Mark runs whose worker died mid-import as failed (a periodic sweep); how many.

    An import is one transaction, so a worker killed during it saved nothing: the run only
    needs to say so, and its upload can go. A healthy import of the large demo takes a minute.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.HEARDBACK_IMPORT_ABANDONED_MINUTES)
    abandoned = ImportRun.objects.filter(status=ImportRun.Status.RUNNING, started_at__lt=cutoff)
    count = 0
    for run in abandoned:
        # Only the sweep that flips the status reports it: several workers may sweep at once.
        if not ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.RUNNING).update(
            status=ImportRun.Status.FAILED, finished_at=now
        ):
            continue
        if run.upload_dir:
            shutil.rmtree(uploads.uploads_root() / run.upload_dir, ignore_errors=True)
        _finish(
            run,
            None,
            _("The worker stopped during this import; nothing was saved. Start it again."),
        )
        count += 1
    return count


def import_run_from_path(
    *,
    organization: Organization,
    source: str,
    path: Path,
    dry_run: bool = False,
    reason_map: dict[str, str] | None = None,
    max_file_mb: float | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[ImportRun, ImportReport | None]:
    """Import a dump from the server's disk now (the command line), recorded as a run.

    A .zip is checked and unpacked as an upload would be (ValidationError if it cannot be)."""
    if path.is_file() and path.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory(prefix="heardback-import-") as scratch:
            unpacked = _unpack_zip(path, source, Path(scratch) / "dump")
            return _import_from_path(
                organization, source, unpacked, path.name, dry_run, reason_map, max_file_mb,
                progress,
            )  # fmt: skip
    return _import_from_path(
        organization, source, path, path.name, dry_run, reason_map, max_file_mb, progress
    )


def _unpack_zip(path: Path, source: str, directory: Path) -> Path:
    with path.open("rb") as handle:
        archive = UploadedFile(handle, name=path.name, size=path.stat().st_size)
        members = uploads.members_of([archive], source=source)
        uploads.store(members, directory)
    # A CSV import takes the one .csv file the zip holds; the others, the folder.
    return directory / members[0].name if source == "csv" else directory


def _import_from_path(
    organization: Organization,
    source: str,
    path: Path,
    name: str,
    dry_run: bool,
    reason_map: dict[str, str] | None,
    max_file_mb: float | None,
    progress: ProgressCallback | None,
) -> tuple[ImportRun, ImportReport | None]:
    run = ImportRun.objects.create(
        organization=organization,
        source=source,
        dry_run=dry_run,
        status=ImportRun.Status.RUNNING,
        started_at=timezone.now(),
        file_names=[name],
    )
    report = _import(run, path, progress, reason_map=reason_map, max_file_mb=max_file_mb)
    return run, report


def _run(run: ImportRun, path: Path) -> ImportRun:
    _import(run, path, None)
    run.refresh_from_db()
    return run


def _import(
    run: ImportRun, path: Path, also: ProgressCallback | None, **options: object
) -> ImportReport | None:
    progress = RunProgress(run.pk, also=also)
    report = None
    try:
        report = import_dump(
            run.source,
            path,
            organization=run.organization,
            dry_run=run.dry_run,
            progress=progress,
            actor=run.created_by,
            **options,  # type: ignore[arg-type]
        )
    except Exception:
        # A bug, not bad data: the transaction rolled back; say so and keep the trace.
        logger.exception("import run %s failed", run.pk)
    finally:
        progress.close()
    _finish(run, report, _("The import stopped on an unexpected error; nothing was saved."))
    return report


def _finish(run: ImportRun, report: ImportReport | None, crash_message: str) -> ImportRun:
    """Record the outcome; a failed run keeps its problems, never a misleading summary."""
    if report is None:
        run.status = ImportRun.Status.FAILED
        run.problems = [_problem("error", "", "", "", crash_message)]
        run.error_count, run.warning_count = 1, 0
    else:
        run.status = ImportRun.Status.SUCCEEDED if report.ok else ImportRun.Status.FAILED
        ordered = report.errors + report.warnings
        run.problems = [
            _problem(p.severity, p.file, p.record, p.field, p.message)
            for p in ordered[: ImportRun.PROBLEMS_KEPT]
        ]
        run.error_count, run.warning_count = len(report.errors), len(report.warnings)
        if report.ok:
            run.summary = {
                name: {"created": c, "updated": u, "unchanged": n, "skipped": s}
                for name, c, u, n, s in report.summary_rows()
            }
            run.new_competencies = [
                {"job": job, "competency": name} for job, name in report.new_competencies
            ]
    run.finished_at = timezone.now()
    run.upload_dir = ""
    run.save(
        update_fields=[
            "status",
            "problems",
            "error_count",
            "warning_count",
            "summary",
            "new_competencies",
            "finished_at",
            "upload_dir",
        ]
    )
    return run


def _problem(severity: str, file: str, record: str, field: str, message: str) -> dict[str, str]:
    return {
        "severity": severity,
        "file": file,
        "record": record,
        "field": field,
        "message": message,
    }


class RunProgress:
    """The importer's `progress(phase, done, total)` written to the run's row, throttled.

    One write per phase change, and at most one a second within a phase. During the import's
    own transaction the row is written through a second connection, so the page sees it before
    the commit; SQLite allows only one writer, so there the page shows "Saving" until then.
    """

    def __init__(
        self, run_id: int, *, every: float = PROGRESS_EVERY, also: ProgressCallback | None = None
    ) -> None:
        self.run_id, self.every, self.also = run_id, every, also
        self.phase = ""
        self.last = 0.0
        self.depth = len(connection.atomic_blocks)
        self.sidecar: BaseDatabaseWrapper | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.also is not None:
            self.also(phase, done, total)
        now = time.monotonic()
        if phase == self.phase and now - self.last < self.every:
            return
        self.phase, self.last = phase, now
        values = {"phase": phase[:200], "progress_done": done, "progress_total": total}
        if len(connection.atomic_blocks) <= self.depth:
            ImportRun.objects.filter(pk=self.run_id).update(**values)
        elif connection.vendor != "sqlite":
            self._write_beside(values)

    def _write_beside(self, values: dict[str, object]) -> None:
        if self.sidecar is None:
            self.sidecar = connections.create_connection(DEFAULT_DB_ALIAS)
        quote = self.sidecar.ops.quote_name
        columns = ", ".join(f"{quote(name)} = %s" for name in values)
        table = quote(ImportRun._meta.db_table)
        params: list[Any] = [*values.values(), self.run_id]
        # Only our own quoted column names are formatted in; every value is a parameter.
        sql = f"UPDATE {table} SET {columns} WHERE {quote('id')} = %s"  # noqa: S608
        with self.sidecar.cursor() as cursor:
            cursor.execute(sql, params)

    def close(self) -> None:
        if self.sidecar is not None:
            self.sidecar.close()
            self.sidecar = None
