"""Reads for the feedback review queue, org-scoped."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability, member_who_can
from heardback.feedback.models import FeedbackNote
from heardback.feedback.review import review_labels
from heardback.hiring.models import Application, ScorecardRating

# The statuses that are owed a note (unless their reason sends none).
NOTE_STATUSES = (Application.Status.REJECTED, Application.Status.WITHDRAWN)


def feedback_note_get_for_user(*, user: User, pk: int | str) -> FeedbackNote:
    """A note of an organization where the user is a decider (recruiter, manager, admin), or 404."""
    try:
        return (
            FeedbackNote.objects.select_related(
                "application__candidate", "application__job__recruiter", "organization"
            )
            .filter(member_who_can(user, Capability.SEND_NOTES))
            .get(pk=pk)
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def application_page_notes(application: Application) -> dict[str, object]:
    """For the application page: its current notes, each with why it needs a person's review."""
    notes = FeedbackNote.objects.filter(application=application, is_current=True)
    return {"notes": [(note, review_labels(note.review_reasons, note.quality)) for note in notes]}


def feedback_queue(
    *,
    organization: Organization,
    job_id: str = "",
    status: str = "",
    verdict: str = "",
    needs_review: bool = False,
) -> QuerySet[FeedbackNote]:
    """Current notes of the organization, filtered, newest decisions first (undated last)."""
    notes = (
        # The application's organization repeats the note's so that PostgreSQL walks the
        # applications' (organization, decided_at) index and stops after a page.
        FeedbackNote.objects.filter(
            organization=organization, application__organization=organization, is_current=True
        )
        .select_related("application__candidate", "application__job")
        .order_by(F("application__decided_at").desc(nulls_last=True), "-id")
    )
    if job_id.isdigit():
        notes = notes.filter(application__job_id=int(job_id))
    if status in FeedbackNote.Status.values:
        notes = notes.filter(status=status)
    if verdict in FeedbackNote.Verdict.values:
        notes = notes.filter(guard_verdict=verdict)
    if needs_review:
        notes = notes.filter(status=FeedbackNote.Status.DRAFT).exclude(review_reasons=[])
    return notes


def feedback_notes_needing_review(
    *, organization: Organization, job_id: str = ""
) -> QuerySet[FeedbackNote]:
    """Current drafts a person must read before they go (never approved in bulk)."""
    notes = (
        FeedbackNote.objects.filter(
            organization=organization, is_current=True, status=FeedbackNote.Status.DRAFT
        )
        .exclude(review_reasons=[])
        .select_related(
            "application__candidate", "application__job", "application__rejection_reason"
        )
        .only(*QUEUE_ROW_FIELDS)
        .order_by("application_id")
    )
    if job_id.isdigit():
        notes = notes.filter(application__job_id=int(job_id))
    return notes


def applications_without_note(
    *, organization: Organization, job_id: int | None = None
) -> QuerySet[Application]:
    """Rejected (or withdrawn) applications whose reason sends no note: duplicates, spam."""
    applications = Application.objects.filter(
        organization=organization,
        status__in=NOTE_STATUSES,
        rejection_reason__sends_note=False,
    )
    if job_id is not None:
        applications = applications.filter(job_id=job_id)
    return (
        applications.select_related("candidate", "job", "rejection_reason")
        .only(
            "id", "candidate__first_name", "candidate__last_name", "job__title",
            "rejection_reason__name",
        )
        .order_by(F("decided_at").desc(nulls_last=True), "-id")
    )  # fmt: skip


# What a row of the queue shows: not the note's text, HTML, provenance or findings.
QUEUE_ROW_FIELDS = (
    "id", "status", "guard_verdict", "language", "quality", "review_reasons", "sent_at",
    "application__decided_at", "application__candidate__first_name",
    "application__candidate__last_name", "application__job__title",
    "application__rejection_reason__name",
)  # fmt: skip


@dataclasses.dataclass(slots=True)
class QueueRow:
    """What a row of the queue shows (plain values: turning 50 rows into four model instances
    each cost more than the page's SQL)."""

    pk: int
    status: str
    guard_verdict: str
    language: str
    quality: dict[str, object]
    review_reasons: list[object]
    sent_at: dt.datetime | None
    decided_at: dt.datetime | None
    candidate_name: str
    job_title: str
    reason_name: str | None
    days_waited: int | None = None
    row_html: str = ""  # feedback.views._label_rows


def feedback_queue_rows(
    *, notes: QuerySet[FeedbackNote], offset: int, limit: int
) -> list[QueueRow]:
    """A page of the queue: ids picked on a narrow join, then only those rows' values."""
    # Sorting the organization's every note joined to candidates and jobs cost more than the
    # rest of the page; the ids sort on the application join alone.
    ids = list(notes.values_list("id", flat=True)[offset : offset + limit])
    values = FeedbackNote.objects.filter(pk__in=ids).values_list(
        "id", "status", "guard_verdict", "language", "quality", "review_reasons", "sent_at",
        "application__decided_at", "application__candidate__first_name",
        "application__candidate__last_name", "application__job__title",
        "application__rejection_reason__name",
    )  # fmt: skip
    now = timezone.now()
    by_id = {}
    for (
        pk,
        status,
        verdict,
        language,
        quality,
        reasons,
        sent_at,
        decided_at,
        first,
        last,
        title,
        reason,
    ) in values:
        row = QueueRow(
            pk=pk,
            status=status,
            guard_verdict=verdict,
            language=language,
            quality=quality or {},
            review_reasons=reasons or [],
            sent_at=sent_at,
            decided_at=decided_at,
            candidate_name=f"{first} {last}".strip(),  # Candidate.full_name
            job_title=title,
            reason_name=reason,
        )
        row.days_waited = _days_between(decided_at, sent_at or now)
        by_id[pk] = row
    return [by_id[pk] for pk in ids]


