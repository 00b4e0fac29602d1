"""How personal, complete and readable the drafted notes of the demo organization are.

    .venv/bin/python benchmarks/feedback_quality.py [--size large] [--reuse]

Per job: mean pairwise TF-IDF cosine between its notes (and the same figure for a one-template
mail merge of the same candidates as the baseline), share of notes with at least one strength
and one development area where scorecards exist, Flesch reading ease, word counts.
Targets (issue #3): similarity <= 0.65 (mail merge ~0.98), reading ease >= 50, 120-320 words.
"""

from __future__ import annotations

import math
import random
import re
import statistics
from collections import Counter, defaultdict

import textstat

import _demo_db

args = _demo_db.setup(__doc__ or "")
organization = _demo_db.demo(args)

from heardback.feedback.models import FeedbackNote  # noqa: E402
from heardback.feedback.services import feedback_notes_draft_bulk  # noqa: E402

SAMPLE = 300  # notes per job for the pairwise figure: 44,850 pairs
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MAIL_MERGE = (
    "Dear {name},\n\nThank you for your interest in the {job} position and for the time you "
    "spent with our team. After careful consideration, we have decided to move forward with "
    "other candidates whose qualifications more closely match our current needs. We appreciate "
    "your interest in our company and encourage you to apply for future openings that match "
    "your skills and experience. We wish you every success in your job search.\n\nBest regards,"
    "\nThe Recruiting Team"
)


def tfidf_mean_cosine(texts: list[str]) -> float:
    """Mean cosine similarity over all pairs, TF-IDF weighted, documents L2-normalised."""
    docs = [Counter(w.lower() for w in WORD.findall(t)) for t in texts]
    df = Counter(word for doc in docs for word in doc)
    n = len(docs)
    vectors = []
    for doc in docs:
        vec = {w: tf * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in doc.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    total, pairs = 0.0, 0
    for i in range(n):
        a = vectors[i]
        for j in range(i + 1, n):
            b = vectors[j]
            small, large = (a, b) if len(a) < len(b) else (b, a)
            total += sum(v * large.get(w, 0.0) for w, v in small.items())
            pairs += 1
    return total / pairs if pairs else 0.0


if not FeedbackNote.objects.filter(organization=organization).exists():
    feedback_notes_draft_bulk(actor=None, organization=organization)
notes = list(
    FeedbackNote.objects.filter(organization=organization, is_current=True)
    .select_related("application__candidate", "application__job")
    .order_by("id")
)
by_job: dict[str, list[FeedbackNote]] = defaultdict(list)
for note in notes:
    by_job[note.application.job.title].append(note)

rng = random.Random(1)
print(f"{'job':<44}{'notes':>6}{'similarity':>11}{'mail merge':>11}")
similarities, baselines = [], []
for title, job_notes in sorted(by_job.items()):
    interviewed = [n for n in job_notes if n.quality.get("scorecards")]
    sample = rng.sample(interviewed, min(SAMPLE, len(interviewed)))
    if len(sample) < 2:
        continue
    ours = tfidf_mean_cosine([n.text for n in sample])
    merge = tfidf_mean_cosine(
        [MAIL_MERGE.format(name=n.application.candidate.first_name, job=title) for n in sample]
    )
    similarities.append(ours)
    baselines.append(merge)
    print(f"{title[:43]:<44}{len(interviewed):>6}{ours:>11.3f}{merge:>11.3f}")
print(f"{'mean over jobs':<50}{statistics.mean(similarities):>11.3f}"
      f"{statistics.mean(baselines):>11.3f}   (target <= 0.65)")  # fmt: skip

# Withdrawn candidates rightly get two sentences, whatever their scorecards say.
interviewed = [
    n for n in notes if n.quality.get("scorecards") and n.application.status != "withdrawn"
]
SKILL_REASONS = ("skills_gap", "experience_level")
skills = [
    n
    for n in interviewed
    if n.application.rejection_reason and n.application.rejection_reason.category in SKILL_REASONS
]
both = sum(1 for n in interviewed if n.quality["strengths"] and n.quality["development_areas"])
both_skills = sum(1 for n in skills if n.quality["strengths"] and n.quality["development_areas"])
print(f"\nnotes with scorecards: {len(interviewed)}; with >= 1 strength and >= 1 development "
      f"area: {both / len(interviewed):.1%} (skills or experience reasons: "
      f"{both_skills / max(1, len(skills)):.1%}; other reasons rightly name no gap)")  # fmt: skip

for language in ("en", "fr"):
    texts = [n.text for n in interviewed if n.language == language]
    if not texts:
        continue
    textstat.set_lang(language)
    ease = [textstat.flesch_reading_ease(t) for t in texts]
    words = [len(t.split()) for t in texts]
    within = sum(1 for w in words if 120 <= w <= 320) / len(words)
    print(f"{language}: {len(texts)} notes; Flesch reading ease mean {statistics.mean(ease):.1f} "
          f"(min {min(ease):.1f}); words median {statistics.median(words):.0f} "
          f"(min {min(words)}, max {max(words)}; {within:.1%} within 120-320)")  # fmt: skip
