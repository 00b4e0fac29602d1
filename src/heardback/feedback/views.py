from __future__ import annotations

from html import escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from heardback.accounts.models import Organization
from heardback.accounts.web import AuthenticatedHttpRequest, decider_organization
from heardback.core.paging import page_number
from heardback.feedback import selectors, services
from heardback.feedback.engine import guard
from heardback.feedback.models import FeedbackNote
from heardback.feedback.review import review_labels
from heardback.feedback.sending import feedback_notes_queue
from heardback.hiring.models import Job
from heardback.hiring.selectors import application_get_for_user
from heardback.hiring.templatetags.hiring_tags import pk_url_prefix
from heardback.outbox.selectors import sending_pace
from heardback.outbox.services import outbound_email_cancel

QUEUE_PAGE_SIZE = 50
# How many notes needing review, and applications getting no note, the queue lists apart (the
# "Needs review" filter lists every note that needs review, page after page).
APART_LIMIT = 10

# The guard and the engine speak in codes; the note page names them in the reader's language
# (an unknown code is shown as it is).
GUARD_CATEGORIES = {
    "age": gettext_lazy("Age"),
    "sex_gender": gettext_lazy("Sex and gender"),
    "family": gettext_lazy("Family situation"),
    "race_origin": gettext_lazy("Racial or ethnic origin"),
    "religion": gettext_lazy("Religion"),
    "disability_health": gettext_lazy("Disability and health"),
    "orientation_identity": gettext_lazy("Sexual orientation and gender identity"),
    "insult": gettext_lazy("Insult"),
    "vague_verdict": gettext_lazy("Vague verdict"),
    "internal_leak": gettext_lazy("Internal information"),
    "trade_union": gettext_lazy("Trade-union membership or activity"),
    "political_opinion": gettext_lazy("Political opinions"),
    "appearance": gettext_lazy("Appearance"),
    "neighbourhood": gettext_lazy("Neighbourhood or address"),
    "criminal_record": gettext_lazy("Criminal record"),
    "salary_history": gettext_lazy("Past or current pay"),
    "second_opinion": gettext_lazy("Judgement of the person (learned second opinion)"),
}
SOURCE_KINDS = {
    "scorecard": gettext_lazy("Scorecard"),
    "interview": gettext_lazy("Interview"),
    "reason": gettext_lazy("Rejection reason"),
    "policy": gettext_lazy("Feedback policy"),
    "job": gettext_lazy("Job"),
    "candidate": gettext_lazy("Candidate"),
    "open_role": gettext_lazy("Open role"),
}
SOURCE_FIELDS = {
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "category": gettext_lazy("category"),
    "explanation": gettext_lazy("explanation"),
    "decided_on": gettext_lazy("decision date"),
    "key_takeaways": gettext_lazy("key take-aways"),
    "rating": gettext_lazy("rating"),
    "candidate_comment": gettext_lazy("candidate-safe comment"),
    "evidence": gettext_lazy("evidence"),
    "title": gettext_lazy("title"),
    "screening_criteria": gettext_lazy("screening criteria"),
    "tips": gettext_lazy("tips"),
    "reapply_months": gettext_lazy("months before reapplying"),
    "portal_url": gettext_lazy("candidate page link"),
    "tone": gettext_lazy("tone"),
    "organization_name": gettext_lazy("organization name"),
    "recruiter_name": gettext_lazy("recruiter name"),
    "recruiter_title": gettext_lazy("recruiter title"),
}


