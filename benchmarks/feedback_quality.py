"""How personal, complete and readable the drafted notes of the demo organization are.

    .venv/bin/python benchmarks/feedback_quality.py [--size large] [--reuse]

Per job: mean pairwise TF-IDF cosine between its notes (and the same figure for a one-template
mail merge of the same candidates as the baseline), share of notes with at least one strength
and one development area where scorecards exist, Flesch reading ease, word counts.
Targets (issue #3): similarity <= 0.65 (mail merge ~0.98), reading ease >= 50, 120-320 words.

The notes are drafted again on every run (approved or sent ones stay), so the figures are the
current engine's. Flesch reading ease comes from textstat in the note's language: for French,
Kandel and Moles' adaptation (207 - 1.015 x words per sentence - 73.6 x syllables per word).
Words are whitespace-separated tokens of the text body, as before; the count of tokens that
hold a letter or a digit is printed too: French typography sets ":", ";", "?", "!" and the
guillemets apart with (no-break) spaces, and the text marks bullets with "-", so a French note
has about 15 more tokens than words (the engine's budget counts them, and keeps French notes
as short on the page as English ones).
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
WORDLIKE = re.compile(r"[^\W_]")  # a letter or a digit
MAIL_MERGE = (
    "Dear {name},\n\nThank you for your interest in the {job} position and for the time you "
    "spent with our team. After careful consideration, we have decided to move forward with "
    "other candidates whose qualifications more closely match our current needs. We appreciate "
    "your interest in our company and encourage you to apply for future openings that match "
    "your skills and experience. We wish you every success in your job search.\n\nBest regards,"
    "\nThe Recruiting Team"
)


def word_count(text: str) -> int:
    """Whitespace-separated tokens holding a letter or a digit (not "-", ":" or "«")."""
    return sum(1 for token in text.split() if WORDLIKE.search(token))


def spread(counts: list[int]) -> str:
    """Median, range and share within the target of a list of word counts."""
    within = sum(1 for w in counts if 120 <= w <= 320) / len(counts)
    return (f"median {statistics.median(counts):.0f} (min {min(counts)}, max {max(counts)}; "
            f"{within:.1%} within 120-320)")  # fmt: skip


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


drafted = feedback_notes_draft_bulk(actor=None, organization=organization, redraft=True)
print(f"drafted {drafted.drafted} notes ({drafted.skipped} approved or sent kept as they are)")
notes = list(
    FeedbackNote.objects.filter(organization=organization, is_current=True)
    .select_related("application__candidate", "application__job", "application__rejection_reason")
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
    mine = [n for n in interviewed if n.language == language]
    if not mine:
        continue
    textstat.set_lang(language)
    ease = [textstat.flesch_reading_ease(n.text) for n in mine]
    counts = [len(n.text.split()) for n in mine]
    print(f"{language}: {len(mine)} notes with scorecards; Flesch reading ease mean "
          f"{statistics.mean(ease):.1f} (min {min(ease):.1f}); words {spread(counts)}")  # fmt: skip
    print(f"    words holding a letter or a digit: {spread([word_count(n.text) for n in mine])}")
    outliers = Counter(
        (n.application.rejection_reason.category if n.application.rejection_reason else "-",
         "short" if w < 120 else "long")
        for n, w in zip(mine, counts, strict=True) if not 120 <= w <= 320
    )  # fmt: skip
    if outliers:
        print(f"    outside 120-320: {dict(outliers)}")
    # Legitimately shorter: no scorecard means no feedback to give; a withdrawal, two sentences.
    withdrawn = [n for n in notes if n.application.status == "withdrawn"]
    screening = [
        n for n in notes if not n.quality.get("scorecards") and n.application.status != "withdrawn"
    ]
    for kind, of_kind in (("no scorecard (screening)", screening), ("withdrawn", withdrawn)):
        counts = [len(n.text.split()) for n in of_kind if n.language == language]
        if counts:
            low, high, middle = min(counts), max(counts), statistics.median(counts)
            print(f"    {kind}: {len(counts)} notes, words median {middle:.0f} "
                  f"(min {low}, max {high})")  # fmt: skip

suggested = [n for n in interviewed if n.quality.get("open_roles")]
print(f"\nnotes suggesting an open role: {len(suggested)} of {len(interviewed)}")

# --- honesty (issue #14) -------------------------------------------------------------------------
# A body sentence (not the greeting nor the signature) that another note of the same job also
# holds, word for word, is boilerplate: it says nothing of this candidate.
# The rubric's own tips and requirements, and the organization's explanation, are the same for
# every candidate of a job by design: the second figure leaves them out and counts what the note
# says of this candidate (the level in words, observations, the category's reason).
OWN_WORDS = {"tip", "requirement"}


def verbatim_share(keep) -> tuple[float, int, Counter[str]]:
    repeated = total = 0
    by_claim: Counter[str] = Counter()
    for job_notes in by_job.values():
        seen: Counter[str] = Counter()
        bodies = []
        for n in job_notes:
            body = {p["text"]: p.get("claim", "") for p in n.provenance if keep(p)}
            bodies.append(body)
            seen.update(list(body))
        for body in bodies:
            total += len(body)
            for text, claim in body.items():
                if seen[text] > 1:
                    repeated += 1
                    by_claim[claim] += 1
    return repeated / max(1, total), total, by_claim


share, total_body, by_claim = verbatim_share(
    lambda p: p["section"] not in ("greeting", "signature")
)
print(f"\nbody sentences found verbatim in another note of the same job: "
      f"{share:.1%} of {total_body} (target <= 20 %)")  # fmt: skip
print(f"    repeated, by claim: {dict(by_claim)}")
share, total_feedback, _ = verbatim_share(
    lambda p: (
        p["section"] in ("reason", "strengths", "development")
        and not any(s["field"] == "explanation" for s in p["sources"])
    )
)
print(f"    of the feedback (reason, strengths, development; no explanation): "
      f"{share:.1%} of {total_feedback}")  # fmt: skip
share, total_about, _ = verbatim_share(
    lambda p: (
        p["section"] in ("reason", "strengths", "development")
        and p.get("claim") not in OWN_WORDS
        and not any(s["field"] == "explanation" for s in p["sources"])
    )
)
print(f"    of the sentences about this candidate (no tip, requirement or explanation): "
      f"{share:.1%} of {total_about}")  # fmt: skip

INTERVIEWER_TEXT = {"candidate_comment", "evidence", "key_takeaways"}
observations = backed = 0
for n in notes:
    for p in n.provenance:
        if p.get("claim") != "observation":
            continue
        observations += 1
        backed += any(
            s["kind"] == "scorecard" and s["field"] in INTERVIEWER_TEXT for s in p["sources"]
        )
if observations:
    print(f"observations backed by interviewer text: {backed / observations:.1%} "
          f"of {observations} (target 100 %)")  # fmt: skip
else:
    print("observations backed by interviewer text: no sentence is marked as an observation")
review = Counter(r for n in notes for r in n.quality.get("review_reasons", ()))
flagged = sum(1 for n in notes if n.quality.get("review_reasons"))
print(f"notes flagged needs-review: {flagged} of {len(notes)}; by reason: {dict(review)}")
fallback = sum(1 for n in notes if n.quality.get("language_fallback"))
print(f"notes not in the candidate's language (language_fallback): {fallback}")
