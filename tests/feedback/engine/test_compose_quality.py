"""Corpus-level targets: notes of one job differ, read easily and stay short.

Measured on the synthetic applications of tests/feedback/engine/factories.py, the same kind of
batch the demo sends: one job, many candidates.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from functools import cache

import pytest

from heardback.feedback.engine import Note, compose
from tests.feedback.engine.factories import no_findings, synthetic_inputs

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default TfidfVectorizer tokens
WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


@cache
def batch(lang: str, count: int = 80) -> tuple[Note, ...]:
    return tuple(compose(i, guard=no_findings) for i in synthetic_inputs(count, lang=lang))


def mean_pairwise_tfidf_cosine(texts: list[str]) -> float:
    """As scikit-learn computes it by default: lower case, smooth idf, l2 norm."""
    counts = [Counter(TOKEN.findall(t.lower())) for t in texts]
    df = Counter(term for c in counts for term in c)
    idf = {term: math.log((1 + len(texts)) / (1 + n)) + 1 for term, n in df.items()}
    vectors = []
    for c in counts:
        v = {term: n * idf[term] for term, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        vectors.append({term: x / norm for term, x in v.items()})
    return statistics.mean(
        sum(x * b.get(term, 0.0) for term, x in a.items())
        for i, a in enumerate(vectors)
        for b in vectors[i + 1 :]
    )


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e: close enough for a reading-ease floor."""
    word = word.lower()
    n = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(n, 1)


def flesch_reading_ease(text: str) -> float:
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", text)))
    words = WORD.findall(re.sub(r"https?://\S+", "", text))
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * sum(map(syllables, words)) / len(words)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_notes_for_one_job_are_not_one_template(lang):
    assert mean_pairwise_tfidf_cosine([n.text for n in batch(lang)]) <= 0.65


def test_english_notes_read_easily():
    assert min(flesch_reading_ease(n.text) for n in batch("en")) >= 50


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_notes_after_interviews_stay_between_120_and_320_words(lang):
    # A skills reason brings strengths and areas to grow; a closed role or pay does not, and
    # its note is rightly shorter (but still more than a mail merge).
    inputs = synthetic_inputs(80, lang=lang)
    about_skills = [
        n.quality.word_count
        for i, n in zip(inputs, batch(lang), strict=True)
        if n.kind == "interviewed"
        and i.decision.reason_category in ("skills_gap", "experience_level")
    ]
    counts = [n.quality.word_count for n in batch(lang) if n.kind == "interviewed"]
    assert about_skills and min(about_skills) >= 120 and max(counts) <= 320
    assert min(counts) >= 60
    # As a word processor counts them too: French ":" and « » are set apart by spaces.
    assert max(len(n.text.split()) for n in batch(lang)) <= 320
