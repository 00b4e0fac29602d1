"""Background tasks of the importers (Django Tasks API; `heardback worker` runs them)."""

from __future__ import annotations

from django_tasks import task

from heardback.integrations.models import ImportRun
from heardback.integrations.services import import_run_execute


@task()
def run_import(run_id: int) -> str:
    """Run an uploaded import; enqueued after commit by `import_run_start`."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    return import_run_execute(run).status
