"""What ranking open roles adds to drafting a note: `note_inputs` CPU time with and without it.

.venv/bin/python benchmarks/reroute_note_cost.py [--size large] [--reuse]
"""

from __future__ import annotations

import time

import _demo_db

args = _demo_db.setup(__doc__ or "")
organization = _demo_db.demo(args)

from heardback.feedback import inputs  # noqa: E402
from heardback.feedback.engine import compose  # noqa: E402
from heardback.feedback.services import rejected_applications  # noqa: E402

pks = list(rejected_applications(organization=organization).values_list("id", flat=True))[:3000]
applications = inputs.applications_for_notes(pks)
inputs.note_inputs(organization, applications[:50])  # warm up


def timed() -> tuple[float, list[object]]:
    started = time.process_time()
    made = inputs.note_inputs(organization, applications)
    return time.process_time() - started, made


with_ranking, made = timed()
original = inputs._open_roles
inputs._open_roles = lambda *a, **k: ()  # type: ignore[assignment]
without, _ = timed()
inputs._open_roles = original
started = time.process_time()
for note_input in made:
    compose(note_input)  # type: ignore[arg-type]
engine = time.process_time() - started
n = len(applications)
print(
    f"{n} notes: note_inputs {with_ranking / n * 1e3:.3f} ms a note with the ranking, "
    f"{without / n * 1e3:.3f} without; the engine {engine / n * 1e3:.3f} ms a note"
)
extra = with_ranking - without
print(
    f"the ranking adds {extra / n * 1e3:.3f} ms a note: {extra / engine:.0%} of the engine's time"
)
