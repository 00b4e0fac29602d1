"""Feedback notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from heardback.api.schemas.base import (
    Id,
    InputSchema,
    Language,
    LocalWhen,
    Long,
    NoteStatus,
    PageFilters,
    Subject,
    Verdict,
)

# --- Feedback notes -----------------------------------------------------------------------


class NoteOut(Schema):
    id: int
    application_id: int
    version: int
    is_current: bool
    status: NoteStatus
    language: Language
    subject: str
    text: str
    html: str
    guard_verdict: Verdict
    guard_findings: list[dict[str, Any]]
    review_reasons: list[str] = Field(
        description="Why a person must read this note before it goes (`reason_unsupported`, "
        "`reason_unstated`, `contradiction`, `disagreement_on_heaviest`, `observation_unbacked`, "
        "`scorecard_blocked`); empty when it may be approved in bulk."
    )
    language_fallback: bool = Field(
        description="true: the note is in the job's language, not the candidate's, because the "
        "organization writes in neither (its default language and its jobs' languages); the "
        "note page says what to do about it."
    )
    rubric_language: str = Field(
        description="The language of the job's rubric when it is not the note's (`en`, `fr`), "
        "else empty: the note then names the competencies in the rubric's language and gives "
        "no tips or requirements, which a recruiter may want to add by editing it."
    )
    warnings_acknowledged: bool
    approved_at: dt.datetime | None
    scheduled_for: dt.datetime | None
    sent_at: dt.datetime | None
    last_error: str
    created_at: dt.datetime

    @staticmethod
    def resolve_language_fallback(note: Any) -> bool:
        return bool(note.quality.get("language_fallback"))

    @staticmethod
    def resolve_rubric_language(note: Any) -> str:
        return str(note.quality.get("rubric_language", ""))


class NotePage(Schema):
    items: list[NoteOut]
    next: str | None


class NoteFilters(PageFilters):
    job: Id | None = None
    status: NoteStatus | None = None
    verdict: Verdict | None = None
    needs_review: bool | None = Field(
        None, description="true: only notes a person must read first (`review_reasons`)."
    )


class ApproveIn(InputSchema):
    acknowledge_warnings: bool = Field(False, description="Needed when the guard warned.")


class ApproveCleanIn(InputSchema):
    job: Id | None = Field(None, description="Only this job's notes; omit for every job.")


class ApproveCleanOut(Schema):
    approved: int = Field(description="How many drafts were approved.")
    needs_review: int = Field(
        description="Drafts a person must read first (`review_reasons`): left as drafts."
    )


class EditIn(InputSchema):
    subject: Subject = Field(description="One line; blank is refused.")
    text: Long = Field(description="Plain text, paragraphs separated by blank lines.")


class SendIn(InputSchema):
    at: LocalWhen | None = Field(
        None,
        description="When to send (ISO-8601; without an offset, in the organization's time "
        "zone). Omit to send now.",
    )
