"""Ten notes of the demo drawn at random, redrafted with the current engine, for rereading.

    .venv/bin/python benchmarks/notes_sample.py [--size large] [--seed 1] [--pick-seed 2026]

Prints each note (the stored portal-link placeholder stands for the candidate's own link) with
its job, the interviews behind it, its reason and its review flags, as quoted in
docs/benchmarks.md under "Ten notes of the large demo, reread".
"""

from __future__ import annotations

import random
import sys

import _demo_db

PICK_SEED = 2026
if "--pick-seed" in sys.argv:
    at = sys.argv.index("--pick-seed")
    PICK_SEED = int(sys.argv[at + 1])
    del sys.argv[at : at + 2]

args = _demo_db.setup(__doc__ or "")
organization = _demo_db.demo(args)

from heardback.feedback.models import FeedbackNote  # noqa: E402
from heardback.feedback.services import feedback_notes_draft_bulk  # noqa: E402

feedback_notes_draft_bulk(actor=None, organization=organization)
notes = list(
    FeedbackNote.objects.filter(organization=organization, is_current=True)
    .select_related("application__job", "application__rejection_reason")
    .prefetch_related("application__interviews")
    .order_by("pk")
)
for n, note in enumerate(random.Random(PICK_SEED).sample(notes, 10), start=1):
    application = note.application
    interviews = ", ".join(i.name for i in application.interviews.all()) or "no interview"
    reason = application.rejection_reason
    label = f"{reason.name} ({reason.category})" if reason else "no reason"
    flags = note.quality.get("review_reasons", [])
    summary = f"{n}. {application.job.title} | {interviews} | {label} | review: {flags}"
    print(f"<details><summary>{summary}</summary>\n\n```text\n{note.text.strip()}\n```\n")
    print("</details>\n")