def _days_between(decided_at: dt.datetime | None, until: dt.datetime) -> int | None:
    """Whole days the candidate has waited for the note since the rejection: until it was
    sent, or until now (None: the decision has no date)."""
    return None if decided_at is None else max(0, (until - decided_at).days)


def feedback_notes_selected(*, organization: Organization, ids: list[str]) -> list[FeedbackNote]:
    """The current notes a recruiter ticked in the queue, or 404 if any id is malformed, of
    another organization, an old version or unknown: a selection is taken whole or not at all."""
    if not ids or not all(i.isascii() and i.isdigit() and len(i) < 19 for i in ids):
        raise Http404
    wanted = {int(i) for i in ids}
    notes = list(
        FeedbackNote.objects.filter(organization=organization, is_current=True, pk__in=wanted)
        .select_related("organization")
        .order_by("pk")
    )
    if len(notes) != len(wanted):
        raise Http404
    return notes


SENT_LOG_FIELDS = (
    "id", "status", "sent_at", "scheduled_for", "approved_at", "last_error",
    "application__candidate__first_name", "application__candidate__last_name",
    "application__job__title",
)  # fmt: skip


def sent_log(*, organization: Organization, status: str = "") -> QuerySet[FeedbackNote]:
    """Current notes handed to the outbox (queued, sent, failed, cancelled), newest first: by
    when they were sent, else when they are due, else when they were approved."""
    notes = FeedbackNote.objects.filter(
        organization=organization,
        is_current=True,
        status__in=[status] if status else ["queued", "sent", "failed", "cancelled"],
    )
    return (
        notes.annotate(happened_at=Coalesce("sent_at", "scheduled_for", "approved_at"))
        .select_related("application__candidate", "application__job")
        .only(*SENT_LOG_FIELDS)
        .order_by(F("happened_at").desc(nulls_last=True), "-id")
    )


def feedback_drafts_waiting(*, organization: Organization) -> bool:
    """Whether any current note of the organization is a draft waiting for a person (where a
    recruiter lands: heardback.urls.home). One index probe."""
    return FeedbackNote.objects.filter(
        organization=organization, is_current=True, status=FeedbackNote.Status.DRAFT
    ).exists()


def feedback_queue_counts(*, organization: Organization) -> dict[str, int]:
    """How many current notes per status, how many clean drafts (what "approve all clean"
    takes) and how many drafts need a person's review, in two queries that each read an index
    alone (PostgreSQL index-only scans): the counts per status and verdict from
    feedback_note_current_counts, the drafts needing review from feedback_note_needs_review.
    One query reading every note's review reasons cost 11 ms of the database's time on the
    large demo, the most of any query of the queue and the sent log."""
    current = FeedbackNote.objects.filter(organization=organization, is_current=True)
    counts = dict.fromkeys(
        (
            "total", "draft", "clean_drafts", "needs_review", "approved", "queued", "sent",
            "failed", "blocked",
        ),
        0,
    )  # fmt: skip
    by_status = (
        current.values_list("status", "guard_verdict").annotate(n=Count("status")).order_by()
    )
    for status, verdict, n in by_status:
        counts["total"] += n
        if status in counts:
            counts[status] += n
        if status == FeedbackNote.Status.DRAFT and verdict == FeedbackNote.Verdict.OK:
            counts["clean_drafts"] += n
        if status == FeedbackNote.Status.DRAFT and verdict == FeedbackNote.Verdict.BLOCK:
            counts["blocked"] += n
    review = (
        current.filter(status=FeedbackNote.Status.DRAFT)
        .exclude(review_reasons=[])
        .aggregate(
            n=Count("guard_verdict"),
            ok=Count("guard_verdict", filter=Q(guard_verdict=FeedbackNote.Verdict.OK)),
        )
    )
    counts["needs_review"] = review["n"]
    counts["clean_drafts"] -= review["ok"]  # a draft that needs review is not "clean"
    return counts


def note_sources(*, note: FeedbackNote) -> list[ScorecardRating]:
    """The scorecard ratings the note's sentences cite (for the sources panel)."""
    scorecard_ids = set()
    for sentence in note.provenance:
        for source in sentence.get("sources", []):
            if source.get("kind") == "scorecard":
                scorecard_ids.add(source["ref"].split("/")[0].removeprefix("scorecard:"))
    ids = [int(i) for i in scorecard_ids if i.isdigit()]
    return list(
        ScorecardRating.objects.filter(
            scorecard_id__in=ids, scorecard__application_id=note.application_id
        )
        .select_related("competency", "scorecard__interview", "scorecard__interviewer")
        .order_by("scorecard__interview__scheduled_at", "competency__position")
    )
