"""Importers: ATS dumps in, the organization's jobs, candidates and scorecards out.

A source is a reader (`read_<source>`: files to a `Bundle`, every problem reported with its
file and row); `import_dump(source, path, organization=..., dry_run=..., progress=...)` reads
and stores it, all or nothing, and returns an `ImportReport` that the command line, the
upload page and the API only present.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from heardback.accounts.models import Organization, User
from heardback.integrations.importers import csv, greenhouse, greenhouse_v3, lever
from heardback.integrations.importers.base import (
    ImportReport,
    Problem,
    ProgressCallback,
    load_reason_map,
    run_in_transaction,
)
from heardback.integrations.importers.records import Bundle
from heardback.integrations.importers.writer import BundleWriter

Reader = Callable[
    [Path, ImportReport, ProgressCallback | None, dict[str, str] | None, float | None], Bundle
]

# Source (as the command line, the upload form and the API name it) → its reader, and the
# source the writer files its keys under (Harvest v1 and v3 share Greenhouse's ids).
READERS: dict[str, tuple[Reader, str]] = {
    "greenhouse": (greenhouse.read_greenhouse, greenhouse.SOURCE),
    "greenhouse-v3": (greenhouse_v3.read_greenhouse_v3, greenhouse.SOURCE),
    "lever": (lever.read_lever, lever.SOURCE),
    "csv": (csv.read_csv, csv.SOURCE),
}


def import_dump(
    source: str,
    path: Path | str,
    *,
    organization: Organization,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    reason_map: dict[str, str] | None = None,
    max_file_mb: float | None = None,
    actor: User | None = None,
) -> ImportReport:
    """Import a dump (a directory, or a CSV file) of `source` into the organization, all or
    nothing."""
    reader, writer_source = READERS[source]
    report = ImportReport(source=source, organization=organization, dry_run=dry_run)
    bundle = reader(Path(path), report, progress, reason_map, max_file_mb)
    writer = BundleWriter(report, writer_source, bundle, progress)
    return run_in_transaction(report, writer.write, actor=actor, progress=progress)


import_greenhouse = partial(import_dump, "greenhouse")
import_greenhouse_v3 = partial(import_dump, "greenhouse-v3")
import_lever = partial(import_dump, "lever")
import_csv = partial(import_dump, "csv")

__all__ = [
    "READERS",
    "ImportReport",
    "Problem",
    "import_csv",
    "import_dump",
    "import_greenhouse",
    "import_greenhouse_v3",
    "import_lever",
    "load_reason_map",
]
