"""Jobs, candidates, applications, interviews and scorecards."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import field_validator

from heardback.api.schemas.base import (
    ApplicationStatus,
    Decision,
    Email,
    Id,
    InputSchema,
    InterviewKind,
    JobStatus,
    Language,
    Line,
    Long,
    Name,
    NoteStatus,
    Overall,
    PageFilters,
    Phone,
    Rating,
    ReasonCategory,
    StageKind,
    When,
)
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Interview, Job, PipelineStage, Scorecard

# --- Jobs ---------------------------------------------------------------------------------


class StageOut(Schema):
    id: int
    name: str
    kind: StageKind
    position: int


class CompetencyOut(Schema):
    id: int
    name: str
    description: str
    bar: Rating
    weight: int
    tips: str
    position: int
    needs_description: bool
    # str keys: rubrics imported from elsewhere may hold keys the API would refuse today.
    descriptors: dict[str, str] = Field(
        description="What each rating means (keyed by rating), in words a candidate may read."
    )


class JobOut(Schema):
    id: int
    title: str
    department: str
    location: str
    status: JobStatus
    language: Language
    screening_criteria: str
    family: str
    level: int | None
    description: str
    recruiter_id: int | None
    hiring_manager_id: int | None
    created_at: dt.datetime
    external_ids: dict[str, Any]
    stages: list[StageOut]
    competencies: list[CompetencyOut]

    @staticmethod
    def resolve_stages(job: Job) -> list[PipelineStage]:
        return list(job.stages.all())

    @staticmethod
    def resolve_competencies(job: Job) -> list[Any]:
        return list(job.competencies.all())


class JobPage(Schema):
    items: list[JobOut]
    next: str | None


class JobFilters(PageFilters):
    status: JobStatus | None = None


class StageIn(InputSchema):
    name: Name
    kind: StageKind = "interview"


class CompetencyIn(InputSchema):
    name: Name
    description: Long = ""
    bar: Rating = "yes"
    weight: int = Field(1, ge=1, le=10)
    tips: Long = ""
    descriptors: dict[Rating, Long] = Field(
        {}, description="What each rating means, in words a candidate may read."
    )


class JobIn(InputSchema):
    title: Name
    department: Line = ""
    location: Line = ""
    status: JobStatus = "open"
    language: Language | None = Field(None, description="Default: the organization's.")
    screening_criteria: Long = ""
    family: Line = Field(
        "",
        description='The job family ("Backend engineering"): a candidate not hired for one '
        "role is suggested open roles of the same family their strengths fit.",
    )
    level: int | None = Field(
        None, ge=1, le=5, description="Seniority, 1 (entry) to 5 (principal); suggestions near it."
    )
    description: Long = Field("", description="What the role is; compared with comments, résumés.")
    recruiter_id: Id | None = Field(None, description="A member; replies to notes go to them.")
    hiring_manager_id: Id | None = None
    stages: list[StageIn] = Field([], max_length=30, description="The pipeline, in order.")
    competencies: list[CompetencyIn] = Field([], max_length=50, description="The rubric.")


# --- Candidates ---------------------------------------------------------------------------


class CandidateOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    language: Language
    phone: str
    created_at: dt.datetime
    external_ids: dict[str, Any]


class CandidatePage(Schema):
    items: list[CandidateOut]
    next: str | None


class CandidateFilters(PageFilters):
    email: Email | None = Field(None, description="Exact address, any case.")


class CandidateIn(InputSchema):
    first_name: Name
    last_name: Line = ""
    email: Email = ""
    language: Language | None = Field(None, description="Default: the organization's.")
    phone: Phone = ""
    resume_text: Long = ""


# --- Applications -------------------------------------------------------------------------


class CandidateBriefOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str


class ReasonOut(Schema):
    id: int
    name: str
    category: ReasonCategory
    explanation_en: str
    explanation_fr: str
    stages: list[StageKind] = Field(
        description="The stage kinds the explanation is true of; empty: every stage."
    )
    sends_note: bool = Field(description="False: rejected applications get no note (spam).")


class ReasonIn(InputSchema):
    name: Name = Field(description="Unique in the organization (case aside).")
    category: ReasonCategory
    explanation_en: Long = Field(
        "", description="What a candidate reads about this reason, in English (guard-checked)."
    )
    explanation_fr: Long = Field("", description="The same, in French.")
    stages: list[StageKind] = Field(
        default_factory=list,
        max_length=5,
        description="The stage kinds the explanation is true of; empty: every stage.",
    )
    sends_note: bool = Field(
        True, description="False for duplicates or spam: no note is drafted for them."
    )


class ReasonPage(Schema):
    items: list[ReasonOut]
    next: str | None


class NoteBriefOut(Schema):
    id: int
    version: int
    status: NoteStatus


class ApplicationOut(Schema):
    id: int
    candidate: CandidateBriefOut
    job_id: int
    job_title: str
    stage: StageOut | None
    status: ApplicationStatus
    decision: Decision
    decided_at: dt.datetime | None
    decided_by_id: int | None
    rejection_reason: ReasonOut | None
    source: str
    applied_at: dt.datetime
    last_activity_at: dt.datetime
    external_ids: dict[str, Any]
    feedback_note: NoteBriefOut | None = Field(description="The current note, once drafted.")

    @staticmethod
    def resolve_job_title(application: Application) -> str:
        return application.job.title

    @staticmethod
    def resolve_feedback_note(application: Application) -> FeedbackNote | None:
        # Prefetched as `current_notes` by the selectors: no query per application.
        notes = getattr(application, "current_notes", None)
        if notes is None:
            notes = list(application.feedback_notes.filter(is_current=True))
        return notes[0] if notes else None


class ApplicationPage(Schema):
    items: list[ApplicationOut]
    next: str | None


class ApplicationFilters(PageFilters):
    job: Id | None = None
    candidate: Id | None = None
    stage: Id | None = None
    status: ApplicationStatus | None = None
    decision: Decision | None = None


class ApplicationIn(InputSchema):
    candidate_id: Id
    job_id: Id
    stage_id: Id | None = Field(None, description="Default: the job's first stage.")
    source: Line = ""
    applied_at: When | None = Field(None, description="Default: now.")


class RejectIn(InputSchema):
    reason_id: Id = Field(description="One of GET /rejection-reasons.")


class AdvanceIn(InputSchema):
    stage_id: Id = Field(description="A later stage of the application's job.")


# --- Interviews and scorecards ------------------------------------------------------------


class InterviewOut(Schema):
    id: int
    application_id: int
    name: str
    kind: InterviewKind
    scheduled_at: dt.datetime | None
    interviewer_ids: list[int]
    external_ids: dict[str, Any]

    @staticmethod
    def resolve_interviewer_ids(interview: Interview) -> list[int]:
        return [user.pk for user in interview.interviewers.all()]


class InterviewPage(Schema):
    items: list[InterviewOut]
    next: str | None


class InterviewFilters(PageFilters):
    application: Id | None = None


class InterviewIn(InputSchema):
    application_id: Id
    name: Name
    kind: InterviewKind = "other"
    scheduled_at: When | None = None
    interviewer_ids: list[Id] = Field([], max_length=20, description="Members on the panel.")


class RatingOut(Schema):
    competency_id: int
    competency_name: str
    rating: Rating | Literal[""] = Field(description="'' when the competency was not assessed.")
    evidence: str
    candidate_comment: str

    @staticmethod
    def resolve_competency_name(rating: Any) -> str:
        return str(rating.competency.name)


class ScorecardOut(Schema):
    id: int
    interview_id: int
    application_id: int
    interviewer_id: int
    overall_recommendation: Overall
    key_takeaways: str
    private_notes: str = Field(description="Internal: never shown to the candidate.")
    submitted_at: dt.datetime | None
    created_at: dt.datetime
    ratings: list[RatingOut]

    @staticmethod
    def resolve_ratings(scorecard: Scorecard) -> list[Any]:
        return list(scorecard.ratings.all())


class ScorecardPage(Schema):
    items: list[ScorecardOut]
    next: str | None


class ScorecardFilters(PageFilters):
    application: Id | None = None
    interview: Id | None = None
    submitted: bool | None = None


class RatingIn(InputSchema):
    competency_id: Id
    rating: Rating | Literal[""] = Field(description="'' when the competency was not assessed.")
    evidence: Long = Field("", description="Internal: never shown to the candidate.")
    candidate_comment: Long = Field("", description="May be quoted to the candidate.")


class ScorecardUpdateIn(InputSchema):
    overall_recommendation: Overall = "no_decision"
    ratings: list[RatingIn] = Field(
        [], max_length=50, description="At most one rating per competency."
    )
    key_takeaways: Long = ""
    private_notes: Long = ""
    submit: bool = Field(False, description="Submit now: the scorecard is then final.")

    @field_validator("ratings")
    @classmethod
    def _one_rating_per_competency(cls, ratings: list[RatingIn]) -> list[RatingIn]:
        # Two ratings of one competency would silently keep the last: say so instead.
        ids = [rating.competency_id for rating in ratings]
        twice = sorted({pk for pk in ids if ids.count(pk) > 1})
        if twice:
            raise ValueError(f"rates competency {', '.join(map(str, twice))} more than once")
        return ratings


class ScorecardIn(ScorecardUpdateIn):
    interview_id: Id
    interviewer_id: Id = Field(description="Someone on the interview's panel.")
