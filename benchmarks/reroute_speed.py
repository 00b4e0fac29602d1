"""Re-routing speed: rank rejected candidates against open jobs, production vs brute force.

The issue's figure is 100,000 rejected candidates against 1,000 open jobs. Inputs are
synthetic and seeded (the world of `reroute_eval.py`: four job families, rubrics of five
competencies, levels, descriptions; candidates rated on the job they were rejected from, with
shareable comments). No database: `feedback/engine/fit.py` is pure.

- **Production**: `fit.index(jobs)` once (rubrics prepared per job; BM25+ term scores held per
  word, a posting list), then `fit.rank(evidence, index, limit=5)` per candidate: the text part
  visits only the jobs holding a word of the candidate's text.
- **Brute force** (the baseline, same run, same candidates): every (candidate, job) pair
  scored, the text part with the library's own `rank_bm25.BM25Plus.get_scores` (which walks
  every job for every query word), then the same rubric scoring of every job and a sort. It
  gives the same ranking (checked: the share of candidates whose top 5 agree is printed).

    python benchmarks/reroute_speed.py [--candidates 100000] [--jobs 1000] [--baseline 2000]

Ranking is per candidate against a fixed index, so time is linear in candidates. When
`--candidates` is below 100,000 the time for 100,000 is extrapolated from the measured rate,
and the output says so. The baseline ranks the first `--baseline` candidates only (it is the
slow one); the ratio compares candidates/s on those same candidates.
"""

from __future__ import annotations

import argparse
import random
import time

from heardback.feedback.engine import fit
from reroute_eval import FAMILIES, GENERIC, WORDS, make_jobs

TARGET = 100_000


def make_candidates(rng: random.Random, jobs: list[fit.Opening], n: int) -> list[fit.Evidence]:
    """Candidates with latent skills, each rated on one job of their family (as reroute_eval)."""
    all_names = [name for own in FAMILIES.values() for name in own] + GENERIC
    by_family: dict[str, list[fit.Opening]] = {}
    for job in jobs:
        by_family.setdefault(job.family, []).append(job)
    candidates = []
    for _ in range(n):
        family = rng.choice(list(FAMILIES))
        skills = {name: rng.uniform(1, 3.5) for name in all_names}
        for name in FAMILIES[family] + GENERIC:
            skills[name] = rng.uniform(2, 5)
        applied = rng.choice(by_family[family])
        ratings, comments = {}, []
        for r in applied.requirements:
            seen = min(5.0, max(1.0, round(skills[r.name] + rng.gauss(0, 0.6))))
            ratings[fit.key(r.name)] = float(seen)
            if seen >= 4:
                comments.append(f"Strong: {WORDS[r.name]}.")
            elif seen <= 2:
                comments.append(f"To grow: {WORDS[r.name]}.")
        candidates.append(fit.Evidence(ratings, family, applied.level, " ".join(comments)))
    return candidates


class BruteForce:
    """All pairs: the library's BM25+ over every job for every query word, then every job's
    rubric scored, then a full sort. The same scores as `fit.rank`, without its posting lists."""

    def __init__(self, jobs: list[fit.Opening]) -> None:
        from rank_bm25 import BM25Plus

        self.index = fit.index(jobs)  # for the prepared rubrics and generic names only
        corpus = [
            fit.tokens(" ".join([o.title, o.description, *(r.name for r in o.requirements)]))
            for o in jobs
        ]
        self.bm25 = BM25Plus(corpus)

    def rank(self, evidence: fit.Evidence, limit: int = 5) -> list[int]:
        query = list(set(fit.tokens(evidence.text)))
        scores = self.bm25.get_scores(query)
        # BM25+ gives every job `delta x idf` per query word: the same floor `fit` takes off.
        floor = sum(self.bm25.delta * (self.bm25.idf.get(q) or 0.0) for q in query)
        raw = [max(0.0, float(s) - floor) for s in scores]
        best = max(raw, default=0.0)
        text = [s / best for s in raw] if best > 1e-9 else raw
        idx = self.index
        fits = []
        for n, (opening, weights) in enumerate(zip(idx.openings, idx._weights, strict=True)):
            found = fit._fit(evidence, opening, weights, text[n], idx.generic)
            if found is not None:
                fits.append((-found.score, n, found.opening.id))
        fits.sort()
        return [f[2] for f in fits[:limit]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=TARGET)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=2000, help="candidates for brute force")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    jobs = make_jobs(rng, max(1, args.jobs // len(FAMILIES)))
    candidates = make_candidates(rng, jobs, args.candidates)
    print(
        f"{len(candidates):,} candidates x {len(jobs):,} open jobs in {len(FAMILIES)} families, "
        f"seed {args.seed}"
    )

    start = time.perf_counter()
    index = fit.index(jobs)
    built = time.perf_counter() - start
    start = time.perf_counter()
    production = [[f.opening.id for f in fit.rank(e, index, limit=5)] for e in candidates]
    ranked = time.perf_counter() - start
    rate = len(candidates) / ranked
    suggested = sum(bool(p) for p in production)
    print(f"production: index built in {built:.2f} s; ranked in {ranked:.1f} s = {rate:,.0f} "
          f"candidates/s ({suggested:,} with a suggestion)")  # fmt: skip

    sample = candidates[: args.baseline]
    start = time.perf_counter()
    brute = BruteForce(jobs)
    brute_built = time.perf_counter() - start
    start = time.perf_counter()
    baseline = [brute.rank(e) for e in sample]
    brute_ranked = time.perf_counter() - start
    brute_rate = len(sample) / brute_ranked
    same = sum(b == p for b, p in zip(baseline, production, strict=False)) / len(sample)
    start = time.perf_counter()
    for e in sample:
        fit.rank(e, index, limit=5)
    sample_rate = len(sample) / (time.perf_counter() - start)
    print(f"brute force: set up in {brute_built:.2f} s; {len(sample):,} candidates in "
          f"{brute_ranked:.1f} s = {brute_rate:,.0f} candidates/s; same top 5 as production "
          f"for {same:.1%}")  # fmt: skip
    print(f"ratio on the same {len(sample):,} candidates: production {sample_rate:,.0f}/s vs "
          f"brute force {brute_rate:,.0f}/s = {sample_rate / brute_rate:.2f}x")  # fmt: skip

    per_target = TARGET / rate + built
    note = "measured" if len(candidates) >= TARGET else "EXTRAPOLATED from the rate above"
    print(f"{TARGET:,} candidates x {len(jobs):,} jobs: production {per_target / 60:.1f} min, "
          f"brute force {(TARGET / brute_rate + brute_built) / 60:.1f} min "
          f"(production {note}; brute force extrapolated from {len(sample):,})")  # fmt: skip


if __name__ == "__main__":
    main()
