"""The feedback engine: plain dataclasses in, one personal and honest note out (no Django)."""

from __future__ import annotations

from heardback.feedback.engine.compose import GuardCheck, compose, compose_many
from heardback.feedback.engine.match import match_open_roles
from heardback.feedback.engine.render import unwrapped
from heardback.feedback.engine.types import (
    AttributeRating,
    Candidate,
    Competency,
    Decision,
    Interview,
    Job,
    Language,
    Note,
    NoteInput,
    NoteKind,
    OpenRole,
    OverallRecommendation,
    Policy,
    Quality,
    RatingItem,
    ReasonCategory,
    Scorecard,
    Section,
    Sentence,
    Source,
    Tone,
)

__all__ = [
    "AttributeRating",
    "Candidate",
    "Competency",
    "Decision",
    "GuardCheck",
    "Interview",
    "Job",
    "Language",
    "Note",
    "NoteInput",
    "NoteKind",
    "OpenRole",
    "OverallRecommendation",
    "Policy",
    "Quality",
    "RatingItem",
    "ReasonCategory",
    "Scorecard",
    "Section",
    "Sentence",
    "Source",
    "Tone",
    "compose",
    "compose_many",
    "match_open_roles",
    "unwrapped",
]
