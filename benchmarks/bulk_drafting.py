"""Bulk drafting from the database vs the pure engine, and vs exporting the same notes.

    .venv/bin/python benchmarks/bulk_drafting.py [--size large] [--reuse]

Targets: drafting from the database takes at most 3x the pure-engine time for the same notes
(both sides run the real guard, every layer); end to end it reaches >= 500 notes/s on one of
these 2-core machines, and takes at most 3x the time of exporting the same notes
(`heardback notes export --format jsonl`, which reads every note and writes it out).

Times are CPU time of this process, so other jobs on a shared machine weigh less on them; the
wall clock and the load average are printed beside them. The guard's sentence memo is emptied
before each timed pass, so neither gains from the other's reading of the same notes.
"""

from __future__ import annotations

import time

import _demo_db

args = _demo_db.setup(__doc__ or "")
organization = _demo_db.demo(args)

import os  # noqa: E402

from django.core.management import call_command  # noqa: E402

from heardback.feedback import engine  # noqa: E402
from heardback.feedback.engine import guard  # noqa: E402
from heardback.feedback.inputs import applications_for_notes, note_inputs  # noqa: E402
from heardback.feedback.services import (  # noqa: E402
    feedback_notes_draft_bulk,
    rejected_applications,
)

pks = list(rejected_applications(organization=organization).values_list("id", flat=True))
inputs = []
for start in range(0, len(pks), 500):
    chunk = applications_for_notes(pks[start : start + 500])
    inputs.extend(note_inputs(organization, chunk))
engine.compose(inputs[0])  # warm the guard's compiled rules and phrasebooks
load = os.getloadavg()[0]

guard.forget()
started = time.process_time()
for note_input in inputs:
    engine.compose(note_input)
pure = time.process_time() - started

guard.forget()
started = time.process_time()
wall = time.perf_counter()
summary = feedback_notes_draft_bulk(actor=None, organization=organization, redraft=True)
bulk = time.process_time() - started
wall = time.perf_counter() - wall

print(f"{'':<34}{'notes':>8}{'CPU s':>9}{'notes/s':>10}")
n = len(inputs)
print(f"{'pure engine (inputs in memory)':<34}{n:>8}{pure:>9.2f}{n / pure:>10,.0f}")
print(f"{'bulk drafting from the database':<34}{summary.drafted:>8}{bulk:>9.2f}"
      f"{summary.drafted / bulk:>10,.0f}")  # fmt: skip
print(f"ratio bulk / pure: {bulk / pure:.2f}x (target <= 3x); wall clock {wall:.1f} s")

started = time.process_time()
export_wall = time.perf_counter()
call_command("notes", "export", "--org", organization.slug, "--output", os.devnull)
export = time.process_time() - started
export_wall = time.perf_counter() - export_wall
print(f"{'export of the same notes (jsonl)':<34}{summary.drafted:>8}{export:>9.2f}"
      f"{summary.drafted / export:>10,.0f}")  # fmt: skip
print(
    f"end to end: {summary.drafted / bulk:,.0f} notes/s (target >= 500); "
    f"ratio bulk / export: {bulk / export:.2f}x (target <= 3x)"
)
print(
    f"wall clock: drafting {summary.drafted / wall:,.0f} notes/s, export "
    f"{summary.drafted / export_wall:,.0f} notes/s ({wall / export_wall:.2f}x); "
    f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after on {os.cpu_count()} CPUs"
)
