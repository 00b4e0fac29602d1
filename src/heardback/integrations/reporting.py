"""Plain-text presentation of an import report: the summary and problem tables, the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, TextIO

from tqdm import tqdm

from heardback.integrations.importers.base import ImportReport, Problem


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 70) -> str:
    """A fixed-width text table; long cells are cut so one bad record cannot flood a terminal."""
    cells = [[_cut(str(c), max_width) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(out)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_table(report: ImportReport) -> str:
    rows = report.summary_rows()
    if not rows:
        return "Nothing to import."
    return table(["object", "created", "updated", "unchanged", "skipped"], rows)


def problems_table(problems: Sequence[Problem]) -> str:
    rows = [(p.severity, p.file, p.record, p.field, p.message) for p in problems]
    return table(["level", "file", "record", "field", "problem"], rows, max_width=90)


def render(report: ImportReport) -> str:
    """Everything a recruiter needs after a run, in reading order."""
    parts = []
    if report.ok:
        verb = "Would import" if report.dry_run else "Imported"
        parts += [f"{verb} from {report.source} into {report.organization.slug}:", ""]
        parts.append(summary_table(report))
        if report.new_competencies:
            parts += ["", "Competencies to describe before feedback can quote them:"]
            parts += [f"  {job}: {name}" for job, name in report.new_competencies]
        if report.dry_run:
            parts += ["", "Dry run: nothing was saved."]
    if report.warnings:
        parts += ["", f"{len(report.warnings)} warning(s):", problems_table(report.warnings)]
    if not report.ok:
        parts += ["", f"{len(report.errors)} problem(s); nothing was imported:"]
        parts.append(problems_table(report.errors))
    return "\n".join(parts)


class TqdmProgress:
    """`progress(phase, done, total)` drawn as one tqdm bar per phase, on stderr."""

    def __init__(self, stream: TextIO | None = None, disable: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.disable = disable
        self.phase = ""
        self.bar: tqdm[Any] | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = tqdm(
                total=total, desc=phase, unit="rec", file=self.stream, disable=self.disable,
                leave=False,
            )  # fmt: skip
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = done
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
