"""The engine's contract: plain, frozen dataclasses in and out (no Django here)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the guard may one day import these types: no import cycle at run time
    from heardback.feedback.engine import guard

# The canonical 5-point attribute scale, in order from worst to best.
AttributeRating = Literal["definitely_not", "no", "mixed", "yes", "strong_yes"]
OverallRecommendation = Literal["strong_no", "no", "yes", "strong_yes", "no_decision"]
ReasonCategory = Literal[
    "skills_gap",
    "experience_level",
    "stronger_candidate",
    "role_closed",
    "compensation",
    "location",
    "logistics",
    "withdrew",
    "other",
]
Tone = Literal["warm", "formal"]
Language = Literal["en", "fr"]
Section = Literal[
    "greeting",
    "decision",
    "thanks",
    "reason",
    "strengths",
    "development",
    "next_steps",
    "signature",
]
SourceKind = Literal["scorecard", "interview", "reason", "policy", "job", "candidate", "open_role"]
NoteKind = Literal["interviewed", "screening", "withdrawn"]


# --- input -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Competency:
    id: int
    name: str
    description: str
    weight: int
    bar: AttributeRating
    # rating -> candidate-facing clause for that level, in the second person, without a final
    # full stop: "you explain your reasoning clearly and check that others follow".
    descriptors: Mapping[str, str]
    # Candidate-facing, actionable development tips (one or two full sentences).
    tips: str


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    title: str
    rubric: tuple[Competency, ...]
    # Candidate-facing phrase completing "For this role we look for …", used at screening.
    screening_criteria: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    first_name: str
    last_name: str
    language: Language


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    name: str
    kind: str  # screen|technical|system_design|hiring_manager|onsite|take_home|other
    date: datetime.date | None


@dataclass(frozen=True, slots=True)
class RatingItem:
    competency_id: int
    rating: AttributeRating | None  # None = no decision
    evidence: str  # INTERNAL: reaches the candidate only when evidence_shareable and guard-clean
    candidate_comment: str  # written for the candidate; still checked by the guard
    evidence_shareable: bool = False


@dataclass(frozen=True, slots=True)
class Scorecard:
    id: int
    interview_id: int
    interviewer_first_name: str
    overall: OverallRecommendation
    items: tuple[RatingItem, ...]
    key_takeaways: str = ""
    key_takeaways_shareable: bool = False
    private_notes: str = ""  # never reaches the candidate


@dataclass(frozen=True, slots=True)
class Decision:
    reason_category: ReasonCategory
    reason_name: str  # the organization's internal label: never shown to the candidate
    reason_explanation: str  # candidate-safe, in the candidate's language; may be ""
    decided_on: datetime.date


@dataclass(frozen=True, slots=True)
class Policy:
    organization_name: str
    tone: Tone
    reapply_months: int
    show_interviewer_first_names: bool
    recruiter_name: str
    recruiter_title: str = ""
    portal_url: str = ""


@dataclass(frozen=True, slots=True)
class OpenRole:
    id: int
    title: str
    competency_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NoteInput:
    application_id: int
    job: Job
    candidate: Candidate
    stage_reached: str
    interviews: tuple[Interview, ...]
    scorecards: tuple[Scorecard, ...]
    decision: Decision
    policy: Policy
    open_roles: tuple[OpenRole, ...] = ()
    other_candidate_names: tuple[str, ...] = ()  # passed to the guard


# --- output ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    kind: SourceKind
    ref: str  # "scorecard:12/competency:3", "interview:7", "reason:skills_gap", "open_role:9", …
    field: str = ""  # "rating", "candidate_comment", "descriptor:yes", "tips", …


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    section: Section
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Quality:
    word_count: int
    strengths: int
    development_areas: int
    quoted_comments: int
    dropped_comments: int  # quotable comments the guard objected to (any finding)
    disagreements: int  # competencies left out because interviewers disagreed strongly
    unrated: int = 0  # rubric competencies nobody rated
    scorecards: int = 0
    open_roles: int = 0  # open roles suggested in the note
    # True when the reason category claimed a skills gap the scorecards do not show: the note
    # does not repeat the claim, and the recruiter should look before approving.
    reason_unsupported: bool = False
    guard_verdict: guard.Verdict = "ok"


@dataclass(frozen=True, slots=True)
class Note:
    subject: str
    text: str
    html: str
    language: Language
    sentences: tuple[Sentence, ...]
    quality: Quality
    guard_findings: tuple[guard.Finding, ...]  # spans refer to `text`
    kind: NoteKind = "interviewed"
