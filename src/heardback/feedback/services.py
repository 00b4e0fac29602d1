"""Feedback notes: drafting (one or in bulk), editing, approving."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import html
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, router, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.accounts.services import audit
from heardback.feedback import engine
from heardback.feedback.engine import guard
from heardback.feedback.inputs import SharedInputs, applications_for_notes, note_inputs
from heardback.feedback.models import FeedbackNote
from heardback.feedback.review import SCORECARD_REASONS, ScorecardScreen, review_reasons
from heardback.feedback.selectors import NOTE_STATUSES, applications_without_note
from heardback.hiring import screening
from heardback.hiring.models import Application, Job

# Notes a new draft may replace: nothing a recruiter approved or the outbox holds.
REPLACEABLE = (FeedbackNote.Status.DRAFT, FeedbackNote.Status.CANCELLED)


class FeedbackError(ValidationError):
    """A feedback action refused for a reason the user can act on."""


@dataclass
class DraftSummary:
    drafted: int = 0
    skipped: int = 0
    # Rejected for a reason that sends no note (duplicate, spam): listed, never drafted.
    no_note: int = 0
    needs_review: int = 0
    verdicts: dict[str, int] = field(default_factory=lambda: {"ok": 0, "warn": 0, "block": 0})


def _findings_json(findings: Iterable[guard.Finding], text: str) -> list[dict[str, object]]:
    return [
        {**_flat(f), "matched": text[f.start : f.end] if f.start >= 0 else ""} for f in findings
    ]


def _flat(obj: Any) -> dict[str, Any]:
    """A flat dataclass as a dict: `dataclasses.asdict` without its deep copies (bulk drafting
    calls this for every source of every sentence)."""
    return {name: getattr(obj, name) for name in _field_names(obj.__class__)}


def _source_json(source: engine.Source) -> dict[str, str]:
    """A source as stored in a note's provenance: `_flat` spelled out, because bulk drafting
    writes ~20 for each note (a test holds it to the dataclass's fields)."""
    return {"kind": source.kind, "ref": source.ref, "field": source.field}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _note_fields(note: engine.Note) -> dict[str, object]:
    findings = list(note.guard_findings)
    return {
        "language": note.language,
        "subject": note.subject,
        "text": note.text,
        "html": note.html,
        "provenance": [
            {
                "text": s.text,
                "section": s.section,
                "claim": s.claim,
                "sources": [_source_json(src) for src in s.sources],
            }
            for s in note.sentences
        ],
        "quality": _flat(note.quality),
        "guard_findings": _findings_json(findings, note.text),
        "guard_verdict": guard.verdict(findings),
    }


class CommentChecks:
    """`guard.check` for one bulk run, remembering which interviewers' comments are clean.

    The engine checks every comment it might quote (context "note"), with the job's other
    candidates' names and the reader's own. Comments repeat across a job's applications
    (templates, pasted phrases), so whether a comment has any finding with the job's names
    tuple alone is remembered for the run. The reader's own names only ever take findings
    away, so a comment clean without them is clean with them; any other comment, and every
    other check (the whole note), goes to the guard as it is.
    """

    def __init__(self) -> None:
        # (language, text, id of the names tuple) -> (that tuple, kept alive; clean or not)
        self._clean: dict[tuple[str, str, int], tuple[Sequence[str], bool]] = {}
        # The notes share most of their lines (reasons, tips, closings): each read once.
        self._lines = guard.LineMemo()

    def __call__(
        self,
        text: str,
        *,
        lang: str = "en",
        context: guard.Context = "candidate",
        other_names: Sequence[str] = (),
        own_names: Sequence[str] = (),
        second_opinion: bool = False,
    ) -> list[guard.Finding]:
        if context == "note" and not second_opinion and isinstance(other_names, tuple):
            key = (lang, text, id(other_names))
            entry = self._clean.get(key)
            if entry is None or entry[0] is not other_names:
                findings = self._lines(text, lang=lang, context="note", other_names=other_names)
                entry = self._clean[key] = (other_names, not findings)
            if entry[1]:
                return []
        return self._lines(
            text, lang=lang, context=context, other_names=other_names, own_names=own_names,
            second_opinion=second_opinion,
        )  # fmt: skip


# Fields whose Python value is already what the database stores (str, int, bool, an id): the
# notes' 22 columns minus these are prepared by the field itself, as `bulk_create` would.
_STORED_AS_IS = frozenset(
    {"CharField", "TextField", "BooleanField", "PositiveIntegerField", "ForeignKey"}
)


def _insert_notes(rows: Sequence[dict[str, object]]) -> None:
    """INSERT one note per dict of attribute values (a field's default where one has none).

    What `bulk_create` writes, without a model instance per note nor its per-field path for
    every column of every row: for the large demo's 9,828 notes that path took 2.3 s, this
    one 0.9 (a test holds the rows to `bulk_create`'s).
    """
    if not rows:
        return
    fields = [f for f in FeedbackNote._meta.concrete_fields if not f.primary_key]
    unknown = set().union(*rows) - {f.attname for f in fields}
    if unknown:  # as the model would refuse them
        raise TypeError(f"FeedbackNote has no field {', '.join(sorted(unknown))}")
    connection = connections[router.db_for_write(FeedbackNote)]
    prepared = [
        (f.attname, None if f.get_internal_type() in _STORED_AS_IS else f, f.get_default)
        for f in fields
    ]
    params: list[list[Any]] = []
    for row in rows:
        values: list[Any] = []
        for name, model_field, default in prepared:
            value = row[name] if name in row else default()
            if model_field is not None:
                value = model_field.get_db_prep_save(value, connection)
            values.append(value)
        params.append(values)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    # Names from the model's own metadata, values as parameters: nothing from outside.
    sql = (
        f"INSERT INTO {quote(FeedbackNote._meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def rejected_applications(
    *, organization: Organization, job: Job | None = None
) -> QuerySet[Application]:
    """Applications that are owed a note: rejected by us, or withdrawn, for a reason that
    sends one (a duplicate application or spam has nobody to write to)."""
    queryset = Application.objects.filter(
        organization=organization, status__in=NOTE_STATUSES
    ).exclude(rejection_reason__sends_note=False)
    return queryset.filter(job=job) if job is not None else queryset


@transaction.atomic
def _draft_chunk(
    *,
    actor: User | None,
    organization: Organization,
    pks: Sequence[int],
    summary: DraftSummary,
    screen: ScorecardScreen,
    shared: SharedInputs,
    checks: CommentChecks,
    development_requested: bool = False,
) -> None:
    applications = applications_for_notes(pks)
    # The current notes as rows (id, status, version): only what replacing them needs.
    current: dict[int, tuple[int, str, int]] = {
        application_id: (pk, status, version)
        for application_id, pk, status, version in FeedbackNote.objects.select_for_update()
        .filter(application_id__in=pks, is_current=True)
        .values_list("application_id", "id", "status", "version")
    }
    replaced: list[int] = []
    new_notes: list[dict[str, object]] = []
    for application, note_input in zip(
        applications, note_inputs(organization, applications, shared), strict=True
    ):
        previous = current.get(application.pk)
        if previous is not None and previous[1] not in REPLACEABLE:
            summary.skipped += 1
            continue
        if development_requested:
            note_input = dataclasses.replace(note_input, development_requested=True)
        fields = _note_fields(engine.compose(note_input, guard=checks))
        quality = cast(dict[str, Any], fields["quality"])
        fields["review_reasons"] = review_reasons(quality, note_input, screen)
        if previous is not None:
            replaced.append(previous[0])
        new_notes.append(
            {
                "organization_id": organization.pk,
                "application_id": application.pk,
                "version": previous[2] + 1 if previous else 1,
                **fields,
            }
        )
        summary.drafted += 1
        summary.needs_review += bool(fields["review_reasons"])
        summary.verdicts[str(fields["guard_verdict"])] += 1
    FeedbackNote.objects.filter(pk__in=replaced).update(is_current=False)
    _insert_notes(new_notes)
    _store_screened(screen)


def _store_screened(screen: ScorecardScreen) -> None:
    """Store the verdicts the review gate had to find again (a scorecard submitted before
    verdicts were kept, imported, edited, or read under an older guard), so the next run
    reads them."""
    screening.store(screen.found)
    screen.found.clear()


@contextlib.contextmanager
def _cyclic_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (as it was before, after it).

    A chunk's working set (500 applications' inputs, their notes) lives until the chunk is
    written, so the collector promotes it and rescans the whole heap again and again to find
    nothing: composing a note leaves no cycle behind (a test holds the engine to that). Those
    passes were a sixth of the large demo's bulk run. What a chunk does leave is collected
    at the collector's first pass after it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def feedback_notes_draft_bulk(
    *,
    actor: User | None,
    organization: Organization,
    job: Job | None = None,
    redraft: bool = False,
    chunk_size: int = 500,
    progress: Callable[[int], object] | None = None,
) -> DraftSummary:
    """Draft notes for the organization's (or a job's) rejected and withdrawn applications.

    Without `redraft`, only applications with no note yet; with it, drafts are regenerated too.
    Approved, queued and sent notes are never replaced. Each chunk commits on its own, so a
    long run shows progress and an interruption loses at most one chunk.
    """
    applications = rejected_applications(organization=organization, job=job)
    if not redraft:
        applications = applications.exclude(feedback_notes__isnull=False)
    pks = list(applications.order_by("id").values_list("id", flat=True))
    summary = DraftSummary()
    # Read once for the whole run: rubrics, names, open roles; scorecard texts already checked.
    shared = SharedInputs(organization)
    screen = ScorecardScreen(shared.screened)
    checks = CommentChecks()
    for start in range(0, len(pks), chunk_size):
        chunk = pks[start : start + chunk_size]
        with _cyclic_collector_paused():
            _draft_chunk(
                actor=actor, organization=organization, pks=chunk, summary=summary,
                screen=screen, shared=shared, checks=checks,
            )  # fmt: skip
        if progress is not None:
            progress(len(chunk))
    summary.no_note = applications_without_note(
        organization=organization, job_id=job.pk if job else None
    ).count()
    audit(
        organization=organization,
        actor=actor,
        action="feedback.draft_bulk",
        obj=job,
        drafted=summary.drafted,
        skipped=summary.skipped,
    )
    return summary


