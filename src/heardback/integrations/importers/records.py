"""The shape every source is translated into before anything touches the database.

Each reader (Greenhouse v1, v3, Lever, CSV) only parses and validates its files into a `Bundle`;
`writer.py` upserts a bundle the same way whatever its source, so idempotency, counting and
candidate-safety rules live in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Origin = tuple[str, str]  # (file, record id or line) for problem rows


@dataclass
class UserRec:
    key: str  # the source's own id for the person, or their email
    email: str
    name: str = ""
    # The address we invent when a source names someone without an email; a later import that
    # knows the real address renames this user instead of creating a second one.
    placeholder_email: str = ""


@dataclass
class JobRec:
    ext: str
    title: str
    department: str = ""
    location: str = ""
    status: str = "open"


@dataclass
class StageRec:
    job: str
    ext: str
    name: str
    order: int | None = None  # the source's pipeline order, when it gives one


@dataclass
class ReasonRec:
    ext: str
    name: str
    category: str
    # A category the recruiter confirmed (reason map, CSV column) overrides a stored one; a
    # guessed one is only used when the reason is new, so a recruiter's correction survives.
    confirmed: bool = False


@dataclass
class CandidateRec:
    ext: str
    first_name: str
    last_name: str = ""
    email: str = ""
    phone: str = ""
    language: str | None = None


@dataclass
class ApplicationRec:
    ext: str
    candidate: str
    job: str
    origin: Origin
    status: str = "active"
    decision: str = "pending"
    stage: str | None = None  # StageRec.ext within the job
    rejection_reason: str | None = None
    decided_at: dt.datetime | None = None
    source: str = ""
    applied_at: dt.datetime | None = None
    last_activity_at: dt.datetime | None = None


@dataclass
class InterviewRec:
    ext: str
    application: str
    name: str
    origin: Origin
    scheduled_at: dt.datetime | None = None
    interviewers: list[str] = field(default_factory=list)  # UserRec keys
    # True when the source gave no interview id and we grouped scorecards into one (by
    # application and interview step, see `derived_interview_key`).
    derived: bool = False


@dataclass
class RatingRec:
    competency: str
    rating: str = ""
    rating_raw: str = ""
    evidence: str = ""
    # None: the source says nothing candidate-facing, so an existing comment is left alone.
    candidate_comment: str | None = None


@dataclass
class ScorecardRec:
    ext: str
    application: str
    interview: str
    interviewer: str  # UserRec key
    origin: Origin
    overall: str = "no_decision"
    overall_raw: str = ""
    key_takeaways: str = ""
    private_notes: str = ""
    submitted_at: dt.datetime | None = None
    ratings: list[RatingRec] = field(default_factory=list)


@dataclass
class Bundle:
    users: dict[str, UserRec] = field(default_factory=dict)
    jobs: dict[str, JobRec] = field(default_factory=dict)
    stages: dict[tuple[str, str], StageRec] = field(default_factory=dict)
    reasons: dict[str, ReasonRec] = field(default_factory=dict)
    candidates: dict[str, CandidateRec] = field(default_factory=dict)
    applications: dict[str, ApplicationRec] = field(default_factory=dict)
    interviews: dict[str, InterviewRec] = field(default_factory=dict)
    scorecards: dict[str, ScorecardRec] = field(default_factory=dict)
    # Applications left out on purpose (prospects, not rejected by us…): their scorecards are
    # skipped quietly instead of being reported as dangling.
    skipped_applications: set[str] = field(default_factory=set)

    def user(self, key: str, email: str, name: str = "", placeholder: str = "") -> str:
        """Register a person (merging what several files know) and return their key."""
        known = self.users.get(key)
        if known is None:
            self.users[key] = UserRec(key, email or placeholder, name, placeholder)
            return key
        if email and known.email == known.placeholder_email:
            known.email = email
        known.name = known.name or name
        return key


# Keys of interviews grouped from scorecards: "step:<application>:<step>", "kit:<app>:<kit>".
DERIVED_INTERVIEW_PREFIXES = ("step:", "kit:")


def derived_interview_key(kind: str, application: str, step: str) -> str:
    """The key of an interview made up from the scorecards of one application and step."""
    return f"{kind}:{application}:{step}"


def is_derived_interview_key(ext: str) -> bool:
    """Whether a stored interview id is one we made up rather than the source's own."""
    return ext.startswith(DERIVED_INTERVIEW_PREFIXES)


def placeholder_email(system: str, user_id: str) -> str:
    """gh-user-123@import.invalid: a reserved domain, so nobody is ever emailed by mistake."""
    safe = "".join(ch for ch in user_id.lower() if ch.isalnum() or ch == "-")[:60]
    return f"{system}-user-{safe}@import.invalid"