@require_GET
@login_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    filters = {k: request.GET.get(k, "") for k in ("job", "status", "verdict", "review")}
    notes = selectors.feedback_queue(
        organization=organization,
        job_id=filters["job"],
        status=filters["status"],
        verdict=filters["verdict"],
        needs_review=filters["review"] == "1",
    )
    page = page_number(request)
    start = (page - 1) * QUEUE_PAGE_SIZE
    rows = selectors.feedback_queue_rows(notes=notes, offset=start, limit=QUEUE_PAGE_SIZE + 1)
    job_id = int(filters["job"]) if filters["job"].isdigit() else None
    counts = selectors.feedback_queue_counts(organization=organization)
    # Finding them reads every draft's row: skipped when the counts say there are none. Both
    # short lists are read as values: a model instance per name and title cost more than the SQL.
    needing_review = (
        list(
            selectors.feedback_notes_needing_review(
                organization=organization, job_id=filters["job"]
            ).values_list(
                "id", "review_reasons", "quality", "application__candidate__first_name",
                "application__candidate__last_name", "application__job__title",
            )[:APART_LIMIT]
        )
        if counts["needs_review"] and filters["review"] != "1"
        else []
    )  # fmt: skip
    without_note = list(
        selectors.applications_without_note(organization=organization, job_id=job_id).values_list(
            "id", "candidate__first_name", "candidate__last_name", "job__title",
            "rejection_reason__name",
        )[: APART_LIMIT + 1]
    )  # fmt: skip
    _label_rows(rows)
    return render(
        request,
        "feedback/note_queue.html",
        {
            "organization": organization,
            "notes": rows[:QUEUE_PAGE_SIZE],
            "has_next": len(rows) > QUEUE_PAGE_SIZE,
            "page": page,
            "filters": filters,
            "jobs": Job.objects.filter(organization=organization)
            .only("id", "title")
            .order_by("title"),
            "counts": counts,
            "needing_review": [
                (pk, f"{first} {last}".strip(), title, review_labels(reasons, quality))
                for pk, reasons, quality, first, last, title in needing_review
            ],
            "without_note": [
                (pk, f"{first} {last}".strip(), title, reason)
                for pk, first, last, title, reason in without_note[:APART_LIMIT]
            ],
            "more_without_note": len(without_note) > APART_LIMIT,
            "statuses": FeedbackNote.Status.choices,
            "verdicts": FeedbackNote.Verdict.choices,
        },
    )


def _label_rows(notes: list[selectors.QueueRow]) -> None:
    """Each row's HTML (`.row_html`), built here rather than in the template, whose per-row
    nodes cost more than the page's queries; words translated once per page or once per
    distinct number of days (a {% blocktranslate %} per row cost more than the row's other
    cells together). html.escape is what django.utils.html.escape calls, without its
    lazy-string wrapper."""
    days: dict[int, str] = {}
    status_labels = {value: escape(str(label)) for value, label in FeedbackNote.Status.choices}
    verdict_labels = {value: escape(str(label)) for value, label in FeedbackNote.Verdict.choices}
    needs_review = f'<span class="badge warn">{escape(_("Needs review"))}</span>'
    no_review = '<span class="muted">—</span>'
    detail = escape(pk_url_prefix("feedback:note-detail"))
    for note in notes:
        n = note.days_waited
        if n is not None and n not in days:
            days[n] = escape(ngettext("%(n)s day", "%(n)s days", n) % {"n": n})
        name = escape(note.candidate_name)
        pick = escape(_("Select the note to %(name)s") % {"name": note.candidate_name})
        decided_at = note.decided_at
        decided = escape(date_format(localtime(decided_at), "DATE_FORMAT")) if decided_at else "—"
        review = (
            needs_review
            if note.review_reasons and note.status == FeedbackNote.Status.DRAFT
            else no_review
        )
        status, verdict = escape(note.status), escape(note.guard_verdict)
        note.row_html = mark_safe(  # noqa: S308 (all escaped)
            f'<tr><td class="pick"><label class="check"><input type="checkbox" name="note" '
            f'value="{int(note.pk)}"><span class="sr-only">{pick}</span></label></td>\n'
            f'      <td><a href="{detail}{int(note.pk)}/">{name}</a></td>\n'
            f"      <td>{escape(note.job_title)}</td>\n"
            f"      <td>{escape(note.reason_name) if note.reason_name else '—'}</td>\n"
            f"      <td>{decided}"
            f"</td>\n"
            f"      <td>{'—' if n is None else days[n]}</td>\n"
            f'      <td><span class="badge status-{status}">{status_labels.get(note.status, "")}'
            f"</span></td>\n"
            f'      <td><span class="badge verdict-{verdict}">'
            f"{verdict_labels.get(note.guard_verdict, '')}</span></td>\n"
            f"      <td>{review}</td>\n"
            f"      <td>{escape(note.language.upper())}</td>\n"
            f"      <td>{escape(str(note.quality.get('word_count', '')))}</td></tr>"
        )


@require_GET
@login_required
def note_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    note = selectors.feedback_note_get_for_user(user=request.user, pk=pk)
    return _note_page(request, note)


