"""Golden notes: one per honesty case and language, read by a person and kept as they should be.

A change to the phrasebook shows up here as a diff to read. To accept it, regenerate:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/feedback/engine/test_compose_golden.py

then read every changed file as the candidate would, before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from heardback.feedback.engine import Note, compose
from tests.feedback.engine import factories as f

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def as_golden(note: Note) -> str:
    return f"Subject: {note.subject}\n\n{note.text}"


def check(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden {path.name}: run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("case", f.CASES)
def test_the_note_reads_as_its_golden(case, lang):
    note = compose(f.scenario(case, lang), guard=f.no_findings)
    check(GOLDEN / f"{case}.{lang}.txt", as_golden(note))


def test_the_html_reads_as_its_golden():
    note = compose(f.scenario("skills_gap"), guard=f.no_findings)
    check(GOLDEN / "skills_gap.en.html", note.html)
