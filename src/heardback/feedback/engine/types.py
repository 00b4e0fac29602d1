"""The engine's contract: plain, frozen dataclasses in and out (no Django here)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
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
# What a sentence may claim (shared/EXAMPLE_NOTES.md, section 6). Only an observation speaks of
# what the candidate did, and only from what an interviewer wrote about this application; a
# requirement speaks of the role, never of the candidate.
Claim = Literal["courtesy", "decision", "reason", "observation", "requirement", "tip", "next_step"]
# Why a person must read a note before it goes (FeedbackNote.review_reasons).
# "reason_unstated": the reason is "other" and the organization gave it no words, so the note
# states a decision without a reason; a person writes it in.
ReviewReason = Literal[
    "reason_unsupported",
    "reason_unstated",
    "contradiction",
    "disagreement_on_heaviest",
    "observation_unbacked",
]


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
    # The language the rubric and criteria are written in ("" = the note's): a note in another
    # language does not quote them.
    language: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    first_name: str
    last_name: str
    language: Language  # the note's language
    # The candidate's own language when the note cannot be written in it ("" = `language`):
    # the recruiter is told (Quality.language_fallback).
    preferred_language: str = ""


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
    interviewer_id: int = 0  # who wrote it (0: not known): one person is "your interviewer"


@dataclass(frozen=True, slots=True)
class Decision:
    reason_category: ReasonCategory
    reason_name: str  # the organization's internal label: never shown to the candidate
    reason_explanation: str  # candidate-safe, in the candidate's language; may be ""
    decided_on: datetime.date
    # The stage kinds (application_review, screen, interview, final, offer) the explanation is
    # true of; () = every stage. One that does not fit the stage reached is not used.
    reason_stages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    organization_name: str
    tone: Tone
    reapply_months: int
    show_interviewer_first_names: bool
    recruiter_name: str
    recruiter_title: str = ""
    portal_url: str = ""
    # The organization has partner organizations (partners/): the note tells the candidate
    # they may choose, on their page, to be suggested to them.
    partners: bool = False


@dataclass(frozen=True, slots=True)
class OpenRole:
    id: int
    title: str
    competency_names: tuple[str, ...]
    # The rubric's weight of each competency, in the same order; () counts them all alike.
    competency_weights: tuple[int, ...] = ()
    # Set when the roles were ranked for this candidate (engine.fit, see feedback/inputs.py):
    # why the role fits, in the note's language. `match_open_roles` then keeps their order.
    explanation: str = ""


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
    # The kind of the stage reached (application_review, screen, interview, final, offer);
    # "" when unknown.
    stage_kind: str = ""
    # The recruiter asks for development areas although the reason is not about skills.
    development_requested: bool = False
    # What a partner organization would see of the candidate, best first: the competencies
    # rated "yes" or better on average over all their applications, as the partners' pool
    # lists them. None: not known (the engine reads this application's ratings instead).
    partner_strengths: tuple[str, ...] | None = None


# --- output ------------------------------------------------------------------------------------


# A note holds about 15 sentences citing 35 sources, and the engine writes thousands of notes
# a second: these two set their slots directly, which costs half of a frozen dataclass's
# generated __init__ (one object.__setattr__ call per field). They stay frozen.


@dataclass(frozen=True, slots=True, init=False)
class Source:
    kind: SourceKind
    ref: str  # "scorecard:12/competency:3", "interview:7", "reason:skills_gap", "open_role:9", …
    field: str = ""  # "rating", "candidate_comment", "descriptor:yes", "tips", …

    def __init__(self, kind: SourceKind, ref: str, field: str = "") -> None:
        _set_source_kind(self, kind)
        _set_source_ref(self, ref)
        _set_source_field(self, field)


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    text: str
    section: Section
    sources: tuple[Source, ...]
    claim: Claim = "courtesy"

    def __init__(
        self, text: str, section: Section, sources: tuple[Source, ...], claim: Claim = "courtesy"
    ) -> None:
        _set_sentence_text(self, text)
        _set_sentence_section(self, section)
        _set_sentence_sources(self, sources)
        _set_sentence_claim(self, claim)


def sources_of(kind: SourceKind, refs: Iterable[str], field: str = "") -> tuple[Source, ...]:
    """One source per ref, all of one kind and field (the ratings a sentence rests on)."""
    made = []
    for ref in refs:
        source = _new_source(Source)
        _set_source_kind(source, kind)
        _set_source_ref(source, ref)
        _set_source_field(source, field)
        made.append(source)
    return tuple(made)


_new_source = object.__new__
_set_source_kind = Source.__dict__["kind"].__set__
_set_source_ref = Source.__dict__["ref"].__set__
_set_source_field = Source.__dict__["field"].__set__
_set_sentence_text = Sentence.__dict__["text"].__set__
_set_sentence_section = Sentence.__dict__["section"].__set__
_set_sentence_sources = Sentence.__dict__["sources"].__set__
_set_sentence_claim = Sentence.__dict__["claim"].__set__


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
    # Sentences that state what the candidate did or showed, and those of them that cite no
    # interviewer-written text of this application (always 0 unless the engine is wrong).
    observations: int = 0
    unbacked_observations: int = 0
    # Human-readable: "Testing is both a strength and a development area".
    contradictions: tuple[str, ...] = ()
    # Why a person must read the note before it goes (see ReviewReason); () = clean.
    review_reasons: tuple[ReviewReason, ...] = ()
    # The note is not in the candidate's own language (the organization does not write in it).
    language_fallback: bool = False
    # The job's rubric is in another language than the note ("en" or "fr"; "" when the same):
    # its competencies are named in that language, and its descriptors and tips are left out.
    rubric_language: str = ""


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