def _note_page(request: HttpRequest, note, *, error: str = "", status: int = 200) -> HttpResponse:  # type: ignore[no-untyped-def]
    return render(
        request,
        "feedback/note_detail.html",
        {
            "note": note,
            "organization": note.organization,
            "application": note.application,
            "sources": selectors.note_sources(note=note),
            "guard_categories": GUARD_CATEGORIES,
            "source_kinds": SOURCE_KINDS,
            "source_fields": SOURCE_FIELDS,
            "review_labels": review_labels(note.review_reasons, note.quality),
            "error": error,
            "versions": note.application.feedback_notes.order_by("-version").only(
                "id", "version", "status", "author", "created_at"
            ),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def note_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    note = selectors.feedback_note_get_for_user(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            edited = services.feedback_note_edit(
                actor=request.user,
                note=note,
                subject=request.POST.get("subject", ""),
                text=request.POST.get("text", ""),
            )
        except ValidationError as error:
            return render(
                request,
                "feedback/note_edit.html",
                {"note": note, "error": " ".join(error.messages), "posted": request.POST},
                status=400,
            )
        messages.success(request, _("Saved as version %(v)s.") % {"v": edited.version})
        return redirect("feedback:note-detail", pk=edited.pk)
    return render(request, "feedback/note_edit.html", {"note": note, "posted": None})


@require_POST
@login_required
def note_action(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    note = selectors.feedback_note_get_for_user(user=request.user, pk=pk)
    actor = request.user
    try:
        if action == "approve":
            note = services.feedback_note_approve(
                actor=actor, note=note, acknowledge_warnings="acknowledge" in request.POST
            )
            messages.success(request, _("Approved."))
        elif action in ("regenerate", "regenerate-with-development"):
            note = services.feedback_note_draft(
                actor=actor,
                application=note.application,
                development_requested=action == "regenerate-with-development",
            )
            messages.success(request, _("Regenerated from the scorecards."))
        elif action == "send":
            at = services.parse_when(request.POST.get("when", ""), note.organization)
            if not feedback_notes_queue(
                actor=actor, organization=note.organization, note=note, at=at
            ):
                raise services.FeedbackError(_("Only an approved note can be sent."))
            messages.success(request, _("Queued for delivery."))
        elif action == "cancel":
            email = note.emails.order_by("-id").first()
            if email is None:
                raise services.FeedbackError(_("This note has no email to cancel."))
            outbound_email_cancel(actor=actor, email=email)
            messages.success(request, _("Scheduled send cancelled."))
        else:
            return HttpResponse(status=404)
    except ValidationError as error:
        return _note_page(request, note, error=" ".join(error.messages), status=400)
    return redirect("feedback:note-detail", pk=note.pk)


@require_POST
@login_required
def application_draft(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = application_get_for_user(user=request.user, pk=pk)
    try:
        note = services.feedback_note_draft(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("hiring:application-detail", pk=application.pk)
    return redirect("feedback:note-detail", pk=note.pk)


def _job_filter(request: HttpRequest, organization: Organization) -> Job | None:
    """The job a bulk action is limited to (None: every job). Unknown, malformed or another
    organization's job: 404, never widened to the whole organization."""
    job_id = request.POST.get("job", "")
    if not job_id:
        return None
    job = (
        Job.objects.filter(organization=organization, pk=job_id).first()
        if (job_id.isascii() and job_id.isdigit())
        else None
    )
    if job is None:
        raise Http404
    return job


@require_POST
@login_required
def approve_clean(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    job = _job_filter(request, organization)
    count = services.feedback_notes_approve_clean(
        actor=request.user, organization=organization, job=job
    )
    messages.success(request, _("Approved %(n)s clean notes.") % {"n": count})
    return redirect(reverse("feedback:queue") + "?status=approved")


@require_POST
@login_required
def draft_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    summary = services.feedback_notes_draft_bulk(actor=request.user, organization=organization)
    messages.success(request, _("Drafted %(n)s notes.") % {"n": summary.drafted})
    return redirect("feedback:queue")


@require_POST
@login_required
def guard_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Live guard findings for a text being typed (htmx partial)."""
    fields = ("evidence_", "comment_", "text")
    # htmx posts the whole enclosing form (every box of a scorecard): check the box being
    # typed in, which it names in HX-Trigger-Name, not merely the form's first one.
    typed = request.headers.get("HX-Trigger-Name", "")
    name = typed if typed.startswith(fields) and typed in request.POST else ""
    name = name or next((k for k in request.POST if k.startswith(fields)), "")
    text = str(request.POST.get(name, ""))
    context: guard.Context = "note" if request.POST.get("context") == "note" else "candidate"
    language = str(request.POST.get("lang") or getattr(request, "LANGUAGE_CODE", "en"))
    # The learned second opinion reads what interviewers write; a note's text is mostly the
    # engine's own sentences, on which it would warn (199 of the small demo's 223 notes).
    written = name.startswith(("evidence_", "comment_"))
    findings = guard.check(text[:20_000], lang=language, context=context, second_opinion=written)
    return render(
        request,
        "feedback/_guard_findings.html",
        {"findings": [(f, text[f.start : f.end]) for f in findings]},
    )


@require_POST
@login_required
def send_approved(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Queue every approved note (optionally of one job), now or at a chosen time."""
    organization = decider_organization(request)
    job = _job_filter(request, organization)
    try:
        at = services.parse_when(request.POST.get("when", "now"), organization)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("feedback:queue")
    count = feedback_notes_queue(actor=request.user, organization=organization, job=job, at=at)
    messages.success(request, _("Queued %(n)s notes for delivery.") % {"n": count})
    return redirect(reverse("feedback:sent") + "?watch=1")


@require_POST
@login_required
def selection_action(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Approve, or send now, the notes ticked in the queue; any id that is not one of the
    organization's current notes answers 404 and nothing changes."""
    organization = decider_organization(request)
    notes = selectors.feedback_notes_selected(
        organization=organization, ids=request.POST.getlist("note")
    )
    actor = request.user
    back = request.POST.get("next", "")
    back = back if back.startswith("?") else ""
    action = request.POST.get("action")
    if action == "approve":
        count = services.feedback_notes_approve_clean(
            actor=actor, organization=organization, notes=notes
        )
        messages.success(request, _approved_message(count, len(notes)))
        return redirect(reverse("feedback:queue") + back)
    if action == "send":
        with transaction.atomic():
            count = sum(
                feedback_notes_queue(actor=actor, organization=organization, note=note)
                for note in notes
            )
        messages.success(request, _sent_message(count, len(notes)))
        return redirect(reverse("feedback:sent") + "?watch=1")
    return HttpResponse(status=400)


def _approved_message(count: int, selected: int) -> str:
    if count == selected:
        return ngettext("Approved %(n)s note.", "Approved %(n)s notes.", count) % {"n": count}
    return _(
        "Approved %(n)s of the %(selected)s selected notes: the others are not clean drafts "
        "(approve a note with warnings or one that needs review on its own page)."
    ) % {"n": count, "selected": selected}


def _sent_message(count: int, selected: int) -> str:
    if count == selected:
        return ngettext(
            "Queued %(n)s note for delivery.", "Queued %(n)s notes for delivery.", count
        ) % {"n": count}
    return _("Queued %(n)s of the %(selected)s selected notes: only approved notes are sent.") % {
        "n": count,
        "selected": selected,
    }


@require_GET
@login_required
def progress(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Delivery progress of the organization's notes (htmx polls it)."""
    organization = decider_organization(request)
    return render(
        request,
        "feedback/_progress.html",
        {"counts": selectors.feedback_queue_counts(organization=organization)},
    )


SENT_PAGE_SIZE = 50
SENT_STATUSES = ("queued", "sent", "failed", "cancelled")


@require_GET
@login_required
def sent_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = decider_organization(request)
    status = request.GET.get("status", "")
    status = status if status in SENT_STATUSES else ""
    page = page_number(request)
    start = (page - 1) * SENT_PAGE_SIZE
    rows = list(
        selectors.sent_log(organization=organization, status=status)[
            start : start + SENT_PAGE_SIZE + 1
        ]
    )
    return render(
        request,
        "feedback/note_sent.html",
        {
            "organization": organization,
            "notes": rows[:SENT_PAGE_SIZE],
            "page": page,
            "has_next": len(rows) > SENT_PAGE_SIZE,
            "status": status,
            "statuses": [(value, str(FeedbackNote.Status(value).label)) for value in SENT_STATUSES],
            "status_labels": {value: str(label) for value, label in FeedbackNote.Status.choices},
            "counts": selectors.feedback_queue_counts(organization=organization),
            "pace": sending_pace(organization=organization),
            "watch": request.GET.get("watch") == "1",
        },
    )
