"""Re-routing on the demo: how many candidates not hired get a suggestion, how many cross a
job family, and a sample of suggestions to read.

    .venv/bin/python benchmarks/reroute_demo.py [--size large] [--reuse]
"""

from __future__ import annotations

import random
import time

import _demo_db

args = _demo_db.setup(__doc__ or "")
organization = _demo_db.demo(args)

from heardback.reroute import selectors  # noqa: E402

applications = list(
    selectors.Application.objects.filter(
        organization=organization, status__in=selectors.NOT_HIRED
    ).select_related("candidate", "job", "organization")
)
started = time.perf_counter()
found = {}
for start in range(0, len(applications), 500):
    found.update(selectors.suggestions_for(applications[start : start + 500], limit=2))
elapsed = time.perf_counter() - started
with_any = [a for a in applications if found[a.pk]]
suggestions = [(a, s) for a in applications for s in found[a.pk]]
cross = [(a, s) for a, s in suggestions if not s.fit.same_family]
print(f"{len(applications)} candidates not hired, {len(with_any)} with a suggestion")
print(f"{len(suggestions)} suggestions (2 at most each), {len(cross)} across job families")
print(f"{elapsed:.1f} s ({elapsed / len(applications) * 1e3:.2f} ms a candidate, in bulk)")
pairs: dict[tuple[str, str], int] = {}
for a, s in suggestions:
    pairs[(a.job.title, s.job.title)] = pairs.get((a.job.title, s.job.title), 0) + 1
print("\napplied for -> suggested (count)")
for (applied, suggested), count in sorted(pairs.items(), key=lambda p: -p[1]):
    print(f"  {applied} -> {suggested}: {count}")
print("\nA sample of 20:")
for a, s in random.Random(1).sample(suggestions, min(20, len(suggestions))):
    print(f"- {a.job.title} -> {s.job.title} ({s.fit.score:.2f}): {s.explanation}")
