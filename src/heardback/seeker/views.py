"""The companion's pages: parse, call one selector or service, render (phone first).

The account's own pages (signing up and in, settings, data in and out) are in
`account_views.py`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from heardback.accounts.web import AuthenticatedHttpRequest, form_add_errors
from heardback.seeker import drafts, forms, selectors, services
from heardback.seeker.feeds import application_feed_refresh
from heardback.seeker.models import JobApplication, Reminder, Seeker

View = Callable[..., HttpResponseBase]


def seeker_view(view: View) -> View:
    """Signed in, with a companion profile (anyone else: 404), passed as `seeker`."""

    @wraps(view)
    @login_required
    def wrapper(request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        seeker = selectors.seeker_for_user(user=request.user)
        return view(request, seeker, *args, **kwargs)

    return wrapper


# --- The board ----------------------------------------------------------------------------


@require_GET
@seeker_view
def board(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    context = {
        "seeker": seeker,
        "columns": selectors.board(seeker=seeker),
        "reminders": selectors.reminders_open(seeker=seeker),
    }
    return render(request, "seeker/board.html", context)


@require_GET
@seeker_view
def summary(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    week = selectors.week_summary(seeker=seeker, today=services.local_today(seeker))
    return render(request, "seeker/summary.html", {"seeker": seeker, "week": week})


# --- Applications -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@seeker_view
def application_new(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    return _application_form(request, seeker, None)


@require_http_methods(["GET", "POST"])
@seeker_view
def application_edit(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    return _application_form(request, seeker, application)


def _application_form(
    request: HttpRequest, seeker: Seeker, application: JobApplication | None
) -> HttpResponse:
    initial = {} if application else {"applied_on": services.local_today(seeker)}
    form = forms.ApplicationForm(request.POST or None, instance=application, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.application_save(
                    seeker=seeker, application=application, data=form.cleaned_data
                )
            except ValidationError as error:
                form_add_errors(form, error)
            else:
                return redirect("seeker:application-detail", saved.pk)
        status = 400
    else:
        status = 200
    context = {"form": form, "application": application, "seeker": seeker}
    return render(request, "seeker/application_form.html", context, status=status)


def _detail_context(seeker: Seeker, application: JobApplication) -> dict[str, Any]:
    return {
        "seeker": seeker,
        "application": application,
        "interviews": list(application.interviews.all()),
        "reminders": application.reminders.filter(state=Reminder.State.OPEN).order_by("due_at"),
        "subscribe_form": forms.SubscribeForm(),
        "documents": list(application.documents.all()),
        "document_form": forms.DocumentForm(),
        "document_max_mb": settings.SEEKER_DOCUMENT_MAX_MB,
    }


def _application_with_news(seeker: Seeker, pk: int) -> JobApplication:
    """The seeker's application, after reading the employer's news when it has a feed."""
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    if application.feed_url:
        # On this instance the employer's news is read directly, whenever the page opens.
        application_feed_refresh(application)
        services.reminders_reconcile(seeker)
        application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    return application


@require_GET
@seeker_view
def application_detail(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    application = _application_with_news(seeker, pk)
    return render(request, "seeker/application_detail.html", _detail_context(seeker, application))


@require_GET
@seeker_view
def application_employer(
    request: AuthenticatedHttpRequest, seeker: Seeker, pk: int
) -> HttpResponse:
    """The employer's panel alone, which the page reloads every few seconds (htmx)."""
    application = _application_with_news(seeker, pk)
    return render(request, "seeker/_employer.html", _detail_context(seeker, application))


@require_POST
@seeker_view
def application_delete(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    services.application_delete(application=application)
    messages.success(request, _("Application deleted."))
    return redirect("seeker:board")


@require_POST
@seeker_view
def application_subscribe(
    request: AuthenticatedHttpRequest, seeker: Seeker, pk: int
) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    form = forms.SubscribeForm(request.POST)
    if form.is_valid():
        try:
            services.application_subscribe(application=application, url=form.cleaned_data["url"])
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, _("Subscribed: the employer's news now arrives here."))
            return redirect("seeker:application-detail", application.pk)
    context = {**_detail_context(seeker, application), "subscribe_form": form}
    return render(request, "seeker/application_detail.html", context, status=400)


