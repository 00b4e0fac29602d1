from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from heardback.api import selectors
from heardback.api.auth import needs
from heardback.api.pagination import paginate
from heardback.api.routers import actor_of, organization_of, person_of
from heardback.api.schemas.base import Id, answers
from heardback.api.schemas.feedback import (
    ApproveCleanIn,
    ApproveCleanOut,
    ApproveIn,
    EditIn,
    NoteFilters,
    NoteOut,
    NotePage,
    SendIn,
)
from heardback.api.scopes import READ, WRITE_FEEDBACK
from heardback.feedback import selectors as feedback_selectors
from heardback.feedback import services as feedback
from heardback.feedback.models import FeedbackNote
from heardback.feedback.sending import feedback_notes_queue
from heardback.outbox.services import outbound_email_cancel

router = Router(tags=["feedback notes"])

# What a request without a body means (`curl -X POST` with no -d): every field at its default.
NO_BODY_CLEAN = ApproveCleanIn(job=None)
NO_BODY_APPROVE = ApproveIn(acknowledge_warnings=False)
NO_BODY_SEND = SendIn(at=None)


@router.get("/feedback-notes", response=answers(200, NotePage), **needs(READ))
def feedback_note_list(request: HttpRequest, filters: Query[NoteFilters]) -> dict[str, Any]:
    """The current version of every note, oldest first, filtered like the review queue."""
    notes = selectors.feedback_notes_for_organization(
        organization=organization_of(request),
        job=filters.job,
        status=filters.status or "",
        verdict=filters.verdict or "",
        needs_review=filters.needs_review,
    )
    return paginate(request, notes, filters)


# Before /feedback-notes/{note_id}: its pattern would take "approve-clean" for an id.
@router.post(
    "/feedback-notes/approve-clean",
    response=answers(200, ApproveCleanOut),
    **needs(WRITE_FEEDBACK),
)
def feedback_notes_approve_clean(
    request: HttpRequest, payload: ApproveCleanIn = NO_BODY_CLEAN
) -> dict[str, int]:
    """Approve every current draft the guard found clean (optionally of one job). Drafts
    that need a person's review (`review_reasons`) stay drafts: approve each one by its id."""
    organization = organization_of(request)
    job = (
        selectors.job_get_for_organization(organization=organization, pk=payload.job)
        if payload.job is not None
        else None
    )
    approved = feedback.feedback_notes_approve_clean(
        actor=actor_of(request), organization=organization, job=job
    )
    return {
        "approved": approved,
        "needs_review": feedback_selectors.feedback_notes_needing_review(
            organization=organization, job_id=str(job.pk) if job else ""
        ).count(),
    }


@router.get("/feedback-notes/{note_id}", response=answers(200, NoteOut), **needs(READ))
def feedback_note_get(request: HttpRequest, note_id: Id) -> FeedbackNote:
    """One version of a note; `is_current` says whether it is the one that can move forward."""
    return selectors.feedback_note_get_for_organization(
        organization=organization_of(request), pk=note_id
    )


@router.get(
    "/applications/{application_id}/feedback-note", response=answers(200, NoteOut), **needs(READ)
)
def feedback_note_current(request: HttpRequest, application_id: Id) -> FeedbackNote:
    """The application's current note (404 until one is drafted)."""
    application = selectors.application_get_for_organization(
        organization=organization_of(request), pk=application_id
    )
    return selectors.feedback_note_current(application=application)


@router.post(
    "/applications/{application_id}/feedback-note",
    response=answers(201, NoteOut),
    **needs(WRITE_FEEDBACK),
)
def feedback_note_draft(request: HttpRequest, application_id: Id) -> Status[FeedbackNote]:
    """Draft the note of a rejected or withdrawn application from its scorecards, or draft it
    again (a new version) while it is not yet approved."""
    application = selectors.application_get_for_organization(
        organization=organization_of(request), pk=application_id
    )
    return Status(
        201, feedback.feedback_note_draft(actor=actor_of(request), application=application)
    )


@router.post(
    "/feedback-notes/{note_id}/edit", response=answers(201, NoteOut), **needs(WRITE_FEEDBACK)
)
def feedback_note_edit(request: HttpRequest, note_id: Id, payload: EditIn) -> Status[FeedbackNote]:
    """Save a new version of the current note with this subject and text, checked again by the
    guard: a draft to approve again. Not once the note is queued, sent or failed.

    Recorded as the edit of the person the key acts for."""
    note = selectors.feedback_note_get_for_organization(
        organization=organization_of(request), pk=note_id
    )
    edited = feedback.feedback_note_edit(
        actor=person_of(request), note=note, subject=payload.subject, text=payload.text
    )
    return Status(201, edited)


@router.post(
    "/feedback-notes/{note_id}/approve", response=answers(200, NoteOut), **needs(WRITE_FEEDBACK)
)
def feedback_note_approve(
    request: HttpRequest, note_id: Id, payload: ApproveIn = NO_BODY_APPROVE
) -> FeedbackNote:
    """Approve the current draft: never when the guard blocked it, and only with
    `acknowledge_warnings` when it warned."""
    note = selectors.feedback_note_get_for_organization(
        organization=organization_of(request), pk=note_id
    )
    return feedback.feedback_note_approve(
        actor=actor_of(request), note=note, acknowledge_warnings=payload.acknowledge_warnings
    )


@router.post(
    "/feedback-notes/{note_id}/send", response=answers(200, NoteOut), **needs(WRITE_FEEDBACK)
)
def feedback_note_send(
    request: HttpRequest, note_id: Id, payload: SendIn = NO_BODY_SEND
) -> FeedbackNote:
    """Queue an approved note for delivery to the candidate, now or at `at`."""
    organization = organization_of(request)
    note = selectors.feedback_note_get_for_organization(organization=organization, pk=note_id)
    try:
        at = feedback.parse_when(payload.at.isoformat() if payload.at else "now", organization)
    except feedback.FeedbackError as error:  # a time in the past: `at` is the input to change
        raise feedback.FeedbackError({"at": error.messages}) from None
    if not feedback_notes_queue(
        actor=actor_of(request), organization=organization, note=note, at=at
    ):
        note.refresh_from_db()
        approved = note.is_current and note.status == FeedbackNote.Status.APPROVED
        raise feedback.FeedbackError(
            note.last_error
            if approved and note.last_error
            else _("Only the current, approved version of a note can be sent.")
        )
    note.refresh_from_db()
    return note


@router.post(
    "/feedback-notes/{note_id}/cancel", response=answers(200, NoteOut), **needs(WRITE_FEEDBACK)
)
def feedback_note_cancel(request: HttpRequest, note_id: Id) -> FeedbackNote:
    """Cancel the note's queued email before a worker picks it up; the note is approved again."""
    note = selectors.feedback_note_get_for_organization(
        organization=organization_of(request), pk=note_id
    )
    email = selectors.feedback_note_last_email(note=note)
    if email is None:
        raise feedback.FeedbackError(_("This note has no email to cancel."))
    outbound_email_cancel(actor=actor_of(request), email=email)
    note.refresh_from_db()
    return note