def feedback_note_draft(
    *, actor: User | None, application: Application, development_requested: bool = False
) -> FeedbackNote:
    """Draft (or regenerate) the note for one rejected or withdrawn application.

    Only the people who decide (admins, recruiters, hiring managers) may: a regeneration
    replaces a recruiter's hand-edited draft with the engine's text. `development_requested`:
    the recruiter asks for areas to grow although the reason is not about skills.
    """
    if actor is not None and not user_can(
        user=actor, organization=application.organization, capability=Capability.SEND_NOTES
    ):
        raise PermissionDenied
    if application.status not in NOTE_STATUSES:
        raise FeedbackError(_("Only rejected or withdrawn applications get a feedback note."))
    reason = application.rejection_reason
    if reason is not None and not reason.sends_note:
        raise FeedbackError(
            _("Rejected as “%(reason)s”: no note is sent for this reason.")
            % {"reason": reason.name}
        )
    summary = DraftSummary()
    shared = SharedInputs(application.organization)
    _draft_chunk(
        actor=actor,
        organization=application.organization,
        pks=[application.pk],
        summary=summary,
        screen=ScorecardScreen(shared.screened),
        shared=shared,
        checks=CommentChecks(),
        development_requested=development_requested,
    )
    note = FeedbackNote.objects.get(application=application, is_current=True)
    if summary.skipped:
        raise FeedbackError(
            _("The note is already %(status)s.") % {"status": note.get_status_display().lower()}
        )
    audit(organization=note.organization, actor=actor, action="feedback.draft", obj=note)
    return note