@require_POST
@seeker_view
def application_unsubscribe(
    request: AuthenticatedHttpRequest, seeker: Seeker, pk: int
) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    services.application_unsubscribe(application=application)
    return redirect("seeker:application-detail", application.pk)


# --- Documents ----------------------------------------------------------------------------


@require_POST
@seeker_view
def document_new(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    form = forms.DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(application=application, upload=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Document added."))
            return redirect(
                reverse("seeker:application-detail", args=[application.pk]) + "#documents-h"
            )
    context = {**_detail_context(seeker, application), "document_form": form}
    return render(request, "seeker/application_detail.html", context, status=400)


@require_GET
@seeker_view
def document_download(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> FileResponse:
    """The seeker's own file, always as a download (never shown in the page's origin)."""
    document = selectors.document_get_for_seeker(seeker=seeker, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=document.name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@seeker_view
def document_delete(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    document = selectors.document_get_for_seeker(seeker=seeker, pk=pk)
    application_id = document.application_id
    services.document_delete(document=document)
    messages.success(request, _("Document deleted."))
    return redirect("seeker:application-detail", application_id)


# --- Interviews and drafts ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@seeker_view
def interview_new(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    return _interview_form(request, seeker, application, None)


@require_http_methods(["GET", "POST"])
@seeker_view
def interview_edit(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    interview = selectors.interview_get_for_seeker(seeker=seeker, pk=pk)
    return _interview_form(request, seeker, interview.application, interview)


def _interview_form(
    request: HttpRequest, seeker: Seeker, application: JobApplication, interview: Any
) -> HttpResponse:
    with timezone.override(seeker.time_zone):
        form = forms.InterviewForm(request.POST or None, instance=interview)
        if request.method == "POST" and form.is_valid():
            try:
                services.interview_save(
                    application=application, interview=interview, data=form.cleaned_data
                )
            except ValidationError as error:
                form_add_errors(form, error)
            else:
                return redirect("seeker:application-detail", application.pk)
        context = {"form": form, "application": application, "interview": interview}
        status = 400 if request.method == "POST" else 200
        return render(request, "seeker/interview_form.html", context, status=status)


def _sender(seeker: Seeker) -> str:
    return seeker.user.full_name or seeker.user.email


@require_http_methods(["GET", "POST"])
@seeker_view
def thank_you(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    interview = selectors.interview_get_for_seeker(seeker=seeker, pk=pk)
    if request.method == "POST":
        services.interview_thank_you_sent(interview=interview)
        messages.success(request, _("Marked as sent."))
        return redirect("seeker:application-detail", interview.application_id)
    with timezone.override(seeker.time_zone):
        draft = drafts.thank_you(
            interview=interview,
            sender=_sender(seeker),
            language=seeker.user.language,
            today=services.local_today(seeker),
        )
    context = {
        "draft": draft,
        "application": interview.application,
        "interview": interview,
        "title": _("Thank-you note"),
        "done_url": reverse("seeker:thank-you", args=[interview.pk]),
        "done_label": _("I sent it"),
    }
    return render(request, "seeker/draft.html", context)


DRAFTS = {"follow-up": drafts.follow_up, "feedback": drafts.feedback_request}


@require_GET
@seeker_view
def application_draft(
    request: AuthenticatedHttpRequest, seeker: Seeker, pk: int, kind: str
) -> HttpResponse:
    application = selectors.application_get_for_seeker(seeker=seeker, pk=pk)
    if kind not in DRAFTS:
        raise Http404
    draft = DRAFTS[kind](
        application=application, sender=_sender(seeker), language=seeker.user.language
    )
    title = _("Follow-up") if kind == "follow-up" else _("Feedback request")
    context = {"draft": draft, "application": application, "title": title}
    return render(request, "seeker/draft.html", context)


# --- Reminders ----------------------------------------------------------------------------


@require_POST
@seeker_view
def reminder_close(request: AuthenticatedHttpRequest, seeker: Seeker, pk: int) -> HttpResponse:
    reminder = selectors.reminder_get_for_seeker(seeker=seeker, pk=pk)
    try:
        services.reminder_close(reminder=reminder, state=request.POST.get("state", ""))
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    target = request.POST.get("next", "")
    if target.startswith("/me/") and "//" not in target:
        return redirect(target)
    return redirect("seeker:board")
