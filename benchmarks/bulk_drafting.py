"""Bulk drafting from the database vs the pure engine on the same notes, same run.

    .venv/bin/python benchmarks/bulk_drafting.py [--size large] [--reuse]

Target (issue #3): drafting 10,000 applications from the database takes at most 3x the
pure-engine time for the same notes. Both sides run the real guard.
"""

from __future__ import annotations

import time

import _demo_db

args = _demo_db.setup(__doc__ or "")
organization = _demo_db.demo(args)

from heardback.feedback import engine  # noqa: E402
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

started = time.process_time()
for note_input in inputs:
    engine.compose(note_input)
pure = time.process_time() - started

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