def text_to_html(text: str) -> str:
    """Plain text (paragraphs, "- " bullets) to escaped, simple HTML."""
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and all(line.lstrip().startswith("- ") for line in lines):
            items = "".join(f"<li>{html.escape(line.lstrip()[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif lines:
            blocks.append(f"<p>{'<br>'.join(html.escape(line) for line in lines)}</p>")
    return "\n".join(blocks)


@transaction.atomic
def feedback_note_edit(*, actor: User, note: FeedbackNote, subject: str, text: str) -> FeedbackNote:
    """Save a recruiter's edit as a new version, checked again by the guard."""
    note = FeedbackNote.objects.select_for_update().get(pk=note.pk)
    if not note.is_current:
        raise FeedbackError(_("This is an old version; edit the current one."))
    if note.status not in (*REPLACEABLE, FeedbackNote.Status.APPROVED):
        raise FeedbackError(
            _("A %(status)s note can no longer be edited.")
            % {"status": note.get_status_display().lower()}
        )
    # Browsers send \r\n: stored as \n, so paragraphs, bullets and sources still line up.
    subject, text = subject.strip(), text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not subject or not text:
        raise FeedbackError(_("A note needs a subject and a text."))
    if any(ch in subject for ch in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        # A header on several lines could never be sent: refuse it now, not at delivery.
        raise FeedbackError(_("The subject must be on one line."))
    other_names = note_inputs(note.organization, applications_for_notes([note.application_id]))[
        0
    ].other_candidate_names
    findings = guard.check(
        # As the engine checks its own drafts: a wrapped line is not a new sentence.
        engine.unwrapped(text),
        lang=note.language,
        context="candidate",
        other_names=other_names,
    ) + [
        dataclasses.replace(f, start=-1, end=-1)  # offsets of the subject are not in `text`
        for f in guard.check(
            subject, lang=note.language, context="candidate", other_names=other_names
        )
    ]
    kept = [p for p in note.provenance if p["text"] in text]
    FeedbackNote.objects.filter(pk=note.pk).update(is_current=False)
    edited = FeedbackNote.objects.create(
        organization=note.organization,
        application_id=note.application_id,
        version=note.version + 1,
        language=note.language,
        subject=subject,
        text=text,
        html=text_to_html(text),
        provenance=kept,
        quality={**note.quality, "edited": True},
        # The recruiter rewrote the text, not the scorecards: what they hold still needs a look.
        review_reasons=[r for r in note.review_reasons if r in SCORECARD_REASONS],
        guard_findings=_findings_json(findings, text),
        guard_verdict=guard.verdict(findings),
        author=actor,
    )
    audit(
        organization=note.organization, actor=actor, action="feedback.edit", obj=edited,
        previous_version=note.version,
    )  # fmt: skip
    return edited


@transaction.atomic
def feedback_note_approve(
    *, actor: User | None, note: FeedbackNote, acknowledge_warnings: bool = False
) -> FeedbackNote:
    """Approve the current draft; a blocked note never, a warned one only when acknowledged."""
    note = FeedbackNote.objects.select_for_update().get(pk=note.pk)
    if not note.is_current:
        raise FeedbackError(_("This is an old version; approve the current one."))
    if note.status != FeedbackNote.Status.DRAFT:
        raise FeedbackError(
            _("The note is %(status)s, not a draft.")
            % {"status": note.get_status_display().lower()}
        )
    if note.guard_verdict == FeedbackNote.Verdict.BLOCK:
        reasons = "; ".join(
            f"{f['category']}: {f['why']}" for f in note.guard_findings if f["severity"] == "block"
        )
        raise FeedbackError(
            _("Blocked by the safe-feedback guard (%(reasons)s). Edit the note first.")
            % {"reasons": reasons}
        )
    if note.guard_verdict == FeedbackNote.Verdict.WARN and not acknowledge_warnings:
        raise FeedbackError(_("The guard has warnings on this note; acknowledge them to approve."))
    note.status = FeedbackNote.Status.APPROVED
    note.approved_by = actor
    note.approved_at = timezone.now()
    note.warnings_acknowledged = note.guard_verdict == FeedbackNote.Verdict.WARN
    note.save(update_fields=["status", "approved_by", "approved_at", "warnings_acknowledged"])
    audit(organization=note.organization, actor=actor, action="feedback.approve", obj=note)
    return note


def feedback_notes_approve_clean(
    *,
    actor: User | None,
    organization: Organization,
    job: Job | None = None,
    notes: Sequence[FeedbackNote] | None = None,
) -> int:
    """Approve every current draft the guard found clean and nothing marks for review (all,
    a job's, or those among `notes`); return how many."""
    drafts = FeedbackNote.objects.filter(
        organization=organization,
        is_current=True,
        status=FeedbackNote.Status.DRAFT,
        guard_verdict=FeedbackNote.Verdict.OK,
        review_reasons=[],
    )
    if job is not None:
        drafts = drafts.filter(application__job=job)
    with transaction.atomic():
        details: dict[str, object] = {}
        if notes is not None:
            drafts = drafts.filter(pk__in=[note.pk for note in notes])
            picked = sorted(drafts.select_for_update().values_list("pk", flat=True))
            details = {"selected": len(notes), "notes": picked}
        count = drafts.update(
            status=FeedbackNote.Status.APPROVED, approved_by=actor, approved_at=timezone.now()
        )
        audit(
            organization=organization, actor=actor, action="feedback.approve_clean", obj=job,
            count=count, **details,
        )  # fmt: skip
    return count


def parse_when(value: str, organization: Organization) -> dt.datetime | None:
    """'now' (or empty) → None; ISO-8601 → aware datetime (naive means the organization's zone)."""
    value = value.strip()
    if value.lower() in ("", "now"):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise FeedbackError(
            _(
                "Cannot read %(value)s as a date and time; use ISO-8601 like 2026-12-01T09:00, "
                "or 'now'."
            )
            % {"value": repr(value)}
        ) from None
    if timezone.is_naive(when):
        when = when.replace(tzinfo=zoneinfo.ZoneInfo(organization.time_zone))
    if when < timezone.now() - dt.timedelta(minutes=1):
        raise FeedbackError(_("That time is in the past."))
    return when
