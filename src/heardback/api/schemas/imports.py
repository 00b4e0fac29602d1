"""Import runs."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from heardback.api.schemas.base import ImportSource, ImportStatus
from heardback.integrations.models import ImportRun
from heardback.integrations.selectors import import_run_phase_label

# --- Imports ------------------------------------------------------------------------------


class ProgressOut(Schema):
    phase: str = Field(description="What the importer is doing, e.g. 'Reading jobs.json'.")
    done: int
    total: int


class ProblemOut(Schema):
    severity: Literal["error", "warning"]
    file: str
    record: str = Field(description="The record's id, '#12' (12th record) or 'line 7'.")
    field: str
    message: str


class ImportOut(Schema):
    id: int
    source: ImportSource
    dry_run: bool
    status: ImportStatus
    progress: ProgressOut
    summary: dict[str, dict[str, int]] = Field(
        description="Per object type: created, updated, unchanged, skipped (once succeeded)."
    )
    new_competencies: list[dict[str, str]] = Field(
        description="Rubric lines the dump named that need a description for candidates."
    )
    problems: list[ProblemOut] = Field(description="Errors first; at most 1,000.")
    error_count: int
    warning_count: int
    file_names: list[str]
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_progress(run: ImportRun) -> dict[str, Any]:
        return {
            "phase": import_run_phase_label(run),
            "done": run.progress_done,
            "total": run.progress_total,
        }


class ImportPage(Schema):
    items: list[ImportOut]
    next: str | None
