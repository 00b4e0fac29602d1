"""Re-routing ranking against known answers: NDCG@5 next to a keyword-overlap baseline.

A synthetic world with a truth nobody sees: four job families, each with its own competencies
and three generic ones every family lists; jobs with rubrics (weights, bars), a level and a
description; candidates with a latent skill in *every* competency and a level. Each candidate
applied to one job of their family and was rejected: interviewers rated only that job's
competencies, with noise, and wrote shareable comments about the best and worst of them. The
ranker sees only that (ratings, comments, the job's family and level); the truth is how well
the candidate's latent skills meet each other job's bars, weighted by its weights, minus the
level gap.

    python benchmarks/reroute_eval.py [--candidates 2000] [--seed 7]

Prints NDCG@5 (graded gains: the true fit; a list shorter than five scores its empty places as
zero) for engine.fit.rank and for the baseline (the five jobs whose description, title and
competency names share the most words with the candidate's text, Jaccard), the mean true fit
of what each suggests, and the share of suggestions outside the candidate's family.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Sequence

from heardback.feedback.engine import fit
from heardback.feedback.engine.types import AttributeRating

LEVELS: tuple[AttributeRating, ...] = ("definitely_not", "no", "mixed", "yes", "strong_yes")
FAMILIES = {
    "Backend engineering": ["Go", "API design", "Databases", "Distributed systems", "Testing"],
    "Frontend engineering": ["TypeScript", "Accessibility", "CSS", "React", "Web performance"],
    "Data": ["SQL", "Statistics", "Experimentation", "Dashboards", "Data modelling"],
    "Sales": ["Negotiation", "Prospecting", "Discovery", "Forecasting", "Closing"],
}
GENERIC = ["Communication", "Collaboration", "Problem solving"]
WORDS = {
    "Go": "go goroutines services",
    "API design": "api endpoints contracts idempotent",
    "Databases": "postgresql queries indexes",
    "Distributed systems": "queues consistency replication",
    "Testing": "tests coverage fixtures",
    "TypeScript": "typescript types",
    "Accessibility": "accessibility screen readers aria",
    "CSS": "css layout grid",
    "React": "react components hooks",
    "Web performance": "performance bundle latency",
    "SQL": "sql joins queries",
    "Statistics": "statistics regression variance",
    "Experimentation": "experiments ab tests power",
    "Dashboards": "dashboards charts metrics",
    "Data modelling": "schemas modelling warehouse",
    "Negotiation": "negotiation pricing terms",
    "Prospecting": "prospecting outbound leads",
    "Discovery": "discovery questions needs",
    "Forecasting": "forecast pipeline quarter",
    "Closing": "closing deals contracts",
    "Communication": "explained clearly",
    "Collaboration": "team pairing feedback",
    "Problem solving": "problem approach reasoning",
}


def make_jobs(rng: random.Random, per_family: int) -> list[fit.Opening]:
    jobs = []
    for family, own in FAMILIES.items():
        for n in range(per_family):
            names = rng.sample(own, 3) + rng.sample(GENERIC, 2)
            rubric = tuple(
                fit.Requirement(name, rng.randint(1, 5), rng.choice(LEVELS[2:])) for name in names
            )
            words = " ".join(WORDS[name] for name in names[:3])
            title = f"{family.split()[0]} role {n}"
            jobs.append(
                fit.Opening(
                    len(jobs) + 1, title, rubric, family, rng.randint(1, 5), f"We need {words}."
                )
            )
    return jobs


def true_fit(skills: dict[str, float], level: int, job: fit.Opening) -> float:
    total = sum(r.weight for r in job.requirements)
    met = sum(
        r.weight * min(1.0, max(0.0, (skills[r.name] - LEVELS.index(r.bar) - 1 + 2) / 3))
        for r in job.requirements
    )
    return max(0.0, met / total - 0.15 * abs(level - job.level))


def ndcg(ranked: Sequence[int], gains: dict[int, float], k: int = 5) -> float:
    dcg = sum(gains.get(j, 0.0) / math.log2(i + 2) for i, j in enumerate(ranked[:k]))
    ideal = sorted(gains.values(), reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--jobs-per-family", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    jobs = make_jobs(rng, args.jobs_per_family)
    index = fit.index(jobs)
    docs = {
        j.id: set(fit.tokens(" ".join([j.title, j.description, *(r.name for r in j.requirements)])))
        for j in jobs
    }
    all_names = [n for own in FAMILIES.values() for n in own] + GENERIC
    names = ("fit", "fit, all ranked", "keywords")
    scores: dict[str, list[float]] = {name: [] for name in names}
    cross = dict.fromkeys(names, 0)
    shown = dict.fromkeys(names, 0)
    quality = dict.fromkeys(names, 0.0)
    elapsed = 0.0
    for _ in range(args.candidates):
        family = rng.choice(list(FAMILIES))
        skills = {n: rng.uniform(1, 3.5) for n in all_names}
        for n in FAMILIES[family] + GENERIC:
            skills[n] = rng.uniform(2, 5)
        level = rng.randint(1, 5)
        applied = rng.choice([j for j in jobs if j.family == family])
        ratings, comments = {}, []
        for r in applied.requirements:
            seen = min(5.0, max(1.0, round(skills[r.name] + rng.gauss(0, 0.6))))
            ratings[fit.key(r.name)] = float(seen)
            if seen >= 4:
                comments.append(f"Strong: {WORDS[r.name]}.")
            elif seen <= 2:
                comments.append(f"To grow: {WORDS[r.name]}.")
        evidence = fit.Evidence(ratings, family, applied.level, " ".join(comments))
        gains = {j.id: true_fit(skills, level, j) for j in jobs if j.id != applied.id}
        start = time.perf_counter()
        ranked = [f.opening.id for f in fit.rank(evidence, index, exclude=[applied.id], limit=5)]
        elapsed += time.perf_counter() - start
        words = set(fit.tokens(evidence.text))
        overlap = sorted(
            (j for j in jobs if j.id != applied.id),
            key=lambda j: -len(words & docs[j.id]) / (len(words | docs[j.id]) or 1),
        )
        baseline = [j.id for j in overlap[:5]]
        by_id = {j.id: j for j in jobs}
        ranked_all = [
            f.opening.id
            for f in fit.rank(evidence, index, exclude=[applied.id], limit=5, suggest_only=False)
        ]
        for name, got in (("fit", ranked), ("fit, all ranked", ranked_all), ("keywords", baseline)):
            scores[name].append(ndcg(got, gains))
            shown[name] += len(got)
            quality[name] += sum(gains[j] for j in got)
            cross[name] += sum(by_id[j].family != family for j in got)
    n = args.candidates
    print(f"{n} candidates, {len(jobs)} jobs in {len(FAMILIES)} families, seed {args.seed}")
    for name in names:
        mean = sum(scores[name]) / n
        share = cross[name] / shown[name] if shown[name] else 0.0
        fit_of = quality[name] / shown[name] if shown[name] else 0.0
        print(
            f"{name:15} NDCG@5 {mean:.3f}  suggestions/candidate {shown[name] / n:.2f}  "
            f"true fit of a suggestion {fit_of:.3f}  outside the family {share:.1%}"
        )
    print(f"fit.rank: {elapsed / n * 1e3:.2f} ms per candidate against {len(jobs)} jobs")


if __name__ == "__main__":
    main()
